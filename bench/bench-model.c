/* SPDX-License-Identifier: MIT */
/* bilat-bench-model: one model from many generated documents: build speed, memory per
 * document and per event, save and load speed, query latency. */
#include <bilat/bilat.h>
#include "bench-util.h"
#include "gen-lib.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#ifndef BENCH_BUILDTYPE
#define BENCH_BUILDTYPE "unknown"
#endif

#define MB 1000000.0

static void
die (const char *what, bilat_error *err)
{
    fprintf (stderr, "bilat-bench-model: %s: %s\n", what, bilat_error_message (err));
    exit (1);
}

typedef struct {
    const char *name;
    double us_median, us_mean;
    size_t items;
    int runs;
} timing;

static int
cmp_double (const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return x < y ? -1 : x > y;
}

typedef int (*query_fn) (bilat_result **out, const bilat_model *m, void *arg);

typedef struct {
    const char *a, *b, *since, *until;
    bilat_filter *f;
} qargs;

static int
q_relation (bilat_result **out, const bilat_model *m, void *arg)
{
    qargs *q = arg;
    return bilat_query_relation (out, m, q->a, q->b, NULL);
}

static int
q_partners (bilat_result **out, const bilat_model *m, void *arg)
{
    qargs *q = arg;
    return bilat_query_partners (out, m, q->a, q->since, q->until, NULL);
}

static int
q_events (bilat_result **out, const bilat_model *m, void *arg)
{
    return bilat_query_events (out, m, ((qargs *) arg)->f, NULL);
}

static int
q_timeline (bilat_result **out, const bilat_model *m, void *arg)
{
    qargs *q = arg;
    return bilat_query_timeline (out, m, q->a, q->b, NULL);
}

static int
q_people (bilat_result **out, const bilat_model *m, void *arg)
{
    return bilat_query_people (out, m, ((qargs *) arg)->a, NULL);
}

static int
q_path (bilat_result **out, const bilat_model *m, void *arg)
{
    qargs *q = arg;
    return bilat_query_path (out, m, q->a, q->b, NULL);
}

static timing
time_query (const char *name, const bilat_model *m, query_fn fn, void *arg, int runs)
{
    double *t = g_new (double, runs), sum = 0;
    size_t items = 0;
    for (int i = 0; i < runs; i++) {
        bilat_result *r = NULL;
        double t0 = bench_now ();
        if (fn (&r, m, arg) != BILAT_OK)
            die (name, NULL);
        t[i] = (bench_now () - t0) * 1e6;
        sum += t[i];
        items = bilat_result_n (r, BILAT_ITEM_EVENT) + bilat_result_n (r, BILAT_ITEM_STATE) +
                bilat_result_n (r, BILAT_ITEM_OFFICIAL);
        bilat_result_free (r);
    }
    qsort (t, (size_t) runs, sizeof *t, cmp_double);
    timing tm = { name, t[runs / 2], sum / runs, items, runs };
    g_free (t);
    return tm;
}

static void
usage (FILE *f)
{
    fputs ("usage: bilat-bench-model [--docs N] [--seed S] [--runs R] [--json]\n"
           "  --docs N   generated documents added to one model (default 100000)\n"
           "  --seed S   generator seed (default 1), as for bilat-gen\n"
           "  --runs R   runs of each query; the median is reported (default 200)\n"
           "  --json     print one JSON object instead of the table\n", f);
}

int
main (int argc, char **argv)
{
    /* GSlice's caches would hide what the model frees and holds: plain malloc throughout. */
    setenv ("G_SLICE", "always-malloc", 1);
    unsigned long long docs_opt = 100000, seed_opt = GEN_DEFAULT_SEED, runs_opt = 200;
    gboolean json = FALSE;
    const bench_count_opt counts[] = {
        { "--docs", 1, 100000000, &docs_opt },
        { "--seed", 0, UINT64_MAX, &seed_opt },
        { "--runs", 1, 1000000, &runs_opt },
    };
    for (int i = 1; i < argc; i++) {
        gboolean bad;
        if (bench_count_option ("bilat-bench-model", argc, argv, &i, counts,
                                G_N_ELEMENTS (counts), &bad)) {
            if (bad)
                return 2;
        } else if (strcmp (argv[i], "--json") == 0) {
            json = TRUE;
        } else {
            usage (strcmp (argv[i], "--help") == 0 ? stdout : stderr);
            return strcmp (argv[i], "--help") == 0 ? 0 : 2;
        }
    }
    size_t n_docs = (size_t) docs_opt;
    uint64_t seed = (uint64_t) seed_opt;
    int runs = (int) runs_opt;
    if (n_docs == 0 || runs < 1) {
        usage (stderr);
        return 2;
    }
    bilat_error *err = NULL;
    bilat_extractor *ex = NULL;
    if (bilat_extractor_new (&ex, NULL, &err) != BILAT_OK)
        die ("extractor", err);

    /* ---- build: extract each document, add it; the model derives on the first read ---- */
    size_t heap0 = bench_heap_in_use (), rss0 = bench_rss ();
    bilat_model *m = NULL;
    bilat_model_new (&m, NULL);
    gen_rng rng;
    gen_rng_init (&rng, seed);
    GString *text = g_string_sized_new (8192);
    double t_extract = 0, t_add = 0, c_extract = 0, c_add = 0;
    size_t text_bytes = 0;
    for (size_t i = 0; i < n_docs; i++) {
        char id[32], date[11];
        g_snprintf (id, sizeof id, "doc-%07zu", i);
        bench_doc_date (i, n_docs, date);
        g_string_truncate (text, 0);
        gen_document (text, &rng);
        text_bytes += text->len;
        bilat_doc *doc = NULL;
        double t0 = bench_now (), c0 = bench_cpu_now ();
        if (bilat_extract_dated (&doc, ex, text->str, text->len, date, &err) != BILAT_OK)
            die ("extract", err);
        double t1 = bench_now (), c1 = bench_cpu_now ();
        if (bilat_model_add_doc (m, id, doc, &err) != BILAT_OK)
            die ("add", err);
        double t2 = bench_now (), c2 = bench_cpu_now ();
        bilat_doc_free (doc);
        t_extract += t1 - t0;
        t_add += t2 - t1;
        c_extract += c1 - c0;
        c_add += c2 - c1;
        if (!json && isatty (STDERR_FILENO) && i % 5000 == 4999)
            fprintf (stderr, "\r%zu documents", i + 1);
    }
    if (!json && isatty (STDERR_FILENO))
        fputs ("\r\033[K", stderr);
    g_string_free (text, TRUE);
    size_t heap_ledger = bench_heap_in_use ();
    double t0 = bench_now (), c0 = bench_cpu_now ();
    size_t n_events = bilat_model_n_events (m);   /* the first read derives everything */
    bilat_model_graph (m);
    double t_derive = bench_now () - t0, c_derive = bench_cpu_now () - c0;
    size_t heap1 = bench_heap_in_use (), rss1 = bench_rss ();
    size_t model_bytes = heap1 - heap0, ledger_bytes = heap_ledger - heap0;
    size_t n_reports = 0;
    for (size_t i = 0; i < n_events; i++)
        n_reports += bilat_event_n_evidence (bilat_model_event (m, i));

    /* ---- save and load ---------------------------------------------------------------- */
    char *saved = NULL;
    t0 = bench_now ();
    c0 = bench_cpu_now ();
    if (bilat_model_to_json (&saved, m, 0, &err) != BILAT_OK)
        die ("save", err);
    double t_save = bench_now () - t0, c_save = bench_cpu_now () - c0;
    size_t saved_len = strlen (saved);
    bilat_options *opts = NULL;
    bilat_options_new (&opts, NULL);
    bilat_options_set_max_size (opts, saved_len + 1, NULL);
    bilat_model *loaded = NULL;
    t0 = bench_now ();
    c0 = bench_cpu_now ();
    if (bilat_model_from_json (&loaded, opts, saved, saved_len, &err) != BILAT_OK)
        die ("load", err);
    double c_parse = bench_cpu_now () - c0;
    bilat_model_n_events (loaded);
    double t_load = bench_now () - t0, c_load = bench_cpu_now () - c0;
    char *again = NULL;
    bilat_model_to_json (&again, loaded, 0, NULL);
    gboolean equal = strcmp (again, saved) == 0;
    bilat_free (again);
    bilat_free (saved);
    bilat_model_free (loaded);
    bilat_options_free (opts);

    /* ---- queries: the busiest state, its first partner, a far state -------------------- */
    const char *busy = NULL, *partner = NULL, *far = NULL;
    const bilat_graph *g = bilat_model_graph (m);
    uint64_t best = 0;
    for (size_t i = 0; i < bilat_model_n_states (m); i++) {
        bilat_result *r = NULL;
        const char *s = bilat_model_state (m, i);
        bilat_query_partners (&r, m, s, NULL, NULL, NULL);
        uint64_t total = 0;
        for (size_t k = 0; k < bilat_result_n (r, BILAT_ITEM_STATE); k++)
            total += bilat_result_score (r, k);
        if (total > best) {
            best = total;
            busy = s;
            partner = bilat_result_state (r, 0);
        }
        bilat_result_free (r);
    }
    (void) g;
    far = bilat_model_state (m, bilat_model_n_states (m) - 1);
    if (busy == NULL)
        die ("queries", NULL);
    qargs q = { busy, partner, NULL, NULL, NULL };
    qargs qr = { busy, partner, "2020-01-01", "2020-12-31", NULL };
    qargs qf = { busy, far, NULL, NULL, NULL };
    bilat_filter_new (&qf.f, NULL);
    bilat_filter_set_type (qf.f, BILAT_EVENT_VISIT, NULL);
    bilat_filter_set_state (qf.f, busy, NULL);
    bilat_filter_set_since (qf.f, "2022-01-01", NULL);
    qargs qall = { NULL, NULL, NULL, NULL, NULL };
    bilat_filter_new (&qall.f, NULL);
    bilat_filter_set_since (qall.f, "2024-06", NULL);
    bilat_filter_set_until (qall.f, "2024-06", NULL);
    timing tq[] = {
        time_query ("relation", m, q_relation, &q, runs),
        time_query ("partners", m, q_partners, &q, runs),
        time_query ("partners 2020", m, q_partners, &qr, runs),
        time_query ("events visit+state+since", m, q_events, &qf, runs),
        time_query ("events one month", m, q_events, &qall, runs),
        time_query ("timeline", m, q_timeline, &q, runs),
        time_query ("people", m, q_people, &q, runs),
        time_query ("path", m, q_path, &qf, runs),
    };
    bilat_filter_free (qf.f);
    bilat_filter_free (qall.f);

    struct utsname un;
    if (uname (&un) != 0)
        g_strlcpy (un.machine, "unknown", sizeof un.machine);
    char *cpu = bench_cpu_model ();
    double t_build = t_add + t_derive, c_build = c_add + c_derive;
    if (json) {
        printf ("{\"machine\":{\"arch\":\"%s\",\"cpu\":\"%s\",\"nproc\":%ld},"
                "\"build\":\"%s\",\"libbilat\":\"%s\",\"seed\":%" G_GUINT64_FORMAT ","
                "\"documents\":%zu,\"text_mb\":%.1f,\"events\":%zu,\"reports\":%zu,"
                "\"officials\":%zu,\"states\":%zu,"
                "\"extract_s\":%.3f,\"add_s\":%.3f,\"derive_s\":%.3f,"
                "\"extract_cpu_s\":%.3f,\"add_cpu_s\":%.3f,\"derive_cpu_s\":%.3f,"
                "\"build_docs_per_s\":%.0f,\"end_to_end_docs_per_s\":%.0f,"
                "\"model_bytes\":%zu,\"facts_bytes\":%zu,"
                "\"bytes_per_doc\":%.0f,\"bytes_per_event\":%.0f,"
                "\"rss_growth_bytes\":%zu,"
                "\"json_mb\":%.1f,\"save_mb_per_s\":%.1f,\"load_mb_per_s\":%.1f,"
                "\"parse_mb_per_s\":%.1f,\"round_trip_equal\":%s,\"queries\":[",
                un.machine, cpu, sysconf (_SC_NPROCESSORS_ONLN), BENCH_BUILDTYPE,
                bilat_version_string (), seed, n_docs, text_bytes / MB, n_events, n_reports,
                bilat_model_n_officials (m), bilat_model_n_states (m), t_extract, t_add, t_derive,
                c_extract, c_add, c_derive, n_docs / c_build, n_docs / (c_extract + c_build),
                model_bytes, ledger_bytes,
                (double) model_bytes / n_docs, (double) model_bytes / (n_events ? n_events : 1),
                rss1 > rss0 ? rss1 - rss0 : 0, saved_len / MB, saved_len / MB / c_save,
                saved_len / MB / c_load, saved_len / MB / c_parse, equal ? "true" : "false");
        for (size_t i = 0; i < G_N_ELEMENTS (tq); i++)
            printf ("%s{\"query\":\"%s\",\"median_us\":%.1f,\"mean_us\":%.1f,\"items\":%zu}",
                    i ? "," : "", tq[i].name, tq[i].us_median, tq[i].us_mean, tq[i].items);
        printf ("]}\n");
    } else {
        printf ("machine: %s | %s | nproc %ld; build %s, libbilat %s\n", un.machine, cpu,
                sysconf (_SC_NPROCESSORS_ONLN), BENCH_BUILDTYPE, bilat_version_string ());
        printf ("documents: %zu generated (seed %" G_GUINT64_FORMAT ", %.1f MB of text)\n", n_docs,
                seed, text_bytes / MB);
        printf ("model: %zu events from %zu reports, %zu officials, %zu states\n", n_events,
                n_reports, bilat_model_n_officials (m), bilat_model_n_states (m));
        printf ("\nbuild                  wall s    cpu s   docs/s (cpu)\n");
        printf ("  extract            %8.2f %8.2f %9.0f  bilat_extract_dated, for scale\n",
                t_extract, c_extract, n_docs / c_extract);
        printf ("  add to model       %8.2f %8.2f %9.0f  bilat_model_add_doc\n", t_add, c_add,
                n_docs / c_add);
        printf ("  derive (1st read)  %8.2f %8.2f            people, events, graph\n", t_derive,
                c_derive);
        printf ("  model building     %8.2f %8.2f %9.0f  add + derive\n", t_build, c_build,
                n_docs / c_build);
        printf ("  end to end         %8.2f %8.2f %9.0f  extract + add + derive\n",
                t_extract + t_build, c_extract + c_build, n_docs / (c_extract + c_build));
        printf ("\nmemory (heap in use, malloc)\n");
        printf ("  model              %8.1f MB\n", model_bytes / MB);
        printf ("  per document       %8.0f bytes\n", (double) model_bytes / n_docs);
        printf ("  per event          %8.0f bytes  (%.2f reports per event)\n",
                (double) model_bytes / (n_events ? n_events : 1),
                (double) n_reports / (n_events ? n_events : 1));
        printf ("  of which facts     %8.1f MB  (the documents' facts, interned strings)\n",
                ledger_bytes / MB);
        printf ("  of which derived   %8.1f MB  (people, events, graph)\n",
                (model_bytes - ledger_bytes) / MB);
        printf ("  RSS growth         %8.1f MB\n", (rss1 > rss0 ? rss1 - rss0 : 0) / MB);
        printf ("\nmodel JSON: %.1f MB         wall s    cpu s   MB/s (cpu)\n", saved_len / MB);
        printf ("  save (to_json)     %8.2f %8.2f %9.1f\n", t_save, c_save,
                saved_len / MB / c_save);
        printf ("  load (from_json)   %8.2f %8.2f %9.1f  (parse and check: %.1f MB/s, then "
                "derive)\n", t_load, c_load, saved_len / MB / c_load, saved_len / MB / c_parse);
        printf ("  loaded model equals the saved one: %s\n", equal ? "yes" : "NO");
        printf ("\nqueries on %s (partner %s, far state %s), %d runs each\n", busy, partner, far,
                runs);
        for (size_t i = 0; i < G_N_ELEMENTS (tq); i++)
            printf ("  %-26s %9.1f us median %9.1f us mean  %6zu items\n", tq[i].name,
                    tq[i].us_median, tq[i].us_mean, tq[i].items);
    }
    g_free (cpu);
    bilat_model_free (m);
    bilat_extractor_free (ex);
    return equal ? 0 : 1;
}
