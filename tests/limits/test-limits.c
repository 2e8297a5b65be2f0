/* SPDX-License-Identifier: MIT */
/* Every limit a document can run into, hit on purpose: the size limit, the PCRE2 match
 * budget, memory, and time that grows with the text no faster than the text does. Each
 * failure is a clear error (a code, a message, the byte offset), never a crash or a hang.
 *
 * Links the internal library: the match budget cannot be reached through the public API
 * (the date pattern is anchored and PCRE2 makes its repeats possessive), so one test lowers
 * it on an extractor's match context, the same object every call copies. */
#include <bilat/bilat.h>
#include "extract/extract-private.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define UNDER_SANITIZER 1
#endif
#endif
#ifndef UNDER_SANITIZER
#define UNDER_SANITIZER 0
#endif

/* Memory and time are measured only on a plain build: sanitizers and valgrind change both. */
static gboolean
measuring_is_meaningful (void)
{
    const char *pre = g_getenv ("LD_PRELOAD");
    return !UNDER_SANITIZER && !(pre && strstr (pre, "vgpreload"));
}

static bilat_extractor *
extractor_with (size_t max_size, gboolean repair)
{
    bilat_options *o = NULL;
    bilat_extractor *ex = NULL;
    cr_assert (eq (int, bilat_options_new (&o, NULL), BILAT_OK));
    if (max_size)
        cr_assert (eq (int, bilat_options_set_max_size (o, max_size, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_repair_utf8 (o, repair, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_extractor_new (&ex, o, NULL), BILAT_OK));
    bilat_options_free (o);
    return ex;
}

/* A failed extraction: the code, no document, a message, and the offset. */
static void
assert_fails (const bilat_extractor *ex, const char *text, size_t len, int code,
              int64_t offset, const char *needle)
{
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    int rc = bilat_extract (&doc, ex, text, len, &err);
    cr_assert (eq (int, rc, code), "rc %d: %s", rc, bilat_error_message (err));
    cr_assert (zero (ptr, doc));
    cr_assert (not (zero (ptr, err)));
    cr_assert (eq (int, bilat_error_code (err), code));
    cr_assert (not (zero (ptr, strstr (bilat_error_message (err), needle))),
               "message \"%s\" lacks \"%s\"", bilat_error_message (err), needle);
    cr_assert (eq (i64, bilat_error_offset (err), offset));
    bilat_error_free (err);
}

static void
assert_extracts (const bilat_extractor *ex, const char *text, size_t len)
{
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    int rc = bilat_extract (&doc, ex, text, len, &err);
    cr_assert (eq (int, rc, BILAT_OK), "rc %d: %s", rc, bilat_error_message (err));
    bilat_doc_free (doc);
}

/* text made of unit repeated up to exactly len bytes (the last copy may be cut). */
static char *
filled (const char *unit, size_t len)
{
    size_t n = strlen (unit);
    char *s = g_malloc (len + 1);
    for (size_t i = 0; i < len; i++)
        s[i] = unit[i % n];
    s[len] = '\0';
    return s;
}

/* ---- the size limit ------------------------------------------------------------------- */

Test (limits, document_at_the_configured_size_limit_extracts_and_one_byte_more_is_elimit)
{
    bilat_extractor *ex = extractor_with (1000, FALSE);
    char *text = filled ("Kazakhstan and Turkmenistan held talks. ", 1001);
    assert_extracts (ex, text, 1000);
    /* The offset is the limit: the first byte that was not accepted. */
    assert_fails (ex, text, 1001, BILAT_ELIMIT, 1000, "exceeds the limit of 1000 bytes");
    g_free (text);
    bilat_extractor_free (ex);
}

Test (limits, size_limit_counts_input_bytes_even_when_repair_makes_the_text_grow)
{
    /* Each bad byte becomes three (U+FFFD): the limit is on what the caller passed. */
    bilat_extractor *ex = extractor_with (1000, TRUE);
    char *text = filled ("\xff", 1001);
    assert_extracts (ex, text, 1000);
    assert_fails (ex, text, 1001, BILAT_ELIMIT, 1000, "exceeds the limit");
    g_free (text);
    bilat_extractor_free (ex);
}

Test (limits, default_size_limit_is_64_mib)
{
    bilat_extractor *ex = NULL;
    cr_assert (eq (int, bilat_extractor_new (&ex, NULL, NULL), BILAT_OK));
    size_t limit = (size_t) 64 * 1024 * 1024;
    /* Zeroed pages cost nothing until touched, and an over-limit text is not read. */
    char *text = g_malloc0 (limit + 1);
    assert_fails (ex, text, limit + 1, BILAT_ELIMIT, (int64_t) limit,
                  "exceeds the limit of 67108864 bytes");
    g_free (text);
    bilat_extractor_free (ex);
}

Test (limits, size_limit_must_be_between_one_byte_and_one_gib)
{
    bilat_options *o = NULL;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_options_new (&o, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_max_size (o, 0, &err), BILAT_EINVAL));
    cr_assert (not (eq (str, (char *) bilat_error_message (err), "")));
    bilat_error_free (err);
    err = NULL;
    cr_assert (eq (int, bilat_options_set_max_size (o, ((size_t) 1 << 30) + 1, &err),
                   BILAT_EINVAL));
    bilat_error_free (err);
    cr_assert (eq (int, bilat_options_set_max_size (o, 1, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_max_size (o, (size_t) 1 << 30, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_max_size (NULL, 1, NULL), BILAT_EINVAL));
    bilat_options_free (o);
}

/* ---- the PCRE2 match budget ----------------------------------------------------------- */

Test (limits, date_pattern_over_its_match_budget_is_elimit_at_the_date)
{
    bilat_extractor *ex = NULL;
    cr_assert (eq (int, bilat_extractor_new (&ex, NULL, NULL), BILAT_OK));
    /* The test hook: every call copies this context, so a budget of one backtrack applies
     * to the next extraction. */
    pcre2_set_match_limit (ex->mctx_template, 1);
    /* An ordinal: a plain "5 March 2024" is read without the pattern (dates.c). */
    static const char text[] = "The talks were held on 5th March 2024 in Astana.";
    assert_fails (ex, text, strlen (text), BILAT_ELIMIT, 23, "match limit");
    bilat_extractor_free (ex);
}

/* Without JIT (PCRE2 has none on some platforms, and falls back silently when JIT compiling
 * fails) the interpreter runs the pattern, and there the depth limit applies as well. */
static bilat_extractor *
extractor_without_jit (uint32_t match_limit, uint32_t depth_limit)
{
    bilat_extractor *ex = NULL;
    cr_assert (eq (int, bilat_extractor_new (&ex, NULL, NULL), BILAT_OK));
    cr_assert (eq (int, bilat__extractor_set_date_limits (ex, FALSE, match_limit, depth_limit),
                   BILAT_OK));
    return ex;
}

Test (limits, date_pattern_over_its_match_limit_without_jit_is_elimit_at_the_date)
{
    bilat_extractor *ex = extractor_without_jit (1, 0);
    static const char text[] = "The talks were held on 5th March 2024 in Astana.";
    assert_fails (ex, text, strlen (text), BILAT_ELIMIT, 23,
                  "date pattern exceeded its match limit at byte 23");
    bilat_extractor_free (ex);
}

Test (limits, date_pattern_over_its_depth_limit_without_jit_is_elimit_at_the_date)
{
    bilat_extractor *ex = extractor_without_jit (0, 1);
    static const char text[] = "The talks were held on 5th March 2024 in Astana.";
    assert_fails (ex, text, strlen (text), BILAT_ELIMIT, 23,
                  "date pattern exceeded its depth limit at byte 23");
    bilat_extractor_free (ex);
}

Test (limits, without_jit_the_default_limits_leave_dates_as_they_are)
{
    /* The same date read by the interpreter under the default limits. */
    bilat_extractor *ex = extractor_without_jit (0, 0);
    static const char text[] = "Kazakhstan's Foreign Minister visited Turkmenistan on 5 March "
                               "2024 and on the 6th of March 2024.";
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_extract (&doc, ex, text, strlen (text), &err), BILAT_OK),
               "%s", bilat_error_message (err));
    cr_assert (eq (sz, bilat_doc_n_facts (doc, BILAT_FACT_EVENT), 1));
    cr_assert (eq (str, (char *) bilat_fact_date (bilat_doc_fact (doc, BILAT_FACT_EVENT, 0)),
                   "2024-03-05"));
    bilat_doc_free (doc);
    bilat_extractor_free (ex);
}

Test (limits, real_text_stays_far_inside_the_match_budget)
{
    /* Long runs of what the pattern's repeats consume, after every token that may start a
     * date: none reaches the budget, and none is slow. */
    static const char *const units[] = { "5                ", "May\n\n\n\n\n\n\n\n\n\n",
                                         "Monday, the       ", "5 and 6 and 7 to ",
                                         "last next this ", "2023 - 2024 - " };
    /* With JIT, and without it, where the depth limit applies too. */
    for (int jit = 1; jit >= 0; jit--) {
        bilat_extractor *ex = jit ? NULL : extractor_without_jit (0, 0);
        if (jit)
            cr_assert (eq (int, bilat_extractor_new (&ex, NULL, NULL), BILAT_OK));
        for (size_t i = 0; i < G_N_ELEMENTS (units); i++) {
            char *text = filled (units[i], 256 * 1024);
            assert_extracts (ex, text, 256 * 1024);
            g_free (text);
        }
        bilat_extractor_free (ex);
    }
}

/* ---- memory ---------------------------------------------------------------------------- */

static long
peak_rss_kib (void)
{
    struct rusage r;
    getrusage (RUSAGE_SELF, &r);
    return r.ru_maxrss;
}

/* Bytes by which one extraction of unit repeated to len bytes raises the peak resident set,
 * or -1 if it failed. Each runs in a process of its own: a process's peak never comes down,
 * so a second measurement in the same one would see only what exceeds the first. */
static int64_t
peak_growth (const char *unit, gboolean repair, size_t len)
{
    int fds[2];
    cr_assert (eq (int, pipe (fds), 0));
    pid_t pid = fork ();
    cr_assert (ge (int, pid, 0));
    if (pid == 0) {
        /* No Criterion asserts here: the parent reports. */
        int64_t grew = -1;
        bilat_options *o = NULL;
        bilat_extractor *ex = NULL;
        bilat_doc *doc = NULL;
        char *text = filled (unit, len);
        if (bilat_options_new (&o, NULL) == BILAT_OK &&
            bilat_options_set_repair_utf8 (o, repair, NULL) == BILAT_OK &&
            bilat_extractor_new (&ex, o, NULL) == BILAT_OK &&
            bilat_extract (&doc, ex, "warm up", 7, NULL) == BILAT_OK) {
            bilat_doc_free (doc);
            doc = NULL;
            long before = peak_rss_kib ();
            if (bilat_extract (&doc, ex, text, len, NULL) == BILAT_OK)
                grew = (int64_t) (peak_rss_kib () - before) * 1024;
        }
        ssize_t w = write (fds[1], &grew, sizeof grew);
        _exit (w == (ssize_t) sizeof grew ? 0 : 1);
    }
    close (fds[1]);
    int64_t grew = -1;
    ssize_t r = read (fds[0], &grew, sizeof grew);
    close (fds[0]);
    int status = 0;
    cr_assert (eq (int, waitpid (pid, &status, 0), pid));
    cr_assert (eq (sz, (size_t) r, sizeof grew), "the measuring process died (status %d)",
               status);
    cr_assert (ge (i64, grew, 0), "\"%s\": the extraction failed", unit);
    return grew;
}

/* Peak memory of one extraction is at most this many times the document's size (meson sets
 * MALLOC_PERTURB_, so every allocated byte is touched and counted). The worst inputs
 * measured: invalid bytes with repair (three bytes of text, an eight-byte offset shift and
 * a token each), 49x; a punctuation mark per byte (a token each, in an array that grows by
 * doubling), 39x; one-letter words, 36x; press-release text, 24x. Each ratio is the same at
 * 1 and 4 MiB (and was at 256 KiB, 16 and 64 MiB): memory grows with the document's size
 * and no faster, so the size limit bounds it. */
#define MEMORY_FACTOR 80

Test (limits, peak_memory_is_bounded_by_the_document_size_and_grows_no_faster, .timeout = 120)
{
    if (!measuring_is_meaningful ())
        cr_skip_test ("memory is measured only without sanitizers or valgrind");
    static const struct { const char *unit; gboolean repair; } worst[] = {
        { "\xff", TRUE }, { "a ", FALSE }, { ".,", FALSE }, { "(\"", FALSE },
        { "Kazakhstan and Turkmenistan ", FALSE },
        { "President Tokayev of Kazakhstan visited Ashgabat on 5 May 2023 and met Serdar "
          "Berdimuhamedov. The sides signed an agreement on trade and energy. ", FALSE },
    };
    for (size_t i = 0; i < G_N_ELEMENTS (worst); i++) {
        /* The bound at 4 MiB, and the same ratio (give or take 10 %) at a quarter the size:
         * memory per byte does not grow with the document. */
        size_t len = (size_t) 4 << 20;
        double big = (double) peak_growth (worst[i].unit, worst[i].repair, len) / (double) len;
        double small = (double) peak_growth (worst[i].unit, worst[i].repair, len / 4) /
                       (double) (len / 4);
        cr_log_info ("\"%s\": %.1fx at %zu KiB, %.1fx at %zu KiB", worst[i].unit, small,
                     len / 4096, big, len / 1024);
        cr_assert (le (dbl, big, MEMORY_FACTOR), "\"%s\": peak grew by %.1fx of a %zu KiB "
                   "document", worst[i].unit, big, len / 1024);
        cr_assert (le (dbl, big, small * 1.1 + 0.5), "\"%s\": %.1fx at %zu KiB, %.1fx at %zu "
                   "KiB", worst[i].unit, small, len / 4096, big, len / 1024);
    }
}

Test (limits, document_that_cannot_be_copied_is_enomem_not_an_abort, .timeout = 60)
{
    if (!measuring_is_meaningful ())
        cr_skip_test ("address-space limits do not mix with sanitizers or valgrind");
    bilat_extractor *ex = extractor_with (((size_t) 1 << 30) - 1, FALSE);
    /* A 512 MiB document (untouched zero pages) in a process allowed only 256 MiB more:
     * the normalized copy is the first allocation of that size, and it is a
     * g_try_malloc, so the call fails cleanly. */
    size_t len = (size_t) 512 << 20;
    char *text = g_malloc0 (len);
    long pages = 0;
    FILE *f = fopen ("/proc/self/statm", "r");
    cr_assert (not (zero (ptr, f)));
    cr_assert (eq (int, fscanf (f, "%ld", &pages), 1));
    fclose (f);
    struct rlimit rl;
    getrlimit (RLIMIT_AS, &rl);
    rl.rlim_cur = (rlim_t) pages * (rlim_t) sysconf (_SC_PAGESIZE) + ((rlim_t) 256 << 20);
    cr_assert (eq (int, setrlimit (RLIMIT_AS, &rl), 0));
    assert_fails (ex, text, len, BILAT_ENOMEM, -1, "cannot allocate");
    g_free (text);
    bilat_extractor_free (ex);
}

/* ---- time -------------------------------------------------------------------------------- */

static double
seconds_to_extract (const bilat_extractor *ex, const char *text, size_t len)
{
    double best = G_MAXDOUBLE;
    for (int run = 0; run < 3; run++) {
        gint64 t0 = g_get_monotonic_time ();
        assert_extracts (ex, text, len);
        best = MIN (best, (g_get_monotonic_time () - t0) / 1e6);
    }
    return best;
}

/* Four times the text may take four times as long, and some slack for caches and noise,
 * but not the sixteen times of a quadratic pass. */
static void
assert_linear (const char *unit, size_t small)
{
    bilat_extractor *ex = NULL;
    cr_assert (eq (int, bilat_extractor_new (&ex, NULL, NULL), BILAT_OK));
    char *text = filled (unit, small * 4);
    double a = seconds_to_extract (ex, text, small);
    double b = seconds_to_extract (ex, text, small * 4);
    cr_assert (le (dbl, b, 8 * a + 0.05),
               "\"%s\": %zu KiB took %.3f s, %zu KiB took %.3f s (%.1fx for 4x the text)",
               unit, small / 1024, a, small * 4 / 1024, b, b / a);
    g_free (text);
    bilat_extractor_free (ex);
}

TestSuite (linear_time, .timeout = 300);

Test (linear_time, one_sentence_of_dates)
{
    if (!measuring_is_meaningful ())
        cr_skip_test ("time is measured only without sanitizers or valgrind");
    assert_linear ("5 May 2023, ", 64 * 1024);
}

Test (linear_time, sentences_naming_people)
{
    if (!measuring_is_meaningful ())
        cr_skip_test ("time is measured only without sanitizers or valgrind");
    assert_linear ("Murat Nurtleu met Rashid Meredov. ", 128 * 1024);
}

Test (linear_time, sentences_reporting_visits)
{
    if (!measuring_is_meaningful ())
        cr_skip_test ("time is measured only without sanitizers or valgrind");
    assert_linear ("President Tokayev of Kazakhstan visited Ashgabat on 5 May 2023. ", 256 * 1024);
}

Test (linear_time, plain_words_and_punctuation)
{
    if (!measuring_is_meaningful ())
        cr_skip_test ("time is measured only without sanitizers or valgrind");
    assert_linear ("a b, c; d. ", 256 * 1024);
    assert_linear ("Kazakhstan and Turkmenistan ", 256 * 1024);
}
