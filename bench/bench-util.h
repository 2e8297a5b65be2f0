/* SPDX-License-Identifier: MIT */
/* Clocks, memory readings and the machine's description, shared by bilat-bench and
 * bilat-bench-scaling. */
#ifndef BILAT_BENCH_UTIL_H
#define BILAT_BENCH_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <bilat/bilat.h>
#include <glib.h>

/* MB means 10^6 bytes everywhere in the benchmarks, in options and in MB/s. */
#define MB 1000000.0

/* Seconds of CLOCK_MONOTONIC. */
double bench_now (void);

/* Processor seconds of the whole process, all threads (CLOCK_PROCESS_CPUTIME_ID). */
double bench_cpu_now (void);

/* The processor's model name from /proc/cpuinfo, or "unknown"; free with g_free(). */
char *bench_cpu_model (void);

/* Peak resident set size of the process in bytes (VmHWM), or 0 when it cannot be read. */
size_t bench_peak_rss (void);

/* Resident set size now in bytes (VmRSS), or 0 when it cannot be read. */
size_t bench_rss (void);

/* Start a new peak: free heap memory goes back to the system (glibc's malloc_trim), then
 * the kernel sets VmHWM to the resident size. Returns FALSE when
 * /proc/self/clear_refs does not take it (Linux before 4.0, or not Linux). The reset also
 * lowers getrusage()'s ru_maxrss, so a caller keeps the maximum of what it read before. */
gboolean bench_peak_rss_reset (void);

/* Parse an unsigned decimal or 0x count no greater than max. */
gboolean bench_parse_uint (const char *text, unsigned long long max, unsigned long long *out);

/* Bytes the allocator holds for the program: heap in use plus mmap'd blocks (mallinfo2).
 * Differences of it are what a structure built in between holds. */
size_t bench_heap_in_use (void);

/* Facts of every kind in doc. */
uint64_t bench_count_facts (const bilat_doc *doc);

/* A numeric command-line option: its name, its range and where its value goes. */
typedef struct {
    const char *name;             /* "--mb" */
    unsigned long long lo, hi;    /* accepted values, inclusive */
    unsigned long long *out;
} bench_count_opt;

/* If argv[*i] names one of opts, parse the next argument into it and step *i over it.
 * Returns the option taken, or NULL when argv[*i] is none of them; sets *bad (after a
 * message on stderr naming prog) when the value is missing or out of range. */
const bench_count_opt *bench_count_option (const char *prog, int argc, char **argv, int *i,
                                           const bench_count_opt *opts, size_t n_opts,
                                           gboolean *bad);

/* The date of document i of n, spread evenly over 2015-2024 (ten years from 1 January
 * 2015), as "YYYY-MM-DD": the runners date their documents alike, so date ranges select. */
void bench_doc_date (size_t i, size_t n, char out[11]);

/* The opening members of a run's JSON object on stdout: "machine" (arch, cpu, nproc),
 * "library" and "buildtype"; the caller writes the rest. */
void bench_json_machine (const char *arch, const char *cpu, long nproc, const char *buildtype);

/* Print s as a JSON string to f. */
void bench_json_string (FILE *f, const char *s);

#endif /* BILAT_BENCH_UTIL_H */
