/* SPDX-License-Identifier: MIT */
/* bilat-bench: throughput of memchr, the tokenizer, extraction and JSON on one generated corpus. */
#include <bilat/bilat.h>
#include "core/core-private.h"
#include "bench-util.h"
#include "gen-lib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#ifndef BENCH_BUILDTYPE
#define BENCH_BUILDTYPE "unknown"
#endif

typedef struct {
    const char *buf;
    const gen_span *docs;
    size_t n_docs;
    size_t bytes;
    bilat_extractor *ex;
    GArray *tokens;       /* reused by the tokenizer pass */
} corpus;

/* What a pass did, so the compiler cannot drop the work and the reader can check it. */
typedef struct {
    uint64_t count;
    const char *unit;
} pass_result;

typedef gboolean (*pass_func) (const corpus *c, pass_result *res);

typedef struct {
    const char *name;
    pass_func run;
    double best;          /* seconds, the fastest repeat */
    pass_result res;
    gboolean ran;
    size_t peak_rss;      /* bytes, the highest VmHWM of its repeats; 0 when unknown */
} pass;

static void
report_error (const char *what, size_t doc, bilat_error *err)
{
    fprintf (stderr, "bilat-bench: %s failed on document %zu: %s\n", what, doc,
             err ? bilat_error_message (err) : "(no message)");
    bilat_error_free (err);
}

/* The memory yardstick: one memchr over each document for a byte no document holds, so
 * every byte is read once and nothing else is done. */
static gboolean
pass_memchr (const corpus *c, pass_result *res)
{
    uint64_t found = 0;
    for (size_t i = 0; i < c->n_docs; i++) {
        const char *d = c->buf + c->docs[i].offset;
        found += memchr (d, '\0', c->docs[i].len) != NULL;
    }
    res->count = found;
    res->unit = "NUL bytes";
    return TRUE;
}

/* What every extraction starts with: normalization and tokens, nothing matched. */
static gboolean
pass_tokenize (const corpus *c, pass_result *res)
{
    uint64_t tokens = 0;
    for (size_t i = 0; i < c->n_docs; i++) {
        bilat_text t;
        bilat_error *err = NULL;
        if (bilat__text_init (&t, c->buf + c->docs[i].offset, c->docs[i].len, FALSE, &err)
            != BILAT_OK) {
            report_error ("bilat__text_init", i, err);
            return FALSE;
        }
        g_array_set_size (c->tokens, 0);
        bilat__tokenize (c->tokens, t.text, t.len);
        tokens += c->tokens->len;
        bilat__text_clear (&t);
    }
    res->count = tokens;
    res->unit = "tokens";
    return TRUE;
}

static uint64_t
count_facts (const bilat_doc *doc)
{
    uint64_t n = 0;
    for (int kind = BILAT_FACT_STATE; kind <= BILAT_FACT_STATUS; kind++)
        n += bilat_doc_n_facts (doc, kind);
    return n;
}

static gboolean
pass_extract (const corpus *c, pass_result *res)
{
    uint64_t facts = 0;
    for (size_t i = 0; i < c->n_docs; i++) {
        bilat_doc *doc = NULL;
        bilat_error *err = NULL;
        if (bilat_extract (&doc, c->ex, c->buf + c->docs[i].offset, c->docs[i].len, &err)
            != BILAT_OK) {
            report_error ("bilat_extract", i, err);
            return FALSE;
        }
        facts += count_facts (doc);
        bilat_doc_free (doc);
    }
    res->count = facts;
    res->unit = "facts";
    return TRUE;
}

static gboolean
pass_extract_json (const corpus *c, pass_result *res)
{
    uint64_t json_bytes = 0;
    for (size_t i = 0; i < c->n_docs; i++) {
        bilat_doc *doc = NULL;
        bilat_error *err = NULL;
        char *json = NULL;
        if (bilat_extract (&doc, c->ex, c->buf + c->docs[i].offset, c->docs[i].len, &err)
            != BILAT_OK) {
            report_error ("bilat_extract", i, err);
            return FALSE;
        }
        if (bilat_doc_to_json (&json, doc, 0, NULL, &err) != BILAT_OK) {
            report_error ("bilat_doc_to_json", i, err);
            bilat_doc_free (doc);
            return FALSE;
        }
        json_bytes += strlen (json);
        bilat_free (json);
        bilat_doc_free (doc);
    }
    res->count = json_bytes;
    res->unit = "JSON bytes";
    return TRUE;
}

static void
usage (FILE *f)
{
    fputs ("usage: bilat-bench [--mb N] [--seed S] [--repeat R] [--only PASS] [--json]\n"
           "  --mb N       corpus size in MB of 10^6 bytes (default 16)\n"
           "  --seed S     generator seed (default 1), as for bilat-gen\n"
           "  --repeat R   runs of each pass; the fastest is reported (default 3)\n"
           "  --only PASS  run one pass: memchr, tokenize, extract or extract+json\n"
           "  --json       print one JSON object instead of the table\n",
           f);
}

int
main (int argc, char **argv)
{
    unsigned long long mb = 16, seed = GEN_DEFAULT_SEED, repeat = 3;
    const char *only = NULL;
    gboolean as_json = FALSE;
    pass passes[] = {
        { "memchr", pass_memchr, 0, { 0, NULL }, FALSE, 0 },
        { "tokenize", pass_tokenize, 0, { 0, NULL }, FALSE, 0 },
        { "extract", pass_extract, 0, { 0, NULL }, FALSE, 0 },
        { "extract+json", pass_extract_json, 0, { 0, NULL }, FALSE, 0 },
    };
    const size_t n_passes = G_N_ELEMENTS (passes);

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0) {
            usage (stdout);
            return 0;
        } else if (strcmp (arg, "--json") == 0) {
            as_json = TRUE;
        } else if (strcmp (arg, "--mb") == 0) {
            if (!bench_parse_uint (val, 4000, &mb) || mb == 0) {
                fprintf (stderr, "bilat-bench: --mb needs a count from 1 to 4000\n");
                return 2;
            }
            i++;
        } else if (strcmp (arg, "--seed") == 0) {
            if (!bench_parse_uint (val, UINT64_MAX, &seed)) {
                fprintf (stderr, "bilat-bench: --seed needs an unsigned integer\n");
                return 2;
            }
            i++;
        } else if (strcmp (arg, "--repeat") == 0) {
            if (!bench_parse_uint (val, 1000, &repeat) || repeat == 0) {
                fprintf (stderr, "bilat-bench: --repeat needs a count from 1 to 1000\n");
                return 2;
            }
            i++;
        } else if (strcmp (arg, "--only") == 0) {
            gboolean known = FALSE;
            for (size_t p = 0; p < n_passes && val; p++)
                known = known || strcmp (val, passes[p].name) == 0;
            if (!known) {
                fprintf (stderr, "bilat-bench: --only needs memchr, tokenize, extract or "
                                 "extract+json\n");
                return 2;
            }
            only = val;
            i++;
        } else {
            fprintf (stderr, "bilat-bench: unknown argument '%s'\n", arg);
            usage (stderr);
            return 2;
        }
    }

    GString *buf = g_string_sized_new ((size_t) mb * 1000000 + 8192);
    GArray *spans = g_array_new (FALSE, FALSE, sizeof (gen_span));
    size_t n_docs = gen_corpus (buf, spans, (size_t) mb * 1000000, (uint64_t) seed);

    bilat_error *err = NULL;
    bilat_extractor *ex = NULL;
    double t0 = bench_now ();
    if (bilat_extractor_new (&ex, NULL, &err) != BILAT_OK) {
        fprintf (stderr, "bilat-bench: bilat_extractor_new: %s\n", bilat_error_message (err));
        bilat_error_free (err);
        return 1;
    }
    double extractor_seconds = bench_now () - t0;

    corpus c = {
        .buf = buf->str,
        .docs = (const gen_span *) (void *) spans->data,
        .n_docs = n_docs,
        .bytes = buf->len,
        .ex = ex,
        .tokens = g_array_sized_new (FALSE, FALSE, sizeof (bilat_token), 4096),
    };

    /* Peak RSS: the kernel's high-water mark is reset before each pass, so each pass gets
     * its own peak; the run's peak is the highest of all of them and of the setup's. */
    size_t run_peak = bench_peak_rss ();
    gboolean per_pass_peak = TRUE;
    int status = 0;
    for (size_t p = 0; p < n_passes && status == 0; p++) {
        if (only && strcmp (only, passes[p].name) != 0)
            continue;
        run_peak = MAX (run_peak, bench_peak_rss ());
        per_pass_peak = per_pass_peak && bench_peak_rss_reset ();
        for (unsigned long long r = 0; r < repeat; r++) {
            pass_result res = { 0, NULL };
            double start = bench_now ();
            if (!passes[p].run (&c, &res)) {
                status = 1;
                break;
            }
            double secs = bench_now () - start;
            if (!passes[p].ran || secs < passes[p].best)
                passes[p].best = secs;
            passes[p].res = res;
            passes[p].ran = TRUE;
        }
        passes[p].peak_rss = per_pass_peak ? bench_peak_rss () : 0;
    }
    struct rusage ru;
    if (getrusage (RUSAGE_SELF, &ru) == 0)
        run_peak = MAX (run_peak, (size_t) ru.ru_maxrss * 1024);
    run_peak = MAX (run_peak, bench_peak_rss ());

    struct utsname un;
    if (uname (&un) != 0)
        g_strlcpy (un.machine, "unknown", sizeof un.machine);
    char *cpu = bench_cpu_model ();
    long nproc = sysconf (_SC_NPROCESSORS_ONLN);
    const pass *tok = &passes[1];

    if (status == 0 && as_json) {
        printf ("{\"machine\":{\"arch\":");
        bench_json_string (stdout, un.machine);
        printf (",\"cpu\":");
        bench_json_string (stdout, cpu);
        printf (",\"nproc\":%ld},\"library\":", nproc);
        bench_json_string (stdout, bilat_version_string ());
        printf (",\"buildtype\":");
        bench_json_string (stdout, BENCH_BUILDTYPE);
        printf (",\"corpus\":{\"bytes\":%zu,\"docs\":%zu,\"seed\":%llu},\"repeat\":%llu,"
                "\"extractor_new_seconds\":%.6f,\"passes\":[",
                c.bytes, c.n_docs, seed, repeat, extractor_seconds);
        gboolean first = TRUE;
        for (size_t p = 0; p < n_passes; p++) {
            const pass *ps = &passes[p];
            if (!ps->ran)
                continue;
            printf ("%s{\"name\":", first ? "" : ",");
            bench_json_string (stdout, ps->name);
            printf (",\"seconds\":%.6f,\"mb_per_s\":%.3f,\"docs_per_s\":%.1f,"
                    "\"work\":%" G_GUINT64_FORMAT ",\"work_unit\":",
                    ps->best, (double) c.bytes / MB / ps->best, (double) c.n_docs / ps->best,
                    ps->res.count);
            bench_json_string (stdout, ps->res.unit);
            if (strcmp (ps->name, "extract") == 0 && tok->ran)
                printf (",\"pct_of_tokenize\":%.2f", 100.0 * tok->best / ps->best);
            if (ps->peak_rss)
                printf (",\"peak_rss_bytes\":%zu", ps->peak_rss);
            putchar ('}');
            first = FALSE;
        }
        printf ("],\"peak_rss_bytes\":%zu}\n", run_peak);
    } else if (status == 0) {
        printf ("machine: %s | %s | nproc %ld\n", un.machine, cpu, nproc);
        printf ("libbilat %s (%s build); corpus %.1f MB, %zu docs (avg %zu bytes), seed %llu; "
                "best of %llu; extractor_new %.1f ms\n",
                bilat_version_string (), BENCH_BUILDTYPE, (double) c.bytes / MB, c.n_docs,
                c.bytes / c.n_docs, seed, repeat, extractor_seconds * 1e3);
        printf ("%-13s %10s %11s %9s %14s   %s\n", "pass", "MB/s", "docs/s", "peak RSS",
                "vs tokenize", "work done");
        for (size_t p = 0; p < n_passes; p++) {
            const pass *ps = &passes[p];
            if (!ps->ran)
                continue;
            char ratio[32] = "-";
            if (strcmp (ps->name, "extract") == 0 && tok->ran)
                g_snprintf (ratio, sizeof ratio, "%.1f %%", 100.0 * tok->best / ps->best);
            char rss[32] = "n/a";
            if (ps->peak_rss)
                g_snprintf (rss, sizeof rss, "%.1f MB", (double) ps->peak_rss / MB);
            printf ("%-13s %10.1f %11.0f %9s %14s   %" G_GUINT64_FORMAT " %s\n", ps->name,
                    (double) c.bytes / MB / ps->best, (double) c.n_docs / ps->best, rss, ratio,
                    ps->res.count, ps->res.unit);
        }
        printf ("peak RSS of the run: %.1f MB\n", (double) run_peak / MB);
    }

    g_free (cpu);
    g_array_free (c.tokens, TRUE);
    bilat_extractor_free (ex);
    g_array_free (spans, TRUE);
    g_string_free (buf, TRUE);
    return status;
}
