/* SPDX-License-Identifier: MIT */
/* The graph: state-state edges with visits each way, meetings, agreements, areas, status and
 * dates; person-state, person-person and state-organization edges; walks. */
#include "test-model-util.h"

#include <criterion/new/assert.h>

/* Two documents on Kazakhstan and Turkmenistan, one on Kazakhstan and Uzbekistan, one on
 * Uzbekistan and the United States. */
static bilat_model *
sample (void)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2023-03-14");
    doc_pair (d, "KAZ", "TKM");
    doc_text_fact (d, BILAT_FACT_AREA, "trade");
    doc_text_fact (d, BILAT_FACT_AREA, "energy");
    doc_text_fact (d, BILAT_FACT_STATUS, "strategic partnership");
    doc_text_fact (d, BILAT_FACT_ORGANIZATION, "Shanghai Cooperation Organisation");
    doc_person (d, "Murat Nurtleu", "KAZ", "Minister of Foreign Affairs");
    doc_person (d, "Rashid Meredov", "TKM", "Minister of Foreign Affairs");
    doc_visit (d, "KAZ", "TKM", "2023-03-14", "Murat Nurtleu");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2023-03-14", "Murat Nurtleu|Rashid Meredov",
                 NULL);
    doc_between (d, BILAT_EVENT_AGREEMENT, "KAZ|TKM", "2023-03-14", NULL,
                 "Programme of Cooperation for 2023-2025");
    add (m, "a", d);
    d = doc_new ("2024-05-06");
    doc_pair (d, "KAZ", "TKM");
    doc_text_fact (d, BILAT_FACT_AREA, "trade");
    doc_text_fact (d, BILAT_FACT_AREA, "water");
    doc_text_fact (d, BILAT_FACT_STATUS, "alliance");
    doc_person (d, "Meredov", "TKM", NULL);
    doc_person (d, "Kassym-Jomart Tokayev", "KAZ", "President");
    doc_visit (d, "TKM", "KAZ", "2024-05-06", "Meredov");
    doc_between (d, BILAT_EVENT_MEETING, "TKM|KAZ", "2024-05-06", "Meredov|Kassym-Jomart Tokayev",
                 NULL);
    add (m, "b", d);
    d = doc_new ("2024-02-10");
    doc_pair (d, "KAZ", "UZB");
    doc_person (d, "Murat Nurtleu", "KAZ", NULL);
    doc_person (d, "Bakhtiyor Saidov", "UZB", NULL);
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|UZB", "2024-02-10", "Murat Nurtleu|Bakhtiyor Saidov",
                 NULL)->mode = "phone";
    add (m, "c", d);
    d = doc_new ("2023-11-02");
    doc_pair (d, "USA", "UZB");
    doc_between (d, BILAT_EVENT_MEETING, "USA|UZB", "2023-11-02", NULL, NULL);
    add (m, "d", d);
    return m;
}

Test (graph, a_state_pair_counts_visits_each_way_meetings_and_agreements)
{
    bilat_model *m = sample ();
    const bilat_graph *g = bilat_model_graph (m);
    const bilat_edge *e = bilat_graph_edge (g, "KAZ", "TKM");
    cr_assert (not (zero (ptr, (void *) e)));
    cr_assert (eq (ptr, (void *) bilat_graph_edge (g, "tkm", "kaz"), (void *) e));
    cr_assert (eq (int, bilat_edge_kind (e), BILAT_EDGE_STATE_STATE));
    cr_assert (eq (str, (char *) bilat_edge_source (e), "KAZ"));
    cr_assert (eq (str, (char *) bilat_edge_target (e), "TKM"));
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_VISITS_OUT), 1));
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_VISITS_IN), 1));
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_MEETINGS), 2));
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_AGREEMENTS), 1));
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_EVENTS), 5));
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_DOCUMENTS), 2));
    cr_assert (eq (u64, bilat_edge_count (e, 99), 0));
    cr_assert (eq (dbl, bilat_edge_weight (e), 5.0));
    cr_assert (eq (str, (char *) bilat_edge_first (e), "2023-03-14"));
    cr_assert (eq (str, (char *) bilat_edge_last (e), "2024-05-06"));
    bilat_model_free (m);
}

Test (graph, areas_are_ranked_by_documents_and_the_latest_status_wins)
{
    bilat_model *m = sample ();
    const bilat_edge *e = bilat_graph_edge (bilat_model_graph (m), "KAZ", "TKM");
    cr_assert (eq (sz, bilat_edge_n_areas (e), 3));
    cr_assert (eq (str, (char *) bilat_edge_area (e, 0), "trade"));
    cr_assert (eq (u64, bilat_edge_area_weight (e, 0), 2));
    cr_assert (eq (str, (char *) bilat_edge_area (e, 1), "energy"));
    cr_assert (eq (str, (char *) bilat_edge_area (e, 2), "water"));
    cr_assert (eq (u64, bilat_edge_area_weight (e, 2), 1));
    cr_assert (zero (ptr, (void *) bilat_edge_area (e, 3)));
    cr_assert (eq (str, (char *) bilat_edge_status (e), "alliance"));
    bilat_model_free (m);
}

Test (graph, edges_follow_new_documents_without_being_rebuilt)
{
    bilat_model *m = sample ();
    const bilat_graph *g = bilat_model_graph (m);
    const bilat_edge *e = bilat_graph_edge (g, "KAZ", "TKM");
    bilat_doc *d = doc_new ("2024-09-01");
    doc_pair (d, "KAZ", "TKM");
    doc_text_fact (d, BILAT_FACT_STATUS, "strategic partnership");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2024-09-01", NULL, NULL);
    add (m, "e", d);
    g = bilat_model_graph (m);
    cr_assert (eq (ptr, (void *) bilat_graph_edge (g, "KAZ", "TKM"), (void *) e));
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_MEETINGS), 3));
    cr_assert (eq (str, (char *) bilat_edge_last (e), "2024-09-01"));
    cr_assert (eq (str, (char *) bilat_edge_status (e), "strategic partnership"));
    /* A second report of a known meeting adds evidence, not a meeting. */
    d = doc_new ("2024-09-02");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2024-09-01", NULL, NULL);
    add (m, "f", d);
    cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_MEETINGS), 3));
    bilat_model_free (m);
}

Test (graph, a_meeting_of_three_states_is_an_edge_between_each_two)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2024-01-01");
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|KGZ|UZB", "2024-01-01", NULL, NULL);
    add (m, "a", d);
    const bilat_graph *g = bilat_model_graph (m);
    const char *pairs[][2] = { { "KAZ", "KGZ" }, { "KAZ", "UZB" }, { "KGZ", "UZB" } };
    for (size_t i = 0; i < 3; i++) {
        const bilat_edge *e = bilat_graph_edge (g, pairs[i][0], pairs[i][1]);
        cr_assert (eq (u64, bilat_edge_count (e, BILAT_COUNT_MEETINGS), 1));
    }
    cr_assert (zero (ptr, (void *) bilat_graph_edge (g, "KAZ", "KAZ")));
    cr_assert (zero (ptr, (void *) bilat_graph_edge (g, "KAZ", "FRA")));
    bilat_model_free (m);
}

Test (graph, nodes_are_listed_by_kind_in_id_order_with_labels)
{
    bilat_model *m = sample ();
    const bilat_graph *g = bilat_model_graph (m);
    cr_assert (eq (sz, bilat_graph_n_nodes (g, BILAT_NODE_STATE), 4));
    cr_assert (eq (str, (char *) bilat_graph_node (g, BILAT_NODE_STATE, 0), "KAZ"));
    cr_assert (eq (str, (char *) bilat_graph_node (g, BILAT_NODE_STATE, 2), "USA"));
    cr_assert (eq (str, (char *) bilat_graph_node (g, BILAT_NODE_STATE, 3), "UZB"));
    cr_assert (zero (ptr, (void *) bilat_graph_node (g, BILAT_NODE_STATE, 4)));
    /* Nurtleu, Tokayev (KAZ), Meredov (TKM: "Meredov" is "Rashid Meredov"), Saidov (UZB). */
    cr_assert (eq (sz, bilat_graph_n_nodes (g, BILAT_NODE_PERSON), 4));
    cr_assert (eq (str, (char *) bilat_graph_node (g, BILAT_NODE_PERSON, 2),
                   "person:TKM:Rashid Meredov"));
    cr_assert (eq (str, (char *) bilat_graph_node_label (g, "person:TKM:Rashid Meredov"),
                   "Rashid Meredov"));
    cr_assert (eq (sz, bilat_graph_n_nodes (g, BILAT_NODE_ORGANIZATION), 1));
    cr_assert (eq (str, (char *) bilat_graph_node (g, BILAT_NODE_ORGANIZATION, 0),
                   "org:Shanghai Cooperation Organisation"));
    cr_assert (eq (str,
                   (char *) bilat_graph_node_label (g, "org:Shanghai Cooperation Organisation"),
                   "Shanghai Cooperation Organisation"));
    cr_assert (eq (str, (char *) bilat_graph_node_label (g, "kaz"), "KAZ"));
    cr_assert (zero (ptr, (void *) bilat_graph_node_label (g, "person:TKM:Nobody")));
    cr_assert (eq (sz, bilat_graph_n_nodes (g, 9), 0));
    bilat_model_free (m);
}

typedef struct {
    int count[5];
    int stop_at;
    int seen;
    GString *order;
} walk_log;

static int
log_edge (const bilat_edge *e, void *payload)
{
    walk_log *w = payload;
    w->count[bilat_edge_kind (e)]++;
    w->seen++;
    if (w->order)
        g_string_append_printf (w->order, "%s-%s;", bilat_edge_source (e), bilat_edge_target (e));
    return w->seen == w->stop_at ? 7 : 0;
}

Test (graph, a_walk_visits_the_edges_of_the_kinds_asked_in_a_fixed_order)
{
    bilat_model *m = sample ();
    const bilat_graph *g = bilat_model_graph (m);
    walk_log w = { { 0 }, 0, 0, g_string_new ("") };
    cr_assert (eq (int, bilat_graph_walk (g, 1u << BILAT_EDGE_STATE_STATE, NULL, log_edge, &w), 0));
    cr_assert (eq (str, w.order->str, "KAZ-TKM;KAZ-UZB;USA-UZB;"));
    g_string_free (w.order, TRUE);

    walk_log all = { { 0 }, 0, 0, NULL };
    cr_assert (eq (int, bilat_graph_walk (g, BILAT_EDGES_ALL, NULL, log_edge, &all), 0));
    cr_assert (eq (int, all.count[BILAT_EDGE_STATE_STATE], 3));
    cr_assert (eq (int, all.count[BILAT_EDGE_PERSON_STATE], 4));
    /* Nurtleu-Meredov, Meredov-Tokayev, Nurtleu-Saidov. */
    cr_assert (eq (int, all.count[BILAT_EDGE_PERSON_PERSON], 3));
    /* The organization is named with both states of document a. */
    cr_assert (eq (int, all.count[BILAT_EDGE_STATE_ORGANIZATION], 2));
    bilat_model_free (m);
}

Test (graph, a_walk_around_one_node_and_a_walk_stopped_early)
{
    bilat_model *m = sample ();
    const bilat_graph *g = bilat_model_graph (m);
    walk_log w = { { 0 }, 0, 0, NULL };
    cr_assert (eq (int, bilat_graph_walk (g, BILAT_EDGES_ALL, "kaz", log_edge, &w), 0));
    cr_assert (eq (int, w.count[BILAT_EDGE_STATE_STATE], 2));
    cr_assert (eq (int, w.count[BILAT_EDGE_PERSON_STATE], 2));
    cr_assert (eq (int, w.count[BILAT_EDGE_PERSON_PERSON], 0));
    cr_assert (eq (int, w.count[BILAT_EDGE_STATE_ORGANIZATION], 1));

    walk_log p = { { 0 }, 0, 0, NULL };
    bilat_graph_walk (g, BILAT_EDGES_ALL, "person:KAZ:Murat Nurtleu", log_edge, &p);
    cr_assert (eq (int, p.count[BILAT_EDGE_PERSON_STATE], 1));
    cr_assert (eq (int, p.count[BILAT_EDGE_PERSON_PERSON], 2));

    walk_log s = { { 0 }, 2, 0, NULL };
    cr_assert (eq (int, bilat_graph_walk (g, BILAT_EDGES_ALL, NULL, log_edge, &s), 7));
    cr_assert (eq (int, s.seen, 2));
    cr_assert (eq (int, bilat_graph_walk (g, BILAT_EDGES_ALL, "FRA", log_edge, &s), 0));
    cr_assert (eq (int, bilat_graph_walk (NULL, BILAT_EDGES_ALL, NULL, log_edge, &s),
                   BILAT_EINVAL));
    cr_assert (eq (int, bilat_graph_walk (g, BILAT_EDGES_ALL, NULL, NULL, &s), BILAT_EINVAL));
    bilat_model_free (m);
}

static int
find_met (const bilat_edge *e, void *payload)
{
    const bilat_edge **out = payload;
    if (strcmp (bilat_edge_source (e), "person:KAZ:Murat Nurtleu") == 0 &&
        strcmp (bilat_edge_target (e), "person:TKM:Rashid Meredov") == 0)
        *out = e;
    return 0;
}

static int
find_person_state (const bilat_edge *e, void *payload)
{
    const bilat_edge **out = payload;
    if (strcmp (bilat_edge_source (e), "person:TKM:Rashid Meredov") == 0)
        *out = e;
    return 0;
}

Test (graph, people_serve_their_state_and_meet_people_of_other_states)
{
    bilat_model *m = sample ();
    const bilat_graph *g = bilat_model_graph (m);
    const bilat_edge *met = NULL, *serves = NULL;
    bilat_graph_walk (g, 1u << BILAT_EDGE_PERSON_PERSON, NULL, find_met, &met);
    cr_assert (not (zero (ptr, (void *) met)));
    cr_assert (eq (u64, bilat_edge_count (met, BILAT_COUNT_EVENTS), 1));
    cr_assert (eq (u64, bilat_edge_count (met, BILAT_COUNT_MEETINGS), 1));
    cr_assert (eq (str, (char *) bilat_edge_first (met), "2023-03-14"));
    bilat_graph_walk (g, 1u << BILAT_EDGE_PERSON_STATE, NULL, find_person_state, &serves);
    cr_assert (not (zero (ptr, (void *) serves)));
    cr_assert (eq (str, (char *) bilat_edge_target (serves), "TKM"));
    cr_assert (eq (u64, bilat_edge_count (serves, BILAT_COUNT_MENTIONS), 2));
    cr_assert (eq (u64, bilat_edge_count (serves, BILAT_COUNT_DOCUMENTS), 2));
    cr_assert (eq (str, (char *) bilat_edge_first (serves), "2023-03-14"));
    cr_assert (eq (str, (char *) bilat_edge_last (serves), "2024-05-06"));
    const bilat_official *p = bilat_edge_official (serves);
    cr_assert (eq (str, (char *) bilat_official_office (p, 0), "Minister of Foreign Affairs"));
    cr_assert (zero (ptr, (void *) bilat_edge_official (met)));
    bilat_model_free (m);
}

Test (graph, edge_getters_accept_null)
{
    cr_assert (eq (int, bilat_edge_kind (NULL), 0));
    cr_assert (eq (u64, bilat_edge_count (NULL, BILAT_COUNT_EVENTS), 0));
    cr_assert (zero (ptr, (void *) bilat_edge_first (NULL)));
    cr_assert (zero (ptr, (void *) bilat_edge_status (NULL)));
    cr_assert (eq (sz, bilat_edge_n_areas (NULL), 0));
    cr_assert (zero (ptr, (void *) bilat_model_graph (NULL)));
    cr_assert (eq (sz, bilat_graph_n_nodes (NULL, BILAT_NODE_STATE), 0));
}
