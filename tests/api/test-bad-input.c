/* SPDX-License-Identifier: MIT */
/* Hostile and degenerate input through the public API: every call returns BILAT_OK or a
 * clear error, never crashes, and finishes. */
#include <bilat/bilat.h>

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../test-extractor.h"

TestSuite (bad_input, .init = make_extractor, .fini = free_extractor);

/* Valgrind runs code some fifty times slower, and Criterion's timeouts do not scale with
 * meson's multiplier: the tests whose timeout is their point (a quadratic pass would exceed
 * it) skip themselves there, and a smaller test of the same input runs instead. Valgrind's
 * preload library is in the environment of every process it traces. */
static bool
under_valgrind (void)
{
    const char *pre = getenv ("LD_PRELOAD");
    return pre && strstr (pre, "vgpreload");
}

/* A growing byte buffer (plain C: this file uses only the public header). */
typedef struct {
    char *data;
    size_t len, cap;
} buf;

static void
buf_add (buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *d = realloc (b->data, cap);
        cr_assert (not (zero (ptr, d)), "out of memory building the input");
        b->data = d;
        b->cap = cap;
    }
    memcpy (b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* s repeated n times. */
static buf
repeat (const char *s, size_t n)
{
    buf b = { 0 };
    size_t l = strlen (s);
    for (size_t i = 0; i < n; i++)
        buf_add (&b, s, l);
    return b;
}

/* n copies of one byte. */
static buf
fill (char c, size_t n)
{
    buf b = { 0 };
    b.data = malloc (n + 1);
    cr_assert (not (zero (ptr, b.data)));
    memset (b.data, c, n);
    b.data[n] = '\0';
    b.len = b.cap = n;
    return b;
}

/* Extract text and require BILAT_OK or a failure that explains itself. Returns the doc on
 * success (caller frees), NULL on a clean failure; *rc_out gets the code. */
static bilat_doc *
extract_any (const char *text, size_t len, int *rc_out)
{
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    int rc = bilat_extract (&doc, ex, text, len, &err);
    if (rc_out)
        *rc_out = rc;
    if (rc == BILAT_OK) {
        cr_assert (not (zero (ptr, doc)));
        cr_assert (zero (ptr, err));
        return doc;
    }
    cr_assert (zero (ptr, doc), "a failed call left a document");
    cr_assert (not (zero (ptr, err)), "failure %d without an error object", rc);
    cr_assert (eq (int, bilat_error_code (err), rc));
    cr_assert (not (eq (str, (char *) bilat_error_message (err), "")));
    cr_assert (rc == BILAT_ELIMIT || rc == BILAT_EPARSE || rc == BILAT_ENOMEM,
               "unexpected code %d: %s", rc, bilat_error_message (err));
    bilat_error_free (err);
    return NULL;
}

/* The document's facts serialize to JSON. */
static void
assert_serializes (const bilat_doc *doc)
{
    char *json = NULL;
    cr_assert (eq (int, bilat_doc_to_json (&json, doc, 0, NULL, NULL), BILAT_OK));
    cr_assert (not (zero (ptr, json)));
    cr_assert (eq (int, strncmp (json, "{\"schema\":\"bilateral-facts/1\"", 29), 0));
    bilat_free (json);
}

static size_t
n_all_facts (const bilat_doc *doc)
{
    size_t n = 0;
    for (int k = BILAT_FACT_STATE; k <= BILAT_FACT_STATUS; k++)
        n += bilat_doc_n_facts (doc, k);
    return n;
}

/* Extract b, expect success and a serializable document; frees b. Returns the fact count. */
static size_t
assert_survives (buf *b)
{
    int rc;
    bilat_doc *doc = extract_any (b->data, b->len, &rc);
    size_t n = 0;
    if (doc) {
        assert_serializes (doc);
        n = n_all_facts (doc);
        bilat_doc_free (doc);
    }
    free (b->data);
    b->data = NULL;
    return n;
}

/* ---- empty and blank ------------------------------------------------------------------------ */

Test (bad_input, empty_input_is_ok_with_zero_facts)
{
    int rc;
    bilat_doc *doc = extract_any ("", 0, &rc);
    cr_assert (eq (int, rc, BILAT_OK));
    cr_assert (eq (sz, n_all_facts (doc), 0));
    cr_assert (eq (sz, bilat_doc_n_sentences (doc), 0));
    assert_serializes (doc);
    bilat_doc_free (doc);
}

Test (bad_input, whitespace_only_is_ok_with_zero_facts)
{
    static const char text[] = "  \n\t\r\n \xC2\xA0 \xE2\x80\x83\n\n   ";
    int rc;
    bilat_doc *doc = extract_any (text, strlen (text), &rc);
    cr_assert (eq (int, rc, BILAT_OK));
    cr_assert (eq (sz, n_all_facts (doc), 0));
    cr_assert (eq (sz, bilat_doc_n_sentences (doc), 0));
    bilat_doc_free (doc);
}

Test (bad_input, punctuation_only_is_ok_with_zero_facts)
{
    static const char text[] = ". , ; : - -- ... ! ? ( ) [ ] \" ' ";
    int rc;
    bilat_doc *doc = extract_any (text, strlen (text), &rc);
    cr_assert (eq (int, rc, BILAT_OK));
    cr_assert (eq (sz, n_all_facts (doc), 0));
    bilat_doc_free (doc);
}

/* ---- invalid bytes -------------------------------------------------------------------------- */

Test (bad_input, invalid_utf8_is_a_parse_error_at_its_offset)
{
    static const char text[] = "The Foreign Minister of Kazakhstan \xC3\x28 visited Turkmenistan.";
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_extract (&doc, ex, text, strlen (text), &err), BILAT_EPARSE));
    cr_assert (zero (ptr, doc));
    cr_assert (eq (i64, bilat_error_offset (err), 35));
    cr_assert (not (eq (str, (char *) bilat_error_message (err), "")));
    bilat_error_free (err);
}

Test (bad_input, invalid_utf8_at_the_very_end_is_a_parse_error)
{
    static const char text[] = "Kazakhstan and Turkmenistan held talks \xF0\x9F\x98";
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_extract (&doc, ex, text, strlen (text), &err), BILAT_EPARSE));
    cr_assert (eq (i64, bilat_error_offset (err), (int64_t) strlen (text) - 3));
    bilat_error_free (err);
}

Test (bad_input, nul_byte_is_a_parse_error_at_its_offset)
{
    static const char text[] = "Kazakhstan\0Turkmenistan";
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_extract (&doc, ex, text, sizeof text - 1, &err), BILAT_EPARSE));
    cr_assert (zero (ptr, doc));
    cr_assert (eq (i64, bilat_error_offset (err), 10));
    bilat_error_free (err);
}

Test (bad_input, text_of_only_nul_bytes_is_a_parse_error_at_zero)
{
    buf b = fill ('\0', 4096);
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_extract (&doc, ex, b.data, b.len, &err), BILAT_EPARSE));
    cr_assert (eq (i64, bilat_error_offset (err), 0));
    bilat_error_free (err);
    free (b.data);
}

Test (bad_input, repair_mode_survives_nul_and_invalid_bytes)
{
    bilat_options *opts = NULL;
    bilat_extractor *x = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_repair_utf8 (opts, true, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_extractor_new (&x, opts, NULL), BILAT_OK));
    bilat_options_free (opts);
    static const char text[] = "\xFF\xFE\0Kazakhstan\0\xC0\xAF and Turkmenistan \xED\xA0\x80";
    bilat_doc *doc = NULL;
    cr_assert (eq (int, bilat_extract (&doc, x, text, sizeof text - 1, NULL), BILAT_OK));
    cr_assert (eq (sz, bilat_doc_n_facts (doc, BILAT_FACT_STATE), 2));
    for (size_t i = 0; i < 2; i++) {
        const bilat_fact *f = bilat_doc_fact (doc, BILAT_FACT_STATE, i);
        cr_assert (le (sz, bilat_fact_end (f), sizeof text - 1));
    }
    assert_serializes (doc);
    bilat_doc_free (doc);
    bilat_extractor_free (x);
}

Test (bad_input, repair_mode_survives_a_megabyte_of_bad_bytes, .timeout = 60)
{
    bilat_options *opts = NULL;
    bilat_extractor *x = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_repair_utf8 (opts, true, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_extractor_new (&x, opts, NULL), BILAT_OK));
    bilat_options_free (opts);
    /* Every byte grows to three: the normalized text is three times the input. */
    buf b = fill ('\xFF', 1024 * 1024);
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    int rc = bilat_extract (&doc, x, b.data, b.len, &err);
    cr_assert (rc == BILAT_OK || rc == BILAT_ELIMIT, "rc %d: %s", rc, bilat_error_message (err));
    bilat_error_free (err);
    bilat_doc_free (doc);
    bilat_extractor_free (x);
    free (b.data);
}

/* ---- big and degenerate documents ----------------------------------------------------------- */

static const char *const sentences[] = {
    "ASTANA, 5 November 2023 (Kazinform) - ",
    "The Foreign Minister of Kazakhstan paid an official visit to Turkmenistan on 5 November "
    "2023. ",
    "The sides discussed trade, energy, transport and cultural cooperation. ",
    "President Kassym-Jomart Tokayev received the Minister of Foreign Affairs of Turkmenistan "
    "Rashid Meredov in Astana. ",
    "Following the talks, the two countries signed a Memorandum of Understanding on "
    "cooperation in the field of education and a Programme of cooperation for 2024-2026. ",
    "Benin's Foreign Minister held a telephone conversation with his Ghanaian counterpart "
    "yesterday. ",
    "The \xE2\x80\x9C" "Central Asia \xE2\x80\x93 China\xE2\x80\x9D summit in Xi'an was attended "
    "by the leaders of the five states.\n\n",
    "T\xC3\xBCrkiye and Kazakhstan reaffirmed their comprehensive strategic partnership and "
    "agreed to hold the next round of political consultations in Ankara in early 2024. ",
};

/* Build about `target` bytes of the sentences above, repeated, and extract them. */
static void
assert_realistic_document_extracts (size_t target)
{
    buf b = { 0 };
    b.data = malloc (target + 1024);
    cr_assert (not (zero (ptr, b.data)));
    b.cap = target + 1024;
    size_t n = sizeof sentences / sizeof sentences[0];
    for (size_t i = 0; b.len < target; i++)
        buf_add (&b, sentences[i % n], strlen (sentences[i % n]));
    int rc;
    bilat_doc *doc = extract_any (b.data, b.len, &rc);
    cr_assert (eq (int, rc, BILAT_OK));
    /* The same few states, again and again: facts are merged, not multiplied. */
    cr_assert (le (sz, bilat_doc_n_facts (doc, BILAT_FACT_STATE), 20));
    cr_assert (gt (sz, bilat_doc_n_sentences (doc), target / 200));
    for (size_t i = 0; i < bilat_doc_n_facts (doc, BILAT_FACT_STATE); i++)
        cr_assert (le (sz, bilat_fact_end (bilat_doc_fact (doc, BILAT_FACT_STATE, i)), b.len));
    bilat_doc_free (doc);
    free (b.data);
}

Test (bad_input, four_megabytes_of_realistic_sentences_extract, .timeout = 60)
{
    assert_realistic_document_extracts (4u * 1024 * 1024);
}

Test (bad_input, fifty_megabytes_of_realistic_sentences_extract, .timeout = 60)
{
    if (under_valgrind ())
        cr_skip_test ("50 MB is too slow under valgrind; the 4 MB test runs there instead");
    assert_realistic_document_extracts (50u * 1024 * 1024);
}

Test (bad_input, megabyte_line_without_spaces_or_punctuation, .timeout = 60)
{
    buf b = fill ('x', 1024 * 1024);
    for (size_t i = 0; i < b.len; i += 7)
        b.data[i] = (char) ('A' + (char) (i % 26));
    size_t n = assert_survives (&b);
    cr_assert (eq (sz, n, 0));
}

Test (bad_input, megabyte_of_digits, .timeout = 60)
{
    buf b = fill ('7', 1024 * 1024);
    size_t n = assert_survives (&b);
    cr_assert (eq (sz, n, 0));
}

Test (bad_input, megabyte_of_spaced_digits, .timeout = 60)
{
    buf b = repeat ("19 ", 350000);
    assert_survives (&b);
}

Test (bad_input, open_parentheses, .timeout = 60)
{
    buf b = fill ('(', 200 * 1024);
    size_t n = assert_survives (&b);
    cr_assert (eq (sz, n, 0));
}

Test (bad_input, repeated_visit_keyword, .timeout = 60)
{
    buf b = repeat ("visit ", 200 * 1024 / 6);
    size_t n = assert_survives (&b);
    cr_assert (eq (sz, n, 0), "no state, so no fact");
}

Test (bad_input, repeated_visit_keyword_between_two_states, .timeout = 60)
{
    buf b = { 0 };
    buf_add (&b, "Kazakhstan ", 11);
    for (size_t i = 0; i < 200 * 1024 / 6; i++)
        buf_add (&b, "visit ", 6);
    buf_add (&b, "Turkmenistan.", 13);
    assert_survives (&b);
}

Test (bad_input, ten_thousand_day_ranges, .timeout = 60)
{
    buf b = repeat ("14-15 June 2023 ", 10000);
    assert_survives (&b);
}

Test (bad_input, hundred_thousand_day_ranges, .timeout = 10)
{
    if (under_valgrind ())
        cr_skip_test ("timed for a plain build; the 10,000-range test runs under valgrind");
    buf b = repeat ("14-15 June 2023 ", 100000);
    assert_survives (&b);
}

Test (bad_input, ten_thousand_day_ranges_in_a_visit_sentence, .timeout = 60)
{
    buf b = { 0 };
    static const char head[] = "The Foreign Minister of Kazakhstan paid an official visit to "
                               "Turkmenistan on ";
    buf_add (&b, head, strlen (head));
    for (size_t i = 0; i < 10000; i++)
        buf_add (&b, "14-15 June 2023 ", 16);
    assert_survives (&b);
}

Test (bad_input, twenty_thousand_day_ranges_in_separate_sentences, .timeout = 60)
{
    buf b = repeat ("Talks on 14-15 June 2023. ", 20000);
    assert_survives (&b);
}

Test (bad_input, hundred_thousand_day_ranges_in_separate_sentences, .timeout = 10)
{
    if (under_valgrind ())
        cr_skip_test ("timed for a plain build; the 20,000-sentence test runs under valgrind");
    buf b = repeat ("Talks on 14-15 June 2023. ", 100000);
    assert_survives (&b);
}

Test (bad_input, ten_thousand_capitalized_words_in_a_row, .timeout = 60)
{
    static const char *const words[] = { "Alpha", "Bravo", "Charlie", "Delta", "Echo",
                                         "Foxtrot", "Golf", "Hotel", "India", "Juliett",
                                         "Minister", "President", "Kazakhstan", "Mr" };
    buf b = { 0 };
    for (size_t i = 0; i < 10000; i++) {
        const char *w = words[(i * 7) % (sizeof words / sizeof words[0])];
        buf_add (&b, w, strlen (w));
        buf_add (&b, " ", 1);
    }
    assert_survives (&b);
}

Test (bad_input, ten_thousand_capitalized_names_in_a_row, .timeout = 60)
{
    buf b = { 0 };
    buf_add (&b, "Foreign Minister ", 17);
    for (size_t i = 0; i < 10000; i++) {
        char w[16];
        int n = snprintf (w, sizeof w, "Name%c%c ", (char) ('a' + (char) (i % 26)),
                          (char) ('a' + (char) (i / 26 % 26)));
        buf_add (&b, w, (size_t) n);
    }
    buf_add (&b, "visited Turkmenistan.", 21);
    assert_survives (&b);
}

/* Twenty thousand people who share a first name ("Ali"): each new name is compared with
 * the people filed under its words, which took minutes when every earlier namesake was
 * compared in full (0.7 s in a release build since). */
Test (bad_input, twenty_thousand_people_sharing_a_first_name, .timeout = 20)
{
    size_t n = under_valgrind () ? 500 : 20000;
    buf b = { 0 };
    for (size_t i = 0; i < n; i++) {
        char s[160];
        char sur[8] = { 'N', 'a', (char) ('a' + i % 26), (char) ('a' + i / 26 % 26),
                        (char) ('a' + i / 676 % 26), 'o', 'v', '\0' };
        int len = snprintf (s, sizeof s, "Foreign Minister Ali %s of Kazakhstan met Minister "
                                         "Ali %sa of Uzbekistan. ", sur, sur);
        buf_add (&b, s, (size_t) len);
    }
    size_t facts = assert_survives (&b);
    cr_assert (gt (sz, facts, n), "each of the %zu people is a fact", 2 * n);
}

Test (bad_input, hundred_thousand_commas, .timeout = 60)
{
    buf b = fill (',', 100000);
    size_t n = assert_survives (&b);
    cr_assert (eq (sz, n, 0));
}

Test (bad_input, hundred_thousand_comma_separated_states, .timeout = 60)
{
    /* A list the "states listed together" rule walks. */
    buf b = { 0 };
    buf_add (&b, "The leaders of ", 15);
    static const char *const states[] = { "Kazakhstan", "Turkmenistan", "Uzbekistan",
                                          "Kyrgyzstan", "Tajikistan" };
    for (size_t i = 0; i < 100000; i++) {
        const char *s = states[i % 5];
        buf_add (&b, s, strlen (s));
        buf_add (&b, ", ", 2);
    }
    buf_add (&b, "and Mongolia held talks in Astana on 5 November 2023.", 53);
    assert_survives (&b);
}

Test (bad_input, hundred_thousand_comma_separated_words_in_a_sentence, .timeout = 60)
{
    buf b = { 0 };
    static const char head[] = "The Presidents of Kazakhstan and Turkmenistan discussed ";
    buf_add (&b, head, strlen (head));
    for (size_t i = 0; i < 100000; i++)
        buf_add (&b, "trade, ", 7);
    buf_add (&b, "and energy.", 11);
    assert_survives (&b);
}

Test (bad_input, long_run_of_honorifics_and_offices, .timeout = 60)
{
    buf b = repeat ("His Excellency Mr President Minister of Foreign Affairs ", 5000);
    assert_survives (&b);
}

Test (bad_input, many_short_lines_and_datelines, .timeout = 60)
{
    buf b = repeat ("ASTANA, 5 November (Kazinform) -\n", 30000);
    assert_survives (&b);
}

Test (bad_input, deeply_repeated_apostrophes_and_dots, .timeout = 60)
{
    buf b = repeat ("U.S.'s'.'s.", 50000);
    assert_survives (&b);
}

Test (bad_input, long_multibyte_word, .timeout = 60)
{
    buf b = repeat ("\xD0\x9A\xD0\xB0\xD0\xB7", 200000);
    size_t n = assert_survives (&b);
    cr_assert (eq (sz, n, 0));
}

Test (bad_input, document_over_the_default_limit_is_elimit_without_reading_it)
{
    /* 64 MiB + 1: the length alone decides; the bytes are never touched. */
    size_t len = (size_t) 64 * 1024 * 1024 + 1;
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    static const char small[] = "x";
    /* Passing a short buffer with a long length is only safe because of the size check. */
    int rc = bilat_extract (&doc, ex, small, len, &err);
    cr_assert (eq (int, rc, BILAT_ELIMIT));
    cr_assert (zero (ptr, doc));
    cr_assert (not (eq (str, (char *) bilat_error_message (err), "")));
    bilat_error_free (err);
}
