/* SPDX-License-Identifier: MIT */
/* Clocks, memory readings and the machine's description, shared by bilat-bench and
 * bilat-bench-scaling. */
#ifndef BILAT_BENCH_UTIL_H
#define BILAT_BENCH_UTIL_H

#include <stddef.h>
#include <stdio.h>
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

/* Print s as a JSON string to f. */
void bench_json_string (FILE *f, const char *s);

#endif /* BILAT_BENCH_UTIL_H */
