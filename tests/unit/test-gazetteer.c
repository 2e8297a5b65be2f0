/* SPDX-License-Identifier: MIT */
/* Unit tests for the gazetteer: built-in dictionaries, longest-match lookup, user
 * dictionaries and the errors malformed dictionary lines give. */
#include "gazetteer/gazetteer-private.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <inttypes.h>
#include <string.h>

static bilat_gazetteer *gz;
static GArray *toks;

/* A gazetteer with the built-in dictionaries, frozen (what an extractor starts from). */
static void
make_builtin (void)
{
    gz = bilat__gazetteer_new ();
    bilat_error *err = NULL;
    int rc = bilat__gazetteer_load_builtin (gz, &err);
    cr_assert (eq (int, rc, BILAT_OK), "built-in dictionaries: %s", bilat_error_message (err));
    bilat__gazetteer_freeze (gz);
    toks = g_array_new (FALSE, FALSE, sizeof (bilat_token));
}

/* An empty gazetteer, for tests that load their own lines. */
static void
make_empty (void)
{
    gz = bilat__gazetteer_new ();
    toks = g_array_new (FALSE, FALSE, sizeof (bilat_token));
}

static void
free_gazetteer (void)
{
    bilat__gazetteer_free (gz);
    gz = NULL;
    g_array_free (toks, TRUE);
    toks = NULL;
}

TestSuite (gazetteer, .init = make_builtin, .fini = free_gazetteer);
TestSuite (gazetteer_load, .init = make_empty, .fini = free_gazetteer);

static void reload_with (int kind, const char *lines);

/* The longest entry matching the whole of text from its first token (NULL when none). */
static const gz_entry *
lookup (const char *text)
{
    g_array_set_size (toks, 0);
    bilat__tokenize (toks, text, strlen (text));
    return bilat__gazetteer_match (gz, text, (const bilat_token *) toks->data, 0, toks->len);
}

/* Assert that text names the state with this alpha-3 code, in this form, with all its
 * tokens. */
static void
assert_state (const char *text, const char *code, int form)
{
    const gz_entry *e = lookup (text);
    cr_assert (not (zero (ptr, (void *) e)), "\"%s\" is not found", text);
    cr_assert (eq (int, e->kind, GZ_STATE), "\"%s\" is not a state", text);
    cr_assert (eq (int, e->form, form), "\"%s\" has the wrong form", text);
    cr_assert (eq (sz, (size_t) e->ntok, (size_t) toks->len), "\"%s\" is not fully matched", text);
    const gz_entity *ent = bilat__gazetteer_entity (gz, GZ_STATE, e->id);
    cr_assert (not (zero (ptr, (void *) ent)));
    cr_assert (eq (str, (char *) ent->name, (char *) code), "\"%s\"", text);
}

static int
state_id (const char *code)
{
    int id = bilat__gazetteer_find_state (gz, code);
    cr_assert (ge (int, id, 0), "no state %s", code);
    return id;
}

/* ---- built-in dictionaries ------------------------------------------------------------------ */

Test (gazetteer, builtin_dictionaries_load_every_kind)
{
    /* 193 UN members, 2 observer states, Kosovo and Taiwan. */
    cr_assert (ge (sz, bilat__gazetteer_n_entities (gz, GZ_STATE), 197));
    cr_assert (gt (sz, bilat__gazetteer_n_entities (gz, GZ_ORG), 0));
    cr_assert (gt (sz, bilat__gazetteer_n_entities (gz, GZ_OFFICE), 0));
    cr_assert (gt (sz, bilat__gazetteer_n_entities (gz, GZ_AREA), 0));
    cr_assert (gt (sz, bilat__gazetteer_n_entities (gz, GZ_STATUS), 0));
    cr_assert (eq (sz, bilat__gazetteer_n_entities (gz, 0), 0));
    cr_assert (eq (sz, bilat__gazetteer_n_entities (gz, 99), 0));
}

Test (gazetteer, state_entities_have_unique_alpha3_codes)
{
    size_t n = bilat__gazetteer_n_entities (gz, GZ_STATE);
    GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
    for (size_t i = 0; i < n; i++) {
        const gz_entity *e = bilat__gazetteer_entity (gz, GZ_STATE, (int) i);
        cr_assert (eq (sz, strlen (e->name), 3), "state %zu: \"%s\"", i, e->name);
        cr_assert (not (g_hash_table_contains (seen, e->name)), "%s twice", e->name);
        g_hash_table_add (seen, (gpointer) e->name);
    }
    g_hash_table_destroy (seen);
}

Test (gazetteer, entity_lookup_out_of_range_is_null)
{
    cr_assert (zero (ptr, (void *) bilat__gazetteer_entity (gz, GZ_STATE, -1)));
    cr_assert (zero (ptr, (void *) bilat__gazetteer_entity (gz, GZ_STATE, 100000)));
    cr_assert (zero (ptr, (void *) bilat__gazetteer_entity (gz, 0, 0)));
    cr_assert (zero (ptr, (void *) bilat__gazetteer_entity (gz, 8, 0)));
}

Test (gazetteer, state_name_is_found)
{
    assert_state ("Kazakhstan", "KAZ", GZ_FORM_NAME);
}

Test (gazetteer, long_state_name_is_one_match)
{
    assert_state ("Republic of Kazakhstan", "KAZ", GZ_FORM_NAME);
}

Test (gazetteer, longest_match_wins_over_a_prefix)
{
    /* "Republic of Korea" must not stop at "Korea" nor "Democratic People's Republic of Korea"
     * at "Republic of Korea". */
    assert_state ("Republic of Korea", "KOR", GZ_FORM_NAME);
    assert_state ("Democratic People's Republic of Korea", "PRK", GZ_FORM_NAME);
}

Test (gazetteer, demonym_is_found)
{
    assert_state ("Kazakh", "KAZ", GZ_FORM_DEMONYM);
    assert_state ("Turkmen", "TKM", GZ_FORM_DEMONYM);
}

Test (gazetteer, capital_is_found)
{
    assert_state ("Ashgabat", "TKM", GZ_FORM_CAPITAL);
    assert_state ("Astana", "KAZ", GZ_FORM_CAPITAL);
}

Test (gazetteer, turkey_and_turkiye_are_the_same_state)
{
    assert_state ("Turkey", "TUR", GZ_FORM_NAME);
    assert_state ("T\xC3\xBCrkiye", "TUR", GZ_FORM_NAME);
    assert_state ("Turkiye", "TUR", GZ_FORM_NAME);
}

Test (gazetteer, capitalized_state_name_needs_a_capital_in_the_text)
{
    /* The bird is not the state. */
    const gz_entry *e = lookup ("turkey");
    cr_assert (e == NULL || e->kind != GZ_STATE);
    assert_state ("TURKEY", "TUR", GZ_FORM_NAME);
}

Test (gazetteer, acronym_matches_only_in_capitals)
{
    const gz_entry *e = lookup ("UN");
    cr_assert (not (zero (ptr, (void *) e)));
    cr_assert (eq (int, e->kind, GZ_ORG));
    cr_assert (eq (str, (char *) bilat__gazetteer_entity (gz, GZ_ORG, e->id)->name,
                   "United Nations"));
    e = lookup ("un");
    cr_assert (e == NULL || e->kind != GZ_ORG, "\"un\" is not the UN");
    e = lookup ("Un");
    cr_assert (e == NULL || e->kind != GZ_ORG, "\"Un\" is not the UN");
}

Test (gazetteer, us_in_lower_case_is_not_the_united_states)
{
    assert_state ("US", "USA", GZ_FORM_NAME);
    /* "U.S." is listed as a name and as a demonym ("U.S. delegation"); the later one wins. */
    assert_state ("U.S.", "USA", GZ_FORM_DEMONYM);
    const gz_entry *e = lookup ("us");
    cr_assert (e == NULL || e->kind != GZ_STATE);
}

/* Keywords match in any case; a capitalized one added with capitalized set matches only
 * capitalized words: "The" opens no name, but "the" is no keyword at all. Both lookups are
 * asked, the walk and the mention pass's record. */
static int
keyword_of (const char *text)
{
    g_array_set_size (toks, 0);
    bilat__tokenize (toks, text, strlen (text));
    const bilat_token *t = (const bilat_token *) toks->data;
    const gz_entry *e = bilat__gazetteer_match_kind (gz, text, t, 0, toks->len, GZ_KEYWORD);
    gz_view view;
    bilat__gazetteer_view (gz, &view);
    unsigned ntok;
    int fast = bilat__gazetteer_keyword_at (&view, text, t, 0, toks->len, &ntok);
    cr_assert (eq (int, fast, e ? e->id : -1), "\"%s\": the record and the walk differ", text);
    return fast;
}

Test (gazetteer_load, capitalized_keywords_match_capitalized_words_only)
{
    bilat__gazetteer_add_keyword (gz, 3, "Whereupon", TRUE);
    bilat__gazetteer_add_keyword (gz, 4, "Notwithstanding", FALSE);
    bilat__gazetteer_add_keyword (gz, 5, "MoU", TRUE);
    bilat__gazetteer_freeze (gz);
    cr_assert (eq (int, keyword_of ("Whereupon"), 3));
    cr_assert (eq (int, keyword_of ("WHEREUPON"), 3));
    cr_assert (eq (int, keyword_of ("whereupon"), -1));
    cr_assert (eq (int, keyword_of ("Notwithstanding"), 4));
    cr_assert (eq (int, keyword_of ("notwithstanding"), 4));
    cr_assert (eq (int, keyword_of ("MoU"), 5));
    cr_assert (eq (int, keyword_of ("mou"), -1));
}

Test (gazetteer, match_stops_at_the_limit)
{
    /* With the limit after "Republic of", "Republic of Kazakhstan" cannot match. */
    const char *text = "Republic of Kazakhstan";
    g_array_set_size (toks, 0);
    bilat__tokenize (toks, text, strlen (text));
    const gz_entry *e = bilat__gazetteer_match (gz, text, (const bilat_token *) toks->data, 0, 2);
    cr_assert (e == NULL || e->ntok <= 2);
    cr_assert (zero (ptr, (void *) bilat__gazetteer_match (gz, text,
                                                         (const bilat_token *) toks->data, 3, 3)));
}

Test (gazetteer, match_from_a_middle_token)
{
    const char *text = "talks in Ashgabat today";
    g_array_set_size (toks, 0);
    bilat__tokenize (toks, text, strlen (text));
    const gz_entry *e = bilat__gazetteer_match (gz, text, (const bilat_token *) toks->data, 2,
                                                toks->len);
    cr_assert (not (zero (ptr, (void *) e)));
    cr_assert (eq (int, e->kind, GZ_STATE));
    cr_assert (eq (int, e->id, state_id ("TKM")));
}

Test (gazetteer, a_name_is_not_matched_across_a_line_break)
{
    const gz_entry *e = lookup ("Republic of\nKazakhstan");
    cr_assert (e == NULL || e->ntok < 3);
}

Test (gazetteer, entries_record_where_they_were_defined)
{
    const gz_entry *e = lookup ("Kazakhstan");
    cr_assert (not (zero (ptr, (void *) e)));
    cr_assert (not (zero (ptr, (void *) e->rule)));
    cr_assert (eq (int, strncmp (e->rule, "states.tsv:", 11), 0), "rule is \"%s\"", e->rule);
}

Test (gazetteer, unknown_word_is_not_found)
{
    cr_assert (zero (ptr, (void *) lookup ("Atlantis")));
}

/* Normalize text as the extractor does, then match from token i. */
static const gz_entry *
lookup_folded (const char *text, size_t i)
{
    bilat_text t;
    cr_assert (eq (int, bilat__text_init (&t, text, strlen (text), FALSE, NULL), BILAT_OK));
    g_array_set_size (toks, 0);
    bilat__tokenize (toks, t.text, t.len);
    const gz_entry *e = bilat__gazetteer_match (gz, t.text, (const bilat_token *) toks->data, i,
                                                toks->len);
    /* Matching keeps pointers into the gazetteer only, never into the text. */
    bilat__text_clear (&t);
    return e;
}

Test (gazetteer, ascii_variant_matches_text_with_typographic_apostrophe)
{
    /* "People's Republic of China" written with U+2019 folds to the ASCII variant. */
    const gz_entry *e = lookup_folded ("People\xE2\x80\x99s Republic of China", 0);
    cr_assert (not (zero (ptr, (void *) e)));
    cr_assert (eq (int, e->kind, GZ_STATE));
    cr_assert (eq (int, e->ntok, 5));
    cr_assert (eq (int, e->id, state_id ("CHN")));
}

/* Variants are folded like text: areas.tsv writes this pipeline with en dashes, and text
 * with en dashes or hyphens must match it as one keyword, not as the state Turkmenistan. */
Test (gazetteer, variant_with_typographic_dash_matches_folded_text)
{
    const gz_entry *h = lookup_folded ("Turkmenistan-Afghanistan-Pakistan-India", 0);
    cr_assert (not (zero (ptr, (void *) h)));
    cr_assert (eq (int, h->kind, GZ_AREA), "plain hyphens match too");
    const gz_entry *e = lookup_folded ("Turkmenistan\xE2\x80\x93" "Afghanistan\xE2\x80\x93"
                                       "Pakistan\xE2\x80\x93" "India", 0);
    cr_assert (not (zero (ptr, (void *) e)));
    cr_assert (eq (int, e->kind, GZ_AREA));
    cr_assert (eq (int, e->ntok, 7));
    cr_assert (eq (str, (char *) bilat__gazetteer_entity (gz, GZ_AREA, e->id)->name, "oil_gas"));
}

/* A user line copied from a press release, typographic apostrophe and all, matches. */
Test (gazetteer, user_variant_with_typographic_apostrophe_matches_folded_text)
{
    reload_with (BILAT_DICT_PEOPLE,
                 "Ma\xE2\x80\x99ruf Amin\tIDN\tVice President\t2019-10-20\t2024-10-20\t-\n");
    const gz_entry *e = lookup_folded ("Vice President Ma\xE2\x80\x99ruf Amin", 2);
    cr_assert (not (zero (ptr, (void *) e)));
    cr_assert (eq (int, e->kind, GZ_PERSON));
    cr_assert (eq (int, e->ntok, 2));
}

/* ---- find_state ----------------------------------------------------------------------------- */

Test (gazetteer, find_state_by_code_and_by_any_name)
{
    int kaz = state_id ("KAZ");
    cr_assert (eq (str, (char *) bilat__gazetteer_entity (gz, GZ_STATE, kaz)->name, "KAZ"));
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "Kazakhstan"), kaz));
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "Republic of Kazakhstan"), kaz));
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "Qazaqstan"), kaz));
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "T\xC3\xBCrkiye"), state_id ("TUR")));
}

Test (gazetteer, find_state_ignores_case)
{
    int kaz = state_id ("KAZ");
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "kaz"), kaz));
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "KAZAKHSTAN"), kaz));
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "T\xC3\x9CRKIYE"), state_id ("TUR")));
}

Test (gazetteer, find_state_does_not_take_demonyms_or_capitals)
{
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "Kazakh"), -1));
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "Ashgabat"), -1));
}

Test (gazetteer, find_state_of_unknown_or_null_is_minus_one)
{
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "Atlantis"), -1));
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "XXX"), -1));
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, ""), -1));
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, NULL), -1));
}

/* ---- user dictionaries ---------------------------------------------------------------------- */

/* A gazetteer like an extractor makes with one user dictionary after the built-ins. */
static void
reload_with (int kind, const char *lines)
{
    bilat__gazetteer_free (gz);
    gz = bilat__gazetteer_new ();
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat__gazetteer_load_builtin (gz, &err), BILAT_OK));
    int rc = bilat__gazetteer_load (gz, kind, lines, strlen (lines), "user.tsv", &err);
    cr_assert (eq (int, rc, BILAT_OK), "%s", bilat_error_message (err));
    cr_assert (zero (ptr, err));
    bilat__gazetteer_freeze (gz);
}

Test (gazetteer, user_line_overrides_a_builtin_variant)
{
    /* Built in, bare "Congo" is the Republic of the Congo; this user means Kinshasa. */
    assert_state ("Congo", "COG", GZ_FORM_NAME);
    reload_with (BILAT_DICT_STATES, "# Congo means the DRC here\nCOD\tCongo\t-\t-\n");
    assert_state ("Congo", "COD", GZ_FORM_NAME);
    cr_assert (eq (int, bilat__gazetteer_find_state (gz, "Congo"), state_id ("COD")));
    /* The rest of the built-in entries are untouched. */
    assert_state ("Republic of the Congo", "COG", GZ_FORM_NAME);
    assert_state ("Kinshasa", "COD", GZ_FORM_CAPITAL);
    const gz_entry *e = lookup ("Congo");
    cr_assert (eq (str, (char *) e->rule, "user.tsv:2"));
}

Test (gazetteer, user_line_for_a_known_code_adds_variants_to_that_state)
{
    size_t before = bilat__gazetteer_n_entities (gz, GZ_STATE);
    reload_with (BILAT_DICT_STATES, "KAZ\tKazakh Republic\tQazaq\tAlmaty\n");
    cr_assert (eq (sz, bilat__gazetteer_n_entities (gz, GZ_STATE), before));
    assert_state ("Kazakh Republic", "KAZ", GZ_FORM_NAME);
    assert_state ("Qazaq", "KAZ", GZ_FORM_DEMONYM);
    assert_state ("Almaty", "KAZ", GZ_FORM_CAPITAL);
    assert_state ("Kazakhstan", "KAZ", GZ_FORM_NAME);
}

Test (gazetteer, user_line_with_a_new_code_adds_a_state)
{
    size_t before = bilat__gazetteer_n_entities (gz, GZ_STATE);
    reload_with (BILAT_DICT_STATES,
                 "XSL\tSomaliland|Republic of Somaliland\tSomalilander\tHargeisa\n");
    cr_assert (eq (sz, bilat__gazetteer_n_entities (gz, GZ_STATE), before + 1));
    assert_state ("Republic of Somaliland", "XSL", GZ_FORM_NAME);
    assert_state ("Hargeisa", "XSL", GZ_FORM_CAPITAL);
    int id = bilat__gazetteer_find_state (gz, "Somaliland");
    cr_assert (eq (str, (char *) bilat__gazetteer_entity (gz, GZ_STATE, id)->extra, "Somaliland"));
}

Test (gazetteer, user_organization_line_is_found)
{
    reload_with (BILAT_DICT_ORGANIZATIONS, "Caspian Economic Forum\tCEF\n");
    const gz_entry *e = lookup ("CEF");
    cr_assert (not (zero (ptr, (void *) e)));
    cr_assert (eq (int, e->kind, GZ_ORG));
    cr_assert (eq (str, (char *) bilat__gazetteer_entity (gz, GZ_ORG, e->id)->name,
                   "Caspian Economic Forum"));
    e = lookup ("Caspian Economic Forum");
    cr_assert (not (zero (ptr, (void *) e)));
    cr_assert (eq (int, e->ntok, 3));
}

Test (gazetteer, user_people_line_keeps_state_office_and_term)
{
    reload_with (BILAT_DICT_PEOPLE,
                 "Rashid Meredov\tTKM\tMinister of Foreign Affairs\t2001-07-19\t-\tMeredov\n");
    const gz_entry *e = lookup ("Meredov");
    cr_assert (not (zero (ptr, (void *) e)));
    cr_assert (eq (int, e->kind, GZ_PERSON));
    const gz_entity *p = bilat__gazetteer_entity (gz, GZ_PERSON, e->id);
    cr_assert (eq (str, (char *) p->name, "Rashid Meredov"));
    cr_assert (eq (str, (char *) p->extra, "TKM"));
    cr_assert (eq (str, (char *) p->office, "Minister of Foreign Affairs"));
    cr_assert (g_date_valid (&p->from));
    cr_assert (eq (int, g_date_get_year (&p->from), 2001));
    cr_assert (not (g_date_valid (&p->to)), "an open term has no end date");
}

Test (gazetteer_load, comments_blank_lines_and_crlf_are_accepted)
{
    static const char lines[] = "# comment\r\n\r\n   \nCaspian Forum\tCF|C.F.\r\n# end\n";
    bilat_error *err = NULL;
    int rc = bilat__gazetteer_load (gz, GZ_ORG, lines, strlen (lines), "orgs.tsv", &err);
    cr_assert (eq (int, rc, BILAT_OK), "%s", bilat_error_message (err));
    cr_assert (eq (sz, bilat__gazetteer_n_entities (gz, GZ_ORG), 1));
    bilat__gazetteer_freeze (gz);
    const gz_entry *e = lookup ("CF");
    cr_assert (not (zero (ptr, (void *) e)));
    cr_assert (eq (str, (char *) e->rule, "orgs.tsv:4"));
}

Test (gazetteer_load, last_line_without_newline_is_read)
{
    static const char lines[] = "Caspian Forum\tCF";
    cr_assert (eq (int, bilat__gazetteer_load (gz, GZ_ORG, lines, strlen (lines), "x", NULL),
                   BILAT_OK));
    cr_assert (eq (sz, bilat__gazetteer_n_entities (gz, GZ_ORG), 1));
}

Test (gazetteer_load, empty_dictionary_is_fine)
{
    cr_assert (eq (int, bilat__gazetteer_load (gz, GZ_ORG, "", 0, "x", NULL), BILAT_OK));
    cr_assert (eq (int, bilat__gazetteer_load (gz, GZ_ORG, NULL, 0, "x", NULL), BILAT_OK));
    cr_assert (eq (sz, bilat__gazetteer_n_entities (gz, GZ_ORG), 0));
    bilat__gazetteer_freeze (gz);
    cr_assert (zero (ptr, (void *) lookup ("UN")));
}

/* ---- malformed lines ------------------------------------------------------------------------ */

/* Load lines into the gazetteer and expect BILAT_EPARSE naming the line. */
static void
assert_bad_line (int kind, const char *lines, size_t lineno, const char *detail)
{
    bilat_error *err = NULL;
    int rc = bilat__gazetteer_load (gz, kind, lines, strlen (lines), "my.tsv", &err);
    cr_assert (eq (int, rc, BILAT_EPARSE));
    cr_assert (not (zero (ptr, err)));
    cr_assert (eq (int, bilat_error_code (err), BILAT_EPARSE));
    const char *msg = bilat_error_message (err);
    char *want = g_strdup_printf ("line %zu", lineno);
    cr_assert (not (zero (ptr, strstr (msg, want))), "message \"%s\" lacks \"%s\"", msg, want);
    cr_assert (not (zero (ptr, strstr (msg, "my.tsv"))), "message \"%s\" lacks the origin", msg);
    if (detail)
        cr_assert (not (zero (ptr, strstr (msg, detail))), "message \"%s\" lacks \"%s\"", msg,
                   detail);
    g_free (want);
    /* The offset points at the start of the bad line. */
    int64_t off = bilat_error_offset (err);
    cr_assert (ge (i64, off, 0));
    cr_assert (le (i64, off, (int64_t) strlen (lines)));
    cr_assert (off == 0 || lines[off - 1] == '\n', "offset %" PRId64 " is not a line start",
               off);
    bilat_error_free (err);
}

Test (gazetteer_load, wrong_column_count_names_the_line)
{
    assert_bad_line (GZ_STATE, "# states\nXAA\tAaland\t-\t-\nXAB\tBbland\t-\n", 3, "columns");
}

Test (gazetteer_load, too_many_columns_names_the_line)
{
    assert_bad_line (GZ_ORG, "Caspian Forum\tCF\textra\n", 1, "columns");
}

Test (gazetteer_load, bad_alpha3_names_the_line)
{
    assert_bad_line (GZ_STATE, "XAA\tAaland\t-\t-\nkz\tKazland\t-\t-\n", 2, "kz");
    assert_bad_line (GZ_STATE, "\nXA1\tAaland\t-\t-\n", 2, "XA1");
    assert_bad_line (GZ_STATE, "ABCD\tAaland\t-\t-\n", 1, "ABCD");
}

Test (gazetteer_load, unknown_office_class_names_the_line)
{
    assert_bad_line (GZ_OFFICE, "President\thead_of_state\t-\nChief Wizard\twizard\t-\n", 2,
                     "wizard");
}

Test (gazetteer_load, bad_date_in_a_people_line_names_the_line)
{
    cr_assert (eq (int, bilat__gazetteer_load_builtin (gz, NULL), BILAT_OK));
    assert_bad_line (GZ_PERSON,
                     "# people\n# more\nJane Doe\tKAZ\tPresident\t2023-13-01\t-\tDoe\n", 3,
                     "2023-13-01");
    assert_bad_line (GZ_PERSON, "Jane Doe\tKAZ\tPresident\t-\t28.11.2023\tDoe\n", 1,
                     "28.11.2023");
}

Test (gazetteer_load, unknown_state_in_a_people_line_names_the_line)
{
    cr_assert (eq (int, bilat__gazetteer_load_builtin (gz, NULL), BILAT_OK));
    assert_bad_line (GZ_PERSON, "Jane Doe\tXYZ\tPresident\t-\t-\tDoe\n", 1, "XYZ");
}

Test (gazetteer_load, empty_first_column_names_the_line)
{
    assert_bad_line (GZ_ORG, "Caspian Forum\tCF\n\tCF2\n", 2, NULL);
}

Test (gazetteer_load, invalid_utf8_is_a_parse_error_at_its_offset)
{
    static const char lines[] = "Caspian Forum\tC\xFF" "F\n";
    bilat_error *err = NULL;
    int rc = bilat__gazetteer_load (gz, GZ_ORG, lines, strlen (lines), "x", &err);
    cr_assert (eq (int, rc, BILAT_EPARSE));
    cr_assert (eq (i64, bilat_error_offset (err), 15));
    bilat_error_free (err);
}

Test (gazetteer_load, nul_byte_is_a_parse_error_at_its_offset)
{
    static const char lines[] = "Caspian\0Forum\tCF\n";
    bilat_error *err = NULL;
    int rc = bilat__gazetteer_load (gz, GZ_ORG, lines, sizeof lines - 1, "x", &err);
    cr_assert (eq (int, rc, BILAT_EPARSE));
    cr_assert (eq (i64, bilat_error_offset (err), 7));
    bilat_error_free (err);
}

Test (gazetteer_load, unknown_kind_is_einval)
{
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat__gazetteer_load (gz, 0, "a\tb\n", 4, "x", &err), BILAT_EINVAL));
    cr_assert (eq (int, bilat_error_code (err), BILAT_EINVAL));
    bilat_error_free (err);
    cr_assert (eq (int, bilat__gazetteer_load (gz, GZ_KEYWORD, "a\tb\n", 4, "x", NULL),
                   BILAT_EINVAL));
}

Test (gazetteer_load, null_text_with_a_length_is_einval)
{
    cr_assert (eq (int, bilat__gazetteer_load (gz, GZ_ORG, NULL, 5, "x", NULL), BILAT_EINVAL));
}

Test (gazetteer_load, a_set_error_is_not_overwritten)
{
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat__gazetteer_load (gz, GZ_ORG, "a\tb\tc\n", 6, "first", &err),
                   BILAT_EPARSE));
    bilat_error *first = err;
    cr_assert (eq (int, bilat__gazetteer_load (gz, GZ_OFFICE, "a\tb\n", 4, "second", &err),
                   BILAT_EPARSE));
    cr_assert (eq (ptr, err, first));
    cr_assert (not (zero (ptr, strstr (bilat_error_message (err), "first"))));
    bilat_error_free (err);
}
