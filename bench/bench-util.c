/* SPDX-License-Identifier: MIT */
/* Clocks, memory readings and the machine's description, shared by the benchmarks. */
#include "bench-util.h"

#include <errno.h>
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#include <time.h>

double
bench_now (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

double
bench_cpu_now (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec * 1e-9;
}

char *
bench_cpu_model (void)
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

/* A "Name:   N kB" line of /proc/self/status, in bytes. */
static size_t
status_kb (const char *name)
{
    FILE *f = fopen ("/proc/self/status", "r");
    if (f == NULL)
        return 0;
    char line[256];
    size_t len = strlen (name), kb = 0;
    while (fgets (line, sizeof line, f)) {
        if (strncmp (line, name, len) == 0 && line[len] == ':') {
            kb = strtoull (line + len + 1, NULL, 10);
            break;
        }
    }
    fclose (f);
    return kb * 1024;
}

size_t
bench_peak_rss (void)
{
    return status_kb ("VmHWM");
}

size_t
bench_rss (void)
{
    return status_kb ("VmRSS");
}

gboolean
bench_peak_rss_reset (void)
{
#ifdef __GLIBC__
    /* The new peak starts from the resident size now: first give back what the allocator
     * keeps free, or memory a model freed would count against the next pass. */
    malloc_trim (0);
#endif
    /* "5" resets the peak; 1-4 would clear the referenced bits instead (proc(5)). */
    FILE *f = fopen ("/proc/self/clear_refs", "w");
    if (f == NULL)
        return FALSE;
    gboolean ok = fputs ("5", f) >= 0;
    return fclose (f) == 0 && ok;
}

gboolean
bench_parse_uint (const char *text, unsigned long long max, unsigned long long *out)
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

size_t
bench_heap_in_use (void)
{
#ifdef __GLIBC__
    struct mallinfo2 mi = mallinfo2 ();
    return mi.uordblks + mi.hblkhd;
#else
    return 0;
#endif
}

uint64_t
bench_count_facts (const bilat_doc *doc)
{
    uint64_t n = 0;
    for (int kind = BILAT_FACT_STATE; kind <= BILAT_FACT_STATUS; kind++)
        n += bilat_doc_n_facts (doc, kind);
    return n;
}

const bench_count_opt *
bench_count_option (const char *prog, int argc, char **argv, int *i,
                    const bench_count_opt *opts, size_t n_opts, gboolean *bad)
{
    *bad = FALSE;
    for (size_t k = 0; k < n_opts; k++) {
        if (strcmp (argv[*i], opts[k].name) != 0)
            continue;
        const char *val = *i + 1 < argc ? argv[*i + 1] : NULL;
        unsigned long long v;
        if (!bench_parse_uint (val, opts[k].hi, &v) || v < opts[k].lo) {
            if (opts[k].lo == 0 && opts[k].hi == UINT64_MAX)
                fprintf (stderr, "%s: %s needs an unsigned integer\n", prog, opts[k].name);
            else
                fprintf (stderr, "%s: %s needs a count from %llu to %llu\n", prog,
                         opts[k].name, opts[k].lo, opts[k].hi);
            *bad = TRUE;
            return &opts[k];
        }
        *opts[k].out = v;
        ++*i;
        return &opts[k];
    }
    return NULL;
}

void
bench_doc_date (size_t i, size_t n, char out[11])
{
    GDate d;
    g_date_clear (&d, 1);
    g_date_set_dmy (&d, 1, G_DATE_JANUARY, 2015);
    g_date_add_days (&d, (guint) ((uint64_t) i * 3652 / (n ? n : 1)));
    g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                g_date_get_day (&d));
}

void
bench_json_machine (const char *arch, const char *cpu, long nproc, const char *buildtype)
{
    printf ("{\"machine\":{\"arch\":");
    bench_json_string (stdout, arch);
    printf (",\"cpu\":");
    bench_json_string (stdout, cpu);
    printf (",\"nproc\":%ld},\"library\":", nproc);
    bench_json_string (stdout, bilat_version_string ());
    printf (",\"buildtype\":");
    bench_json_string (stdout, buildtype);
}

void
bench_json_string (FILE *f, const char *s)
{
    fputc ('"', f);
    for (const unsigned char *p = (const unsigned char *) s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf (f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf (f, "\\u%04x", *p);
        else
            fputc (*p, f);
    }
    fputc ('"', f);
}
