/* SPDX-License-Identifier: MIT */
/* The graph of a model, read-only: nodes by kind, edges by walk, and the edge getters. The
 * model keeps the graph's contents up to date as documents arrive (model/links.c). */
#include "../model/model-private.h"

#include <string.h>

const bilat_graph *
bilat_model_graph (const bilat_model *m)
{
    if (m == NULL)
        return NULL;
    bilat__model_sync (m);
    return &m->graph;
}

size_t
bilat_graph_n_nodes (const bilat_graph *g, int kind)
{
    if (g == NULL)
        return 0;
    const bilat_model *m = g->model;
    switch (kind) {
    case BILAT_NODE_STATE:
        return g_hash_table_size (m->states);
    case BILAT_NODE_PERSON:
        return bilat_model_n_officials (m);
    case BILAT_NODE_ORGANIZATION:
        return g_hash_table_size (m->orgs);
    default:
        return 0;
    }
}

const char *
bilat_graph_node (const bilat_graph *g, int kind, size_t i)
{
    if (g == NULL)
        return NULL;
    const bilat_model *m = g->model;
    switch (kind) {
    case BILAT_NODE_STATE:
        return bilat_model_state (m, i);
    case BILAT_NODE_PERSON: {
        const bilat_official *p = bilat_model_official (m, i);
        return p ? p->key : NULL;
    }
    case BILAT_NODE_ORGANIZATION: {
        GPtrArray *o = bilat__model_orgs_sorted (m);
        return i < o->len ? ((morg *) g_ptr_array_index (o, i))->key : NULL;
    }
    default:
        return NULL;
    }
}

const char *
bilat_graph_node_label (const bilat_graph *g, const char *id)
{
    if (g == NULL || id == NULL)
        return NULL;
    const bilat_model *m = g->model;
    bilat__model_sync (m);
    if (g_str_has_prefix (id, "person:")) {
        const char *key = g_hash_table_lookup (m->interned, id);
        const bilat_official *p = key ? g_hash_table_lookup (m->person_by_key, key) : NULL;
        return p ? p->name : NULL;
    }
    if (g_str_has_prefix (id, "org:")) {
        const morg *o = g_hash_table_lookup (m->orgs, id + 4);
        return o ? o->name : NULL;
    }
    const mstate *s = bilat__model_state (m, id);
    return s ? s->code : NULL;
}

const bilat_edge *
bilat_graph_edge (const bilat_graph *g, const char *a, const char *b)
{
    if (g == NULL || a == NULL || b == NULL)
        return NULL;
    bilat__model_sync (g->model);
    return bilat__model_edge (g->model, a, b);
}

int
bilat_graph_walk (const bilat_graph *g, unsigned kinds, const char *node, bilat_edge_func fn,
                  void *payload)
{
    if (g == NULL || fn == NULL)
        return BILAT_EINVAL;
    const bilat_model *m = g->model;
    /* A state given in any case is its code. */
    if (node && !g_str_has_prefix (node, "person:") && !g_str_has_prefix (node, "org:")) {
        const mstate *s = bilat__model_state (m, node);
        if (s == NULL)
            return 0;
        node = s->code;
    }
    for (int kind = BILAT_EDGE_STATE_STATE; kind <= BILAT_EDGE_STATE_ORGANIZATION; kind++) {
        if (!(kinds & (1u << kind)))
            continue;
        GPtrArray *edges = bilat__model_edges (m, kind);
        for (guint i = 0; i < edges->len; i++) {
            const bilat_edge *e = g_ptr_array_index (edges, i);
            if (node && strcmp (e->source, node) != 0 && strcmp (e->target, node) != 0)
                continue;
            int rc = fn (e, payload);
            if (rc != 0)
                return rc;
        }
    }
    return 0;
}

int
bilat_edge_kind (const bilat_edge *e)
{
    return e ? e->kind : 0;
}

const char *
bilat_edge_source (const bilat_edge *e)
{
    return e ? e->source : NULL;
}

const char *
bilat_edge_target (const bilat_edge *e)
{
    return e ? e->target : NULL;
}

uint64_t
bilat_edge_count (const bilat_edge *e, int counter)
{
    if (e == NULL)
        return 0;
    switch (counter) {
    case BILAT_COUNT_EVENTS: return e->events;
    case BILAT_COUNT_DOCUMENTS: return e->documents;
    case BILAT_COUNT_VISITS_OUT: return e->visits_st;
    case BILAT_COUNT_VISITS_IN: return e->kind == BILAT_EDGE_STATE_STATE ? e->visits_ts : 0;
    case BILAT_COUNT_MEETINGS: return e->meetings;
    case BILAT_COUNT_AGREEMENTS: return e->agreements;
    case BILAT_COUNT_MENTIONS: return e->mentions;
    default: return 0;
    }
}

double
bilat_edge_weight (const bilat_edge *e)
{
    if (e == NULL)
        return 0;
    return (double) (e->events ? e->events : e->documents);
}

const char *
bilat_edge_first (const bilat_edge *e)
{
    if (e == NULL)
        return NULL;
    const char *d = bilat__edge_first_event (e);
    return d ? d : e->doc_first;
}

const char *
bilat_edge_last (const bilat_edge *e)
{
    if (e == NULL)
        return NULL;
    const char *d = bilat__edge_last_event (e);
    return d ? d : e->doc_last;
}

/* The status stated most recently; among equally recent, the most often stated. */
const char *
bilat_edge_status (const bilat_edge *e)
{
    if (e == NULL || e->status == NULL)
        return NULL;
    const mstatus *best = NULL;
    for (guint i = 0; i < e->status->len; i++) {
        const mstatus *s = &g_array_index (e->status, mstatus, i);
        int c = best ? bilat__strcmp0_last (best->last, s->last) : 1;
        /* Later dates win (NULL counts as earliest here). */
        if (best == NULL || (s->last && (best->last == NULL || c < 0)) ||
            (c == 0 && (s->count > best->count ||
                        (s->count == best->count && strcmp (s->status, best->status) < 0))))
            best = s;
    }
    return best ? best->status : NULL;
}

size_t
bilat_edge_n_areas (const bilat_edge *e)
{
    return e && e->areas ? e->areas->len : 0;
}

const char *
bilat_edge_area (const bilat_edge *e, size_t i)
{
    return i < bilat_edge_n_areas (e) ? g_array_index (e->areas, marea, i).area : NULL;
}

uint64_t
bilat_edge_area_weight (const bilat_edge *e, size_t i)
{
    return i < bilat_edge_n_areas (e) ? g_array_index (e->areas, marea, i).weight : 0;
}

const bilat_official *
bilat_edge_official (const bilat_edge *e)
{
    return e && e->kind == BILAT_EDGE_PERSON_STATE ? e->person : NULL;
}
