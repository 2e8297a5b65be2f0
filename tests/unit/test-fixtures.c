/* SPDX-License-Identifier: MIT */
/* Runs every tests/data fixture through the public API and checks it against expected.json. */
#include <bilat/bilat.h>
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <criterion/parameterized.h>
#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

/* One parameter per fixture directory. Criterion hands parameters to the test's child process
 * through its shared arena, so they are fixed-size and made with cr_malloc(), never pointers
 * into the parent's heap. When no fixture list can be made, a single parameter carries the
 * reason in @problem, so the run fails with a message instead of passing with zero tests. */
typedef struct {
    char name[256];
    char problem[256];
} fixture_param;

static bilat_extractor *extractor;
static char extractor_problem[256];

static void
make_extractor (void)
{
    bilat_error *err = NULL;
    if (bilat_extractor_new (&extractor, NULL, &err) != BILAT_OK) {
        g_snprintf (extractor_problem, sizeof extractor_problem, "bilat_extractor_new: %s",
                    err ? bilat_error_message (err) : "failed without an error");
        bilat_error_free (err);
    }
}

static void
free_extractor (void)
{
    bilat_extractor_free (extractor);
    extractor = NULL;
}

TestSuite (fixtures, .init = make_extractor, .fini = free_extractor);

/* ---- the fixture list, built in the runner before any test starts ------------------------ */

static void
free_params (struct criterion_test_params *crp)
{
    cr_free (crp->params);
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
    return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static struct criterion_test_params
problem_param (const char *problem)
{
    fixture_param *p = cr_malloc (sizeof *p);
    memset (p, 0, sizeof *p);
    g_strlcpy (p->problem, problem, sizeof p->problem);
    return cr_make_param_array (fixture_param, p, 1, free_params);
}

ParameterizedTestParameters (fixtures, matches_expected)
{
    const char *root = g_getenv ("BILAT_TEST_DATA");
    if (root == NULL || *root == '\0')
        return problem_param ("BILAT_TEST_DATA is not set; run through meson test, or export "
                              "it as the path of tests/data");
    GError *gerr = NULL;
    GDir *dir = g_dir_open (root, 0, &gerr);
    if (dir == NULL) {
        char *msg = g_strdup_printf ("BILAT_TEST_DATA: %s", gerr->message);
        struct criterion_test_params crp = problem_param (msg);
        g_free (msg);
        g_error_free (gerr);
        return crp;
    }
    /* Every subdirectory is a fixture, even one missing its files: skipping it would hide a
     * half-added case, while failing on it names the missing file. */
    GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
    const char *entry;
    while ((entry = g_dir_read_name (dir)) != NULL) {
        char *path = g_build_filename (root, entry, NULL);
        if (entry[0] != '.' && g_file_test (path, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (names, g_strdup (entry));
        g_free (path);
    }
    g_dir_close (dir);
    if (names->len == 0) {
        g_ptr_array_free (names, TRUE);
        char *msg = g_strdup_printf ("BILAT_TEST_DATA (%s) holds no fixture directories", root);
        struct criterion_test_params crp = problem_param (msg);
        g_free (msg);
        return crp;
    }
    /* Sorted, so every machine runs the fixtures in the same order. */
    g_ptr_array_sort (names, compare_names);
    fixture_param *params = cr_malloc (names->len * sizeof *params);
    memset (params, 0, names->len * sizeof *params);
    for (guint i = 0; i < names->len; i++)
        g_strlcpy (params[i].name, g_ptr_array_index (names, i), sizeof params[i].name);
    size_t n = names->len;
    g_ptr_array_free (names, TRUE);
    return cr_make_param_array (fixture_param, params, n, free_params);
}

/* ---- text helpers ------------------------------------------------------------------------ */

/* Lower-cased words of @s with accents removed: "Inácio" and "INACIO" are the same word, and
 * punctuation ("Jr.", "J.", dashes) only separates words. */
static GPtrArray *
fold_words (const char *s)
{
    GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
    if (s == NULL)
        return words;
    char *nfd = g_utf8_normalize (s, -1, G_NORMALIZE_NFD);
    if (nfd == NULL)
        return words;
    GString *word = g_string_new (NULL);
    for (const char *p = nfd;; p = g_utf8_next_char (p)) {
        gunichar c = *p ? g_utf8_get_char (p) : 0;
        if (c != 0 && g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
            continue;
        if (c != 0 && g_unichar_isalnum (c)) {
            g_string_append_unichar (word, g_unichar_tolower (c));
            continue;
        }
        if (word->len > 0) {
            g_ptr_array_add (words, g_strdup (word->str));
            g_string_truncate (word, 0);
        }
        if (c == 0)
            break;
    }
    g_string_free (word, TRUE);
    g_free (nfd);
    return words;
}

static gboolean
has_word (const GPtrArray *words, const char *w)
{
    for (guint i = 0; i < words->len; i++)
        if (strcmp (g_ptr_array_index (words, i), w) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
same_words (const GPtrArray *a, const GPtrArray *b)
{
    if (a->len != b->len)
        return FALSE;
    for (guint i = 0; i < a->len; i++)
        if (strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
            return FALSE;
    return TRUE;
}

/* Case-, accent- and punctuation-insensitive equality: "U.S." equals "u s". */
static gboolean
same_text (const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return FALSE;
    GPtrArray *wa = fold_words (a), *wb = fold_words (b);
    gboolean same = same_words (wa, wb);
    g_ptr_array_free (wa, TRUE);
    g_ptr_array_free (wb, TRUE);
    return same;
}

static gboolean
is_filler (const char *w)
{
    static const char *const fillers[] = { "of", "the", "for", "and", NULL };
    for (int i = 0; fillers[i]; i++)
        if (strcmp (w, fillers[i]) == 0)
            return TRUE;
    return FALSE;
}

static const char *
or_null (const char *s)
{
    return s ? s : "null";
}

static const char *
member_string (JsonObject *o, const char *key)
{
    JsonNode *n = o ? json_object_get_member (o, key) : NULL;
    if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
        return NULL;
    return json_node_get_string (n);
}

static JsonArray *
member_array (JsonObject *o, const char *key)
{
    JsonNode *n = o ? json_object_get_member (o, key) : NULL;
    return n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static gboolean
is_string_node (JsonNode *n)
{
    return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING;
}

static gboolean
is_string_array (JsonArray *a)
{
    if (a == NULL)
        return FALSE;
    for (guint i = 0; i < json_array_get_length (a); i++)
        if (!is_string_node (json_array_get_element (a, i)))
            return FALSE;
    return TRUE;
}

/* Party lists are sets: a pair [PAK, UZB] is the output's [UZB, PAK]. */
static gboolean
same_code_set (JsonArray *want, JsonArray *got)
{
    if (want == NULL || got == NULL || !is_string_array (got)
        || json_array_get_length (want) != json_array_get_length (got))
        return FALSE;
    for (guint i = 0; i < json_array_get_length (want); i++) {
        const char *w = json_array_get_string_element (want, i);
        gboolean found = FALSE;
        for (guint k = 0; k < json_array_get_length (got) && !found; k++)
            found = g_ascii_strcasecmp (w, json_array_get_string_element (got, k)) == 0;
        if (!found)
            return FALSE;
    }
    return TRUE;
}

static char *
node_text (JsonNode *n)
{
    return n ? json_to_string (n, FALSE) : g_strdup ("null");
}

static void
append_node (GString *s, JsonNode *n)
{
    char *t = node_text (n);
    g_string_append (s, t);
    g_free (t);
}

/* ---- matchers: each finds the output item that meets one expectation ---------------------
 * A matcher returns the index of the matching item in @got, -1 when none matches (appending
 * to @why what the nearest candidate got wrong, when that helps), or MALFORMED when the
 * expectation itself cannot be read, so that a typo in a fixture is reported rather than
 * counted as met or unmet. */

enum { MALFORMED = -2 };

typedef int (*match_fn) (JsonNode *want, JsonArray *got, GString *why);

/* countries: alpha-3 codes; areas and status: keys and phrases, compared as words. */
static int
match_text (JsonNode *want, JsonArray *got, GString *why)
{
    if (!is_string_node (want))
        return MALFORMED;
    for (guint i = 0; got && i < json_array_get_length (got); i++) {
        JsonNode *g = json_array_get_element (got, i);
        if (is_string_node (g) && same_text (json_node_get_string (want), json_node_get_string (g)))
            return (int) i;
    }
    return -1;
}

static int
match_pair (JsonNode *want, JsonArray *got, GString *why)
{
    if (!JSON_NODE_HOLDS_ARRAY (want) || !is_string_array (json_node_get_array (want)))
        return MALFORMED;
    for (guint i = 0; got && i < json_array_get_length (got); i++) {
        JsonNode *g = json_array_get_element (got, i);
        if (JSON_NODE_HOLDS_ARRAY (g)
            && same_code_set (json_node_get_array (want), json_node_get_array (g)))
            return (int) i;
    }
    return -1;
}

/* The surname is the last word as written, folded into its parts ("Tae-yul" is "tae yul"),
 * except a generational suffix: "Ferdinand Marcos Jr." is found as "Marcos", not as "Jr.". */
static GPtrArray *
surname (const char *name)
{
    static const char *const suffixes[] = { "jr", "sr", "ii", "iii", "iv", NULL };
    char **written = g_strsplit_set (name, " \t\n", -1);
    GPtrArray *last = NULL;
    for (guint n = g_strv_length (written); n > 0 && last == NULL; n--) {
        GPtrArray *parts = fold_words (written[n - 1]);
        gboolean suffix = FALSE;
        for (int k = 0; parts->len == 1 && suffixes[k] && !suffix; k++)
            suffix = strcmp (g_ptr_array_index (parts, 0), suffixes[k]) == 0;
        if (parts->len > 0 && (!suffix || n == 1))
            last = parts;
        else
            g_ptr_array_free (parts, TRUE);
    }
    g_strfreev (written);
    return last ? last : g_ptr_array_new_with_free_func (g_free);
}

/* Whether @part occurs as consecutive words of @words. */
static gboolean
has_words (const GPtrArray *words, const GPtrArray *part)
{
    for (guint i = 0; part->len > 0 && i + part->len <= words->len; i++) {
        guint k = 0;
        while (k < part->len
               && strcmp (g_ptr_array_index (words, i + k), g_ptr_array_index (part, k)) == 0)
            k++;
        if (k == part->len)
            return TRUE;
    }
    return FALSE;
}

/* An office is met when at least half of its distinct words, fillers aside, appear in one
 * predicted office: "Minister of Foreign Affairs" is met by "Deputy Prime Minister – Minister
 * of Foreign Affairs" and by "Foreign Minister", not by "Prime Minister". */
static gboolean
office_met (const char *want, JsonArray *offices)
{
    GPtrArray *ww = fold_words (want);
    GPtrArray *need = g_ptr_array_new ();
    for (guint i = 0; i < ww->len; i++) {
        const char *w = g_ptr_array_index (ww, i);
        if (!is_filler (w) && !has_word (need, w))
            g_ptr_array_add (need, (gpointer) w);
    }
    gboolean met = need->len == 0;
    for (guint k = 0; offices && !met && k < json_array_get_length (offices); k++) {
        JsonNode *o = json_array_get_element (offices, k);
        if (!is_string_node (o))
            continue;
        GPtrArray *have = fold_words (json_node_get_string (o));
        guint shared = 0;
        for (guint i = 0; i < need->len; i++)
            shared += has_word (have, g_ptr_array_index (need, i));
        met = 2 * shared >= need->len;
        g_ptr_array_free (have, TRUE);
    }
    g_ptr_array_free (need, TRUE);
    g_ptr_array_free (ww, TRUE);
    return met;
}

static int
match_person (JsonNode *want, JsonArray *got, GString *why)
{
    JsonObject *w = JSON_NODE_HOLDS_OBJECT (want) ? json_node_get_object (want) : NULL;
    const char *name = member_string (w, "name");
    const char *country = member_string (w, "country");
    const char *office = member_string (w, "office");
    if (name == NULL || (json_object_has_member (w, "country") && country == NULL)
        || (json_object_has_member (w, "office") && office == NULL))
        return MALFORMED;
    GPtrArray *wn = fold_words (name);
    if (wn->len == 0) {
        g_ptr_array_free (wn, TRUE);
        return MALFORMED;
    }
    GPtrArray *last = surname (name);
    int found = -1, named = -1;
    gboolean right_country = FALSE;
    for (guint i = 0; found < 0 && got && i < json_array_get_length (got); i++) {
        JsonNode *gn = json_array_get_element (got, i);
        JsonObject *g = JSON_NODE_HOLDS_OBJECT (gn) ? json_node_get_object (gn) : NULL;
        GPtrArray *pn = fold_words (member_string (g, "name"));
        gboolean name_ok = same_words (wn, pn) || has_words (pn, last);
        g_ptr_array_free (pn, TRUE);
        if (!name_ok)
            continue;
        const char *got_country = member_string (g, "country");
        gboolean country_ok = country == NULL
            || (got_country && g_ascii_strcasecmp (country, got_country) == 0);
        /* Keep the most telling near miss: a same-name person in the right state beats one
         * in another state. */
        if (named < 0 || (country_ok && !right_country)) {
            named = (int) i;
            right_country = country_ok;
        }
        if (country_ok && (office == NULL || office_met (office, member_array (g, "offices"))))
            found = (int) i;
    }
    if (found < 0 && why) {
        if (named < 0) {
            g_string_append_printf (why, "no person named \"%s\" or with that surname", name);
        } else {
            JsonObject *g = json_node_get_object (json_array_get_element (got, (guint) named));
            g_string_append_printf (why, "nearest is \"%s\"", member_string (g, "name"));
            if (!right_country)
                g_string_append_printf (why, ", country %s",
                                        or_null (member_string (g, "country")));
            else
                g_string_append (why, ", whose offices share under half the office's words");
            g_string_append (why, ": ");
            append_node (why, json_array_get_element (got, (guint) named));
        }
    }
    g_ptr_array_free (last, TRUE);
    g_ptr_array_free (wn, TRUE);
    return found;
}

static gboolean spells (const char *a, const GPtrArray *words, guint i);

/* The rest of @a spelled by the rest of the current word @w, then by the words from @i on. */
static gboolean
spells_within (const char *a, const char *w, const GPtrArray *words, guint i)
{
    if (spells (a, words, i))
        return TRUE;
    for (; *a && *w; w++)
        if (*w == *a && spells_within (a + 1, w + 1, words, i))
            return TRUE;
    return FALSE;
}

/* Whether folded acronym @a spells @words (fillers removed) from @i on. A word that gives
 * letters gives its initial and then any of its later letters; the first and the last word
 * must give letters, the others may not. Plain initials are the usual case ("SCO", "IFAS" for
 * "International Fund for Saving the Aral Sea"), but written acronyms also take more than one
 * letter from a word and pass over words: "AfCFTA" for "African Continental Free Trade Area",
 * "ASEAN" (South-East) for "Association of Southeast Asian Nations", "CICA" for "Conference on
 * Interaction and Confidence Building Measures in Asia". */
static gboolean
spells (const char *a, const GPtrArray *words, guint i)
{
    if (i == words->len)
        return *a == '\0';
    const char *w = g_ptr_array_index (words, i);
    if (i > 0 && i + 1 < words->len && spells (a, words, i + 1))
        return TRUE;
    return *a != '\0' && *a == *w && spells_within (a + 1, w + 1, words, i + 1);
}

/* An acronym is one word as written ("ASEAN", "C5+1"); it abbreviates a name of two or more
 * words that it spells. */
static gboolean
abbreviates (const char *short_form, const char *long_form)
{
    if (strchr (short_form, ' ') != NULL)
        return FALSE;
    GPtrArray *letters = fold_words (short_form);
    GPtrArray *all = fold_words (long_form);
    GPtrArray *words = g_ptr_array_new ();
    for (guint i = 0; i < all->len; i++)
        if (!is_filler (g_ptr_array_index (all, i)))
            g_ptr_array_add (words, g_ptr_array_index (all, i));
    GString *a = g_string_new (NULL);
    for (guint i = 0; i < letters->len; i++)
        g_string_append (a, g_ptr_array_index (letters, i));
    gboolean yes = a->len > 0 && words->len >= 2 && spells (a->str, words, 0);
    g_string_free (a, TRUE);
    g_ptr_array_free (words, TRUE);
    g_ptr_array_free (all, TRUE);
    g_ptr_array_free (letters, TRUE);
    return yes;
}

static int
match_organization (JsonNode *want, JsonArray *got, GString *why)
{
    if (!is_string_node (want))
        return MALFORMED;
    const char *w = json_node_get_string (want);
    for (guint i = 0; got && i < json_array_get_length (got); i++) {
        JsonNode *gn = json_array_get_element (got, i);
        if (!is_string_node (gn))
            continue;
        const char *g = json_node_get_string (gn);
        if (same_text (w, g) || abbreviates (w, g) || abbreviates (g, w))
            return (int) i;
    }
    return -1;
}

/* The fields an expected event may give; any other is a fixture error, not a silent pass. */
static gboolean
event_is_readable (JsonObject *w)
{
    static const char *const strings[] = { "type", "actor", "target", "level", "mode",
                                            "place", "date", NULL };
    gboolean ok = member_string (w, "type") != NULL;
    GList *members = json_object_get_members (w);
    for (GList *l = members; ok && l; l = l->next) {
        const char *key = l->data;
        JsonNode *n = json_object_get_member (w, key);
        gboolean known = FALSE;
        for (int i = 0; strings[i] && !known; i++)
            known = strcmp (key, strings[i]) == 0;
        if (known)
            ok = is_string_node (n);
        else if (strcmp (key, "parties") == 0 || strcmp (key, "title_words") == 0)
            ok = JSON_NODE_HOLDS_ARRAY (n) && is_string_array (json_node_get_array (n));
        else
            ok = FALSE;
    }
    g_list_free (members);
    return ok;
}

static gboolean
title_has_words (const char *title, JsonArray *words)
{
    if (title == NULL)
        return FALSE;
    char *ft = g_utf8_casefold (title, -1);
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < json_array_get_length (words); i++) {
        char *fw = g_utf8_casefold (json_array_get_string_element (words, i), -1);
        ok = strstr (ft, fw) != NULL;
        g_free (fw);
    }
    g_free (ft);
    return ok;
}

/* How output event @g differs from the readable expected event @w: the number of fields that
 * differ, each also described in @diff with the value the output has. */
static int
event_differences (JsonObject *w, JsonObject *g, GString *diff)
{
    int n = 0;
    GList *members = json_object_get_members (w);
    for (GList *l = members; l; l = l->next) {
        const char *key = l->data;
        JsonNode *wn = json_object_get_member (w, key);
        gboolean ok;
        if (strcmp (key, "type") == 0) {
            continue;
        } else if (strcmp (key, "date") == 0) {
            /* Checked at the precision the fixture gives: "2024-03" accepts "2024-03-04",
             * but "2024-03-04" does not accept "2024-03". */
            const char *gd = member_string (g, "date");
            ok = gd && g_str_has_prefix (gd, json_node_get_string (wn));
        } else if (strcmp (key, "parties") == 0) {
            ok = same_code_set (json_node_get_array (wn), member_array (g, "parties"));
        } else if (strcmp (key, "title_words") == 0) {
            ok = title_has_words (member_string (g, "title"), json_node_get_array (wn));
            key = "title";
        } else {
            ok = same_text (json_node_get_string (wn), member_string (g, key));
        }
        if (!ok) {
            g_string_append_printf (diff, "%s%s ", n ? ", " : "", key);
            append_node (diff, json_object_get_member (g, key));
            n++;
        }
    }
    g_list_free (members);
    return n;
}

static int
match_event (JsonNode *want, JsonArray *got, GString *why)
{
    JsonObject *w = JSON_NODE_HOLDS_OBJECT (want) ? json_node_get_object (want) : NULL;
    if (w == NULL || !event_is_readable (w))
        return MALFORMED;
    const char *type = member_string (w, "type");
    int found = -1, nearest = -1, nearest_n = G_MAXINT;
    GString *nearest_diff = g_string_new (NULL), *diff = g_string_new (NULL);
    for (guint i = 0; found < 0 && got && i < json_array_get_length (got); i++) {
        JsonNode *gn = json_array_get_element (got, i);
        JsonObject *g = JSON_NODE_HOLDS_OBJECT (gn) ? json_node_get_object (gn) : NULL;
        if (g == NULL || !same_text (type, member_string (g, "type")))
            continue;
        g_string_truncate (diff, 0);
        int n = event_differences (w, g, diff);
        if (n == 0) {
            found = (int) i;
        } else if (n < nearest_n) {
            nearest = (int) i;
            nearest_n = n;
            g_string_assign (nearest_diff, diff->str);
        }
    }
    if (found < 0 && why) {
        if (nearest < 0)
            g_string_append_printf (why, "no %s event at all", type);
        else
            g_string_append_printf (why, "nearest %s is events[%d], with %s", type, nearest,
                                    nearest_diff->str);
    }
    g_string_free (nearest_diff, TRUE);
    g_string_free (diff, TRUE);
    return found;
}

static const struct {
    const char *key; /* in expected.json, and the output key it is checked against */
    match_fn match;
} checks[] = {
    { "countries", match_text },
    { "pairs", match_pair },
    { "persons", match_person },
    { "organizations", match_organization },
    { "events", match_event },
    { "areas", match_text },
    { "status", match_text },
};

/* ---- one fixture ------------------------------------------------------------------------- */

typedef struct {
    GString *report; /* one line per unmet expectation, grouped by key */
    guint checked;
    guint unmet;
} verdict;

static void
unmet (verdict *v, const char *key, JsonNode *want, const char *why)
{
    v->unmet++;
    g_string_append_printf (v->report, "  %s:", key);
    if (want) {
        g_string_append_c (v->report, ' ');
        append_node (v->report, want);
    }
    if (why && *why)
        g_string_append_printf (v->report, "%s%s", want ? " -- " : " ", why);
    g_string_append_c (v->report, '\n');
}

/* The output a failed key was checked against, so a reader sees what came out instead. */
static void
show_output (verdict *v, JsonObject *out, const char *key)
{
    g_string_append_printf (v->report, "    output %s: ", key);
    append_node (v->report, json_object_get_member (out, key));
    g_string_append_c (v->report, '\n');
}

/* "key" lists must each be found in the output; "not_key" lists must each be absent. */
static void
check_list (verdict *v, JsonObject *out, const char *key, JsonNode *list)
{
    gboolean negated = g_str_has_prefix (key, "not_");
    const char *base = negated ? key + 4 : key;
    match_fn match = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS (checks) && !match; i++)
        if (strcmp (checks[i].key, base) == 0)
            match = checks[i].match;
    if (match == NULL || !JSON_NODE_HOLDS_ARRAY (list)) {
        v->checked++;
        unmet (v, key, NULL, match ? "malformed: not a list" : "unknown expectation key");
        return;
    }
    JsonArray *want = json_node_get_array (list);
    JsonArray *got = member_array (out, base);
    guint before = v->unmet;
    GString *why = g_string_new (NULL);
    for (guint i = 0; i < json_array_get_length (want); i++) {
        JsonNode *w = json_array_get_element (want, i);
        g_string_truncate (why, 0);
        int at = match (w, got, negated ? NULL : why);
        v->checked++;
        if (at == MALFORMED) {
            unmet (v, key, w, "malformed expectation");
        } else if (!negated && at < 0) {
            unmet (v, key, w, why->str);
        } else if (negated && at >= 0) {
            g_string_append (why, "present as ");
            append_node (why, json_array_get_element (got, (guint) at));
            unmet (v, key, w, why->str);
        }
    }
    g_string_free (why, TRUE);
    /* An unwanted item is already quoted where it was found; a missing one needs the list. */
    if (!negated && v->unmet > before)
        show_output (v, out, base);
}

static void
check_no_events (verdict *v, JsonObject *out, JsonNode *list)
{
    if (!JSON_NODE_HOLDS_ARRAY (list) || !is_string_array (json_node_get_array (list))) {
        v->checked++;
        unmet (v, "no_events", NULL, "malformed: not a list of event types");
        return;
    }
    JsonArray *types = json_node_get_array (list);
    JsonArray *events = member_array (out, "events");
    for (guint i = 0; i < json_array_get_length (types); i++) {
        const char *type = json_array_get_string_element (types, i);
        GString *seen = g_string_new (NULL);
        guint n = 0;
        for (guint k = 0; events && k < json_array_get_length (events); k++) {
            JsonNode *e = json_array_get_element (events, k);
            if (JSON_NODE_HOLDS_OBJECT (e)
                && same_text (type, member_string (json_node_get_object (e), "type"))) {
                g_string_append (seen, n++ ? ", " : "");
                append_node (seen, e);
            }
        }
        v->checked++;
        if (n > 0) {
            char *why = g_strdup_printf ("%u found: %s", n, seen->str);
            unmet (v, "no_events", json_array_get_element (types, i), why);
            g_free (why);
        }
        g_string_free (seen, TRUE);
    }
}

static JsonParser *
parse_json (const char *data, gssize len, const char *what, GString *problem)
{
    JsonParser *p = json_parser_new ();
    GError *gerr = NULL;
    if (!json_parser_load_from_data (p, data, len, &gerr)
        || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (p))) {
        g_string_append_printf (problem, "%s is not a JSON object: %s\n", what,
                                gerr ? gerr->message : "wrong top-level type");
        g_clear_error (&gerr);
        g_object_unref (p);
        return NULL;
    }
    return p;
}

/* Checks one fixture; returns NULL when every expectation is met, else the report (free with
 * g_free()). */
static char *
check_fixture (const char *root, const char *name)
{
    GString *problem = g_string_new (NULL);
    char *input_path = g_build_filename (root, name, "input.txt", NULL);
    char *expected_path = g_build_filename (root, name, "expected.json", NULL);
    char *text = NULL, *expected_text = NULL, *json = NULL;
    gsize len = 0, expected_len = 0;
    JsonParser *expected = NULL, *output = NULL;
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    GError *gerr = NULL;
    verdict v = { .report = g_string_new (NULL) };

    if (!g_file_get_contents (input_path, &text, &len, &gerr)
        || !g_file_get_contents (expected_path, &expected_text, &expected_len, &gerr)) {
        g_string_append_printf (problem, "cannot read the fixture: %s\n", gerr->message);
        goto out;
    }
    expected = parse_json (expected_text, (gssize) expected_len, "expected.json", problem);
    if (expected == NULL)
        goto out;
    JsonObject *want = json_node_get_object (json_parser_get_root (expected));
    JsonNode *date = json_object_get_member (want, "date");
    if (date && !is_string_node (date) && !JSON_NODE_HOLDS_NULL (date)) {
        g_string_append (problem, "expected.json: \"date\" is not a string\n");
        goto out;
    }
    if (bilat_extract_dated (&doc, extractor, text, len,
                             is_string_node (date) ? json_node_get_string (date) : NULL, &err)
            != BILAT_OK
        || bilat_doc_to_json (&json, doc, BILAT_JSON_PLAIN, name, &err) != BILAT_OK) {
        g_string_append_printf (problem, "extraction failed: %s (%s)\n",
                                err ? bilat_error_message (err) : "no error message",
                                err ? bilat_strerror (bilat_error_code (err)) : "?");
        goto out;
    }
    output = parse_json (json, -1, "the extractor's JSON", problem);
    if (output == NULL)
        goto out;
    JsonObject *got = json_node_get_object (json_parser_get_root (output));

    GList *keys = json_object_get_members (want);
    for (GList *l = keys; l; l = l->next) {
        const char *key = l->data;
        if (strcmp (key, "date") == 0)
            continue;
        if (strcmp (key, "no_events") == 0)
            check_no_events (&v, got, json_object_get_member (want, key));
        else
            check_list (&v, got, key, json_object_get_member (want, key));
    }
    g_list_free (keys);
    if (v.unmet > 0)
        g_string_append_printf (problem, "%u of %u expectations unmet\n%s", v.unmet, v.checked,
                                v.report->str);

out:
    g_string_free (v.report, TRUE);
    if (output)
        g_object_unref (output);
    if (expected)
        g_object_unref (expected);
    bilat_free (json);
    bilat_doc_free (doc);
    bilat_error_free (err);
    g_clear_error (&gerr);
    g_free (expected_text);
    g_free (text);
    g_free (expected_path);
    g_free (input_path);
    if (problem->len == 0) {
        g_string_free (problem, TRUE);
        return NULL;
    }
    g_string_prepend (problem, ": ");
    g_string_prepend (problem, name);
    return g_string_free (problem, FALSE);
}

/* One result per fixture. Every unmet expectation of the fixture goes into one message, so a
 * failing case shows all that is wrong with it in a single run. */
ParameterizedTest (fixture_param *p, fixtures, matches_expected)
{
    if (p->problem[0])
        cr_fatal ("%s", p->problem);
    if (extractor == NULL)
        cr_fatal ("%s", extractor_problem);
    const char *root = g_getenv ("BILAT_TEST_DATA");
    if (root == NULL)
        cr_fatal ("BILAT_TEST_DATA is not set");
    char *report = check_fixture (root, p->name);
    if (report) {
        /* cr_fail() only marks the failure, so the report can still be freed. */
        cr_fail ("%s", report);
        g_free (report);
    }
}
