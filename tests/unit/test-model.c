/* SPDX-License-Identifier: MIT */
/* The model: people resolved across documents, reports of one event merged with their
 * evidence, merging of models in any order, date ranges. */
#include "test-model-util.h"

#include <criterion/new/assert.h>

/* The official of a state with this name, or NULL. */
static const bilat_official *
official (const bilat_model *m, const char *state, const char *name)
{
    for (size_t i = 0; i < bilat_model_n_officials (m); i++) {
        const bilat_official *p = bilat_model_official (m, i);
        if (g_strcmp0 (bilat_official_state (p), state) == 0 &&
            strcmp (bilat_official_name (p), name) == 0)
            return p;
    }
    return NULL;
}

static size_t
officials_of (const bilat_model *m, const char *state)
{
    size_t n = 0;
    for (size_t i = 0; i < bilat_model_n_officials (m); i++)
        n += g_strcmp0 (bilat_official_state (bilat_model_official (m, i)), state) == 0;
    return n;
}

/* ---- documents in, misuse ------------------------------------------------------------------ */

Test (model, empty_model_has_nothing_and_answers_empty)
{
    bilat_model *m = model_new ();
    cr_assert (eq (sz, bilat_model_n_documents (m), 0));
    cr_assert (eq (sz, bilat_model_n_events (m), 0));
    cr_assert (eq (sz, bilat_model_n_officials (m), 0));
    cr_assert (eq (sz, bilat_model_n_states (m), 0));
    cr_assert (zero (ptr, (void *) bilat_model_event (m, 0)));
    cr_assert (zero (ptr, (void *) bilat_model_state (m, 0)));
    bilat_model_free (m);
}

Test (model, a_document_id_is_added_once)
{
    bilat_model *m = model_new ();
    add (m, "a", doc_new ("2024-01-01"));
    bilat_doc *d = doc_new ("2024-01-02");
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_model_add_doc (m, "a", d, &err), BILAT_EINVAL));
    cr_assert (not (zero (str, (char *) bilat_error_message (err))));
    bilat_error_free (err);
    err = NULL;
    cr_assert (eq (int, bilat_model_add_doc (m, "", d, &err), BILAT_EINVAL));
    bilat_error_free (err);
    cr_assert (eq (int, bilat_model_add_doc (m, NULL, d, NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_model_add_doc (NULL, "b", d, NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_model_add_doc (m, "b", NULL, NULL), BILAT_EINVAL));
    cr_assert (eq (sz, bilat_model_n_documents (m), 1));
    bilat_doc_free (d);
    bilat_model_free (m);
}

Test (model, documents_are_listed_by_id_with_their_dates)
{
    bilat_model *m = model_new ();
    add (m, "c", doc_new ("2024-03-01"));
    add (m, "a", doc_new (NULL));
    add (m, "b", doc_new ("2024-01-01"));
    cr_assert (eq (str, (char *) bilat_model_document_id (m, 0), "a"));
    cr_assert (eq (str, (char *) bilat_model_document_id (m, 2), "c"));
    cr_assert (zero (ptr, (void *) bilat_model_document_date (m, 0)));
    cr_assert (eq (str, (char *) bilat_model_document_date (m, 1), "2024-01-01"));
    cr_assert (zero (ptr, (void *) bilat_model_document_id (m, 3)));
    bilat_model_free (m);
}

Test (model, free_and_getters_accept_null)
{
    bilat_model_free (NULL);
    cr_assert (eq (sz, bilat_model_n_events (NULL), 0));
    cr_assert (zero (ptr, (void *) bilat_event_id (NULL)));
    cr_assert (eq (int, bilat_event_kind (NULL), 0));
    cr_assert (zero (ptr, (void *) bilat_official_name (NULL)));
    cr_assert (eq (int, bilat_model_new (NULL, NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_model_merge (NULL, NULL, NULL), BILAT_EINVAL));
}

/* ---- people ---------------------------------------------------------------------------------- */

Test (model, a_surname_is_the_full_name_of_the_same_state)
{
    /* Either order: "Tokayev" first or "Kassym-Jomart Tokayev" first. */
    for (int order = 0; order < 2; order++) {
        bilat_model *m = model_new ();
        bilat_doc *d1 = doc_new ("2023-01-05");
        doc_person (d1, "Tokayev", "KAZ", "President");
        bilat_doc *d2 = doc_new ("2023-02-07");
        doc_person (d2, "Kassym-Jomart Tokayev", "KAZ", "President");
        bilat_doc *d3 = doc_new ("2023-03-09");
        doc_person (d3, "K. Tokayev", "KAZ", "Head of State");
        add (m, order ? "d2" : "d1", order ? d2 : d1);
        add (m, order ? "d1" : "d2", order ? d1 : d2);
        add (m, "d3", d3);
        cr_assert (eq (sz, bilat_model_n_officials (m), 1));
        const bilat_official *p = bilat_model_official (m, 0);
        cr_assert (eq (str, (char *) bilat_official_name (p), "Kassym-Jomart Tokayev"));
        cr_assert (eq (str, (char *) bilat_official_id (p), "person:KAZ:Kassym-Jomart Tokayev"));
        cr_assert (eq (sz, bilat_official_n_aliases (p), 2));
        cr_assert (eq (str, (char *) bilat_official_alias (p, 0), "K. Tokayev"));
        cr_assert (eq (str, (char *) bilat_official_alias (p, 1), "Tokayev"));
        cr_assert (eq (sz, bilat_official_n_documents (p), 3));
        cr_assert (eq (str, (char *) bilat_official_first_seen (p), "2023-01-05"));
        cr_assert (eq (str, (char *) bilat_official_last_seen (p), "2023-03-09"));
        /* The office named most often comes first. */
        cr_assert (eq (str, (char *) bilat_official_office (p, 0), "President"));
        cr_assert (eq (str, (char *) bilat_official_office (p, 1), "Head of State"));
        bilat_model_free (m);
    }
}

Test (model, the_same_name_of_another_state_is_another_person)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2023-01-05");
    doc_person (d, "Tokayev", "KAZ", NULL);
    add (m, "a", d);
    d = doc_new ("2023-01-06");
    doc_person (d, "Tokayev", "UZB", NULL);
    doc_person (d, "Kassym-Jomart Tokayev", "KAZ", NULL);
    add (m, "b", d);
    cr_assert (eq (sz, bilat_model_n_officials (m), 2));
    cr_assert (not (zero (ptr, (void *) official (m, "KAZ", "Kassym-Jomart Tokayev"))));
    cr_assert (not (zero (ptr, (void *) official (m, "UZB", "Tokayev"))));
    bilat_model_free (m);
}

Test (model, two_different_khans_are_not_merged_and_a_bare_khan_is_neither)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2022-04-01");
    doc_person (d, "Imran Khan", "PAK", "Prime Minister");
    add (m, "a", d);
    d = doc_new ("2022-05-01");
    doc_person (d, "Hina Khan", "PAK", "Minister of State");
    add (m, "b", d);
    d = doc_new ("2022-06-01");
    doc_person (d, "Khan", "PAK", NULL);
    add (m, "c", d);
    cr_assert (eq (sz, officials_of (m, "PAK"), 3));
    const bilat_official *imran = official (m, "PAK", "Imran Khan");
    cr_assert (not (zero (ptr, (void *) imran)));
    cr_assert (eq (sz, bilat_official_n_aliases (imran), 0));
    cr_assert (not (zero (ptr, (void *) official (m, "PAK", "Hina Khan"))));
    cr_assert (not (zero (ptr, (void *) official (m, "PAK", "Khan"))));
    bilat_model_free (m);
}

Test (model, names_differing_only_in_accents_are_one_person_shown_with_accents)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2020-10-11");
    doc_person (d, "Mevlut Cavusoglu", "TUR", NULL);
    add (m, "a", d);
    d = doc_new ("2020-10-12");
    doc_person (d, "Mevlüt Çavuşoğlu", "TUR", NULL);
    add (m, "b", d);
    cr_assert (eq (sz, bilat_model_n_officials (m), 1));
    cr_assert (eq (str, (char *) bilat_official_name (bilat_model_official (m, 0)),
                   "Mevlüt Çavuşoğlu"));
    bilat_model_free (m);
}

Test (model, a_family_name_written_first_stands_for_the_person)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2022-09-14");
    doc_person (d, "Xi Jinping", "CHN", "President");
    doc_person (d, "Xi", "CHN", NULL);
    add (m, "a", d);
    cr_assert (eq (sz, bilat_model_n_officials (m), 1));
    cr_assert (eq (str, (char *) bilat_official_name (bilat_model_official (m, 0)), "Xi Jinping"));
    bilat_model_free (m);
}

Test (model, an_event_follows_its_person_when_a_later_document_resolves_the_name)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2022-04-01");
    doc_person (d, "Khan", "PAK", NULL);
    doc_person (d, "Ahmed", "AFG", NULL);
    doc_between (d, BILAT_EVENT_MEETING, "AFG|PAK", "2022-04-01", "Khan|Ahmed", NULL);
    add (m, "a", d);
    cr_assert (eq (str, (char *) bilat_event_person (bilat_model_event (m, 0), 0), "Khan"));
    /* One full Khan: the bare one is him. */
    d = doc_new ("2022-04-02");
    doc_person (d, "Imran Khan", "PAK", NULL);
    add (m, "b", d);
    cr_assert (eq (str, (char *) bilat_event_person (bilat_model_event (m, 0), 0), "Imran Khan"));
    const bilat_graph *g = bilat_model_graph (m);
    cr_assert (not (zero (ptr, (void *) bilat_graph_node_label (g, "person:PAK:Imran Khan"))));
    /* Two full Khans: the bare one cannot be told apart any more. */
    d = doc_new ("2022-04-03");
    doc_person (d, "Hina Khan", "PAK", NULL);
    add (m, "c", d);
    cr_assert (eq (str, (char *) bilat_event_person (bilat_model_event (m, 0), 0), "Khan"));
    cr_assert (eq (sz, officials_of (m, "PAK"), 3));
    bilat_model_free (m);
}

/* ---- events ---------------------------------------------------------------------------------- */

Test (model, one_visit_reported_by_two_documents_is_one_event_with_both_reports)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2023-03-14");
    doc_person (d, "Murat Nurtleu", "KAZ", "Minister of Foreign Affairs");
    doc_visit (d, "KAZ", "TKM", "2023-03-14", "Murat Nurtleu")->place = "Ashgabat";
    add (m, "tkm", d);
    d = doc_new ("2023-03-15");
    doc_person (d, "Nurtleu", "KAZ", NULL);
    doc_visit (d, "KAZ", "TKM", "2023-03-14", "Nurtleu");
    add (m, "kaz", d);
    cr_assert (eq (sz, bilat_model_n_events (m), 1));
    const bilat_event *e = bilat_model_event (m, 0);
    cr_assert (eq (int, bilat_event_kind (e), BILAT_EVENT_VISIT));
    cr_assert (eq (str, (char *) bilat_event_actor (e), "KAZ"));
    cr_assert (eq (str, (char *) bilat_event_target (e), "TKM"));
    cr_assert (eq (str, (char *) bilat_event_date (e), "2023-03-14"));
    cr_assert (eq (str, (char *) bilat_event_place (e), "Ashgabat"));
    cr_assert (eq (sz, bilat_event_n_evidence (e), 2));
    /* Evidence in document id order, each with its sentence and span. */
    cr_assert (eq (str, (char *) bilat_event_evidence_doc (e, 0), "kaz"));
    cr_assert (eq (str, (char *) bilat_event_evidence_doc (e, 1), "tkm"));
    cr_assert (eq (sz, bilat_event_evidence_start (e, 0), 100));
    cr_assert (eq (sz, bilat_event_evidence_end (e, 0), 140));
    cr_assert (eq (int, bilat_event_evidence_sentence (e, 1), 1));
    cr_assert (eq (sz, bilat_event_n_persons (e), 1));
    cr_assert (eq (str, (char *) bilat_event_person (e, 0), "Murat Nurtleu"));
    cr_assert (eq (str, (char *) bilat_event_cameo (e), "042"));
    cr_assert (eq (int, strncmp (bilat_event_id (e), "ev-", 3), 0));
    bilat_model_free (m);
}

/* A model with one visit KAZ->TKM per (date, document). */
static bilat_model *
visits (const char *const *dates, size_t n, int type)
{
    bilat_model *m = model_new ();
    for (size_t i = 0; i < n; i++) {
        bilat_doc *d = doc_new ("2023-03-20");
        if (type == BILAT_EVENT_VISIT)
            doc_visit (d, "KAZ", "TKM", dates[i], NULL);
        else
            doc_between (d, type, "KAZ|TKM", dates[i], NULL, NULL);
        char id[8];
        g_snprintf (id, sizeof id, "d%zu", i);
        add (m, id, d);
    }
    return m;
}

Test (model, visit_reports_a_few_days_apart_are_one_visit_a_week_apart_two)
{
    const char *near[] = { "2023-03-14", "2023-03-16" };
    bilat_model *m = visits (near, 2, BILAT_EVENT_VISIT);
    cr_assert (eq (sz, bilat_model_n_events (m), 1));
    cr_assert (eq (str, (char *) bilat_event_date (bilat_model_event (m, 0)), "2023-03-14"));
    bilat_model_free (m);
    const char *far[] = { "2023-03-14", "2023-03-21" };
    m = visits (far, 2, BILAT_EVENT_VISIT);
    cr_assert (eq (sz, bilat_model_n_events (m), 2));
    bilat_model_free (m);
}

Test (model, meetings_on_consecutive_days_are_two_meetings)
{
    const char *dates[] = { "2023-03-14", "2023-03-15" };
    bilat_model *m = visits (dates, 2, BILAT_EVENT_MEETING);
    cr_assert (eq (sz, bilat_model_n_events (m), 2));
    bilat_model_free (m);
}

Test (model, a_month_date_joins_the_day_of_that_month_and_an_undated_report_its_documents_week)
{
    /* d0 and d1 are dated reports in documents of 20 March; "2023-03" and an undated report
     * (placed at its document's date) join the 14 March meeting. */
    const char *dates[] = { "2023-03-14", "2023-03", NULL };
    bilat_model *m = visits (dates, 3, BILAT_EVENT_MEETING);
    cr_assert (eq (sz, bilat_model_n_events (m), 1));
    const bilat_event *e = bilat_model_event (m, 0);
    cr_assert (eq (str, (char *) bilat_event_date (e), "2023-03-14"));
    cr_assert (eq (sz, bilat_event_n_evidence (e), 3));
    bilat_model_free (m);

    /* An undated report in a document dated a month later is another meeting. */
    m = model_new ();
    bilat_doc *d = doc_new ("2023-03-14");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2023-03-14", NULL, NULL);
    add (m, "a", d);
    d = doc_new ("2023-04-20");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", NULL, NULL, NULL);
    add (m, "b", d);
    cr_assert (eq (sz, bilat_model_n_events (m), 2));
    /* Ordered by date; the undated one by its document's date. */
    cr_assert (eq (str, (char *) bilat_event_when (bilat_model_event (m, 1)), "2023-04-20"));
    cr_assert (zero (ptr, (void *) bilat_event_date (bilat_model_event (m, 1))));
    bilat_model_free (m);
}

Test (model, two_meetings_in_one_document_stay_two)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2023-03-14");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2023-03-14", NULL, NULL);
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2023-03-14", NULL, NULL);
    add (m, "a", d);
    d = doc_new ("2023-03-14");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2023-03-14", NULL, NULL);
    add (m, "b", d);
    cr_assert (eq (sz, bilat_model_n_events (m), 2));
    bilat_model_free (m);
}

Test (model, agreements_merge_by_similar_title_and_not_by_different_ones)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2024-02-10");
    doc_between (d, BILAT_EVENT_AGREEMENT, "KAZ|UZB", "2024-02-10", NULL,
                 "Memorandum of Understanding on Cooperation in the Field of Tourism");
    doc_between (d, BILAT_EVENT_AGREEMENT, "KAZ|UZB", "2024-02-10", NULL,
                 "Agreement on Visa-Free Travel");
    add (m, "a", d);
    d = doc_new ("2024-02-10");
    doc_between (d, BILAT_EVENT_AGREEMENT, "UZB|KAZ", NULL, NULL,
                 "Memorandum of Understanding on Tourism Cooperation");
    add (m, "b", d);
    cr_assert (eq (sz, bilat_model_n_events (m), 2));
    size_t merged = 0;
    for (size_t i = 0; i < 2; i++) {
        const bilat_event *e = bilat_model_event (m, i);
        if (bilat_event_n_evidence (e) == 2) {
            merged++;
            /* Equally reported titles: the longer one is kept. */
            cr_assert (eq (str, (char *) bilat_event_title (e),
                           "Memorandum of Understanding on Cooperation in the Field of Tourism"));
            /* Parties in code order, whatever order the reports gave. */
            cr_assert (eq (str, (char *) bilat_event_party (e, 0), "KAZ"));
            cr_assert (eq (str, (char *) bilat_event_party (e, 1), "UZB"));
        }
    }
    cr_assert (eq (sz, merged, 1));
    bilat_model_free (m);
}

Test (model, events_carry_the_areas_of_the_documents_reporting_them)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2023-03-14");
    doc_text_fact (d, BILAT_FACT_AREA, "water");
    doc_text_fact (d, BILAT_FACT_AREA, "energy");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2023-03-14", NULL, NULL);
    add (m, "a", d);
    const bilat_event *e = bilat_model_event (m, 0);
    cr_assert (eq (sz, bilat_event_n_areas (e), 2));
    cr_assert (eq (str, (char *) bilat_event_area (e, 0), "energy"));
    cr_assert (eq (str, (char *) bilat_event_area (e, 1), "water"));
    bilat_model_free (m);
}

/* ---- order independence and merging ---------------------------------------------------------- */

#define N_RANDOM 120

static bilat_doc **
random_docs (uint64_t seed)
{
    bilat_doc **docs = g_new (bilat_doc *, N_RANDOM);
    for (size_t i = 0; i < N_RANDOM; i++)
        docs[i] = random_doc (&seed);
    return docs;
}

static void
free_docs (bilat_doc **docs)
{
    for (size_t i = 0; i < N_RANDOM; i++)
        bilat_doc_free (docs[i]);
    g_free (docs);
}

static void
add_ordered (bilat_model *m, bilat_doc **docs, const size_t *order, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        char id[16];
        g_snprintf (id, sizeof id, "doc-%03zu", order[k]);
        bilat_error *err = NULL;
        cr_assert (bilat_model_add_doc (m, id, docs[order[k]], &err) == BILAT_OK, "%s",
                   bilat_error_message (err));
    }
}

static void
shuffle (size_t *order, size_t n, uint64_t *s)
{
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t i = n - 1; i > 0; i--) {
        size_t j = rng_next (s) % (i + 1);
        size_t t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
}

Test (model, the_model_does_not_depend_on_the_order_documents_arrive_in)
{
    bilat_doc **docs = random_docs (7);
    size_t order[N_RANDOM];
    uint64_t s = 99;
    shuffle (order, N_RANDOM, &s);
    for (size_t i = 0; i < N_RANDOM; i++)
        order[i] = i;
    bilat_model *ref = model_new ();
    add_ordered (ref, docs, order, 0, N_RANDOM);
    char *want = model_json (ref);
    cr_assert (gt (sz, bilat_model_n_events (ref), 20));
    for (int round = 0; round < 5; round++) {
        shuffle (order, N_RANDOM, &s);
        bilat_model *m = model_new ();
        add_ordered (m, docs, order, 0, N_RANDOM);
        char *got = model_json (m);
        cr_assert (eq (str, got, want), "round %d differs", round);
        g_free (got);
        bilat_model_free (m);
    }
    g_free (want);
    bilat_model_free (ref);
    free_docs (docs);
}

Test (model, reading_between_additions_gives_the_same_model)
{
    /* Queries between additions re-derive only what changed; the end must be the same. */
    bilat_doc **docs = random_docs (11);
    size_t order[N_RANDOM];
    for (size_t i = 0; i < N_RANDOM; i++)
        order[i] = i;
    bilat_model *all = model_new ();
    add_ordered (all, docs, order, 0, N_RANDOM);
    bilat_model *step = model_new ();
    for (size_t i = 0; i < N_RANDOM; i++) {
        add_ordered (step, docs, order, i, i + 1);
        cr_assert (ge (sz, bilat_model_n_events (step), 1));
        bilat_model_graph (step);
    }
    char *a = model_json (all), *b = model_json (step);
    cr_assert (eq (str, a, b));
    g_free (a);
    g_free (b);
    bilat_model_free (all);
    bilat_model_free (step);
    free_docs (docs);
}

Test (model, merged_parts_equal_the_whole_whatever_the_split_and_order)
{
    bilat_doc **docs = random_docs (3);
    size_t order[N_RANDOM];
    for (size_t i = 0; i < N_RANDOM; i++)
        order[i] = i;
    bilat_model *whole = model_new ();
    add_ordered (whole, docs, order, 0, N_RANDOM);
    char *want = model_json (whole);
    uint64_t s = 5;
    for (int round = 0; round < 4; round++) {
        shuffle (order, N_RANDOM, &s);
        size_t cut1 = 1 + rng_next (&s) % (N_RANDOM - 2);
        size_t cut2 = cut1 + rng_next (&s) % (N_RANDOM - cut1);
        bilat_model *p[3] = { model_new (), model_new (), model_new () };
        add_ordered (p[0], docs, order, 0, cut1);
        add_ordered (p[1], docs, order, cut1, cut2);
        add_ordered (p[2], docs, order, cut2, N_RANDOM);
        /* Reduce in a round-dependent order: (2+0)+1 or (1+2)+0 ... */
        int a = round % 3, b = (round + 1) % 3, c = (round + 2) % 3;
        cr_assert (bilat_model_merge (p[a], p[b], NULL) == BILAT_OK);
        cr_assert (bilat_model_merge (p[a], p[c], NULL) == BILAT_OK);
        char *got = model_json (p[a]);
        cr_assert (eq (str, got, want), "round %d (cuts %zu, %zu) differs", round, cut1, cut2);
        g_free (got);
        for (int k = 0; k < 3; k++)
            bilat_model_free (p[k]);
    }
    g_free (want);
    bilat_model_free (whole);
    free_docs (docs);
}

Test (model, merging_skips_documents_already_held_and_refuses_itself)
{
    bilat_model *a = model_new (), *b = model_new ();
    bilat_doc *d = doc_new ("2023-01-01");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2023-01-01", NULL, NULL);
    add (a, "x", d);
    d = doc_new ("2023-01-01");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2023-01-01", NULL, NULL);
    add (b, "x", d);
    d = doc_new ("2023-01-02");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2023-01-02", NULL, NULL);
    add (b, "y", d);
    cr_assert (eq (int, bilat_model_merge (a, b, NULL), BILAT_OK));
    cr_assert (eq (sz, bilat_model_n_documents (a), 2));
    cr_assert (eq (sz, bilat_model_n_events (a), 2));
    cr_assert (eq (sz, bilat_event_n_evidence (bilat_model_event (a, 0)), 1));
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_model_merge (a, a, &err), BILAT_EINVAL));
    bilat_error_free (err);
    bilat_model_free (a);
    bilat_model_free (b);
}

/* ---- date ranges ----------------------------------------------------------------------------- */

Test (model, a_range_keeps_documents_and_reports_within_it)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2023-06-01");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2023-06-01", NULL, NULL);
    doc_between (d, BILAT_EVENT_AGREEMENT, "KAZ|TKM", "2019", NULL, "Treaty of Friendship");
    add (m, "in", d);
    d = doc_new ("2021-06-01");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|UZB", "2021-06-01", NULL, NULL);
    add (m, "before", d);
    d = doc_new (NULL);
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|CHN", "2023-02", NULL, NULL);
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|RUS", NULL, NULL, NULL);
    add (m, "undated", d);
    bilat_model *r = NULL;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_model_range (&r, m, "2023", "2023-12-31", &err), BILAT_OK));
    cr_assert (eq (sz, bilat_model_n_documents (r), 2));
    cr_assert (eq (sz, bilat_model_n_events (r), 2));
    cr_assert (eq (str, (char *) bilat_event_party (bilat_model_event (r, 0), 0), "CHN"));
    cr_assert (eq (str, (char *) bilat_event_party (bilat_model_event (r, 1), 1), "TKM"));
    bilat_model_free (r);
    r = NULL;
    cr_assert (eq (int, bilat_model_range (&r, m, "2023-13", NULL, &err), BILAT_EPARSE));
    cr_assert (zero (ptr, r));
    bilat_error_free (err);
    bilat_model_free (m);
}
