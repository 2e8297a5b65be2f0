/* SPDX-License-Identifier: MIT */
/* The model's graph as GraphML, with typed attributes that networkx, igraph and Gephi read. */
#include "../model/model-private.h"
#include "escape-private.h"

#include <string.h>

typedef struct {
    const char *id, *domain, *name, *type;
} gkey;

static const gkey keys[] = {
    { "n_kind", "node", "kind", "string" },
    { "n_label", "node", "label", "string" },
    { "n_state", "node", "state", "string" },
    { "n_offices", "node", "offices", "string" },
    { "n_documents", "node", "documents", "long" },
    { "n_events", "node", "events", "long" },
    { "n_first", "node", "first", "string" },
    { "n_last", "node", "last", "string" },
    { "e_kind", "edge", "kind", "string" },
    { "e_weight", "edge", "weight", "double" },
    { "e_events", "edge", "events", "long" },
    { "e_documents", "edge", "documents", "long" },
    { "e_visits_out", "edge", "visits_out", "long" },
    { "e_visits_in", "edge", "visits_in", "long" },
    { "e_meetings", "edge", "meetings", "long" },
    { "e_agreements", "edge", "agreements", "long" },
    { "e_first", "edge", "first", "string" },
    { "e_last", "edge", "last", "string" },
    { "e_status", "edge", "status", "string" },
    { "e_areas", "edge", "areas", "string" },
};

static void
data_str (GString *out, const char *key, const char *val)
{
    g_string_append_printf (out, "      <data key=\"%s\">", key);
    bilat__xml_escape (out, val ? val : "");
    g_string_append (out, "</data>\n");
}

static void
data_long (GString *out, const char *key, uint64_t val)
{
    g_string_append_printf (out, "      <data key=\"%s\">%" G_GUINT64_FORMAT "</data>\n", key, val);
}

static void
node_open (GString *out, const char *id)
{
    g_string_append (out, "    <node id=\"");
    bilat__xml_escape (out, id);
    g_string_append (out, "\">\n");
}

static void
edge (GString *out, guint n, const bilat_edge *e)
{
    static const char *const kinds[] = { "", "state-state", "person-state", "person-person",
                                         "state-organization" };
    g_string_append_printf (out, "    <edge id=\"e%u\" source=\"", n);
    bilat__xml_escape (out, e->source);
    g_string_append (out, "\" target=\"");
    bilat__xml_escape (out, e->target);
    g_string_append (out, "\">\n");
    data_str (out, "e_kind", kinds[e->kind]);
    char num[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append_printf (out, "      <data key=\"e_weight\">%s</data>\n",
                            g_ascii_dtostr (num, sizeof num, bilat_edge_weight (e)));
    data_long (out, "e_events", e->kind == BILAT_EDGE_PERSON_STATE ? 0 : e->events);
    data_long (out, "e_documents", e->documents);
    data_long (out, "e_visits_out", e->visits_st);
    data_long (out, "e_visits_in", e->kind == BILAT_EDGE_STATE_STATE ? e->visits_ts : 0);
    data_long (out, "e_meetings", e->meetings);
    data_long (out, "e_agreements", e->agreements);
    data_str (out, "e_first", bilat_edge_first (e));
    data_str (out, "e_last", bilat_edge_last (e));
    data_str (out, "e_status", bilat_edge_status (e));
    GString *areas = g_string_new ("");
    for (size_t i = 0; i < bilat_edge_n_areas (e); i++)
        g_string_append_printf (areas, "%s%s:%" G_GUINT64_FORMAT, i ? ";" : "",
                                bilat_edge_area (e, i), bilat_edge_area_weight (e, i));
    data_str (out, "e_areas", areas->str);
    g_string_free (areas, TRUE);
    g_string_append (out, "    </edge>\n");
}

int
bilat_model_to_graphml (char **out, const bilat_model *m, unsigned flags, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (m == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "model is NULL");
    bilat__model_sync (m);
    gboolean states_only = (flags & BILAT_EXPORT_STATES_ONLY) != 0;
    GString *s = g_string_sized_new (4096);
    g_string_append (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                        "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                        "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (size_t i = 0; i < G_N_ELEMENTS (keys); i++) {
        g_string_append_printf (s, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"",
                                keys[i].id, keys[i].domain, keys[i].name, keys[i].type);
        if (strcmp (keys[i].type, "string") == 0)
            g_string_append (s, "/>\n");
        else
            g_string_append (s, "><default>0</default></key>\n");
    }
    g_string_append (s, "  <graph id=\"bilat\" edgedefault=\"undirected\">\n");

    GPtrArray *states = bilat__model_states_sorted (m);
    for (guint i = 0; i < states->len; i++) {
        const mstate *st = g_ptr_array_index (states, i);
        node_open (s, st->code);
        data_str (s, "n_kind", "state");
        data_str (s, "n_label", st->code);
        data_str (s, "n_state", st->code);
        data_str (s, "n_offices", "");
        data_long (s, "n_documents", st->documents);
        data_long (s, "n_events", st->events);
        data_str (s, "n_first", st->first);
        data_str (s, "n_last", st->last);
        g_string_append (s, "    </node>\n");
    }
    if (!states_only) {
        for (GSequenceIter *it = g_sequence_get_begin_iter (m->people);
             !g_sequence_iter_is_end (it); it = g_sequence_iter_next (it)) {
            const bilat_official *p = g_sequence_get (it);
            node_open (s, p->key);
            data_str (s, "n_kind", "person");
            data_str (s, "n_label", p->name);
            data_str (s, "n_state", p->state);
            GString *offices = g_string_new ("");
            for (guint k = 0; k < p->offices->len; k++)
                g_string_append_printf (offices, "%s%s", k ? "; " : "",
                                        g_array_index (p->offices, moffice, k).office);
            data_str (s, "n_offices", offices->str);
            g_string_free (offices, TRUE);
            data_long (s, "n_documents", p->n_documents);
            data_long (s, "n_events", 0);
            data_str (s, "n_first", p->first);
            data_str (s, "n_last", p->last);
            g_string_append (s, "    </node>\n");
        }
        GPtrArray *orgs = bilat__model_orgs_sorted (m);
        for (guint i = 0; i < orgs->len; i++) {
            const morg *o = g_ptr_array_index (orgs, i);
            node_open (s, o->key);
            data_str (s, "n_kind", "organization");
            data_str (s, "n_label", o->name);
            data_str (s, "n_state", NULL);
            data_str (s, "n_offices", "");
            data_long (s, "n_documents", o->documents);
            data_long (s, "n_events", 0);
            data_str (s, "n_first", o->first);
            data_str (s, "n_last", o->last);
            g_string_append (s, "    </node>\n");
        }
    }
    guint n = 0;
    for (int kind = BILAT_EDGE_STATE_STATE; kind <= BILAT_EDGE_STATE_ORGANIZATION; kind++) {
        if (states_only && kind != BILAT_EDGE_STATE_STATE)
            break;
        GPtrArray *edges = bilat__model_edges (m, kind);
        for (guint i = 0; i < edges->len; i++)
            edge (s, n++, g_ptr_array_index (edges, i));
    }
    g_string_append (s, "  </graph>\n</graphml>\n");
    *out = g_string_free (s, FALSE);
    return BILAT_OK;
}
