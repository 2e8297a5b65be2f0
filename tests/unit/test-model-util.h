/* SPDX-License-Identifier: MIT */
/* Helpers for the model, graph, query and serialize tests: documents of facts made by hand
 * (through the extraction internals, so that a test says exactly what a document states),
 * a seeded generator of such documents, and the fixture corpus in tests/data-model. */
#ifndef BILAT_TEST_MODEL_UTIL_H
#define BILAT_TEST_MODEL_UTIL_H

#include "../../lib/extract/extract-private.h"

#include <criterion/criterion.h>
#include <stdarg.h>
#include <string.h>

/* ---- documents by hand ----------------------------------------------------------------- */

static inline bilat_doc *
doc_new (const char *date)
{
    bilat_doc *d = bilat__doc_new ();
    if (date)
        g_strlcpy (d->date, date, sizeof d->date);
    d->n_sentences = 3;
    return d;
}

static inline GPtrArray *
strv_of (bilat_doc *d, const char *list)
{
    GPtrArray *a = g_ptr_array_new ();
    if (list == NULL || *list == '\0')
        return a;
    char **v = g_strsplit (list, "|", -1);
    for (char **p = v; *p; p++)
        g_ptr_array_add (a, (gpointer) bilat__doc_copy (d, *p));
    g_strfreev (v);
    return a;
}

/* A state fact, and a pair fact "A|B". */
static inline void
doc_state (bilat_doc *d, const char *code)
{
    bilat__doc_add (d, BILAT_FACT_STATE)->text = bilat__doc_copy (d, code);
}

static inline void
doc_pair (bilat_doc *d, const char *a, const char *b)
{
    bilat_fact *f = bilat__doc_add (d, BILAT_FACT_PAIR);
    /* As extraction makes it: a list the doc owns and frees with itself. */
    f->parties = bilat__doc_list (d, 2);
    f->parties->pdata[f->parties->len++] = (gpointer) bilat__doc_copy (d, a);
    f->parties->pdata[f->parties->len++] = (gpointer) bilat__doc_copy (d, b);
    doc_state (d, a);
    doc_state (d, b);
}

static inline void
doc_text_fact (bilat_doc *d, int kind, const char *text)
{
    bilat__doc_add (d, kind)->text = bilat__doc_copy (d, text);
}

/* A person: offices "A|B". */
static inline void
doc_person (bilat_doc *d, const char *name, const char *state, const char *offices)
{
    bilat_fact *f = bilat__doc_add (d, BILAT_FACT_PERSON);
    f->text = bilat__doc_copy (d, name);
    f->state = bilat__doc_copy (d, state);
    f->offices = strv_of (d, offices);
    f->sentence = 0;
    f->start = 10;
    f->end = 10 + strlen (name);
    f->rule = "test";
}

static inline bilat_fact *
doc_event (bilat_doc *d, int type, const char *date)
{
    static const char *const names[] = { "", "visit", "meeting", "agreement" };
    static const char *const cameo[] = { "", "042", "040", "057" };
    static const char *const plover[] = { "", "CONSULT", "CONSULT", "AGREE" };
    bilat_fact *f = bilat__doc_add (d, BILAT_FACT_EVENT);
    f->text = names[type];
    f->event_type = type;
    f->date = bilat__doc_copy (d, date);
    f->cameo = cameo[type];
    f->plover = plover[type];
    f->rule = "test";
    f->sentence = (int) d->facts[BILAT_FACT_EVENT]->len;
    f->start = 100 * d->facts[BILAT_FACT_EVENT]->len;
    f->end = f->start + 40;
    f->parties = g_ptr_array_new ();
    f->persons = g_ptr_array_new ();
    return f;
}

static inline bilat_fact *
doc_visit (bilat_doc *d, const char *actor, const char *target, const char *date,
           const char *persons)
{
    bilat_fact *f = doc_event (d, BILAT_EVENT_VISIT, date);
    f->actor = bilat__doc_copy (d, actor);
    f->target = bilat__doc_copy (d, target);
    f->level = "official";
    g_ptr_array_free (f->persons, TRUE);
    f->persons = strv_of (d, persons);
    return f;
}

/* A meeting or an agreement: parties "A|B". */
static inline bilat_fact *
doc_between (bilat_doc *d, int type, const char *parties, const char *date,
             const char *persons, const char *title)
{
    bilat_fact *f = doc_event (d, type, date);
    g_ptr_array_free (f->parties, TRUE);
    f->parties = strv_of (d, parties);
    g_ptr_array_free (f->persons, TRUE);
    f->persons = strv_of (d, persons);
    f->title = bilat__doc_copy (d, title);
    if (type == BILAT_EVENT_MEETING)
        f->mode = "in_person";
    return f;
}

/* Add a document and free it; the test fails if the model refuses it. */
static inline void
add (bilat_model *m, const char *id, bilat_doc *d)
{
    bilat_error *err = NULL;
    int rc = bilat_model_add_doc (m, id, d, &err);
    cr_assert (rc == BILAT_OK, "add %s: %s", id, bilat_error_message (err));
    bilat_doc_free (d);
}

static inline bilat_model *
model_new (void)
{
    bilat_model *m = NULL;
    cr_assert (bilat_model_new (&m, NULL) == BILAT_OK);
    return m;
}

static inline char *
model_json (const bilat_model *m)
{
    char *s = NULL;
    bilat_error *err = NULL;
    cr_assert (bilat_model_to_json (&s, m, 0, &err) == BILAT_OK, "%s", bilat_error_message (err));
    return s;
}

/* ---- generated documents ------------------------------------------------------------------ */

static inline uint64_t
rng_next (uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static inline const char *
pick (uint64_t *s, const char *const *v, size_t n)
{
    return v[rng_next (s) % n];
}

/* A document of random but plausible facts over a few states, people and dates, chosen so
 * that reports often coincide (the same visit from both sides, short and full names, vague
 * dates) and merging has work to do. */
static inline bilat_doc *
random_doc (uint64_t *s)
{
    static const char *const states[] = { "KAZ", "TKM", "UZB", "KGZ", "TJK", "USA", "CHN" };
    static const char *const given[] = { "Aida", "Bolat", "Erlan", "Gulnara", "Rustam", "Dana" };
    static const char *const family[] = { "Abenov", "Karimova", "Sultanov", "Orazov", "Khan" };
    static const char *const offices[] = { "Minister of Foreign Affairs", "President",
                                           "Ambassador", "Deputy Minister" };
    static const char *const areas[] = { "trade", "energy", "transport", "water", "culture" };
    static const char *const status[] = { "strategic partnership", "alliance",
                                          "good-neighbourly relations" };
    static const char *const titles[] = {
        "Memorandum of Understanding on Cooperation in Tourism",
        "Memorandum of Understanding on Tourism Cooperation",
        "Agreement on Visa-Free Travel", "Programme of Cooperation for 2024-2026",
        "Agreement on \"Green\" Energy, Water and Transit",
    };
    int month = 1 + (int) (rng_next (s) % 3), day = 1 + (int) (rng_next (s) % 12);
    char date[11];
    g_snprintf (date, sizeof date, "2024-%02d-%02d", month, day);
    bilat_doc *d = doc_new (rng_next (s) % 8 ? date : NULL);
    const char *a = pick (s, states, G_N_ELEMENTS (states));
    const char *b = pick (s, states, G_N_ELEMENTS (states));
    if (a == b)
        b = a == states[0] ? states[1] : states[0];
    doc_pair (d, a, b);
    doc_text_fact (d, BILAT_FACT_AREA, pick (s, areas, G_N_ELEMENTS (areas)));
    if (rng_next (s) % 3 == 0)
        doc_text_fact (d, BILAT_FACT_STATUS, pick (s, status, G_N_ELEMENTS (status)));
    if (rng_next (s) % 4 == 0)
        doc_text_fact (d, BILAT_FACT_ORGANIZATION, "Shanghai Cooperation Organisation");
    char pa[64], pb[64];
    const char *fa = pick (s, family, G_N_ELEMENTS (family));
    const char *fb = pick (s, family, G_N_ELEMENTS (family));
    if (rng_next (s) % 3 == 0)
        g_strlcpy (pa, fa, sizeof pa);
    else
        g_snprintf (pa, sizeof pa, "%s %s", pick (s, given, G_N_ELEMENTS (given)), fa);
    g_snprintf (pb, sizeof pb, "%s %s", pick (s, given, G_N_ELEMENTS (given)), fb);
    doc_person (d, pa, a, pick (s, offices, G_N_ELEMENTS (offices)));
    doc_person (d, pb, b, pick (s, offices, G_N_ELEMENTS (offices)));
    char persons[140];
    g_snprintf (persons, sizeof persons, "%s|%s", pa, pb);
    /* Event dates: the day, a neighbouring day, the month, or none. */
    char edate[11];
    int r = (int) (rng_next (s) % 4);
    if (r == 0)
        g_snprintf (edate, sizeof edate, "2024-%02d-%02d", month, day + 1);
    else if (r == 1)
        g_snprintf (edate, sizeof edate, "2024-%02d", month);
    else
        g_strlcpy (edate, date, sizeof edate);
    const char *ed = r == 3 ? NULL : edate;
    char parties[16];
    g_snprintf (parties, sizeof parties, "%s|%s", a, b);
    switch (rng_next (s) % 3) {
    case 0:
        doc_visit (d, a, b, ed, pa);
        doc_between (d, BILAT_EVENT_MEETING, parties, ed, persons, NULL);
        break;
    case 1:
        doc_between (d, BILAT_EVENT_MEETING, parties, ed, persons, NULL)->mode = "phone";
        break;
    default:
        doc_between (d, BILAT_EVENT_AGREEMENT, parties, ed, persons,
                     pick (s, titles, G_N_ELEMENTS (titles)));
        break;
    }
    return d;
}

/* ---- the fixture corpus --------------------------------------------------------------------- */

typedef struct {
    const char *id, *date;
} fixture;

static const fixture fixture_corpus[] = {
    { "kaz-mfa-0314", "2023-03-14" },  { "tkm-mfa-0314", "2023-03-14" },
    { "kaz-akorda-0920", "2023-09-20" }, { "tkm-mfa-0506", "2024-05-06" },
    { "uzb-mfa-0210", "2024-02-10" },  { "usa-state-1102", "2023-11-02" },
    { "usa-state-0305", "2024-03-05" }, { "kaz-mfa-undated", NULL },
};
#define N_FIXTURES G_N_ELEMENTS (fixture_corpus)

static inline char *
fixture_path (const char *name)
{
    /* tests/data-model sits beside tests/data, which BILAT_TEST_DATA names. */
    const char *dir = g_getenv ("BILAT_TEST_DATA");
    cr_assert (dir != NULL, "BILAT_TEST_DATA is not set");
    return g_build_filename (dir, "..", "data-model", "corpus", name, NULL);
}

/* Add fixture i, extracted with ex, to m. */
static inline void
add_fixture (bilat_model *m, const bilat_extractor *ex, size_t i)
{
    char *name = g_strconcat (fixture_corpus[i].id, ".txt", NULL);
    char *path = fixture_path (name);
    char *text = NULL;
    gsize len = 0;
    cr_assert (g_file_get_contents (path, &text, &len, NULL), "cannot read %s", path);
    bilat_error *err = NULL;
    int rc = bilat_model_add_text (m, ex, fixture_corpus[i].id, fixture_corpus[i].date, text,
                                   len, &err);
    cr_assert (rc == BILAT_OK, "%s: %s", path, bilat_error_message (err));
    g_free (text);
    g_free (path);
    g_free (name);
}

static inline bilat_model *
fixture_model (const bilat_extractor *ex)
{
    bilat_model *m = model_new ();
    for (size_t i = 0; i < N_FIXTURES; i++)
        add_fixture (m, ex, i);
    return m;
}

#endif /* BILAT_TEST_MODEL_UTIL_H */
