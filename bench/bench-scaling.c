/* SPDX-License-Identifier: MIT */
/* bilat-bench-scaling: whether extraction costs the same per byte from 1 KB to 50 MB
 * documents, and model building the same per document from 1,000 to 1,000,000 documents. */
#include <bilat/bilat.h>
#include "extract/extract-private.h"
#include "bench-util.h"
#include "gen-lib.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#ifndef BENCH_BUILDTYPE
#define BENCH_BUILDTYPE "unknown"
#endif

/* Costs are processor time of the process (CLOCK_PROCESS_CPUTIME_ID), not wall time: the
 * machine these figures come from is shared, and a ratio of two wall times taken minutes
 * apart measures the neighbours as much as the library. The cpu column says how much of
 * the wall time the process had.
 *
 * A batch of extractions of one small document is repeated until it lasts this long, so
 * that the clock's resolution and the loop do not weigh on a 1 KB document. */
#define MIN_BATCH_SECONDS 0.3

static const size_t doc_sizes[] = { 1000, 10000, 100000, 1000000, 10000000, 50000000 };
static const size_t doc_counts[] = { 1000, 10000, 100000, 1000000 };

typedef struct {
    size_t target, bytes;
    double seconds;       /* one extraction's processor time, the fastest batch's mean */
    double cpu;           /* processor time over wall time of that batch */
    double stages[BILAT_N_STAGES];   /* one extraction's processor seconds per stage */
    uint64_t facts;
    size_t peak_rss;
} size_row;

typedef struct {
    size_t docs, bytes;
    double extract, add, derive;     /* processor seconds in all */
    double cpu;
    size_t model_bytes, peak_rss;
    size_t events;
} count_row;

static void
die (const char *what, bilat_error *err)
{
    fprintf (stderr, "bilat-bench-scaling: %s: %s\n", what,
             err ? bilat_error_message (err) : "(no message)");
    exit (1);
}

/* One document of about target bytes: generated releases back to back (seed's sequence,
 * the corpus of bilat-bench), cut after the last line break at or before target, so every
 * size starts with the same text and ends with a whole line. */
static void
make_document (GString *text, size_t target, uint64_t seed)
{
    GArray *spans = g_array_new (FALSE, FALSE, sizeof (gen_span));
    g_string_truncate (text, 0);
    gen_corpus (text, spans, target, seed);
    g_array_free (spans, TRUE);
    if (text->len > target) {
        size_t cut = target;
        while (cut > 0 && text->str[cut - 1] != '\n')
            cut--;
        g_string_truncate (text, cut > 0 ? cut : target);
    }
}

static uint64_t
extract_once (const bilat_extractor *ex, const GString *text)
{
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    if (bilat_extract (&doc, ex, text->str, text->len, &err) != BILAT_OK)
        die ("bilat_extract", err);
    uint64_t facts = bench_count_facts (doc);
    bilat_doc_free (doc);
    return facts;
}

static void
measure_size (size_row *row, const bilat_extractor *ex, size_t target, uint64_t seed,
              unsigned long long repeat)
{
    GString *text = g_string_sized_new (target + 8192);
    make_document (text, target, seed);
    row->target = target;
    row->bytes = text->len;
    bench_peak_rss_reset ();

    /* A first extraction tells how many make a batch of MIN_BATCH_SECONDS. */
    double t0 = bench_cpu_now ();
    row->facts = extract_once (ex, text);
    double once = bench_cpu_now () - t0;
    unsigned long long per_batch = once >= MIN_BATCH_SECONDS ? 1
                                   : (unsigned long long) (MIN_BATCH_SECONDS / once) + 1;
    bilat__stage_clock_on = TRUE;
    for (unsigned long long r = 0; r < repeat; r++) {
        memset (bilat__stage_seconds, 0, sizeof bilat__stage_seconds);
        double start = bench_now (), cpu_start = bench_cpu_now ();
        for (unsigned long long k = 0; k < per_batch; k++)
            extract_once (ex, text);
        double wall = (bench_now () - start) / (double) per_batch;
        double cpu = (bench_cpu_now () - cpu_start) / (double) per_batch;
        if (r == 0 || cpu < row->seconds) {
            row->seconds = cpu;
            row->cpu = cpu / wall;
            /* The stage clock is a wall clock: its shares, applied to the processor time
             * (time taken by neighbours falls on the stages as they run). */
            for (int s = 0; s < BILAT_N_STAGES; s++)
                row->stages[s] = bilat__stage_seconds[s] / (double) per_batch * row->cpu;
        }
    }
    bilat__stage_clock_on = FALSE;
    row->peak_rss = bench_peak_rss ();
    g_string_free (text, TRUE);
}

/* n documents generated one at a time (only the model grows), each extracted with an id
 * and a date and added to one model, then the first read that derives people, events and
 * the graph. Generating is not timed; freeing the model is not timed. */
static void
measure_count (count_row *row, const bilat_extractor *ex, size_t n, uint64_t seed, gboolean tty)
{
    bilat_error *err = NULL;
    bilat_model *m = NULL;
    bench_peak_rss_reset ();
    size_t heap0 = bench_heap_in_use ();
    if (bilat_model_new (&m, &err) != BILAT_OK)
        die ("bilat_model_new", err);
    gen_rng rng;
    gen_rng_init (&rng, seed);
    GString *text = g_string_sized_new (8192);
    memset (row, 0, sizeof *row);
    row->docs = n;
    double cpu_start = bench_cpu_now (), wall_start = bench_now ();
    for (size_t i = 0; i < n; i++) {
        char id[32], date[11];
        g_snprintf (id, sizeof id, "doc-%07zu", i);
        bench_doc_date (i, n, date);
        g_string_truncate (text, 0);
        gen_document (text, &rng);
        row->bytes += text->len;
        bilat_doc *doc = NULL;
        double t1 = bench_cpu_now ();
        if (bilat_extract_dated (&doc, ex, text->str, text->len, date, &err) != BILAT_OK)
            die ("bilat_extract_dated", err);
        double t2 = bench_cpu_now ();
        if (bilat_model_add_doc (m, id, doc, &err) != BILAT_OK)
            die ("bilat_model_add_doc", err);
        double t3 = bench_cpu_now ();
        bilat_doc_free (doc);
        row->extract += t2 - t1;
        row->add += t3 - t2;
        if (tty && i % 10000 == 9999)
            fprintf (stderr, "\r%zu of %zu documents", i + 1, n);
    }
    if (tty)
        fputs ("\r\033[K", stderr);
    double t0 = bench_cpu_now ();
    row->events = bilat_model_n_events (m);
    bilat_model_graph (m);
    row->derive = bench_cpu_now () - t0;
    /* The process's share of the processor, generating included on both sides. */
    row->cpu = (bench_cpu_now () - cpu_start) / (bench_now () - wall_start);
    row->model_bytes = bench_heap_in_use () - heap0;
    row->peak_rss = bench_peak_rss ();
    g_string_free (text, TRUE);
    bilat_model_free (m);
}

static void
usage (FILE *f)
{
    fputs ("usage: bilat-bench-scaling [--sizes-only | --counts-only] [--max-mb N] "
           "[--max-docs N]\n"
           "                           [--seed S] [--repeat R] [--json]\n"
           "  --sizes-only   only single documents of 1 KB to 50 MB\n"
           "  --counts-only  only models of 1,000 to 1,000,000 documents\n"
           "  --max-mb N     largest document, MB of 10^6 bytes (default 50; at most 64)\n"
           "  --max-docs N   most documents in a model (default 1000000)\n"
           "  --seed S       generator seed (default 1), as for bilat-gen\n"
           "  --repeat R     batches per document size; the fastest is reported (default 3)\n"
           "  --json         print one JSON object instead of the tables\n",
           f);
}

int
main (int argc, char **argv)
{
    /* GSlice's caches would hide what the model holds from mallinfo2: plain malloc. */
    setenv ("G_SLICE", "always-malloc", 1);
    unsigned long long max_mb = 50, max_docs = 1000000, seed = GEN_DEFAULT_SEED, repeat = 3;
    gboolean sizes = TRUE, counts = TRUE, as_json = FALSE;
    const bench_count_opt opts[] = {
        { "--max-mb", 1, 64, &max_mb },  /* the extractor's default size limit is 64 MiB */
        { "--max-docs", 1000, 100000000, &max_docs },
        { "--seed", 0, UINT64_MAX, &seed },
        { "--repeat", 1, 1000, &repeat },
    };
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        gboolean bad;
        if (bench_count_option ("bilat-bench-scaling", argc, argv, &i, opts,
                                G_N_ELEMENTS (opts), &bad)) {
            if (bad)
                return 2;
        } else if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0) {
            usage (stdout);
            return 0;
        } else if (strcmp (arg, "--json") == 0) {
            as_json = TRUE;
        } else if (strcmp (arg, "--sizes-only") == 0) {
            counts = FALSE;
        } else if (strcmp (arg, "--counts-only") == 0) {
            sizes = FALSE;
        } else {
            fprintf (stderr, "bilat-bench-scaling: unknown argument '%s'\n", arg);
            usage (stderr);
            return 2;
        }
    }
    if (!sizes && !counts) {
        fprintf (stderr, "bilat-bench-scaling: --sizes-only and --counts-only exclude each "
                         "other\n");
        return 2;
    }

    bilat_error *err = NULL;
    bilat_extractor *ex = NULL;
    if (bilat_extractor_new (&ex, NULL, &err) != BILAT_OK)
        die ("bilat_extractor_new", err);
    gboolean tty = !as_json && isatty (STDERR_FILENO);

    size_row srows[G_N_ELEMENTS (doc_sizes)];
    size_t n_srows = 0;
    for (size_t i = 0; sizes && i < G_N_ELEMENTS (doc_sizes); i++) {
        if (doc_sizes[i] > max_mb * 1000000)
            break;
        if (tty)
            fprintf (stderr, "\rdocument of %zu bytes\033[K", doc_sizes[i]);
        measure_size (&srows[n_srows++], ex, doc_sizes[i], seed, repeat);
    }
    if (tty)
        fputs ("\r\033[K", stderr);
    count_row crows[G_N_ELEMENTS (doc_counts)];
    size_t n_crows = 0;
    for (size_t i = 0; counts && i < G_N_ELEMENTS (doc_counts); i++) {
        if (doc_counts[i] > max_docs)
            break;
        measure_count (&crows[n_crows++], ex, doc_counts[i], seed, tty);
    }

    struct utsname un;
    if (uname (&un) != 0)
        g_strlcpy (un.machine, "unknown", sizeof un.machine);
    char *cpu = bench_cpu_model ();
    long nproc = sysconf (_SC_NPROCESSORS_ONLN);

    if (as_json) {
        bench_json_machine (un.machine, cpu, nproc, BENCH_BUILDTYPE);
        printf (",\"seed\":%llu,\"repeat\":%llu,\"sizes\":[", seed, repeat);
        for (size_t i = 0; i < n_srows; i++) {
            const size_row *r = &srows[i];
            printf ("%s{\"target\":%zu,\"bytes\":%zu,\"seconds\":%.9f,\"ns_per_byte\":%.3f,"
                    "\"ratio\":%.3f,\"cpu\":%.3f,\"facts\":%" G_GUINT64_FORMAT
                    ",\"peak_rss_bytes\":%zu,\"stages_ns_per_byte\":{",
                    i ? "," : "", r->target, r->bytes, r->seconds, r->seconds * 1e9 / r->bytes,
                    (r->seconds / r->bytes) / (srows[0].seconds / srows[0].bytes), r->cpu,
                    r->facts, r->peak_rss);
            for (int s = 0; s < BILAT_N_STAGES; s++) {
                printf ("%s", s ? "," : "");
                bench_json_string (stdout, bilat__stage_names[s]);
                printf (":%.3f", r->stages[s] * 1e9 / r->bytes);
            }
            printf ("}}");
        }
        printf ("],\"counts\":[");
        for (size_t i = 0; i < n_crows; i++) {
            const count_row *r = &crows[i];
            double total = r->extract + r->add + r->derive;
            double first = (crows[0].extract + crows[0].add + crows[0].derive) / crows[0].docs;
            printf ("%s{\"docs\":%zu,\"bytes\":%zu,\"extract_seconds\":%.6f,"
                    "\"add_seconds\":%.6f,\"derive_seconds\":%.6f,\"us_per_doc\":%.3f,"
                    "\"ratio\":%.3f,\"docs_per_s\":%.1f,\"cpu\":%.3f,\"events\":%zu,"
                    "\"model_bytes\":%zu,\"model_bytes_per_doc\":%.1f,\"peak_rss_bytes\":%zu}",
                    i ? "," : "", r->docs, r->bytes, r->extract, r->add, r->derive,
                    total * 1e6 / r->docs, (total / r->docs) / first, r->docs / total, r->cpu,
                    r->events, r->model_bytes, (double) r->model_bytes / r->docs, r->peak_rss);
        }
        printf ("]}\n");
    } else {
        printf ("machine: %s | %s | nproc %ld\n", un.machine, cpu, nproc);
        printf ("libbilat %s (%s build); seed %llu; G_SLICE=always-malloc; costs in processor "
                "time\n",
                bilat_version_string (), BENCH_BUILDTYPE, seed);
        if (n_srows) {
            printf ("\none document (releases back to back), bilat_extract; processor time, "
                    "best of %llu batches of >= %.1f s;\nns/B by stage: the stage clock's "
                    "shares of that time\n", repeat, MIN_BATCH_SECONDS);
            printf ("%10s %8s %6s %5s %8s %9s |", "bytes", "ns/B", "ratio", "cpu", "facts/KB",
                    "peak RSS");
            for (int s = 0; s < BILAT_N_STAGES; s++)
                printf (" %9.9s", bilat__stage_names[s]);
            putchar ('\n');
            double first = srows[0].seconds / srows[0].bytes;
            for (size_t i = 0; i < n_srows; i++) {
                const size_row *r = &srows[i];
                printf ("%10zu %8.1f %6.2f %4.0f%% %8.1f %6.1f MB |", r->bytes,
                        r->seconds * 1e9 / r->bytes, (r->seconds / r->bytes) / first,
                        100.0 * r->cpu, (double) r->facts * 1000.0 / r->bytes,
                        (double) r->peak_rss / MB);
                for (int s = 0; s < BILAT_N_STAGES; s++)
                    printf (" %9.1f", r->stages[s] * 1e9 / r->bytes);
                putchar ('\n');
            }
        }
        if (n_crows) {
            printf ("\none model, documents generated one by one: bilat_extract_dated, "
                    "bilat_model_add_doc, first read;\nprocessor time in us per document, "
                    "generating not counted\n");
            printf ("%9s %8s | %9s %9s %9s %9s | %6s %8s %5s %9s %11s %9s\n", "docs",
                    "text MB", "extract", "add", "derive", "us/doc", "ratio", "docs/s", "cpu",
                    "events", "model B/doc", "peak RSS");
            double first = (crows[0].extract + crows[0].add + crows[0].derive) / crows[0].docs;
            for (size_t i = 0; i < n_crows; i++) {
                const count_row *r = &crows[i];
                double total = r->extract + r->add + r->derive;
                printf ("%9zu %8.1f | %9.1f %9.1f %9.1f %9.1f | %6.2f %8.0f %4.0f%% %9zu "
                        "%11.0f %6.0f MB\n",
                        r->docs, (double) r->bytes / MB, r->extract * 1e6 / r->docs,
                        r->add * 1e6 / r->docs, r->derive * 1e6 / r->docs,
                        total * 1e6 / r->docs, (total / r->docs) / first, r->docs / total,
                        100.0 * r->cpu, r->events, (double) r->model_bytes / r->docs,
                        (double) r->peak_rss / MB);
            }
        }
    }
    g_free (cpu);
    bilat_extractor_free (ex);
    return 0;
}
