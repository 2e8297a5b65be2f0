/* SPDX-License-Identifier: MIT */
/* Allocation failure, injected at every allocation that is allowed to fail.
 *
 * Most of libbilat allocates through GLib (g_malloc, GArray, GHashTable, GString, and
 * json-glib on top), which aborts the process when memory runs out: those allocations
 * cannot fail into an error, whatever libbilat does. What can fail and return is (a) GLib's
 * g_try_* family, which libbilat uses for the document-sized buffers, and (b) PCRE2, which
 * allocates with plain malloc and returns NULL. This test makes each of those fail in turn,
 * one per run, during an extraction, while an extractor is made, and during a model load,
 * and requires the call to end in BILAT_OK with the same result or in BILAT_ENOMEM, never
 * in a crash, a wrong result or a leak.
 *
 * The hook: this executable defines malloc, calloc and realloc (ELF interposition makes
 * every library use them) and fails the chosen one when its caller is a g_try_* function
 * or lies inside libpcre2. Not under valgrind or sanitizers, which own malloc themselves. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <bilat/bilat.h>

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

extern void *__libc_malloc (size_t n);
extern void *__libc_calloc (size_t n, size_t size);
extern void *__libc_realloc (void *p, size_t n);
extern void __libc_free (void *p);

/* Injection state: counting fallible allocations, and which one (1-based) fails. */
static int armed;
static long seen;
static long fail_at;
static __thread int in_hook;

static void
self_marker (void)
{
}

/* Is this allocation one that may fail? Decided by the first caller outside this
 * executable: code in libpcre2 (its allocator calls malloc); a g_try_* function; or
 * libbilat itself, which never calls malloc directly, so that the caller was a g_try_*
 * function that tail-called malloc and left no frame. g_malloc, g_new and the rest of
 * GLib and json-glib abort on failure and are never chosen. */
static int
fallible_caller (void)
{
    void *frames[8];
    int n = backtrace (frames, G_N_ELEMENTS (frames));
    Dl_info self;
    void (*marker) (void) = self_marker;
    void *marker_addr;
    memcpy (&marker_addr, &marker, sizeof marker_addr);
    dladdr (marker_addr, &self);
    for (int i = 0; i < n; i++) {
        Dl_info info;
        if (!dladdr (frames[i], &info) || info.dli_fbase == self.dli_fbase)
            continue;  /* this executable: the hook itself */
        if (info.dli_fname && (strstr (info.dli_fname, "libpcre2-8") ||
                               strstr (info.dli_fname, "libbilat")))
            return 1;
        return info.dli_sname && strncmp (info.dli_sname, "g_try_", 6) == 0;
    }
    return 0;
}

static int
should_fail (void)
{
    if (!armed || in_hook)
        return 0;
    in_hook = 1;
    int fallible = fallible_caller ();
    in_hook = 0;
    if (!fallible)
        return 0;
    seen++;
    if (seen == fail_at) {
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

/* Blocks allocated by the test's thread while tracking and not yet freed: what a call
 * that should leave nothing behind left behind. A fixed table, so that tracking itself
 * never allocates. */
#define TRACK_SLOTS (1 << 18)
static void *live[TRACK_SLOTS];
static long live_n;
static __thread int tracking;

static size_t
slot_of (const void *p)
{
    return ((uintptr_t) p >> 4) * 0x9E3779B97F4A7C15ULL >> (64 - 18);
}

static void
track_add (void *p)
{
    for (size_t i = slot_of (p);; i = (i + 1) & (TRACK_SLOTS - 1))
        if (live[i] == NULL || live[i] == (void *) 1) {
            live[i] = p;
            live_n++;
            return;
        }
}

static void
track_del (void *p)
{
    for (size_t i = slot_of (p); live[i] != NULL; i = (i + 1) & (TRACK_SLOTS - 1))
        if (live[i] == p) {
            live[i] = (void *) 1;  /* a tombstone keeps later probes going */
            live_n--;
            return;
        }
}

static void
track_reset (void)
{
    memset (live, 0, sizeof live);
    live_n = 0;
}

void *
malloc (size_t n)
{
    void *p = should_fail () ? NULL : __libc_malloc (n);
    if (p && tracking)
        track_add (p);
    return p;
}

void *
calloc (size_t n, size_t size)
{
    void *p = should_fail () ? NULL : __libc_calloc (n, size);
    if (p && tracking)
        track_add (p);
    return p;
}

void *
realloc (void *p, size_t n)
{
    void *q = should_fail () ? NULL : __libc_realloc (p, n);
    if (q && tracking) {
        if (p)
            track_del (p);
        track_add (q);
    }
    return q;
}

void
free (void *p)
{
    if (p && tracking)
        track_del (p);
    __libc_free (p);
}

static gboolean
hook_works_here (void)
{
    /* backtrace() loads libgcc on its first call, which allocates: do that now. */
    void *frames[2];
    backtrace (frames, 2);
    const char *pre = g_getenv ("LD_PRELOAD");
    return !(pre && strstr (pre, "vgpreload"));
}

/* ---- extraction -------------------------------------------------------------------------- */

static const char text[] =
    "Astana, 5 March 2024 - Foreign Minister of Kazakhstan Murat Nurtleu paid an official "
    "visit to Ashgabat on 4 March and held talks with his Turkmen counterpart Rashid "
    "Meredov. The sides signed a Programme of Cooperation for 2024-2026 on trade \xe2\x80\x93 "
    "energy and transport.";

/* Names the states of the first lines of states.tsv, whose variants are the first
 * allocations of making an extractor: a variant dropped there changes this text's facts. */
static const char first_states[] =
    "Kabul, 5 March 2024 - The Foreign Minister of Afghanistan met his Angolan counterpart. "
    "The Islamic Republic of Afghanistan and the Republic of Angola signed an agreement on "
    "trade.";

static char *
extract_text_json (const bilat_extractor *ex, const char *t, int *rc, bilat_error **err)
{
    bilat_doc *doc = NULL;
    char *json = NULL;
    *rc = bilat_extract_dated (&doc, ex, t, strlen (t), "2024-03-05", err);
    if (*rc == BILAT_OK) {
        cr_assert (not (zero (ptr, doc)));
        cr_assert (eq (int, bilat_doc_to_json (&json, doc, 0, NULL, NULL), BILAT_OK));
    } else {
        cr_assert (zero (ptr, doc));
    }
    bilat_doc_free (doc);
    return json;
}

static char *
extract_json (const bilat_extractor *ex, int *rc, bilat_error **err)
{
    return extract_text_json (ex, text, rc, err);
}

TestSuite (faults, .timeout = 300);

/* One extraction with allocation k failing (0: none), on ex, or (ex NULL) on an extractor
 * of its own, made before and freed after, so that its first extraction allocates every
 * working array (an extractor keeps them for the next call). Counts the fallible
 * allocations in `seen`; returns what was wrong (NULL: nothing) against want (NULL: not
 * compared). With track set, leaves in live_n the blocks still held after the call, its
 * result and the extractor of its own freed. */
static const char *
extract_failing (const bilat_extractor *ex, long k, gboolean track, const char *want)
{
    bilat_extractor *own = NULL;
    if (ex == NULL) {
        cr_assert (eq (int, bilat_extractor_new (&own, NULL, NULL), BILAT_OK));
        ex = own;
    }
    bilat_error *err = NULL;
    int rc;
    track_reset ();
    tracking = track;
    seen = 0;
    fail_at = k;
    armed = 1;
    char *got = extract_json (ex, &rc, &err);
    armed = 0;
    const char *what = NULL;
    if (want && rc == BILAT_OK && strcmp (got, want) != 0)
        what = "BILAT_OK with a different result";
    else if (rc != BILAT_OK && rc != BILAT_ENOMEM)
        what = "an unexpected code";
    bilat_free (got);
    bilat_error_free (err);
    /* Freed while tracking: what the extractor kept of this call is no leak. */
    bilat_extractor_free (own);
    tracking = 0;
    return what;
}

/* Fails each fallible allocation of an extraction in turn, twice (the first run may make
 * one-time allocations, GLib's on a path not taken before; what the second leaves behind
 * is a leak); on ex, or on fresh extractors when ex is NULL. */
static void
fail_each_allocation (const bilat_extractor *ex, const char *want, const char *what_ex)
{
    extract_failing (ex, 0, FALSE, NULL);
    long n = seen;
    cr_assert (gt (i64, n, 0), "no fallible allocation seen: is the hook in place?");
    cr_log_info ("%ld fallible allocations in one extraction on %s", n, what_ex);
    GString *wrong = g_string_new (NULL);
    for (long k = 1; k <= n; k++) {
        for (int run = 0; run < 2; run++) {
            const char *what = extract_failing (ex, k, run == 1, want);
            if (run == 1 && what)
                g_string_append_printf (wrong, "%s: allocation %ld of %ld failed: %s\n",
                                        what_ex, k, n, what);
            if (run == 1 && live_n > 0)
                g_string_append_printf (wrong, "%s: allocation %ld of %ld failed: %ld blocks "
                                        "leaked\n", what_ex, k, n, live_n);
        }
    }
    cr_assert (eq (str, wrong->str, ""), "%s", wrong->str);
    g_string_free (wrong, TRUE);
}

Test (faults, every_fallible_allocation_of_an_extraction_fails_into_enomem_or_changes_nothing)
{
    if (!hook_works_here ())
        cr_skip_test ("valgrind replaces malloc; the hook cannot run under it");
    bilat_extractor *ex = NULL;
    cr_assert (eq (int, bilat_extractor_new (&ex, NULL, NULL), BILAT_OK));
    int rc;
    bilat_error *err = NULL;
    char *want = extract_json (ex, &rc, &err);
    cr_assert (eq (int, rc, BILAT_OK));
    /* A new extractor's first extraction allocates its working arrays (tokens, indexes);
     * a used one reuses them, and fails only where it still allocates. */
    fail_each_allocation (NULL, want, "a new extractor");
    fail_each_allocation (ex, want, "a used extractor");
    bilat_free (want);
    bilat_extractor_free (ex);
}

Test (faults, every_fallible_allocation_of_making_an_extractor_fails_into_enomem_or_works)
{
    if (!hook_works_here ())
        cr_skip_test ("valgrind replaces malloc; the hook cannot run under it");
    bilat_extractor *ex = NULL;
    seen = 0;
    fail_at = 0;
    armed = 1;
    cr_assert (eq (int, bilat_extractor_new (&ex, NULL, NULL), BILAT_OK));
    armed = 0;
    int wrc;
    bilat_error *werr = NULL;
    char *want = extract_json (ex, &wrc, &werr);
    char *want_first = extract_text_json (ex, first_states, &wrc, &werr);
    bilat_extractor_free (ex);
    long n = seen;
    cr_assert (gt (i64, n, 0));
    /* Building the dictionaries makes two fallible allocations per variant (the folded
     * copy of each), a hundred thousand in all: fail the first 20, fifty spread over the
     * rest, and the last 60, which are PCRE2's (compiling, JIT, the match context). */
    for (long k = 1; k <= n; k = k < 20 ? k + 1 : k < n - 60 ? MIN (k + n / 50, n - 60) : k + 1) {
        /* A crash here (an unchecked NULL) ends the test; Criterion reports the line, and
         * FAULTS_PROGRESS names a file that gets the number of the allocation. */
        if (g_getenv ("FAULTS_PROGRESS")) {
            FILE *f = fopen (g_getenv ("FAULTS_PROGRESS"), "w");
            if (f) {
                fprintf (f, "failing allocation %ld of %ld\n", k, n);
                fclose (f);
            }
        }
        bilat_error *err = NULL;
        ex = NULL;
        seen = 0;
        fail_at = k;
        armed = 1;
        int rc = bilat_extractor_new (&ex, NULL, &err);
        armed = 0;
        cr_assert (rc == BILAT_OK || rc == BILAT_ENOMEM, "allocation %ld of %ld: code %d", k, n,
                   rc);
        if (rc == BILAT_OK) {
            /* A working extractor: it extracts what an unhurt one does. (A dictionary entry
             * dropped on the way shows only if the sample text needs it.) */
            int erc;
            bilat_error *e2 = NULL;
            char *json = extract_json (ex, &erc, &e2);
            cr_assert (eq (int, erc, BILAT_OK), "allocation %ld of %ld", k, n);
            cr_assert (eq (str, json, want), "allocation %ld of %ld failed: BILAT_OK with "
                       "an extractor that extracts differently", k, n);
            bilat_free (json);
            json = extract_text_json (ex, first_states, &erc, &e2);
            cr_assert (eq (str, json, want_first), "allocation %ld of %ld failed: BILAT_OK "
                       "with an extractor that lost a dictionary entry", k, n);
            bilat_free (json);
        } else {
            cr_assert (zero (ptr, ex));
            bilat_error_free (err);
        }
        bilat_extractor_free (ex);
    }
    bilat_free (want);
    bilat_free (want_first);
}

/* ---- a model load ------------------------------------------------------------------------ */

Test (faults, a_model_load_has_no_allocation_that_can_fail_into_an_error)
{
    if (!hook_works_here ())
        cr_skip_test ("valgrind replaces malloc; the hook cannot run under it");
    /* Every allocation of a load goes through GLib and json-glib, which abort instead of
     * failing: there is nothing to inject. When this changes, this test says so, and the
     * loop of the extraction test applies. */
    bilat_extractor *ex = NULL;
    bilat_model *m = NULL;
    char *json = NULL;
    cr_assert (eq (int, bilat_extractor_new (&ex, NULL, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_model_new (&m, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_model_add_text (m, ex, "d1", "2024-03-05", text, strlen (text),
                                              NULL), BILAT_OK));
    cr_assert (eq (int, bilat_model_to_json (&json, m, 0, NULL), BILAT_OK));
    bilat_model *loaded = NULL;
    seen = 0;
    fail_at = 0;
    armed = 1;
    cr_assert (eq (int, bilat_model_from_json (&loaded, NULL, json, strlen (json), NULL),
                   BILAT_OK));
    armed = 0;
    cr_assert (eq (i64, seen, 0), "a load now makes %ld fallible allocations", seen);
    bilat_model_free (loaded);
    bilat_model_free (m);
    bilat_free (json);
    bilat_extractor_free (ex);
}
