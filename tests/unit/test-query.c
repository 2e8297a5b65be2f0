/* SPDX-License-Identifier: MIT */
/* Queries on a model built from the fixture releases in tests/data-model/corpus: relation,
 * partners, events by filter, timeline, people, path; their JSON; state names. */
#include "test-model-util.h"

#include <criterion/new/assert.h>
#include <json-glib/json-glib.h>

static bilat_extractor *ex;
static bilat_model *model;

static void
setup (void)
{
    cr_assert (bilat_extractor_new (&ex, NULL, NULL) == BILAT_OK);
    model = fixture_model (ex);
}

static void
teardown (void)
{
    bilat_model_free (model);
    bilat_extractor_free (ex);
}

TestSuite (query, .init = setup, .fini = teardown);

static bilat_result *
events_where (int type, const char *state, const char *since, const char *person,
              const char *area)
{
    bilat_filter *f = NULL;
    cr_assert (bilat_filter_new (&f, NULL) == BILAT_OK);
    cr_assert (bilat_filter_set_type (f, type, NULL) == BILAT_OK);
    cr_assert (bilat_filter_set_state (f, state, NULL) == BILAT_OK);
    cr_assert (bilat_filter_set_since (f, since, NULL) == BILAT_OK);
    cr_assert (bilat_filter_set_person (f, person, NULL) == BILAT_OK);
    cr_assert (bilat_filter_set_area (f, area, NULL) == BILAT_OK);
    bilat_result *r = NULL;
    cr_assert (bilat_query_events (&r, model, f, NULL) == BILAT_OK);
    bilat_filter_free (f);
    return r;
}

static void
assert_date_order (const bilat_result *r)
{
    for (size_t i = 1; i < bilat_result_n (r, BILAT_ITEM_EVENT); i++) {
        const char *a = bilat_event_when (bilat_result_event (r, i - 1));
        const char *b = bilat_event_when (bilat_result_event (r, i));
        cr_assert (b == NULL || (a && strcmp (a, b) <= 0), "%s after %s", a, b);
    }
}

static bool
has_evidence_from (const bilat_event *e, const char *doc)
{
    for (size_t i = 0; i < bilat_event_n_evidence (e); i++)
        if (strcmp (bilat_event_evidence_doc (e, i), doc) == 0)
            return true;
    return false;
}

/* ---- relation and timeline ------------------------------------------------------------------ */

Test (query, the_relation_of_two_states_counts_what_they_did_and_lists_agreements)
{
    bilat_result *r = NULL;
    cr_assert (eq (int, bilat_query_relation (&r, model, "tkm", "KAZ", NULL), BILAT_OK));
    cr_assert (eq (int, bilat_result_kind (r), BILAT_QUERY_RELATION));
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EDGE), 1));
    const bilat_edge *e = bilat_result_edge (r, 0);
    /* Nurtleu's visit to Ashgabat, reported by both ministries, and Meredov's to Astana. */
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_VISITS_OUT), 1));
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_VISITS_IN), 1));
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_AGREEMENTS), 1));
    cr_assert (ge (u64, bilat_edge_count (e, BILAT_COUNT_MEETINGS), 2));
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_DOCUMENTS), 4));
    cr_assert (eq (str, (char *) bilat_edge_first (e), "2023-03-14"));
    cr_assert (eq (str, (char *) bilat_edge_last (e), "2024-05-06"));
    cr_assert (eq (str, (char *) bilat_edge_area (e, 0), "trade"));
    cr_assert (not (zero (ptr, (void *) bilat_edge_status (e))));
    size_t agreements = 0;
    for (size_t i = 0; i < bilat_result_n (r, BILAT_ITEM_EVENT); i++) {
        const bilat_event *ev = bilat_result_event (r, i);
        if (bilat_event_kind (ev) != BILAT_EVENT_AGREEMENT)
            continue;
        agreements++;
        cr_assert (not (zero (ptr, strstr (bilat_event_title (ev), "Programme of Cooperation"))));
        cr_assert (eq (sz, bilat_event_n_evidence (ev), 2));
        cr_assert (has_evidence_from (ev, "kaz-mfa-0314"));
        cr_assert (has_evidence_from (ev, "tkm-mfa-0314"));
    }
    cr_assert (eq (sz, agreements, 1));
    assert_date_order (r);
    bilat_result_free (r);
}

Test (query, the_visit_both_ministries_reported_is_one_event)
{
    bilat_result *r = events_where (BILAT_EVENT_VISIT, "KAZ", NULL, NULL, NULL);
    size_t to_ashgabat = 0;
    for (size_t i = 0; i < bilat_result_n (r, BILAT_ITEM_EVENT); i++) {
        const bilat_event *e = bilat_result_event (r, i);
        if (strcmp (bilat_event_target (e), "TKM") == 0) {
            to_ashgabat++;
            cr_assert (eq (str, (char *) bilat_event_date (e), "2023-03-14"));
            cr_assert (eq (str, (char *) bilat_event_place (e), "Ashgabat"));
            cr_assert (eq (str, (char *) bilat_event_level (e), "official"));
            cr_assert (eq (sz, bilat_event_n_evidence (e), 2));
        }
    }
    cr_assert (eq (sz, to_ashgabat, 1));
    bilat_result_free (r);
}

Test (query, a_timeline_is_the_pairs_events_in_date_order)
{
    bilat_result *t = NULL, *rel = NULL;
    cr_assert (bilat_query_timeline (&t, model, "KAZ", "TKM", NULL) == BILAT_OK);
    cr_assert (bilat_query_relation (&rel, model, "KAZ", "TKM", NULL) == BILAT_OK);
    cr_assert (eq (int, bilat_result_kind (t), BILAT_QUERY_TIMELINE));
    size_t n = bilat_result_n (t, BILAT_ITEM_EVENT);
    cr_assert (ge (sz, n, 5));
    cr_assert (eq (sz, n, bilat_result_n (rel, BILAT_ITEM_EVENT)));
    for (size_t i = 0; i < n; i++)
        cr_assert (eq (ptr, (void *) bilat_result_event (t, i),
                       (void *) bilat_result_event (rel, i)));
    assert_date_order (t);
    cr_assert (eq (str, (char *) bilat_event_when (bilat_result_event (t, 0)), "2023-03-14"));
    cr_assert (eq (str, (char *) bilat_event_when (bilat_result_event (t, n - 1)), "2024-05-06"));
    bilat_result_free (t);
    bilat_result_free (rel);
}

Test (query, unknown_states_and_an_empty_model_give_empty_answers)
{
    bilat_result *r = NULL;
    cr_assert (eq (int, bilat_query_relation (&r, model, "KAZ", "XXX", NULL), BILAT_OK));
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EDGE), 0));
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EVENT), 0));
    bilat_result_free (r);
    bilat_model *empty = model_new ();
    cr_assert (eq (int, bilat_query_partners (&r, empty, "KAZ", NULL, NULL, NULL), BILAT_OK));
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_STATE), 0));
    bilat_result_free (r);
    cr_assert (eq (int, bilat_query_people (&r, empty, "KAZ", NULL), BILAT_OK));
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_OFFICIAL), 0));
    bilat_result_free (r);
    cr_assert (eq (int, bilat_query_path (&r, empty, "KAZ", "USA", NULL), BILAT_OK));
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_STATE), 0));
    bilat_result_free (r);
    cr_assert (eq (int, bilat_query_events (&r, empty, NULL, NULL), BILAT_OK));
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EVENT), 0));
    bilat_result_free (r);
    bilat_model_free (empty);
}

Test (query, misuse_is_einval_and_leaves_out_null)
{
    bilat_result *r = (bilat_result *) 1;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_query_relation (&r, NULL, "KAZ", "TKM", &err), BILAT_EINVAL));
    cr_assert (zero (ptr, r));
    cr_assert (not (zero (str, (char *) bilat_error_message (err))));
    bilat_error_free (err);
    cr_assert (eq (int, bilat_query_relation (NULL, model, "KAZ", "TKM", NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_query_partners (&r, model, NULL, NULL, NULL, NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_query_partners (&r, model, "KAZ", "2024-13", NULL, NULL),
                   BILAT_EPARSE));
    cr_assert (eq (int, bilat_query_path (&r, model, "KAZ", NULL, NULL), BILAT_EINVAL));
    bilat_filter *f = NULL;
    bilat_filter_new (&f, NULL);
    cr_assert (eq (int, bilat_filter_set_type (f, 9, NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_filter_set_since (f, "yesterday", NULL), BILAT_EPARSE));
    cr_assert (eq (int, bilat_filter_set_pair (f, "KAZ", NULL, NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_filter_set_type (NULL, 1, NULL), BILAT_EINVAL));
    bilat_filter_free (f);
    bilat_filter_free (NULL);
    bilat_result_free (NULL);
    cr_assert (eq (sz, bilat_result_n (NULL, BILAT_ITEM_EVENT), 0));
}

/* ---- partners ------------------------------------------------------------------------------ */

Test (query, partners_are_ranked_by_activity)
{
    bilat_result *r = NULL;
    cr_assert (bilat_query_partners (&r, model, "KAZ", NULL, NULL, NULL) == BILAT_OK);
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_STATE), 3));
    cr_assert (eq (str, (char *) bilat_result_state (r, 0), "TKM"));
    cr_assert (eq (str, (char *) bilat_result_state (r, 1), "UZB"));
    cr_assert (eq (str, (char *) bilat_result_state (r, 2), "CHN"));
    cr_assert (gt (u64, bilat_result_score (r, 0), bilat_result_score (r, 1)));
    cr_assert (eq (ptr, (void *) bilat_result_edge (r, 0),
                   (void *) bilat_graph_edge (bilat_model_graph (model), "KAZ", "TKM")));
    bilat_result_free (r);
}

Test (query, partners_within_dates_count_only_events_in_range)
{
    bilat_result *r = NULL;
    cr_assert (bilat_query_partners (&r, model, "KAZ", "2024", "2024-04", NULL) == BILAT_OK);
    /* Only the visit to Tashkent of February 2024 (a visit, a meeting, an agreement). */
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_STATE), 1));
    cr_assert (eq (str, (char *) bilat_result_state (r, 0), "UZB"));
    cr_assert (eq (u64, bilat_result_score (r, 0), 3));
    bilat_result_free (r);
}

/* ---- events ---------------------------------------------------------------------------------- */

Test (query, events_by_type_state_and_date_in_date_order)
{
    bilat_result *r = events_where (BILAT_EVENT_VISIT, "KAZ", "2022-01-01", NULL, NULL);
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EVENT), 3));
    const char *want[][2] = { { "KAZ", "TKM" }, { "KAZ", "UZB" }, { "TKM", "KAZ" } };
    for (size_t i = 0; i < 3; i++) {
        const bilat_event *e = bilat_result_event (r, i);
        cr_assert (eq (int, bilat_event_kind (e), BILAT_EVENT_VISIT));
        cr_assert (eq (str, (char *) bilat_event_actor (e), (char *) want[i][0]));
        cr_assert (eq (str, (char *) bilat_event_target (e), (char *) want[i][1]));
    }
    assert_date_order (r);
    bilat_result_free (r);
    r = events_where (BILAT_EVENT_VISIT, "KAZ", "2024-03", NULL, NULL);
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EVENT), 1));
    bilat_result_free (r);
}

Test (query, events_of_a_person_by_any_of_their_names)
{
    bilat_result *r = events_where (0, NULL, NULL, "Blinken", NULL);
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EVENT), 2));
    for (size_t i = 0; i < 2; i++) {
        const bilat_event *e = bilat_result_event (r, i);
        cr_assert (eq (str, (char *) bilat_event_person (e, 0), "Antony J. Blinken"));
        cr_assert (eq (str, (char *) bilat_event_party (e, 0), "USA"));
    }
    bilat_result_free (r);
    r = events_where (BILAT_EVENT_MEETING, NULL, NULL, "kassym-jomart tokayev", NULL);
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EVENT), 2));
    bilat_result_free (r);
    r = events_where (0, NULL, NULL, "Nobody Atall", NULL);
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EVENT), 0));
    bilat_result_free (r);
}

Test (query, events_of_documents_naming_an_area)
{
    bilat_result *r = events_where (0, NULL, NULL, NULL, "tourism");
    /* The Tashkent release: a visit, talks and a memorandum on tourism. */
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EVENT), 3));
    for (size_t i = 0; i < 3; i++)
        cr_assert (has_evidence_from (bilat_result_event (r, i), "uzb-mfa-0210"));
    bilat_result_free (r);
}

Test (query, events_of_a_pair)
{
    bilat_filter *f = NULL;
    bilat_filter_new (&f, NULL);
    bilat_filter_set_pair (f, "UZB", "usa", NULL);
    bilat_result *r = NULL;
    cr_assert (bilat_query_events (&r, model, f, NULL) == BILAT_OK);
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EVENT), 2));
    cr_assert (eq (str, (char *) bilat_event_mode (bilat_result_event (r, 1)), "phone"));
    bilat_result_free (r);
    bilat_filter_free (f);
}

/* ---- people and paths ------------------------------------------------------------------------ */

Test (query, the_people_of_a_state_with_their_offices)
{
    bilat_result *r = NULL;
    cr_assert (bilat_query_people (&r, model, "TKM", NULL) == BILAT_OK);
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_OFFICIAL), 2));
    const bilat_official *p = bilat_result_official (r, 0);
    cr_assert (eq (str, (char *) bilat_official_name (p), "Rashid Meredov"));
    cr_assert (eq (sz, bilat_official_n_documents (p), 3));
    cr_assert (eq (str, (char *) bilat_official_office (p, 0), "Minister of Foreign Affairs"));
    cr_assert (eq (str, (char *) bilat_official_name (bilat_result_official (r, 1)),
                   "Serdar Berdimuhamedov"));
    bilat_result_free (r);
    cr_assert (bilat_query_people (&r, model, "usa", NULL) == BILAT_OK);
    p = bilat_result_official (r, 0);
    cr_assert (eq (str, (char *) bilat_official_name (p), "Antony J. Blinken"));
    cr_assert (eq (str, (char *) bilat_official_alias (p, 0), "Antony Blinken"));
    bilat_result_free (r);
}

static void
assert_path (const char *from, const char *to, const char *want)
{
    bilat_result *r = NULL;
    cr_assert (bilat_query_path (&r, model, from, to, NULL) == BILAT_OK);
    GString *got = g_string_new ("");
    for (size_t i = 0; i < bilat_result_n (r, BILAT_ITEM_STATE); i++)
        g_string_append_printf (got, "%s%s", i ? " " : "", bilat_result_state (r, i));
    cr_assert (eq (str, got->str, (char *) want), "path %s %s", from, to);
    size_t n = bilat_result_n (r, BILAT_ITEM_STATE);
    cr_assert (eq (sz, bilat_result_n (r, BILAT_ITEM_EDGE), n ? n - 1 : 0));
    g_string_free (got, TRUE);
    bilat_result_free (r);
}

Test (query, the_shortest_chain_of_relations_between_two_states)
{
    assert_path ("KAZ", "USA", "KAZ UZB USA");
    assert_path ("chn", "USA", "CHN KAZ UZB USA");
    assert_path ("TKM", "KAZ", "TKM KAZ");
    assert_path ("KAZ", "KAZ", "KAZ");
    assert_path ("KAZ", "FRA", "");
}

/* ---- JSON and names -------------------------------------------------------------------------- */

static JsonObject *
parse (JsonParser *p, const bilat_result *r)
{
    char *json = NULL;
    cr_assert (bilat_result_to_json (&json, r, BILAT_JSON_PRETTY, NULL) == BILAT_OK);
    cr_assert (json_parser_load_from_data (p, json, -1, NULL), "%s", json);
    bilat_free (json);
    return json_node_get_object (json_parser_get_root (p));
}

Test (query, every_answer_is_also_json)
{
    bilat_result *r = NULL;
    JsonParser *p = json_parser_new ();
    bilat_query_relation (&r, model, "KAZ", "TKM", NULL);
    JsonObject *o = parse (p, r);
    cr_assert (eq (str, (char *) json_object_get_string_member (o, "query"), "relation"));
    JsonObject *rel = json_object_get_object_member (o, "relation");
    cr_assert (eq (i64, json_object_get_int_member (rel, "agreements"), 1));
    JsonArray *ag = json_object_get_array_member (o, "agreements");
    cr_assert (eq (u32, json_array_get_length (ag), 1));
    JsonObject *a0 = json_array_get_object_element (ag, 0);
    cr_assert (eq (u32, json_array_get_length (json_object_get_array_member (a0, "evidence")), 2));
    bilat_result_free (r);

    bilat_query_partners (&r, model, "KAZ", "2024", NULL, NULL);
    o = parse (p, r);
    cr_assert (eq (str, (char *) json_object_get_string_member (o, "since"), "2024"));
    cr_assert (eq (u32, json_array_get_length (json_object_get_array_member (o, "partners")), 2));
    bilat_result_free (r);

    bilat_query_people (&r, model, "KAZ", NULL);
    o = parse (p, r);
    JsonArray *people = json_object_get_array_member (o, "people");
    cr_assert (eq (str, (char *) json_object_get_string_member (
                   json_array_get_object_element (people, 0), "name"), "Murat Nurtleu"));
    bilat_result_free (r);

    bilat_query_path (&r, model, "KAZ", "USA", NULL);
    o = parse (p, r);
    cr_assert (eq (u32, json_array_get_length (json_object_get_array_member (o, "states")), 3));
    bilat_result_free (r);

    r = events_where (BILAT_EVENT_AGREEMENT, NULL, NULL, NULL, NULL);
    o = parse (p, r);
    cr_assert (eq (str, (char *) json_object_get_string_member (
                   json_object_get_object_member (o, "filter"), "type"), "agreement"));
    cr_assert (eq (u32, json_array_get_length (json_object_get_array_member (o, "events")), 2));
    bilat_result_free (r);
    g_object_unref (p);
}

Test (query, states_are_found_by_any_name_the_dictionaries_know)
{
    cr_assert (eq (str, (char *) bilat_extractor_state_code (ex, "Kazakhstan"), "KAZ"));
    cr_assert (eq (str, (char *) bilat_extractor_state_code (ex, "kaz"), "KAZ"));
    cr_assert (eq (str, (char *) bilat_extractor_state_code (ex, "Kazakh"), "KAZ"));
    cr_assert (eq (str, (char *) bilat_extractor_state_code (ex, "turkmen"), "TKM"));
    cr_assert (eq (str, (char *) bilat_extractor_state_code (ex, "Ashgabat"), "TKM"));
    cr_assert (eq (str, (char *) bilat_extractor_state_code (ex, "the United States"), "USA"));
    cr_assert (zero (ptr, (void *) bilat_extractor_state_code (ex, "Narnia")));
    cr_assert (zero (ptr, (void *) bilat_extractor_state_code (ex, "")));
    cr_assert (zero (ptr, (void *) bilat_extractor_state_code (NULL, "KAZ")));
    cr_assert (zero (ptr, (void *) bilat_extractor_state_code (ex, "\xff")));
}
