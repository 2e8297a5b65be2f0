/* SPDX-License-Identifier: MIT */
/* bilat-bench: throughput of memchr, the tokenizer, extraction and JSON on one generated corpus. */
#include <bilat/bilat.h>
#include "core/core-private.h"
#include "gen-lib.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#ifndef BENCH_BUILDTYPE
#define BENCH_BUILDTYPE "unknown"
#endif

/* MB means 10^6 bytes everywhere here, in --mb and in MB/s. */
#define MB 1000000.0

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
} pass;

static double
now (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
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

/* ---- machine description ------------------------------------------------------------- */

static char *
cpu_model (void)
{
    char *text = NULL;
    if (!g_file_get_contents ("/proc/cpuinfo", &text, NULL, NULL))
        return g_strdup ("unknown");
    char *model = NULL;
    char **lines = g_strsplit (text, "\n", -1);
    for (char **l = lines; *l && model == NULL; l++) {
        /* x86 says "model name", some ARM kernels only "Hardware" or "Processor". */
        if (g_str_has_prefix (*l, "model name") || g_str_has_prefix (*l, "Processor") ||
            g_str_has_prefix (*l, "Hardware")) {
            const char *colon = strchr (*l, ':');
            if (colon)
                model = g_strstrip (g_strdup (colon + 1));
        }
    }
    g_strfreev (lines);
    g_free (text);
    return model ? model : g_strdup ("unknown");
}

static void
json_string (const char *s)
{
    putchar ('"');
    for (const unsigned char *p = (const unsigned char *) s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf ("\\%c", *p);
        else if (*p < 0x20)
            printf ("\\u%04x", *p);
        else
            putchar (*p);
    }
    putchar ('"');
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

static gboolean
parse_uint (const char *text, unsigned long long max, unsigned long long *out)
{
    char *end = NULL;
    if (text == NULL || *text < '0' || *text > '9')
        return FALSE;
    errno = 0;
    unsigned long long v = strtoull (text, &end, 0);
    if (errno != 0 || *end != '\0' || v > max)
        return FALSE;
    *out = v;
    return TRUE;
}

int
main (int argc, char **argv)
{
    unsigned long long mb = 16, seed = GEN_DEFAULT_SEED, repeat = 3;
    const char *only = NULL;
    gboolean as_json = FALSE;
    pass passes[] = {
        { "memchr", pass_memchr, 0, { 0, NULL }, FALSE },
        { "tokenize", pass_tokenize, 0, { 0, NULL }, FALSE },
        { "extract", pass_extract, 0, { 0, NULL }, FALSE },
        { "extract+json", pass_extract_json, 0, { 0, NULL }, FALSE },
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
            if (!parse_uint (val, 4000, &mb) || mb == 0) {
                fprintf (stderr, "bilat-bench: --mb needs a count from 1 to 4000\n");
                return 2;
            }
            i++;
        } else if (strcmp (arg, "--seed") == 0) {
            if (!parse_uint (val, UINT64_MAX, &seed)) {
                fprintf (stderr, "bilat-bench: --seed needs an unsigned integer\n");
                return 2;
            }
            i++;
        } else if (strcmp (arg, "--repeat") == 0) {
            if (!parse_uint (val, 1000, &repeat) || repeat == 0) {
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
    double t0 = now ();
    if (bilat_extractor_new (&ex, NULL, &err) != BILAT_OK) {
        fprintf (stderr, "bilat-bench: bilat_extractor_new: %s\n", bilat_error_message (err));
        bilat_error_free (err);
        return 1;
    }
    double extractor_seconds = now () - t0;

    corpus c = {
        .buf = buf->str,
        .docs = (const gen_span *) (void *) spans->data,
        .n_docs = n_docs,
        .bytes = buf->len,
        .ex = ex,
        .tokens = g_array_sized_new (FALSE, FALSE, sizeof (bilat_token), 4096),
    };

    int status = 0;
    for (size_t p = 0; p < n_passes && status == 0; p++) {
        if (only && strcmp (only, passes[p].name) != 0)
            continue;
        for (unsigned long long r = 0; r < repeat; r++) {
            pass_result res = { 0, NULL };
            double start = now ();
            if (!passes[p].run (&c, &res)) {
                status = 1;
                break;
            }
            double secs = now () - start;
            if (!passes[p].ran || secs < passes[p].best)
                passes[p].best = secs;
            passes[p].res = res;
            passes[p].ran = TRUE;
        }
    }

    struct utsname un;
    if (uname (&un) != 0)
        g_strlcpy (un.machine, "unknown", sizeof un.machine);
    char *cpu = cpu_model ();
    long nproc = sysconf (_SC_NPROCESSORS_ONLN);
    const pass *tok = &passes[1];

    if (status == 0 && as_json) {
        printf ("{\"machine\":{\"arch\":");
        json_string (un.machine);
        printf (",\"cpu\":");
        json_string (cpu);
        printf (",\"nproc\":%ld},\"library\":", nproc);
        json_string (bilat_version_string ());
        printf (",\"buildtype\":");
        json_string (BENCH_BUILDTYPE);
        printf (",\"corpus\":{\"bytes\":%zu,\"docs\":%zu,\"seed\":%llu},\"repeat\":%llu,"
                "\"extractor_new_seconds\":%.6f,\"passes\":[",
                c.bytes, c.n_docs, seed, repeat, extractor_seconds);
        gboolean first = TRUE;
        for (size_t p = 0; p < n_passes; p++) {
            const pass *ps = &passes[p];
            if (!ps->ran)
                continue;
            printf ("%s{\"name\":", first ? "" : ",");
            json_string (ps->name);
            printf (",\"seconds\":%.6f,\"mb_per_s\":%.3f,\"docs_per_s\":%.1f,"
                    "\"work\":%" G_GUINT64_FORMAT ",\"work_unit\":",
                    ps->best, (double) c.bytes / MB / ps->best, (double) c.n_docs / ps->best,
                    ps->res.count);
            json_string (ps->res.unit);
            if (strcmp (ps->name, "extract") == 0 && tok->ran)
                printf (",\"pct_of_tokenize\":%.2f", 100.0 * tok->best / ps->best);
            putchar ('}');
            first = FALSE;
        }
        printf ("]}\n");
    } else if (status == 0) {
        printf ("machine: %s | %s | nproc %ld\n", un.machine, cpu, nproc);
        printf ("libbilat %s (%s build); corpus %.1f MB, %zu docs (avg %zu bytes), seed %llu; "
                "best of %llu; extractor_new %.1f ms\n",
                bilat_version_string (), BENCH_BUILDTYPE, (double) c.bytes / MB, c.n_docs,
                c.bytes / c.n_docs, seed, repeat, extractor_seconds * 1e3);
        printf ("%-13s %10s %11s %14s   %s\n", "pass", "MB/s", "docs/s", "vs tokenize",
                "work done");
        for (size_t p = 0; p < n_passes; p++) {
            const pass *ps = &passes[p];
            if (!ps->ran)
                continue;
            char ratio[32] = "-";
            if (strcmp (ps->name, "extract") == 0 && tok->ran)
                g_snprintf (ratio, sizeof ratio, "%.1f %%", 100.0 * tok->best / ps->best);
            printf ("%-13s %10.1f %11.0f %14s   %" G_GUINT64_FORMAT " %s\n", ps->name,
                    (double) c.bytes / MB / ps->best, (double) c.n_docs / ps->best, ratio,
                    ps->res.count, ps->res.unit);
        }
    }

    g_free (cpu);
    g_array_free (c.tokens, TRUE);
    bilat_extractor_free (ex);
    g_array_free (spans, TRUE);
    g_string_free (buf, TRUE);
    return status;
}
