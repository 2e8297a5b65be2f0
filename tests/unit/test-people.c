/* SPDX-License-Identifier: MIT */
/* People and their offices, tested through the public API: the paths the corpus seldom takes
 * (wide gaps inside a name, long words, titles beyond ASCII, documents naming many people). */
#include <bilat/bilat.h>

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <glib.h>
#include <string.h>

#include "../test-extractor.h"

TestSuite (people, .init = make_extractor, .fini = free_extractor);

static bilat_doc *
extract (const char *text)
{
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    int rc = bilat_extract_dated (&doc, ex, text, strlen (text), "2024-03-06", &err);
    cr_assert (eq (int, rc, BILAT_OK), "extract: %s", bilat_error_message (err));
    return doc;
}

/* The person fact named name; the test fails when there is none. */
static const bilat_fact *
person_named (const bilat_doc *doc, const char *name)
{
    size_t n = bilat_doc_n_facts (doc, BILAT_FACT_PERSON);
    for (size_t i = 0; i < n; i++) {
        const bilat_fact *f = bilat_doc_fact (doc, BILAT_FACT_PERSON, i);
        if (strcmp (bilat_fact_text (f), name) == 0)
            return f;
    }
    cr_fatal ("no person named \"%s\" among %zu", name, n);
    return NULL;
}

/* Does an event of this type name the person? */
static gboolean
event_names (const bilat_doc *doc, int type, const char *name)
{
    for (size_t i = 0; i < bilat_doc_n_facts (doc, BILAT_FACT_EVENT); i++) {
        const bilat_fact *e = bilat_doc_fact (doc, BILAT_FACT_EVENT, i);
        if (bilat_fact_event_type (e) != type)
            continue;
        for (size_t k = 0; k < bilat_fact_n_persons (e); k++)
            if (strcmp (bilat_fact_person (e, k), name) == 0)
                return TRUE;
    }
    return FALSE;
}

Test (people, names_and_titles_with_wide_gaps_read_as_one_space)
{
    bilat_doc *doc = extract ("The Turkmen Minister of  Foreign Affairs Bartholomewsonington  "
                              "Vellacourt received the delegation.");
    const bilat_fact *p = person_named (doc, "Bartholomewsonington Vellacourt");
    cr_assert (eq (sz, bilat_fact_n_offices (p), 1));
    cr_assert (eq (str, (char *) bilat_fact_office (p, 0), "Minister of Foreign Affairs"));
    bilat_doc_free (doc);
}

Test (people, bare_title_beyond_ascii_stands_for_its_holder)
{
    bilat_doc *doc = extract ("Military Attaché Alder Quintavo of Kazakhstan arrived in "
                              "Ashgabat on Tuesday. The Military Attaché met the Turkmen Minister "
                              "of Foreign Affairs Bartholomewsonington Vellacourt.");
    const bilat_fact *p = person_named (doc, "Alder Quintavo");
    cr_assert (eq (str, (char *) bilat_fact_office (p, 0), "Military Attaché"));
    cr_assert (event_names (doc, BILAT_EVENT_MEETING, "Alder Quintavo"),
               "the meeting names the attaché");
    bilat_doc_free (doc);
}

Test (people, many_people_and_their_later_mentions)
{
    /* Eighty ministers, then each by surname alone: more names, references and titles than
     * the stage's tables and batches hold at first. */
    enum { N = 80 };
    GString *text = g_string_new (NULL);
    char first[N][16], last[N][16];
    for (int k = 0; k < N; k++) {
        g_snprintf (first[k], sizeof first[k], "Vor%c%cin", 'a' + k / 26, 'a' + k % 26);
        g_snprintf (last[k], sizeof last[k], "Dalm%c%cert", 'a' + k / 26, 'a' + k % 26);
        g_string_append_printf (text, "Minister of Energy of Kazakhstan %s %s arrived in "
                                "Ashgabat. ", first[k], last[k]);
    }
    for (int k = 0; k < N; k++)
        g_string_append_printf (text, "%s met the Turkmen Foreign Minister. ", last[k]);
    bilat_doc *doc = extract (text->str);
    g_string_free (text, TRUE);
    cr_assert (eq (sz, bilat_doc_n_facts (doc, BILAT_FACT_PERSON), N));
    for (int k = 0; k < N; k++) {
        char name[40];
        g_snprintf (name, sizeof name, "%s %s", first[k], last[k]);
        const bilat_fact *p = person_named (doc, name);
        cr_assert (eq (str, (char *) bilat_fact_office (p, 0), "Minister of Energy"));
        cr_assert (event_names (doc, BILAT_EVENT_MEETING, name), "%s meets", name);
    }
    bilat_doc_free (doc);
}
