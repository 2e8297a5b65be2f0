/* SPDX-License-Identifier: MIT */
/* The public API as a user sees it: versions, misuse, errors, options, dictionaries, JSON
 * and spans. Only <bilat/bilat.h>; linked against libbilat.so. */
#include <bilat/bilat.h>

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "../test-extractor.h"

TestSuite (api, .init = make_extractor, .fini = free_extractor);

/* A non-NULL pointer that must be replaced by NULL when a call fails. */
static int sentinel;
#define JUNK(type) ((type *) (void *) &sentinel)

static const char visit_text[] = "The Foreign Minister of Kazakhstan paid an official visit to "
                                 "Turkmenistan on 5 November 2023.";

static bilat_doc *
extract_ok (const bilat_extractor *x, const char *text, size_t len)
{
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    int rc = bilat_extract (&doc, x, text, len, &err);
    cr_assert (eq (int, rc, BILAT_OK), "extract: %s", bilat_error_message (err));
    cr_assert (zero (ptr, err));
    cr_assert (not (zero (ptr, doc)));
    return doc;
}

/* The state fact with this alpha-3 code, or NULL. */
static const bilat_fact *
state_fact (const bilat_doc *doc, const char *code)
{
    for (size_t i = 0; i < bilat_doc_n_facts (doc, BILAT_FACT_STATE); i++) {
        const bilat_fact *f = bilat_doc_fact (doc, BILAT_FACT_STATE, i);
        if (strcmp (bilat_fact_text (f), code) == 0)
            return f;
    }
    return NULL;
}

/* Assert that the state fact for code spans exactly `written` in the caller's text. */
static void
assert_state_span (const bilat_doc *doc, const char *text, size_t len, const char *code,
                   const char *written)
{
    const bilat_fact *f = state_fact (doc, code);
    cr_assert (not (zero (ptr, (void *) f)), "no state fact %s", code);
    size_t s = bilat_fact_start (f), e = bilat_fact_end (f);
    cr_assert (le (sz, s, e));
    cr_assert (le (sz, e, len), "%s span [%zu, %zu) is past the text", code, s, e);
    char *got = g_strndup (text + s, e - s);
    cr_assert (eq (str, got, (char *) written), "%s span [%zu, %zu)", code, s, e);
    g_free (got);
}

/* Expect rc to be a failure code with a non-empty message in *errp; frees and clears it. The
 * error is passed by address so that it is read after the call under test has set it. */
static void
assert_failed (int rc, int want, bilat_error **errp)
{
    bilat_error *err = *errp;
    *errp = NULL;
    cr_assert (eq (int, rc, want));
    cr_assert (not (zero (ptr, err)), "no error object for %s", bilat_strerror (want));
    cr_assert (eq (int, bilat_error_code (err), want));
    cr_assert (not (eq (str, (char *) bilat_error_message (err), "")), "empty message");
    bilat_error_free (err);
}

/* ---- versions ------------------------------------------------------------------------------- */

Test (api, version_number_agrees_with_the_macros)
{
    cr_assert (eq (int, bilat_version (),
                   BILAT_VERSION_MAJOR * 10000 + BILAT_VERSION_MINOR * 100 + BILAT_VERSION_MICRO));
}

Test (api, version_string_agrees_with_the_macros)
{
    cr_assert (eq (str, (char *) bilat_version_string (), BILAT_VERSION_STRING));
    char *want = g_strdup_printf ("%d.%d.%d", BILAT_VERSION_MAJOR, BILAT_VERSION_MINOR,
                                  BILAT_VERSION_MICRO);
    cr_assert (eq (str, (char *) bilat_version_string (), want));
    g_free (want);
}

Test (api, check_version_compares_against_the_headers)
{
    bool same = BILAT_CHECK_VERSION (BILAT_VERSION_MAJOR, BILAT_VERSION_MINOR,
                                     BILAT_VERSION_MICRO);
    bool zero_ok = BILAT_CHECK_VERSION (0, 0, 0);
    bool next_micro = BILAT_CHECK_VERSION (BILAT_VERSION_MAJOR, BILAT_VERSION_MINOR,
                                           BILAT_VERSION_MICRO + 1);
    bool next_minor = BILAT_CHECK_VERSION (BILAT_VERSION_MAJOR, BILAT_VERSION_MINOR + 1, 0);
    bool next_major = BILAT_CHECK_VERSION (BILAT_VERSION_MAJOR + 1, 0, 0);
    bool older = BILAT_CHECK_VERSION (BILAT_VERSION_MAJOR - 1, 99, 99);
    cr_assert (same);
    cr_assert (zero_ok);
    cr_assert (not (next_micro));
    cr_assert (not (next_minor));
    cr_assert (not (next_major));
    cr_assert (older);
}

/* ---- misuse: NULL handles and bad arguments ----------------------------------------------- */

Test (api, freeing_null_is_fine)
{
    bilat_options_free (NULL);
    bilat_extractor_free (NULL);
    bilat_doc_free (NULL);
    bilat_error_free (NULL);
    bilat_free (NULL);
    cr_assert (true, "no crash");
}

Test (api, options_new_without_out_is_einval)
{
    bilat_error *err = NULL;
    assert_failed (bilat_options_new (NULL, &err), BILAT_EINVAL, &err);
}

Test (api, option_setters_on_null_options_are_einval)
{
    bilat_error *err = NULL;
    assert_failed (bilat_options_set_date (NULL, "2023-11-28", &err), BILAT_EINVAL, &err);
    assert_failed (bilat_options_set_max_size (NULL, 100, &err), BILAT_EINVAL, &err);
    assert_failed (bilat_options_set_repair_utf8 (NULL, true, &err), BILAT_EINVAL, &err);
    assert_failed (bilat_options_add_dictionary (NULL, BILAT_DICT_STATES, "", 0, &err),
                   BILAT_EINVAL, &err);
    assert_failed (bilat_options_add_dictionary_file (NULL, BILAT_DICT_STATES, "/dev/null",
                                                      &err), BILAT_EINVAL, &err);
}

Test (api, bad_option_arguments_are_einval)
{
    bilat_options *opts = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    bilat_error *err = NULL;
    assert_failed (bilat_options_set_max_size (opts, 0, &err), BILAT_EINVAL, &err);
    assert_failed (bilat_options_add_dictionary (opts, 0, "", 0, &err), BILAT_EINVAL, &err);
    assert_failed (bilat_options_add_dictionary (opts, 99, "", 0, &err), BILAT_EINVAL, &err);
    assert_failed (bilat_options_add_dictionary (opts, BILAT_DICT_STATES, NULL, 10, &err),
                   BILAT_EINVAL, &err);
    assert_failed (bilat_options_add_dictionary_file (opts, BILAT_DICT_STATES, NULL, &err),
                   BILAT_EINVAL, &err);
    assert_failed (bilat_options_add_dictionary_file (opts, 42, "/dev/null", &err),
                   BILAT_EINVAL, &err);
    bilat_options_free (opts);
}

Test (api, extractor_new_without_out_is_einval)
{
    bilat_error *err = NULL;
    assert_failed (bilat_extractor_new (NULL, NULL, &err), BILAT_EINVAL, &err);
}

Test (api, extract_misuse_is_einval_and_leaves_out_null)
{
    bilat_error *err = NULL;
    assert_failed (bilat_extract (NULL, ex, "x", 1, &err), BILAT_EINVAL, &err);

    bilat_doc *doc = JUNK (bilat_doc);
    assert_failed (bilat_extract (&doc, NULL, "x", 1, &err), BILAT_EINVAL, &err);
    cr_assert (zero (ptr, doc));

    doc = JUNK (bilat_doc);
    assert_failed (bilat_extract (&doc, ex, NULL, 5, &err), BILAT_EINVAL, &err);
    cr_assert (zero (ptr, doc));

    doc = JUNK (bilat_doc);
    assert_failed (bilat_extract_dated (&doc, NULL, "x", 1, "2023-11-28", &err), BILAT_EINVAL,
                   &err);
    cr_assert (zero (ptr, doc));
}

Test (api, null_text_of_length_zero_is_an_empty_document)
{
    bilat_doc *doc = extract_ok (ex, NULL, 0);
    for (int k = BILAT_FACT_STATE; k <= BILAT_FACT_STATUS; k++)
        cr_assert (eq (sz, bilat_doc_n_facts (doc, k), 0));
    bilat_doc_free (doc);
}

Test (api, to_json_misuse_is_einval_and_leaves_out_null)
{
    bilat_error *err = NULL;
    assert_failed (bilat_doc_to_json (NULL, NULL, 0, NULL, &err), BILAT_EINVAL, &err);
    char *json = JUNK (char);
    assert_failed (bilat_doc_to_json (&json, NULL, 0, NULL, &err), BILAT_EINVAL, &err);
    cr_assert (zero (ptr, json));
}

Test (api, misuse_without_an_error_pointer_still_returns_the_code)
{
    cr_assert (eq (int, bilat_options_new (NULL, NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_options_set_date (NULL, NULL, NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_extractor_new (NULL, NULL, NULL), BILAT_EINVAL));
    bilat_doc *doc = NULL;
    cr_assert (eq (int, bilat_extract (&doc, NULL, "x", 1, NULL), BILAT_EINVAL));
    char *json = NULL;
    cr_assert (eq (int, bilat_doc_to_json (&json, NULL, 0, NULL, NULL), BILAT_EINVAL));
}

Test (api, doc_getters_on_null_give_safe_defaults)
{
    cr_assert (zero (ptr, (void *) bilat_doc_date (NULL)));
    cr_assert (eq (sz, bilat_doc_n_sentences (NULL), 0));
    cr_assert (eq (sz, bilat_doc_n_facts (NULL, BILAT_FACT_STATE), 0));
    cr_assert (zero (ptr, (void *) bilat_doc_fact (NULL, BILAT_FACT_STATE, 0)));
}

Test (api, fact_getters_on_null_give_safe_defaults)
{
    const bilat_fact *f = NULL;
    cr_assert (eq (int, bilat_fact_kind (f), 0));
    cr_assert (eq (sz, bilat_fact_start (f), 0));
    cr_assert (eq (sz, bilat_fact_end (f), 0));
    cr_assert (eq (int, bilat_fact_sentence (f), -1));
    cr_assert (zero (ptr, (void *) bilat_fact_rule (f)));
    cr_assert (zero (ptr, (void *) bilat_fact_text (f)));
    cr_assert (zero (ptr, (void *) bilat_fact_state (f)));
    cr_assert (eq (sz, bilat_fact_n_parties (f), 0));
    cr_assert (zero (ptr, (void *) bilat_fact_party (f, 0)));
    cr_assert (eq (sz, bilat_fact_n_offices (f), 0));
    cr_assert (zero (ptr, (void *) bilat_fact_office (f, 0)));
    cr_assert (eq (int, bilat_fact_event_type (f), 0));
    cr_assert (zero (ptr, (void *) bilat_fact_actor (f)));
    cr_assert (zero (ptr, (void *) bilat_fact_target (f)));
    cr_assert (zero (ptr, (void *) bilat_fact_level (f)));
    cr_assert (zero (ptr, (void *) bilat_fact_mode (f)));
    cr_assert (zero (ptr, (void *) bilat_fact_place (f)));
    cr_assert (zero (ptr, (void *) bilat_fact_date (f)));
    cr_assert (zero (ptr, (void *) bilat_fact_title (f)));
    cr_assert (eq (sz, bilat_fact_n_persons (f), 0));
    cr_assert (zero (ptr, (void *) bilat_fact_person (f, 0)));
    cr_assert (zero (ptr, (void *) bilat_fact_cameo (f)));
    cr_assert (zero (ptr, (void *) bilat_fact_plover (f)));
}

Test (api, doc_fact_out_of_range_or_unknown_kind_is_null)
{
    bilat_doc *doc = extract_ok (ex, visit_text, strlen (visit_text));
    size_t n = bilat_doc_n_facts (doc, BILAT_FACT_STATE);
    cr_assert (eq (sz, n, 2));
    cr_assert (zero (ptr, (void *) bilat_doc_fact (doc, BILAT_FACT_STATE, n)));
    cr_assert (zero (ptr, (void *) bilat_doc_fact (doc, BILAT_FACT_STATE, (size_t) -1)));
    cr_assert (eq (sz, bilat_doc_n_facts (doc, 0), 0));
    cr_assert (eq (sz, bilat_doc_n_facts (doc, 8), 0));
    cr_assert (eq (sz, bilat_doc_n_facts (doc, -1), 0));
    cr_assert (zero (ptr, (void *) bilat_doc_fact (doc, 0, 0)));
    cr_assert (zero (ptr, (void *) bilat_doc_fact (doc, 99, 0)));
    const bilat_fact *f = bilat_doc_fact (doc, BILAT_FACT_STATE, 0);
    cr_assert (zero (ptr, (void *) bilat_fact_party (f, 5)));
    cr_assert (zero (ptr, (void *) bilat_fact_office (f, 0)));
    bilat_doc_free (doc);
}

Test (api, error_getters_on_null_give_safe_defaults)
{
    cr_assert (eq (int, bilat_error_code (NULL), BILAT_OK));
    cr_assert (eq (str, (char *) bilat_error_message (NULL), ""));
    cr_assert (eq (i64, bilat_error_offset (NULL), -1));
}

Test (api, strerror_describes_every_code)
{
    static const int codes[] = { BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM, BILAT_EIO, BILAT_EPARSE,
                                 BILAT_ENOTFOUND, BILAT_ELIMIT };
    for (size_t i = 0; i < G_N_ELEMENTS (codes); i++) {
        const char *s = bilat_strerror (codes[i]);
        cr_assert (not (zero (ptr, (void *) s)));
        cr_assert (not (eq (str, (char *) s, "")));
        for (size_t j = 0; j < i; j++)
            cr_assert (not (eq (str, (char *) s, (char *) bilat_strerror (codes[j]))),
                       "codes %d and %d share a description", codes[i], codes[j]);
    }
    cr_assert (not (zero (ptr, (void *) bilat_strerror (-1000))));
    cr_assert (not (zero (ptr, (void *) bilat_strerror (12345))));
}

Test (api, error_codes_keep_their_values)
{
    cr_assert (eq (int, BILAT_OK, 0));
    cr_assert (eq (int, BILAT_EINVAL, -1));
    cr_assert (eq (int, BILAT_ENOMEM, -2));
    cr_assert (eq (int, BILAT_EIO, -3));
    cr_assert (eq (int, BILAT_EPARSE, -4));
    cr_assert (eq (int, BILAT_ENOTFOUND, -5));
    cr_assert (eq (int, BILAT_ELIMIT, -6));
}

/* ---- error ownership ------------------------------------------------------------------------ */

Test (api, a_set_error_is_not_overwritten)
{
    bilat_options *opts = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_options_set_date (opts, "not a date", &err), BILAT_EPARSE));
    bilat_error *first = err;
    char *first_msg = g_strdup (bilat_error_message (err));
    /* A second failure returns its own code but leaves the first error in place. */
    cr_assert (eq (int, bilat_options_set_max_size (opts, 0, &err), BILAT_EINVAL));
    cr_assert (eq (ptr, err, first));
    cr_assert (eq (int, bilat_error_code (err), BILAT_EPARSE));
    cr_assert (eq (str, (char *) bilat_error_message (err), first_msg));
    g_free (first_msg);
    bilat_error_free (err);
    bilat_options_free (opts);
}

Test (api, success_leaves_the_error_untouched)
{
    bilat_error *err = NULL;
    bilat_doc *doc = NULL;
    cr_assert (eq (int, bilat_extract (&doc, ex, visit_text, strlen (visit_text), &err),
                   BILAT_OK));
    cr_assert (zero (ptr, err));
    bilat_doc_free (doc);

    /* A caller's earlier error survives a later success, too. */
    cr_assert (eq (int, bilat_options_new (NULL, &err), BILAT_EINVAL));
    bilat_error *first = err;
    cr_assert (eq (int, bilat_extract (&doc, ex, visit_text, strlen (visit_text), &err),
                   BILAT_OK));
    cr_assert (eq (ptr, err, first));
    cr_assert (eq (int, bilat_error_code (err), BILAT_EINVAL));
    bilat_doc_free (doc);
    bilat_error_free (err);
}

Test (api, parse_error_carries_the_byte_offset)
{
    static const char text[] = "Kazakhstan and T\xC3\xBCrkiye \xFF talks";
    bilat_doc *doc = JUNK (bilat_doc);
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_extract (&doc, ex, text, strlen (text), &err), BILAT_EPARSE));
    cr_assert (zero (ptr, doc));
    cr_assert (eq (i64, bilat_error_offset (err), (int64_t) (strchr (text, '\xFF') - text)));
    bilat_error_free (err);
}

/* ---- options -------------------------------------------------------------------------------- */

Test (api, bad_option_date_is_a_parse_error)
{
    bilat_options *opts = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    static const char *const bad[] = { "2023-02-30", "2023-13-01", "28 November 2023",
                                       "2023-11-28T10:00", "" };
    for (size_t i = 0; i < G_N_ELEMENTS (bad); i++) {
        bilat_error *err = NULL;
        assert_failed (bilat_options_set_date (opts, bad[i], &err), BILAT_EPARSE, &err);
    }
    cr_assert (eq (int, bilat_options_set_date (opts, "2024-02-29", NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_date (opts, NULL, NULL), BILAT_OK), "NULL clears");
    bilat_options_free (opts);
}

Test (api, cleared_option_date_is_not_used)
{
    bilat_options *opts = NULL;
    bilat_extractor *x = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_date (opts, "2023-11-28", NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_date (opts, NULL, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_extractor_new (&x, opts, NULL), BILAT_OK));
    bilat_options_free (opts);
    bilat_doc *doc = extract_ok (x, visit_text, strlen (visit_text));
    cr_assert (zero (ptr, (void *) bilat_doc_date (doc)));
    bilat_doc_free (doc);
    bilat_extractor_free (x);
}

Test (api, document_over_max_size_is_elimit)
{
    bilat_options *opts = NULL;
    bilat_extractor *x = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    size_t limit = strlen (visit_text);
    cr_assert (eq (int, bilat_options_set_max_size (opts, limit, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_extractor_new (&x, opts, NULL), BILAT_OK));
    bilat_options_free (opts);

    /* Exactly the limit is fine. */
    bilat_doc *doc = extract_ok (x, visit_text, limit);
    bilat_doc_free (doc);

    char *bigger = g_strdup_printf ("%s ", visit_text);
    doc = JUNK (bilat_doc);
    bilat_error *err = NULL;
    assert_failed (bilat_extract (&doc, x, bigger, limit + 1, &err), BILAT_ELIMIT, &err);
    cr_assert (zero (ptr, doc));
    g_free (bigger);
    bilat_extractor_free (x);
}

Test (api, repair_option_reads_invalid_utf8)
{
    static const char text[] = "\xFF The Foreign Minister of Kazakhstan paid an official visit "
                               "to Turkmenistan.";
    bilat_options *opts = NULL;
    bilat_extractor *x = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_repair_utf8 (opts, true, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_extractor_new (&x, opts, NULL), BILAT_OK));
    bilat_options_free (opts);
    bilat_doc *doc = extract_ok (x, text, strlen (text));
    assert_state_span (doc, text, strlen (text), "KAZ", "Kazakhstan");
    assert_state_span (doc, text, strlen (text), "TKM", "Turkmenistan");
    bilat_doc_free (doc);
    bilat_extractor_free (x);
}

Test (api, options_may_be_null_for_the_defaults)
{
    bilat_doc *doc = extract_ok (ex, visit_text, strlen (visit_text));
    cr_assert (zero (ptr, (void *) bilat_doc_date (doc)));
    cr_assert (eq (sz, bilat_doc_n_facts (doc, BILAT_FACT_EVENT), 1));
    bilat_doc_free (doc);
}

/* ---- dictionaries --------------------------------------------------------------------------- */

static const char congo_text[] = "The President of Kazakhstan paid a state visit to Congo.";

Test (api, builtin_congo_is_brazzaville)
{
    bilat_doc *doc = extract_ok (ex, congo_text, strlen (congo_text));
    cr_assert (not (zero (ptr, (void *) state_fact (doc, "COG"))));
    bilat_doc_free (doc);
}

Test (api, dictionary_from_a_buffer_overrides_a_builtin_variant)
{
    static const char dict[] = "# our desk means Kinshasa\nCOD\tCongo\t-\t-\n";
    bilat_options *opts = NULL;
    bilat_extractor *x = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_options_add_dictionary (opts, BILAT_DICT_STATES, dict,
                                                      strlen (dict), &err), BILAT_OK),
               "%s", bilat_error_message (err));
    cr_assert (eq (int, bilat_extractor_new (&x, opts, NULL), BILAT_OK));
    bilat_options_free (opts);
    bilat_doc *doc = extract_ok (x, congo_text, strlen (congo_text));
    cr_assert (not (zero (ptr, (void *) state_fact (doc, "COD"))));
    cr_assert (zero (ptr, (void *) state_fact (doc, "COG")));
    assert_state_span (doc, congo_text, strlen (congo_text), "COD", "Congo");
    bilat_doc_free (doc);
    bilat_extractor_free (x);
}

Test (api, dictionary_buffer_need_not_be_nul_terminated)
{
    /* The length ends the buffer, not a NUL: the trailing junk must not be read. */
    static const char dict[] = "COD\tCongo\t-\t-\nthis is not a valid line";
    size_t len = strlen ("COD\tCongo\t-\t-\n");
    bilat_options *opts = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_add_dictionary (opts, BILAT_DICT_STATES, dict, len, NULL),
                   BILAT_OK));
    bilat_options_free (opts);
}

Test (api, bad_dictionary_buffer_line_is_a_parse_error_naming_it)
{
    static const char dict[] = "XAA\tAaland\t-\t-\nXAB\tBbland\n";
    bilat_options *opts = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_options_add_dictionary (opts, BILAT_DICT_STATES, dict,
                                                      strlen (dict), &err), BILAT_EPARSE));
    cr_assert (eq (int, bilat_error_code (err), BILAT_EPARSE));
    cr_assert (not (zero (ptr, strstr (bilat_error_message (err), "line 2"))), "%s",
               bilat_error_message (err));
    cr_assert (eq (i64, bilat_error_offset (err), (int64_t) strlen ("XAA\tAaland\t-\t-\n")));
    bilat_error_free (err);
    /* The bad dictionary was not kept: an extractor from these options still works. */
    bilat_extractor *x = NULL;
    cr_assert (eq (int, bilat_extractor_new (&x, opts, NULL), BILAT_OK));
    bilat_extractor_free (x);
    bilat_options_free (opts);
}

Test (api, bad_people_line_is_a_parse_error_naming_it)
{
    static const char dict[] = "Jane Doe\tKAZ\tPresident\t2023-02-30\t-\tDoe\n";
    bilat_options *opts = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_options_add_dictionary (opts, BILAT_DICT_PEOPLE, dict,
                                                      strlen (dict), &err), BILAT_EPARSE));
    cr_assert (not (zero (ptr, strstr (bilat_error_message (err), "line 1"))));
    bilat_error_free (err);
    bilat_options_free (opts);
}

/* Write contents to a new temporary file; the caller unlinks and frees the path. */
static char *
write_temp (const char *contents)
{
    char *path = NULL;
    GError *gerr = NULL;
    int fd = g_file_open_tmp ("bilat-test-XXXXXX.tsv", &path, &gerr);
    cr_assert (ge (int, fd, 0), "tmp file: %s", gerr ? gerr->message : "");
    FILE *f = fdopen (fd, "w");
    cr_assert (not (zero (ptr, f)));
    fputs (contents, f);
    fclose (f);
    return path;
}

Test (api, dictionary_from_a_file_is_used_and_named_in_rules)
{
    char *path = write_temp ("COD\tCongo\t-\t-\n");
    bilat_options *opts = NULL;
    bilat_extractor *x = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    bilat_error *err = NULL;
    int rc = bilat_options_add_dictionary_file (opts, BILAT_DICT_STATES, path, &err);
    cr_assert (eq (int, rc, BILAT_OK), "%s", bilat_error_message (err));
    cr_assert (eq (int, bilat_extractor_new (&x, opts, NULL), BILAT_OK));
    bilat_options_free (opts);
    /* The options copied the file: it may go away before extraction. */
    g_unlink (path);

    bilat_doc *doc = extract_ok (x, congo_text, strlen (congo_text));
    const bilat_fact *f = state_fact (doc, "COD");
    cr_assert (not (zero (ptr, (void *) f)));
    char *base = g_path_get_basename (path);
    cr_assert (not (zero (ptr, strstr (bilat_fact_rule (f), base))), "rule \"%s\"",
               bilat_fact_rule (f));
    g_free (base);
    bilat_doc_free (doc);
    bilat_extractor_free (x);
    g_free (path);
}

Test (api, bad_dictionary_file_line_is_a_parse_error_naming_file_and_line)
{
    char *path = write_temp ("# offices\nChief Wizard\twizard\t-\n");
    bilat_options *opts = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_options_add_dictionary_file (opts, BILAT_DICT_OFFICES, path, &err),
                   BILAT_EPARSE));
    char *base = g_path_get_basename (path);
    const char *msg = bilat_error_message (err);
    cr_assert (not (zero (ptr, strstr (msg, base))), "%s", msg);
    cr_assert (not (zero (ptr, strstr (msg, "line 2"))), "%s", msg);
    g_free (base);
    bilat_error_free (err);
    bilat_options_free (opts);
    g_unlink (path);
    g_free (path);
}

Test (api, missing_dictionary_file_is_eio)
{
    bilat_options *opts = NULL;
    cr_assert (eq (int, bilat_options_new (&opts, NULL), BILAT_OK));
    char *dir = g_dir_make_tmp ("bilat-test-XXXXXX", NULL);
    cr_assert (not (zero (ptr, dir)));
    char *path = g_build_filename (dir, "no-such-file.tsv", NULL);
    bilat_error *err = NULL;
    assert_failed (bilat_options_add_dictionary_file (opts, BILAT_DICT_STATES, path, &err),
                   BILAT_EIO, &err);
    g_rmdir (dir);
    g_free (path);
    g_free (dir);
    bilat_options_free (opts);
}

/* ---- JSON ----------------------------------------------------------------------------------- */

/* Parse json and return its root object (owned by the parser, which the caller unrefs). */
static JsonObject *
parse_object (JsonParser *p, const char *json)
{
    GError *gerr = NULL;
    cr_assert (json_parser_load_from_data (p, json, -1, &gerr), "JSON does not parse: %s\n%s",
               gerr ? gerr->message : "", json);
    JsonNode *root = json_parser_get_root (p);
    cr_assert (not (zero (ptr, root)));
    bool is_object = JSON_NODE_HOLDS_OBJECT (root);
    cr_assert (is_object, "the record is not an object");
    return json_node_get_object (root);
}

static char *
to_json (const bilat_doc *doc, unsigned flags, const char *docid)
{
    char *json = NULL;
    bilat_error *err = NULL;
    int rc = bilat_doc_to_json (&json, doc, flags, docid, &err);
    cr_assert (eq (int, rc, BILAT_OK), "%s", bilat_error_message (err));
    cr_assert (not (zero (ptr, json)));
    return json;
}

/* Count members named key anywhere under node. */
static size_t
count_members (JsonNode *node, const char *key)
{
    size_t n = 0;
    if (JSON_NODE_HOLDS_OBJECT (node)) {
        JsonObject *o = json_node_get_object (node);
        GList *members = json_object_get_members (o);
        for (GList *l = members; l; l = l->next) {
            if (strcmp (l->data, key) == 0)
                n++;
            n += count_members (json_object_get_member (o, l->data), key);
        }
        g_list_free (members);
    } else if (JSON_NODE_HOLDS_ARRAY (node)) {
        JsonArray *a = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (a); i++)
            n += count_members (json_array_get_element (a, i), key);
    }
    return n;
}

/* The record's strings are tested for escapes eight bytes at a time, the last block
 * overlapping: a quote, a backslash or a control character at every place of strings of 0 to
 * 24 bytes, around the block edges, reads back as it was written. */
Test (api, json_escapes_at_every_place_of_a_string)
{
    bilat_doc *doc = extract_ok (ex, visit_text, strlen (visit_text));
    const char specials[] = { '"', '\\', '\n', '\t', '\x01', '\x1f' };
    for (size_t len = 0; len <= 24; len++) {
        for (size_t at = 0; at <= len; at++) {
            for (size_t k = 0; k < G_N_ELEMENTS (specials); k++) {
                /* len bytes of text, with a special byte at `at` (none when at == len); a
                 * two-byte character at the start so that bytes above 0x7f are in the
                 * blocks too. */
                char id[32];
                size_t n = 0;
                if (len >= 2) {
                    id[n++] = (char) 0xc3;
                    id[n++] = (char) 0xa9;
                }
                for (; n < len; n++)
                    id[n] = (char) ('a' + n % 26);
                if (at < len && at >= (len >= 2 ? 2 : 0))
                    id[at] = specials[k];
                id[n] = '\0';
                char *json = to_json (doc, BILAT_JSON_PLAIN, id);
                JsonParser *p = json_parser_new ();
                JsonObject *o = parse_object (p, json);
                cr_assert (eq (str, (char *) json_object_get_string_member (o, "doc"), id),
                           "length %zu, byte %zu", len, at);
                g_object_unref (p);
                bilat_free (json);
            }
        }
    }
    bilat_doc_free (doc);
}

Test (api, json_is_a_bilateral_facts_record_with_every_key)
{
    bilat_doc *doc = extract_ok (ex, visit_text, strlen (visit_text));
    char *json = to_json (doc, 0, "doc-1");
    JsonParser *p = json_parser_new ();
    JsonObject *o = parse_object (p, json);
    cr_assert (eq (str, (char *) json_object_get_string_member (o, "schema"),
                   "bilateral-facts/1"));
    cr_assert (eq (str, (char *) json_object_get_string_member (o, "doc"), "doc-1"));
    static const char *const keys[] = { "countries", "pairs", "persons", "organizations",
                                        "events", "areas", "status" };
    for (size_t i = 0; i < G_N_ELEMENTS (keys); i++) {
        cr_assert (json_object_has_member (o, keys[i]), "no \"%s\"", keys[i]);
        bool is_array = JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, keys[i]));
        cr_assert (is_array, "\"%s\" is not an array", keys[i]);
    }
    JsonArray *countries = json_object_get_array_member (o, "countries");
    cr_assert (eq (int, (int) json_array_get_length (countries), 2));
    cr_assert (eq (str, (char *) json_array_get_string_element (countries, 0), "KAZ"));
    cr_assert (eq (str, (char *) json_array_get_string_element (countries, 1), "TKM"));
    JsonArray *events = json_object_get_array_member (o, "events");
    cr_assert (eq (int, (int) json_array_get_length (events), 1));
    JsonObject *ev = json_array_get_object_element (events, 0);
    cr_assert (eq (str, (char *) json_object_get_string_member (ev, "type"), "visit"));
    cr_assert (eq (str, (char *) json_object_get_string_member (ev, "date"), "2023-11-05"));
    g_object_unref (p);
    bilat_free (json);
    bilat_doc_free (doc);
}

Test (api, json_of_an_empty_document_has_empty_arrays)
{
    bilat_doc *doc = extract_ok (ex, "", 0);
    char *json = to_json (doc, 0, NULL);
    JsonParser *p = json_parser_new ();
    JsonObject *o = parse_object (p, json);
    cr_assert (eq (str, (char *) json_object_get_string_member (o, "schema"),
                   "bilateral-facts/1"));
    cr_assert (json_object_has_member (o, "doc"));
    bool is_null = JSON_NODE_HOLDS_NULL (json_object_get_member (o, "doc"));
    cr_assert (is_null, "NULL docid is null");
    static const char *const keys[] = { "countries", "pairs", "persons", "organizations",
                                        "events", "areas", "status" };
    for (size_t i = 0; i < G_N_ELEMENTS (keys); i++)
        cr_assert (eq (int, (int) json_array_get_length (json_object_get_array_member (o, keys[i])),
                       0), "\"%s\"", keys[i]);
    g_object_unref (p);
    bilat_free (json);
    bilat_doc_free (doc);
}

Test (api, json_carries_the_document_date)
{
    bilat_doc *doc = NULL;
    cr_assert (eq (int, bilat_extract_dated (&doc, ex, visit_text, strlen (visit_text),
                                             "2023-11-28", NULL), BILAT_OK));
    char *json = to_json (doc, 0, NULL);
    JsonParser *p = json_parser_new ();
    JsonObject *o = parse_object (p, json);
    cr_assert (eq (str, (char *) json_object_get_string_member (o, "date"), "2023-11-28"));
    g_object_unref (p);
    bilat_free (json);
    bilat_doc_free (doc);
}

Test (api, json_plain_drops_spans_and_rules)
{
    bilat_doc *doc = extract_ok (ex, visit_text, strlen (visit_text));
    char *full = to_json (doc, 0, NULL);
    char *plain = to_json (doc, BILAT_JSON_PLAIN, NULL);
    JsonParser *pf = json_parser_new (), *pp = json_parser_new ();
    parse_object (pf, full);
    JsonObject *o = parse_object (pp, plain);
    cr_assert (gt (sz, count_members (json_parser_get_root (pf), "span"), 0));
    cr_assert (gt (sz, count_members (json_parser_get_root (pf), "rule"), 0));
    cr_assert (eq (sz, count_members (json_parser_get_root (pp), "span"), 0));
    cr_assert (eq (sz, count_members (json_parser_get_root (pp), "rule"), 0));
    cr_assert (not (json_object_has_member (o, "evidence")));
    cr_assert (eq (str, (char *) json_object_get_string_member (o, "schema"),
                   "bilateral-facts/1"));
    JsonArray *events = json_object_get_array_member (o, "events");
    cr_assert (eq (int, (int) json_array_get_length (events), 1), "plain keeps the facts");
    g_object_unref (pf);
    g_object_unref (pp);
    bilat_free (full);
    bilat_free (plain);
    bilat_doc_free (doc);
}

Test (api, json_pretty_is_indented_and_means_the_same)
{
    bilat_doc *doc = extract_ok (ex, visit_text, strlen (visit_text));
    char *flat = to_json (doc, 0, NULL);
    char *pretty = to_json (doc, BILAT_JSON_PRETTY, NULL);
    cr_assert (zero (ptr, strchr (flat, '\n')));
    cr_assert (not (zero (ptr, strchr (pretty, '\n'))));
    JsonParser *pa = json_parser_new (), *pb = json_parser_new ();
    parse_object (pa, flat);
    parse_object (pb, pretty);
    cr_assert (json_node_equal (json_parser_get_root (pa), json_parser_get_root (pb)));
    g_object_unref (pa);
    g_object_unref (pb);
    bilat_free (flat);
    bilat_free (pretty);
    bilat_doc_free (doc);
}

Test (api, json_spans_agree_with_the_fact_getters)
{
    bilat_doc *doc = extract_ok (ex, visit_text, strlen (visit_text));
    char *json = to_json (doc, 0, NULL);
    JsonParser *p = json_parser_new ();
    JsonObject *o = parse_object (p, json);
    JsonArray *ev = json_object_get_array_member (json_object_get_object_member (o, "evidence"),
                                                  "countries");
    cr_assert (eq (int, (int) json_array_get_length (ev),
                   (int) bilat_doc_n_facts (doc, BILAT_FACT_STATE)));
    for (guint i = 0; i < json_array_get_length (ev); i++) {
        JsonObject *c = json_array_get_object_element (ev, i);
        const bilat_fact *f = bilat_doc_fact (doc, BILAT_FACT_STATE, i);
        JsonArray *span = json_object_get_array_member (c, "span");
        cr_assert (eq (str, (char *) json_object_get_string_member (c, "value"),
                       (char *) bilat_fact_text (f)));
        cr_assert (eq (i64, json_array_get_int_element (span, 0), (int64_t) bilat_fact_start (f)));
        cr_assert (eq (i64, json_array_get_int_element (span, 1), (int64_t) bilat_fact_end (f)));
        cr_assert (eq (str, (char *) json_object_get_string_member (c, "rule"),
                       (char *) bilat_fact_rule (f)));
    }
    g_object_unref (p);
    bilat_free (json);
    bilat_doc_free (doc);
}

Test (api, json_escapes_a_hostile_docid)
{
    bilat_doc *doc = extract_ok (ex, "", 0);
    static const char id[] = "a\"b\\c\n</script>";
    char *json = to_json (doc, 0, id);
    JsonParser *p = json_parser_new ();
    JsonObject *o = parse_object (p, json);
    cr_assert (eq (str, (char *) json_object_get_string_member (o, "doc"), (char *) id));
    g_object_unref (p);
    bilat_free (json);
    bilat_doc_free (doc);
}

/* ---- spans ---------------------------------------------------------------------------------- */

Test (api, state_spans_are_byte_offsets_of_the_name_as_written)
{
    bilat_doc *doc = extract_ok (ex, visit_text, strlen (visit_text));
    assert_state_span (doc, visit_text, strlen (visit_text), "KAZ", "Kazakhstan");
    assert_state_span (doc, visit_text, strlen (visit_text), "TKM", "Turkmenistan");
    bilat_doc_free (doc);
}

Test (api, spans_stay_in_caller_bytes_after_folded_quotes_and_dashes)
{
    /* Curly quotes, an em dash and a no-break space: all 2-3 bytes, folded to one. */
    static const char text[] =
        "\xE2\x80\x9CGreat Silk Road\xE2\x80\x9D \xE2\x80\x94 talks between Kazakhstan and "
        "T\xC3\xBCrkiye.\r\nThe Foreign Minister of Kazakhstan paid an official visit to "
        "Turkmenistan on 5\xC2\xA0November 2023.";
    size_t len = strlen (text);
    bilat_doc *doc = extract_ok (ex, text, len);
    assert_state_span (doc, text, len, "KAZ", "Kazakhstan");
    assert_state_span (doc, text, len, "TUR", "T\xC3\xBCrkiye");
    assert_state_span (doc, text, len, "TKM", "Turkmenistan");
    bilat_doc_free (doc);
}

Test (api, spans_stay_in_caller_bytes_after_dropped_characters)
{
    /* A byte-order mark before the name and a soft hyphen inside it vanish in normalization. */
    static const char text[] = "\xEF\xBB\xBFKazakh\xC2\xADstan and Turkmenistan held talks in "
                               "Ashgabat.";
    size_t len = strlen (text);
    bilat_doc *doc = extract_ok (ex, text, len);
    assert_state_span (doc, text, len, "KAZ", "Kazakh\xC2\xADstan");
    assert_state_span (doc, text, len, "TKM", "Turkmenistan");
    bilat_doc_free (doc);
}

Test (api, span_end_excludes_dropped_characters_after_the_name)
{
    static const char text[] = "Kazakhstan\xE2\x80\x8B and Turkmenistan\xC2\xAD held talks in "
                               "Ashgabat.";
    size_t len = strlen (text);
    bilat_doc *doc = extract_ok (ex, text, len);
    assert_state_span (doc, text, len, "KAZ", "Kazakhstan");
    assert_state_span (doc, text, len, "TKM", "Turkmenistan");
    bilat_doc_free (doc);
}

Test (api, event_span_lies_inside_the_text)
{
    bilat_doc *doc = extract_ok (ex, visit_text, strlen (visit_text));
    const bilat_fact *f = bilat_doc_fact (doc, BILAT_FACT_EVENT, 0);
    cr_assert (not (zero (ptr, (void *) f)));
    cr_assert (eq (int, bilat_fact_kind (f), BILAT_FACT_EVENT));
    cr_assert (lt (sz, bilat_fact_start (f), bilat_fact_end (f)));
    cr_assert (le (sz, bilat_fact_end (f), strlen (visit_text)));
    cr_assert (eq (int, bilat_fact_sentence (f), 0));
    bilat_doc_free (doc);
}

/* ---- facts ---------------------------------------------------------------------------------- */

Test (api, visit_fact_exposes_actor_target_level_and_codes)
{
    bilat_doc *doc = extract_ok (ex, visit_text, strlen (visit_text));
    cr_assert (eq (sz, bilat_doc_n_facts (doc, BILAT_FACT_EVENT), 1));
    const bilat_fact *f = bilat_doc_fact (doc, BILAT_FACT_EVENT, 0);
    cr_assert (eq (int, bilat_fact_event_type (f), BILAT_EVENT_VISIT));
    cr_assert (eq (str, (char *) bilat_fact_text (f), "visit"));
    cr_assert (eq (str, (char *) bilat_fact_actor (f), "KAZ"));
    cr_assert (eq (str, (char *) bilat_fact_target (f), "TKM"));
    cr_assert (eq (str, (char *) bilat_fact_level (f), "official"));
    cr_assert (not (zero (ptr, (void *) bilat_fact_cameo (f))));
    cr_assert (not (zero (ptr, (void *) bilat_fact_plover (f))));
    cr_assert (not (zero (ptr, (void *) bilat_fact_rule (f))));
    cr_assert (eq (sz, bilat_doc_n_facts (doc, BILAT_FACT_PAIR), 1));
    const bilat_fact *pair = bilat_doc_fact (doc, BILAT_FACT_PAIR, 0);
    cr_assert (eq (sz, bilat_fact_n_parties (pair), 2));
    cr_assert (eq (str, (char *) bilat_fact_party (pair, 0), "KAZ"));
    cr_assert (eq (str, (char *) bilat_fact_party (pair, 1), "TKM"));
    cr_assert (zero (ptr, (void *) bilat_fact_party (pair, 2)));
    cr_assert (eq (sz, bilat_doc_n_sentences (doc), 1));
    bilat_doc_free (doc);
}

Test (api, doc_strings_outlive_the_extractor)
{
    /* Strings are borrowed from the doc, not the extractor: free the extractor first. */
    bilat_extractor *x = NULL;
    cr_assert (eq (int, bilat_extractor_new (&x, NULL, NULL), BILAT_OK));
    bilat_doc *doc = extract_ok (x, visit_text, strlen (visit_text));
    bilat_extractor_free (x);
    const bilat_fact *f = bilat_doc_fact (doc, BILAT_FACT_EVENT, 0);
    cr_assert (eq (str, (char *) bilat_fact_actor (f), "KAZ"));
    const bilat_fact *s = bilat_doc_fact (doc, BILAT_FACT_STATE, 0);
    cr_assert (eq (str, (char *) bilat_fact_text (s), "KAZ"));
    cr_assert (not (zero (ptr, (void *) bilat_fact_rule (s))));
    cr_assert (eq (int, strncmp (bilat_fact_rule (s), "states.tsv", 10), 0));
    char *json = to_json (doc, 0, NULL);
    bilat_free (json);
    bilat_doc_free (doc);
}

Test (api, one_extractor_serves_many_documents)
{
    for (int i = 0; i < 50; i++) {
        bilat_doc *doc = extract_ok (ex, visit_text, strlen (visit_text));
        cr_assert (eq (sz, bilat_doc_n_facts (doc, BILAT_FACT_EVENT), 1));
        bilat_doc_free (doc);
    }
}

static gpointer
extract_in_thread (gpointer data)
{
    const bilat_extractor *x = data;
    size_t events = 0;
    for (int i = 0; i < 20; i++) {
        bilat_doc *doc = NULL;
        if (bilat_extract (&doc, x, visit_text, strlen (visit_text), NULL) == BILAT_OK)
            events += bilat_doc_n_facts (doc, BILAT_FACT_EVENT);
        bilat_doc_free (doc);
    }
    return GSIZE_TO_POINTER (events);
}

Test (api, extractor_is_shareable_across_threads)
{
    GThread *th[4];
    for (int i = 0; i < 4; i++)
        th[i] = g_thread_new ("extract", extract_in_thread, ex);
    for (int i = 0; i < 4; i++)
        cr_assert (eq (sz, GPOINTER_TO_SIZE (g_thread_join (th[i])), 20));
}
