/* SPDX-License-Identifier: MIT */
/* The commonest dates ("2024", "5 March 2024", "March 5, 2024", "today") are read by hand,
 * without the date pattern; the pattern stays the definition. These tests hold the two
 * together: texts built from date pieces at random, each place a date may start read both
 * ways, through the internal check bilat__dates_check_plain. */
#include "../../lib/extract/extract-private.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <glib.h>

/* Pieces that make and unmake dates: numbers of every width, full and short month names and
 * words that start like them, relative words in each case, joiners, punctuation, white
 * space of several kinds, bytes beyond ASCII. */
static const char *const pieces[] = {
    "5", "12", "1", "31", "2024", "1999", "2020", "26", "05", "123", "20245", "2024-05-01",
    "2024-05", "2024-5-1", "5.3.2024", "March", "May", "June", "July", "Jan.", "Sept",
    "September", "Mayor", "Marching", "Mar", "today", "Today", "TODAY", "todays", "yesterday",
    "tomorrow", "this", "This", "last", "Next", "next", "week", "month", "year", "years",
    "Year", "Monday", "of", "and", "to", "toward", "-", ",", ".", ";", "th", "st", "_", "x",
    "'s", "(", "\n", "\t", "  ", "\r", "\xc2\xa0", "\xc3\xa9", "\xe2\x80\x93"
};

/* n random texts of up to eight pieces; the places that differ, and in *n_plain the places
 * read by hand. */
static size_t
check_random_texts (guint32 seed, int n, const GDate *date, size_t *n_plain)
{
    GRand *r = g_rand_new_with_seed (seed);
    size_t differ = 0;
    *n_plain = 0;
    for (int i = 0; i < n; i++) {
        GString *s = g_string_new (NULL);
        for (int k = g_rand_int_range (r, 1, 9); k > 0; k--) {
            g_string_append (s, pieces[g_rand_int_range (r, 0, G_N_ELEMENTS (pieces))]);
            int sep = g_rand_int_range (r, 0, 6);
            if (sep < 3)
                g_string_append_c (s, ' ');
            else if (sep == 3)
                g_string_append (s, ", ");
        }
        size_t read = 0;
        differ += bilat__dates_check_plain (s->str, s->len, date, &read);
        *n_plain += read;
        g_string_free (s, TRUE);
    }
    g_rand_free (r);
    return differ;
}

Test (dates_plain, agree_with_the_pattern_with_a_document_date)
{
    GDate date;
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 15, G_DATE_JUNE, 2024);
    size_t n_plain;
    cr_expect (eq (sz, check_random_texts (7, 40000, &date, &n_plain), 0));
    /* The hand reading was exercised, not skipped. */
    cr_expect (gt (sz, n_plain, 10000));
}

Test (dates_plain, agree_with_the_pattern_without_a_document_date)
{
    size_t n_plain;
    cr_expect (eq (sz, check_random_texts (11, 40000, NULL, &n_plain), 0));
    cr_expect (gt (sz, n_plain, 10000));
}

Test (dates_plain, read_the_common_forms)
{
    GDate date;
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2025);
    const char *texts[] = { "2024", "2024-2026", "2024-05-01", "5 March 2024", "12 May",
                            "March 5, 2024", "May 12", "today", "last week", "this year" };
    for (size_t i = 0; i < G_N_ELEMENTS (texts); i++) {
        size_t n_plain;
        cr_expect (eq (sz, bilat__dates_check_plain (texts[i], strlen (texts[i]), &date, &n_plain),
                       0), "%s", texts[i]);
        /* At its start, and at a year inside it. */
        cr_expect (ge (sz, n_plain, 1), "%s is read by hand", texts[i]);
    }
}

Test (dates_plain, leave_the_rest_to_the_pattern)
{
    /* Ordinals, ranges, "of", short month names, weekdays, dotted dates, a month without a
     * day: no place in them is read by hand. */
    const char *texts[] = { "5th March", "5-7 Sept", "5 and 6 Sept", "March 5 to 7",
                            "the 5th of March", "Jan. 5", "Sept 12", "Monday", "5.3.",
                            "March" };
    for (size_t i = 0; i < G_N_ELEMENTS (texts); i++) {
        size_t n_plain;
        cr_expect (eq (sz, bilat__dates_check_plain (texts[i], strlen (texts[i]), NULL, &n_plain),
                       0), "%s", texts[i]);
        cr_expect (eq (sz, n_plain, 0), "%s is the pattern's", texts[i]);
    }
}
