/* SPDX-License-Identifier: MIT */
/* Date expressions, tested through the public API: short texts in, event and document
 * dates out. */
#include <bilat/bilat.h>

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <glib.h>
#include <string.h>

#include "../test-extractor.h"

TestSuite (dates, .init = make_extractor, .fini = free_extractor);

/* Extract text with a document date (NULL for none); the extraction must succeed. */
static bilat_doc *
extract_with_date (const char *text, const char *date)
{
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    int rc = bilat_extract_dated (&doc, ex, text, strlen (text), date, &err);
    cr_assert (eq (int, rc, BILAT_OK), "extract: %s", bilat_error_message (err));
    cr_assert (not (zero (ptr, doc)));
    return doc;
}

/* The first event of this type; the test fails when the extractor found none. */
static const bilat_fact *
event_of_type (const bilat_doc *doc, int type)
{
    size_t n = bilat_doc_n_facts (doc, BILAT_FACT_EVENT);
    for (size_t i = 0; i < n; i++) {
        const bilat_fact *f = bilat_doc_fact (doc, BILAT_FACT_EVENT, i);
        if (bilat_fact_event_type (f) == type)
            return f;
    }
    cr_fatal ("no event of type %d among %zu events", type, n);
    return NULL;
}

/* The date of the text's visit, as a string the test owns ("(null)" when none). */
static char *
visit_date (const char *text, const char *doc_date)
{
    bilat_doc *doc = extract_with_date (text, doc_date);
    const bilat_fact *f = event_of_type (doc, BILAT_EVENT_VISIT);
    cr_assert (eq (str, (char *) bilat_fact_actor (f), "KAZ"));
    cr_assert (eq (str, (char *) bilat_fact_target (f), "TKM"));
    const char *d = bilat_fact_date (f);
    char *r = g_strdup (d ? d : "(null)");
    bilat_doc_free (doc);
    return r;
}

static void
assert_visit_date (const char *when, const char *doc_date, const char *want)
{
    char *text = g_strdup_printf ("The Foreign Minister of Kazakhstan paid an official visit to "
                                  "Turkmenistan %s.", when);
    char *got = visit_date (text, doc_date);
    cr_assert (eq (str, got, (char *) want), "\"%s\" with document date %s", when,
               doc_date ? doc_date : "(none)");
    g_free (got);
    g_free (text);
}

/* The same for an announced visit ("will pay"). */
static void
assert_coming_visit_date (const char *when, const char *doc_date, const char *want)
{
    char *text = g_strdup_printf ("The Foreign Minister of Kazakhstan will pay an official visit "
                                  "to Turkmenistan %s.", when);
    char *got = visit_date (text, doc_date);
    cr_assert (eq (str, got, (char *) want), "\"%s\" with document date %s", when, doc_date);
    g_free (got);
    g_free (text);
}

/* ---- absolute dates ------------------------------------------------------------------------- */

Test (dates, day_month_year_is_the_visit_date)
{
    char *got = visit_date ("The Foreign Minister of Kazakhstan paid an official visit to "
                            "Turkmenistan on 5 November 2023.", "2023-12-01");
    cr_assert (eq (str, got, "2023-11-05"));
    g_free (got);
}

Test (dates, full_date_needs_no_document_date)
{
    assert_visit_date ("on 5 November 2023", NULL, "2023-11-05");
}

Test (dates, full_date_wins_over_the_document_year)
{
    assert_visit_date ("on 5 November 2019", "2023-11-28", "2019-11-05");
}

Test (dates, month_name_first_with_comma_and_year)
{
    assert_visit_date ("on November 5, 2023", NULL, "2023-11-05");
}

Test (dates, ordinal_day_with_of)
{
    assert_visit_date ("on 5th of November, 2023", NULL, "2023-11-05");
}

Test (dates, abbreviated_months_with_dots)
{
    assert_visit_date ("on 5 Nov. 2023", NULL, "2023-11-05");
    assert_visit_date ("on Sept. 5, 2023", NULL, "2023-09-05");
}

Test (dates, weekday_before_a_full_date_is_ignored)
{
    assert_visit_date ("on Tuesday, 28 November 2023", NULL, "2023-11-28");
}

Test (dates, iso_date_is_read)
{
    assert_visit_date ("on 2023-11-05", NULL, "2023-11-05");
}

Test (dates, dotted_day_month_year_is_read_day_first)
{
    assert_visit_date ("on 05.11.2023", NULL, "2023-11-05");
}

Test (dates, plain_day_month_forms_and_their_neighbours_read_alike)
{
    /* dates.c reads the plain forms without the pattern and leaves the rest to it; both
     * must read what the pattern reads. */
    assert_visit_date ("on 5 November, 2023", NULL, "2023-11-05");
    assert_visit_date ("on November 5 2023", NULL, "2023-11-05");
    assert_visit_date ("on November 5 to 7, 2023", NULL, "2023-11-05");
    assert_visit_date ("on November 5th, 2023", NULL, "2023-11-05");
    /* No year there: the day and month take the document's. */
    assert_visit_date ("on 5 November 20231", "2023-11-28", "2023-11-05");
}

Test (dates, month_year_resolves_against_document_date)
{
    assert_visit_date ("in October 2021", "2023-11-28", "2021-10");
}

Test (dates, year_alone_is_a_year)
{
    assert_visit_date ("in 2022", NULL, "2022");
}

Test (dates, impossible_day_is_never_reported)
{
    char *got = visit_date ("The Foreign Minister of Kazakhstan paid an official visit to "
                            "Turkmenistan on 31 February 2024.", NULL);
    cr_assert (not (eq (str, got, "2024-02-31")));
    cr_assert (eq (str, got, "2024-02"), "the month is still known");
    g_free (got);
}

/* ---- day ranges ----------------------------------------------------------------------------- */

Test (dates, day_range_without_year_is_its_first_day)
{
    assert_coming_visit_date ("on 14-15 June", "2024-05-01", "2024-06-14");
}

Test (dates, day_range_with_and_and_year)
{
    assert_visit_date ("on 14 and 15 June 2024", NULL, "2024-06-14");
}

Test (dates, month_first_day_range_with_year)
{
    assert_visit_date ("on June 14-15, 2024", NULL, "2024-06-14");
}

/* ---- days and months without a year -------------------------------------------------------- */

Test (dates, day_month_in_the_weeks_after_the_document_keeps_its_year)
{
    assert_coming_visit_date ("on 3 February", "2024-01-10", "2024-02-03");
}

Test (dates, day_month_long_after_the_document_is_last_year)
{
    /* Written on 10 January, "28 December" is the one just past. */
    assert_visit_date ("on 28 December", "2024-01-10", "2023-12-28");
}

Test (dates, month_alone_long_after_the_document_is_last_year)
{
    assert_visit_date ("in December", "2024-01-10", "2023-12");
}

Test (dates, day_month_just_after_new_year_is_next_year)
{
    assert_coming_visit_date ("on 10 January", "2023-12-20", "2024-01-10");
}

Test (dates, month_just_after_new_year_is_next_year)
{
    assert_coming_visit_date ("in January", "2023-12-20", "2024-01");
}

Test (dates, without_a_document_date_day_month_stays_unresolved)
{
    assert_visit_date ("on 28 November", NULL, "(null)");
}

/* ---- relative dates ------------------------------------------------------------------------- */

Test (dates, yesterday_is_the_day_before_the_document_date)
{
    assert_visit_date ("yesterday", "2023-11-28", "2023-11-27");
}

Test (dates, yesterday_crosses_month_year_and_leap_day)
{
    assert_visit_date ("yesterday", "2024-03-01", "2024-02-29");
    assert_visit_date ("yesterday", "2024-01-01", "2023-12-31");
}

Test (dates, today_is_the_document_date)
{
    assert_visit_date ("today", "2023-11-28", "2023-11-28");
}

Test (dates, relative_date_without_a_document_date_is_not_guessed)
{
    assert_visit_date ("yesterday", NULL, "(null)");
}

Test (dates, last_month_name_is_the_latest_such_month)
{
    assert_visit_date ("last October", "2023-11-28", "2023-10");
    assert_visit_date ("last December", "2024-01-10", "2023-12");
}

Test (dates, next_month_name_is_the_coming_such_month)
{
    assert_coming_visit_date ("next March", "2023-11-28", "2024-03");
    assert_coming_visit_date ("next January", "2023-12-20", "2024-01");
}

Test (dates, early_and_mid_month_keep_month_precision)
{
    assert_visit_date ("in early October", "2023-11-28", "2023-10");
    assert_visit_date ("in mid-October", "2023-11-28", "2023-10");
}

Test (dates, last_week_and_last_month_have_month_precision)
{
    assert_visit_date ("last week", "2023-11-28", "2023-11");
    assert_visit_date ("last month", "2023-11-28", "2023-10");
    assert_visit_date ("last month", "2024-01-15", "2023-12");
}

Test (dates, weekday_is_the_latest_such_day_up_to_the_document)
{
    /* 2023-11-29 is a Wednesday. */
    assert_visit_date ("on Monday", "2023-11-29", "2023-11-27");
    assert_visit_date ("on Wednesday", "2023-11-29", "2023-11-29");
    assert_visit_date ("on Thursday", "2023-11-29", "2023-11-23");
}

Test (dates, next_weekday_is_after_the_document)
{
    assert_coming_visit_date ("next Monday", "2023-11-29", "2023-12-04");
    assert_coming_visit_date ("next Wednesday", "2023-11-29", "2023-12-06");
}

/* ---- periods and starting points ------------------------------------------------------------ */

Test (dates, year_range_is_never_an_event_date)
{
    bilat_doc *doc = extract_with_date ("Kazakhstan and Turkmenistan signed a programme of "
                                        "cooperation for 2024-2026.", "2025-01-10");
    const bilat_fact *f = event_of_type (doc, BILAT_EVENT_AGREEMENT);
    const char *d = bilat_fact_date (f);
    cr_assert (zero (ptr, (void *) d), "a period is not when it was signed, got %s", d);
    bilat_doc_free (doc);
}

Test (dates, year_range_does_not_displace_the_signing_date)
{
    bilat_doc *doc = extract_with_date ("On 12 March 2024 Kazakhstan and Turkmenistan signed a "
                                        "programme of cooperation for 2024-2026.", "2025-01-10");
    const bilat_fact *f = event_of_type (doc, BILAT_EVENT_AGREEMENT);
    cr_assert (eq (str, (char *) bilat_fact_date (f), "2024-03-12"));
    bilat_doc_free (doc);
}

Test (dates, short_year_range_is_never_an_event_date)
{
    bilat_doc *doc = extract_with_date ("In 2023-24 the Foreign Minister of Kazakhstan paid an "
                                        "official visit to Turkmenistan.", "2025-01-10");
    const bilat_fact *f = event_of_type (doc, BILAT_EVENT_VISIT);
    cr_assert (zero (ptr, (void *) bilat_fact_date (f)));
    bilat_doc_free (doc);
}

Test (dates, since_year_is_never_an_event_date)
{
    bilat_doc *doc = extract_with_date ("Kazakhstan and Turkmenistan, partners since 1992, held "
                                        "talks in Ashgabat.", NULL);
    const bilat_fact *f = event_of_type (doc, BILAT_EVENT_MEETING);
    cr_assert (zero (ptr, (void *) bilat_fact_date (f)), "got %s", bilat_fact_date (f));
    bilat_doc_free (doc);
}

Test (dates, since_year_does_not_displace_the_visit_date)
{
    assert_visit_date ("on 5 November 2023, the first since 1992", NULL, "2023-11-05");
}

/* ---- the document date ---------------------------------------------------------------------- */

Test (dates, document_date_is_the_one_given_to_the_call)
{
    bilat_doc *doc = extract_with_date ("Talks were held.", "2023-11-28");
    cr_assert (eq (str, (char *) bilat_doc_date (doc), "2023-11-28"));
    bilat_doc_free (doc);
}

Test (dates, document_without_a_date_has_none)
{
    bilat_doc *doc = extract_with_date ("Talks were held.", NULL);
    cr_assert (zero (ptr, (void *) bilat_doc_date (doc)));
    bilat_doc_free (doc);
}

Test (dates, options_date_is_used_when_the_call_gives_none)
{
    bilat_options *opts = NULL;
    bilat_extractor *dated = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_date (opts, "2023-11-28", NULL), BILAT_OK));
    cr_assert (eq (int, bilat_extractor_new (&dated, opts, NULL), BILAT_OK));
    bilat_options_free (opts);

    static const char text[] = "The Foreign Minister of Kazakhstan paid an official visit to "
                               "Turkmenistan yesterday.";
    bilat_doc *doc = NULL;
    cr_assert (eq (int, bilat_extract (&doc, dated, text, strlen (text), NULL), BILAT_OK));
    cr_assert (eq (str, (char *) bilat_doc_date (doc), "2023-11-28"));
    cr_assert (eq (str, (char *) bilat_fact_date (event_of_type (doc, BILAT_EVENT_VISIT)),
                   "2023-11-27"));
    bilat_doc_free (doc);

    /* The call's own date wins over the options'. */
    cr_assert (eq (int, bilat_extract_dated (&doc, dated, text, strlen (text), "2024-03-01",
                                             NULL), BILAT_OK));
    cr_assert (eq (str, (char *) bilat_doc_date (doc), "2024-03-01"));
    cr_assert (eq (str, (char *) bilat_fact_date (event_of_type (doc, BILAT_EVENT_VISIT)),
                   "2024-02-29"));
    bilat_doc_free (doc);
    bilat_extractor_free (dated);
}

Test (dates, malformed_document_date_is_a_parse_error)
{
    static const char *const bad[] = { "2023-11-31", "28.11.2023", "2023-11", "yesterday", "" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        bilat_doc *doc = NULL;
        bilat_error *err = NULL;
        int rc = bilat_extract_dated (&doc, ex, "Talks.", 6, bad[i], &err);
        cr_assert (eq (int, rc, BILAT_EPARSE), "\"%s\"", bad[i]);
        cr_assert (zero (ptr, doc));
        cr_assert (eq (int, bilat_error_code (err), BILAT_EPARSE));
        cr_assert (not (zero (ptr, strstr (bilat_error_message (err), bad[i]))));
        bilat_error_free (err);
    }
}
