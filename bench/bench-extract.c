/* SPDX-License-Identifier: MIT */
/* bilat-bench: throughput of memchr, the tokenizer, extraction and each of its stages, JSON,
 * model building and extraction on several threads, on one generated corpus. */
#include <bilat/bilat.h>
#include "core/core-private.h"
#include "extract/extract-private.h"
#include "bench-util.h"
#include "gen-lib.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#endif

#ifdef HAVE_VALGRIND_CALLGRIND_H
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#define CALLGRIND_TOGGLE_COLLECT
#endif

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
    unsigned n_threads;   /* for the extract-mt pass */
} corpus;

/* What a pass did, so the compiler cannot drop the work and the reader can check it. */
typedef struct {
    uint64_t count;
    const char *unit;
    double untimed;       /* seconds of cleanup inside the pass, taken off its time */
    double build;         /* model pass: seconds in bilat_model_add_doc and the first read */
} pass_result;

typedef gboolean (*pass_func) (const corpus *c, pass_result *res);

typedef struct {
    const char *name;
    pass_func run;
    double best;          /* seconds, the fastest repeat */
    double best_cpu;      /* processor seconds of the process during that repeat */
    pass_result res;
    gboolean ran;
    size_t peak_rss;      /* bytes, the highest VmHWM of its repeats; 0 when unknown */
    double stages[BILAT_N_STAGES];   /* extract pass: the stage clock of the fastest of
                                      * its clocked repeats ... */
    double clocked;                  /* ... and that repeat's seconds */
    uint64_t instructions;           /* of the fastest repeat, from perf counters */
    double ir_per_byte;              /* from callgrind on a slice; 0 when not measured */
} pass;

/* ---- instructions ---------------------------------------------------------------------- */

/* Hardware counters through perf_event_open (what `perf stat` uses), user space only, on
 * this process and the threads it starts. -1 when the machine has none: many VMs do not
 * pass the PMU through, and perf_event_open then fails with ENOENT. */
static int instr_fd = -1;

static void
instr_open (void)
{
#ifdef __linux__
    struct perf_event_attr attr;
    memset (&attr, 0, sizeof attr);
    attr.type = PERF_TYPE_HARDWARE;
    attr.size = sizeof attr;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    attr.disabled = 1;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    attr.inherit = 1;
    instr_fd = (int) syscall (SYS_perf_event_open, &attr, 0, -1, -1, 0);
#endif
}

static void
instr_start (void)
{
#ifdef __linux__
    if (instr_fd >= 0) {
        ioctl (instr_fd, PERF_EVENT_IOC_RESET, 0);
        ioctl (instr_fd, PERF_EVENT_IOC_ENABLE, 0);
    }
#endif
    CALLGRIND_START_INSTRUMENTATION;
}

/* Instructions since instr_start, or 0 without counters. */
static uint64_t
instr_stop (void)
{
    CALLGRIND_STOP_INSTRUMENTATION;
    uint64_t n = 0;
#ifdef __linux__
    if (instr_fd >= 0) {
        ioctl (instr_fd, PERF_EVENT_IOC_DISABLE, 0);
        if (read (instr_fd, &n, sizeof n) != (ssize_t) sizeof n)
            n = 0;
    }
#endif
    return n;
}

/* Work inside a pass that its time leaves out (freeing the model) is left out of its
 * instructions too. */
static void
instr_pause (void)
{
#ifdef __linux__
    if (instr_fd >= 0)
        ioctl (instr_fd, PERF_EVENT_IOC_DISABLE, 0);
#endif
    CALLGRIND_TOGGLE_COLLECT;
}

static void
instr_resume (void)
{
    CALLGRIND_TOGGLE_COLLECT;
#ifdef __linux__
    if (instr_fd >= 0)
        ioctl (instr_fd, PERF_EVENT_IOC_ENABLE, 0);
#endif
}

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
        facts += bench_count_facts (doc);
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

/* What bilat-bench-model measures on 100,000 documents, here on the corpus of the run: each
 * document extracted with an id and a date and added to one model, then the first read,
 * which resolves people, clusters reports into events and fills the graph. */
static gboolean
pass_model (const corpus *c, pass_result *res)
{
    bilat_model *m = NULL;
    bilat_error *err = NULL;
    if (bilat_model_new (&m, &err) != BILAT_OK) {
        report_error ("bilat_model_new", 0, err);
        return FALSE;
    }
    double build = 0;
    for (size_t i = 0; i < c->n_docs; i++) {
        char id[32], date[11];
        g_snprintf (id, sizeof id, "doc-%07zu", i);
        bench_doc_date (i, c->n_docs, date);
        bilat_doc *doc = NULL;
        if (bilat_extract_dated (&doc, c->ex, c->buf + c->docs[i].offset, c->docs[i].len, date,
                                 &err) != BILAT_OK) {
            report_error ("bilat_extract_dated", i, err);
            bilat_model_free (m);
            return FALSE;
        }
        double t0 = bench_now ();
        int rc = bilat_model_add_doc (m, id, doc, &err);
        build += bench_now () - t0;
        bilat_doc_free (doc);
        if (rc != BILAT_OK) {
            report_error ("bilat_model_add_doc", i, err);
            bilat_model_free (m);
            return FALSE;
        }
    }
    double t0 = bench_now ();
    res->count = bilat_model_n_events (m);
    bilat_model_graph (m);
    double t1 = bench_now ();
    res->build = build + (t1 - t0);
    res->unit = "events";
    instr_pause ();
    bilat_model_free (m);
    res->untimed = bench_now () - t1;
    instr_resume ();
    return TRUE;
}

/* One thread's share of the corpus for the extract-mt pass. */
typedef struct {
    const corpus *c;
    size_t first, end;    /* documents [first, end) */
    uint64_t facts;
    gboolean ok;
} slice;

static gpointer
extract_slice (gpointer data)
{
    slice *s = data;
    for (size_t i = s->first; i < s->end; i++) {
        bilat_doc *doc = NULL;
        bilat_error *err = NULL;
        if (bilat_extract (&doc, s->c->ex, s->c->buf + s->c->docs[i].offset, s->c->docs[i].len,
                           &err) != BILAT_OK) {
            report_error ("bilat_extract", i, err);
            return NULL;
        }
        s->facts += bench_count_facts (doc);
        bilat_doc_free (doc);
    }
    s->ok = TRUE;
    return NULL;
}

/* The extract pass on n_threads threads sharing one extractor (it is immutable), each
 * given a run of consecutive documents with about the same number of bytes. */
static gboolean
pass_extract_mt (const corpus *c, pass_result *res)
{
    unsigned n = c->n_threads;
    slice *sl = g_new0 (slice, n);
    GThread **th = g_new0 (GThread *, n);
    size_t doc = 0, done = 0;
    for (unsigned k = 0; k < n; k++) {
        sl[k].c = c;
        sl[k].first = doc;
        size_t goal = (size_t) ((double) c->bytes * (k + 1) / n);
        while (doc < c->n_docs && (done < goal || k + 1 == n))
            done += c->docs[doc++].len;
        sl[k].end = doc;
    }
    gboolean ok = TRUE;
    for (unsigned k = 0; k < n && ok; k++) {
        GError *gerr = NULL;
        th[k] = g_thread_try_new ("bilat-bench", extract_slice, &sl[k], &gerr);
        if (th[k] == NULL) {
            fprintf (stderr, "bilat-bench: cannot start a thread: %s\n", gerr->message);
            g_error_free (gerr);
            ok = FALSE;
        }
    }
    res->count = 0;
    for (unsigned k = 0; k < n; k++) {
        if (th[k] == NULL)
            continue;
        g_thread_join (th[k]);
        ok = ok && sl[k].ok;
        res->count += sl[k].facts;
    }
    res->unit = "facts";
    g_free (th);
    g_free (sl);
    return ok;
}

/* Without hardware counters: the pass again, alone, on the first mb MB of the same corpus,
 * under callgrind in a child process. The child starts uninstrumented (--instr-atstart=no)
 * and its runner turns instrumentation on around the pass only, so the generator and
 * bilat_extractor_new count nothing. Sets *ir and *bytes and returns TRUE on success;
 * otherwise *why says what was missing. */
static gboolean
callgrind_pass (const char *name, unsigned long long mb, unsigned long long seed,
                unsigned long long threads, uint64_t *ir, uint64_t *bytes, const char **why)
{
#ifndef HAVE_VALGRIND_CALLGRIND_H
    *why = "built without valgrind/callgrind.h";
    return FALSE;
#else
    char *valgrind = g_find_program_in_path ("valgrind");
    if (valgrind == NULL) {
        *why = "valgrind not found";
        return FALSE;
    }
    char *self = g_file_read_link ("/proc/self/exe", NULL);
    char *dir = g_dir_make_tmp ("bilat-bench-XXXXXX", NULL);
    if (self == NULL || dir == NULL) {
        g_free (valgrind);
        g_free (self);
        g_free (dir);
        *why = "cannot find this program or make a temporary directory";
        return FALSE;
    }
    char *out = g_build_filename (dir, "callgrind.out", NULL);
    char *out_arg = g_strconcat ("--callgrind-out-file=", out, NULL);
    char mb_s[32], seed_s[32], thr_s[32];
    g_snprintf (mb_s, sizeof mb_s, "%llu", mb);
    g_snprintf (seed_s, sizeof seed_s, "%llu", seed);
    g_snprintf (thr_s, sizeof thr_s, "%llu", threads);
    char *argv[] = {
        valgrind, "--tool=callgrind", "--instr-atstart=no", out_arg, self,
        "--only", (char *) name, "--mb", mb_s, "--seed", seed_s, "--threads", thr_s,
        "--repeat", "1", "--json", NULL,
    };
    char *child_out = NULL, *child_err = NULL;
    int wait_status = 0;
    gboolean ok = g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &child_out,
                                &child_err, &wait_status, NULL) &&
                  g_spawn_check_wait_status (wait_status, NULL);
    *why = "the callgrind run failed";
    /* The child's JSON says how many bytes its corpus had; the profile, how many
     * instructions ran: "totals:" at its end ("summary:" at its head stays 0 when
     * instrumentation starts late). */
    const char *key = "\"corpus\":{\"bytes\":";
    const char *at = ok && child_out ? strstr (child_out, key) : NULL;
    char *profile = NULL;
    ok = at && g_file_get_contents (out, &profile, NULL, NULL);
    if (ok) {
        *bytes = g_ascii_strtoull (at + strlen (key), NULL, 10);
        const char *line = strstr (profile, "\ntotals:");
        if (line == NULL)
            line = strstr (profile, "\nsummary:");
        ok = line != NULL && *bytes > 0;
        if (ok)
            *ir = g_ascii_strtoull (strchr (line, ':') + 1, NULL, 10);
        if (!ok)
            *why = "no total in the callgrind profile";
    }
    g_unlink (out);
    g_rmdir (dir);
    g_free (profile);
    g_free (child_out);
    g_free (child_err);
    g_free (out_arg);
    g_free (out);
    g_free (dir);
    g_free (self);
    g_free (valgrind);
    return ok;
#endif
}

static void
usage (FILE *f)
{
    fputs ("usage: bilat-bench [--mb N] [--seed S] [--repeat R] [--threads T] [--only PASS]\n"
           "                   [--instructions] [--instructions-mb N] [--json]\n"
           "  --mb N       corpus size in MB of 10^6 bytes (default 16)\n"
           "  --seed S     generator seed (default 1), as for bilat-gen\n"
           "  --repeat R   runs of each pass; the fastest is reported (default 3)\n"
           "  --threads T  threads of the extract-mt pass (default 2)\n"
           "  --only PASS  run one pass: memchr, tokenize, extract, extract+json, model or\n"
           "               extract-mt\n"
           "  --instructions       without hardware counters, count each pass's instructions\n"
           "                       under callgrind on a slice of the corpus (slow)\n"
           "  --instructions-mb N  the slice: the first N MB of the corpus (default 1)\n"
           "  --json       print one JSON object instead of the table\n",
           f);
}

/* Instructions per byte of a pass, or 0 when they were not counted. */
static double
instr_per_byte (const pass *ps, size_t bytes)
{
    return ps->instructions ? (double) ps->instructions / (double) bytes : ps->ir_per_byte;
}

static pass *
find_pass (pass *passes, size_t n, const char *name)
{
    for (size_t p = 0; p < n; p++)
        if (strcmp (passes[p].name, name) == 0)
            return &passes[p];
    return NULL;
}

/* The "vs" column: how a pass compares with the one it is read against. */
static void
compare (char *out, size_t size, const pass *ps, pass *passes, size_t n, unsigned n_threads)
{
    const pass *tok = find_pass (passes, n, "tokenize");
    const pass *ext = find_pass (passes, n, "extract");
    g_strlcpy (out, "-", size);
    if (strcmp (ps->name, "extract") == 0 && tok->ran)
        g_snprintf (out, size, "%.1f %% of tokenize", 100.0 * tok->best / ps->best);
    else if ((strcmp (ps->name, "extract+json") == 0 || strcmp (ps->name, "model") == 0) &&
             ext->ran)
        g_snprintf (out, size, "%+.1f %% time", 100.0 * (ps->best - ext->best) / ext->best);
    else if (strcmp (ps->name, "extract-mt") == 0 && ext->ran)
        g_snprintf (out, size, "%.2fx extract (%u thr)", ext->best / ps->best, n_threads);
}

int
main (int argc, char **argv)
{
    unsigned long long mb = 16, seed = GEN_DEFAULT_SEED, repeat = 3, threads = 2;
    unsigned long long count_instructions = 0, instructions_mb = 1;
    const char *only = NULL;
    gboolean as_json = FALSE;
    pass passes[] = {
        { .name = "memchr", .run = pass_memchr },
        { .name = "tokenize", .run = pass_tokenize },
        { .name = "extract", .run = pass_extract },
        { .name = "extract+json", .run = pass_extract_json },
        { .name = "model", .run = pass_model },
        { .name = "extract-mt", .run = pass_extract_mt },
    };
    const size_t n_passes = G_N_ELEMENTS (passes);

    const bench_count_opt counts[] = {
        { "--instructions-mb", 1, 4000, &instructions_mb },
        { "--mb", 1, 4000, &mb },
        { "--seed", 0, UINT64_MAX, &seed },
        { "--repeat", 1, 1000, &repeat },
        { "--threads", 1, 256, &threads },
    };
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        gboolean bad;
        const bench_count_opt *o =
            bench_count_option ("bilat-bench", argc, argv, &i, counts, G_N_ELEMENTS (counts),
                                &bad);
        if (bad)
            return 2;
        if (o) {
            if (o->out == &instructions_mb)
                count_instructions = 1;
        } else if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0) {
            usage (stdout);
            return 0;
        } else if (strcmp (arg, "--json") == 0) {
            as_json = TRUE;
        } else if (strcmp (arg, "--instructions") == 0) {
            count_instructions = 1;
        } else if (strcmp (arg, "--only") == 0) {
            if (val == NULL || find_pass (passes, n_passes, val) == NULL) {
                fprintf (stderr, "bilat-bench: --only needs memchr, tokenize, extract, "
                                 "extract+json, model or extract-mt\n");
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
        .n_threads = (unsigned) threads,
    };

    /* Peak RSS: the kernel's high-water mark is reset before each pass, so each pass gets
     * its own peak; the run's peak is the highest of all of them and of the setup's. */
    size_t run_peak = bench_peak_rss ();
    gboolean per_pass_peak = TRUE;
    int status = 0;
    instr_open ();
    for (size_t p = 0; p < n_passes && status == 0; p++) {
        pass *ps = &passes[p];
        if (only && strcmp (only, ps->name) != 0)
            continue;
        run_peak = MAX (run_peak, bench_peak_rss ());
        per_pass_peak = per_pass_peak && bench_peak_rss_reset ();
        /* The extract pass is timed with the stage clock off, then run as many times again
         * with it on for the stage lines: the clock reads CLOCK_MONOTONIC nine times a
         * document, about 1 % of the time of a release, which the extract line should not
         * carry. It is not for several threads. */
        gboolean has_stages = strcmp (ps->name, "extract") == 0;
        for (unsigned long long r = 0; r < (has_stages ? 2 * repeat : repeat); r++) {
            gboolean clocked = has_stages && r >= repeat;
            bilat__stage_clock_on = clocked;
            pass_result res = { 0, NULL, 0, 0 };
            memset (bilat__stage_seconds, 0, sizeof bilat__stage_seconds);
            double start = bench_now (), cpu_start = bench_cpu_now ();
            if (!clocked)
                instr_start ();
            gboolean ok = ps->run (&c, &res);
            uint64_t instructions = clocked ? 0 : instr_stop ();
            if (!ok) {
                status = 1;
                break;
            }
            double secs = bench_now () - start - res.untimed;
            double cpu_secs = bench_cpu_now () - cpu_start - res.untimed;
            if (clocked) {
                if (ps->clocked == 0 || secs < ps->clocked) {
                    ps->clocked = secs;
                    memcpy (ps->stages, bilat__stage_seconds, sizeof ps->stages);
                }
            } else if (!ps->ran || secs < ps->best) {
                ps->best = secs;
                ps->best_cpu = cpu_secs;
                ps->instructions = instructions;
                ps->res = res;
            }
            ps->ran = TRUE;
        }
        bilat__stage_clock_on = FALSE;
        ps->peak_rss = per_pass_peak ? bench_peak_rss () : 0;
    }
    struct rusage ru;
    if (getrusage (RUSAGE_SELF, &ru) == 0)
        run_peak = MAX (run_peak, (size_t) ru.ru_maxrss * 1024);
    run_peak = MAX (run_peak, bench_peak_rss ());

    /* Instructions per byte: perf counters when the machine has them, else callgrind on
     * request. Several threads add nothing to count: extract-mt runs the extract pass's
     * instructions, so it is left out of the callgrind runs. */
    const char *instr_source = NULL, *instr_why = NULL;
    uint64_t cg_bytes = 0;
    if (status == 0 && instr_fd >= 0) {
        instr_source = "perf";
    } else if (status == 0 && count_instructions) {
        for (size_t p = 0; p < n_passes; p++) {
            uint64_t ir = 0;
            if (!passes[p].ran || strcmp (passes[p].name, "extract-mt") == 0)
                continue;
            if (!as_json && isatty (STDERR_FILENO))
                fprintf (stderr, "\rcallgrind: %s ...\033[K", passes[p].name);
            if (!callgrind_pass (passes[p].name, instructions_mb, seed, threads, &ir, &cg_bytes,
                                 &instr_why)) {
                fprintf (stderr, "bilat-bench: no instructions for %s: %s\n", passes[p].name,
                         instr_why);
                break;
            }
            passes[p].ir_per_byte = (double) ir / (double) cg_bytes;
            instr_source = "callgrind";
        }
        if (!as_json && isatty (STDERR_FILENO))
            fputs ("\r\033[K", stderr);
    } else {
        instr_why = "no hardware counters here; --instructions runs callgrind";
    }

    struct utsname un;
    if (uname (&un) != 0)
        g_strlcpy (un.machine, "unknown", sizeof un.machine);
    char *cpu = bench_cpu_model ();
    long nproc = sysconf (_SC_NPROCESSORS_ONLN);
    const pass *ext = find_pass (passes, n_passes, "extract");

    if (status == 0 && as_json) {
        bench_json_machine (un.machine, cpu, nproc, BENCH_BUILDTYPE);
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
            printf (",\"seconds\":%.6f,\"cpu_seconds\":%.6f,\"mb_per_s\":%.3f,"
                    "\"docs_per_s\":%.1f,\"work\":%" G_GUINT64_FORMAT ",\"work_unit\":",
                    ps->best, ps->best_cpu, (double) c.bytes / MB / ps->best,
                    (double) c.n_docs / ps->best, ps->res.count);
            bench_json_string (stdout, ps->res.unit);
            const pass *tok = find_pass (passes, n_passes, "tokenize");
            if (ps == ext && tok->ran)
                printf (",\"pct_of_tokenize\":%.2f", 100.0 * tok->best / ps->best);
            if (ps == ext) {
                printf (",\"stages\":[");
                for (int s = 0; s < BILAT_N_STAGES; s++) {
                    printf ("%s{\"name\":", s ? "," : "");
                    bench_json_string (stdout, bilat__stage_names[s]);
                    printf (",\"seconds\":%.6f,\"mb_per_s\":%.3f,\"pct_of_extract\":%.2f}",
                            ps->stages[s], (double) c.bytes / MB / ps->stages[s],
                            100.0 * ps->stages[s] / ps->clocked);
                }
                putchar (']');
            }
            if (strcmp (ps->name, "extract+json") == 0 && ext->ran)
                printf (",\"pct_time_over_extract\":%.2f",
                        100.0 * (ps->best - ext->best) / ext->best);
            if (strcmp (ps->name, "model") == 0)
                printf (",\"build_seconds\":%.6f,\"build_mb_per_s\":%.3f,"
                        "\"build_docs_per_s\":%.1f",
                        ps->res.build, (double) c.bytes / MB / ps->res.build,
                        (double) c.n_docs / ps->res.build);
            if (strcmp (ps->name, "extract-mt") == 0) {
                printf (",\"threads\":%llu", threads);
                if (ext->ran)
                    printf (",\"speedup\":%.3f", ext->best / ps->best);
            }
            if (ps->peak_rss)
                printf (",\"peak_rss_bytes\":%zu", ps->peak_rss);
            if (instr_per_byte (ps, c.bytes) > 0)
                printf (",\"instructions_per_byte\":%.3f", instr_per_byte (ps, c.bytes));
            putchar ('}');
            first = FALSE;
        }
        printf ("],\"peak_rss_bytes\":%zu,\"instructions\":", run_peak);
        if (instr_source) {
            printf ("{\"source\":\"%s\",\"bytes\":%" G_GUINT64_FORMAT "}", instr_source,
                    strcmp (instr_source, "perf") == 0 ? (uint64_t) c.bytes : cg_bytes);
        } else {
            printf ("{\"source\":null,\"why\":");
            bench_json_string (stdout, instr_why);
            putchar ('}');
        }
        printf ("}\n");
    } else if (status == 0) {
        printf ("machine: %s | %s | nproc %ld\n", un.machine, cpu, nproc);
        printf ("libbilat %s (%s build); corpus %.1f MB, %zu docs (avg %zu bytes), seed %llu; "
                "best of %llu; extractor_new %.1f ms\n",
                bilat_version_string (), BENCH_BUILDTYPE, (double) c.bytes / MB, c.n_docs,
                c.bytes / c.n_docs, seed, repeat, extractor_seconds * 1e3);
        printf ("%-13s %9s %10s %7s %5s %9s  %-24s %s\n", "pass", "MB/s", "docs/s", "instr/B",
                "cpu", "peak RSS", "vs", "work done");
        for (size_t p = 0; p < n_passes; p++) {
            const pass *ps = &passes[p];
            if (!ps->ran)
                continue;
            char vs[64], rss[32] = "n/a", ipb[32] = "n/a";
            compare (vs, sizeof vs, ps, passes, n_passes, (unsigned) threads);
            if (ps->peak_rss)
                g_snprintf (rss, sizeof rss, "%.1f MB", (double) ps->peak_rss / MB);
            if (instr_per_byte (ps, c.bytes) > 0)
                g_snprintf (ipb, sizeof ipb, "%.1f", instr_per_byte (ps, c.bytes));
            printf ("%-13s %9.1f %10.0f %7s %4.0f%% %9s  %-24s %" G_GUINT64_FORMAT " %s\n",
                    ps->name, (double) c.bytes / MB / ps->best, (double) c.n_docs / ps->best, ipb,
                    100.0 * ps->best_cpu / ps->best, rss, vs, ps->res.count, ps->res.unit);
            if (ps == ext) {
                /* Each stage alone: the corpus's bytes over that stage's seconds. */
                double staged = 0;
                for (int s = 0; s < BILAT_N_STAGES; s++) {
                    char share[32];
                    g_snprintf (share, sizeof share, "%.1f %% of extract",
                                100.0 * ps->stages[s] / ps->clocked);
                    printf ("  %-11s %9.1f %10.0f %7s %5s %9s  %s\n", bilat__stage_names[s],
                            (double) c.bytes / MB / ps->stages[s],
                            (double) c.n_docs / ps->stages[s], "", "", "", share);
                    staged += ps->stages[s];
                }
                printf ("  %-11s %9s %10s %7s %5s %9s  %.1f %% of extract (setup, freeing, "
                        "loop)\n", "rest", "", "", "", "", "",
                        100.0 * (ps->clocked - staged) / ps->clocked);
            }
            if (strcmp (ps->name, "model") == 0)
                printf ("  %-11s %9.1f %10.0f %7s %5s %9s  %.1f %% of model (add_doc, first "
                        "read)\n", "building", (double) c.bytes / MB / ps->res.build,
                        (double) c.n_docs / ps->res.build, "", "", "",
                        100.0 * ps->res.build / ps->best);
        }
        printf ("peak RSS of the run: %.1f MB\n", (double) run_peak / MB);
        if (instr_source && strcmp (instr_source, "perf") == 0)
            printf ("instructions: perf counters, user space, the fastest repeat\n");
        else if (instr_source)
            printf ("instructions: callgrind Ir of one run of each pass alone on the first "
                    "%.1f MB of the corpus\n", (double) cg_bytes / MB);
        else
            printf ("instructions: n/a (%s)\n", instr_why);
    }

    g_free (cpu);
    g_array_free (c.tokens, TRUE);
    bilat_extractor_free (ex);
    g_array_free (spans, TRUE);
    g_string_free (buf, TRUE);
    return status;
}
