/* SPDX-License-Identifier: MIT */
/* JSON of query results, and the JSON shapes of events, edges and officials that the
 * model's own formats reuse. */
#include "query-private.h"

#include <string.h>

void
bilat__json_str (bilat_jw *w, const char *key, const char *val)
{
    bilat__jw_key (w, key);
    bilat__jw_string (w, val);
}

void
bilat__json_int (bilat_jw *w, const char *key, int64_t val)
{
    bilat__jw_key (w, key);
    bilat__jw_int (w, val);
}

void
bilat__json_strv (bilat_jw *w, const char *key, const char *const *v, size_t n)
{
    if (key)
        bilat__jw_key (w, key);
    bilat__jw_begin_array (w);
    for (size_t i = 0; i < n; i++)
        bilat__jw_string (w, v[i]);
    bilat__jw_end_array (w);
}

void
bilat__json_event (bilat_jw *w, const bilat_model *m, const bilat_event *e)
{
    bilat__jw_begin_object (w);
    bilat__json_str (w, "id", e->id);
    bilat__json_str (w, "type", bilat_event_kind_name (e));
    bilat__json_str (w, "actor", e->bucket->actor);
    bilat__json_str (w, "target", e->bucket->target);
    bilat__json_strv (w, "parties", e->bucket->parties, e->bucket->n_parties);
    bilat__json_str (w, "date", e->date);
    bilat__json_str (w, "when", e->when);
    bilat__json_str (w, "level", e->level);
    bilat__json_str (w, "mode", e->mode);
    bilat__json_str (w, "place", e->place);
    bilat__json_str (w, "title", e->title);
    bilat__json_str (w, "cameo", e->cameo);
    bilat__json_str (w, "plover", e->plover);
    bilat__json_strv (w, "persons", e->persons, e->n_persons);
    bilat__json_strv (w, "person_ids", e->person_keys, e->n_persons);
    bilat__json_strv (w, "areas", e->areas, e->n_areas);
    bilat__json_reports (w, "evidence", m, e, TRUE);
    bilat__jw_end_object (w);
}

void
bilat__json_reports (bilat_jw *w, const char *key, const bilat_model *m, const bilat_event *e,
                     gboolean with_rule)
{
    bilat__jw_key (w, key);
    bilat__jw_begin_array (w);
    for (uint32_t i = 0; i < e->n_mentions; i++) {
        const emention *em = &g_array_index (m->ementions, emention, e->mentions[i]);
        bilat__jw_begin_object (w);
        bilat__json_str (w, "doc", g_array_index (m->docs, mdoc, em->doc).id);
        bilat__json_int (w, "sentence", em->sentence);
        bilat__jw_key (w, "span");
        bilat__jw_begin_array (w);
        bilat__jw_int (w, em->start);
        bilat__jw_int (w, em->end);
        bilat__jw_end_array (w);
        if (with_rule)
            bilat__json_str (w, "rule", em->rule);
        bilat__jw_end_object (w);
    }
    bilat__jw_end_array (w);
}

void
bilat__json_edge (bilat_jw *w, const bilat_edge *e)
{
    bilat__jw_begin_object (w);
    static const char *const kinds[] = { "", "state-state", "person-state", "person-person",
                                         "state-organization" };
    bilat__json_str (w, "kind", kinds[e->kind]);
    bilat__json_str (w, "source", e->source);
    bilat__json_str (w, "target", e->target);
    bilat__json_int (w, "events", (int64_t) e->events);
    bilat__json_int (w, "documents", (int64_t) e->documents);
    if (e->kind == BILAT_EDGE_STATE_STATE) {
        bilat__jw_key (w, "visits");
        bilat__jw_begin_array (w);
        for (int dir = 0; dir < 2; dir++) {
            bilat__jw_begin_object (w);
            bilat__json_str (w, "from", dir ? e->target : e->source);
            bilat__json_str (w, "to", dir ? e->source : e->target);
            bilat__json_int (w, "count", (int64_t) (dir ? e->visits_ts : e->visits_st));
            bilat__jw_end_object (w);
        }
        bilat__jw_end_array (w);
    }
    if (e->kind == BILAT_EDGE_STATE_STATE || e->kind == BILAT_EDGE_PERSON_PERSON) {
        if (e->kind == BILAT_EDGE_PERSON_PERSON)
            bilat__json_int (w, "visits", (int64_t) e->visits_st);
        bilat__json_int (w, "meetings", (int64_t) e->meetings);
        bilat__json_int (w, "agreements", (int64_t) e->agreements);
    }
    if (e->kind == BILAT_EDGE_PERSON_STATE)
        bilat__json_int (w, "mentions", (int64_t) e->mentions);
    bilat__json_str (w, "first", bilat_edge_first (e));
    bilat__json_str (w, "last", bilat_edge_last (e));
    if (e->kind == BILAT_EDGE_STATE_STATE) {
        bilat__json_str (w, "first_document", e->doc_first);
        bilat__json_str (w, "last_document", e->doc_last);
        bilat__json_str (w, "status", bilat_edge_status (e));
        bilat__jw_key (w, "areas");
        bilat__jw_begin_array (w);
        for (size_t i = 0; i < bilat_edge_n_areas (e); i++) {
            bilat__jw_begin_object (w);
            bilat__json_str (w, "area", bilat_edge_area (e, i));
            bilat__json_int (w, "weight", (int64_t) bilat_edge_area_weight (e, i));
            bilat__jw_end_object (w);
        }
        bilat__jw_end_array (w);
    }
    bilat__jw_end_object (w);
}

void
bilat__json_official (bilat_jw *w, const bilat_official *p)
{
    bilat__jw_begin_object (w);
    bilat__json_str (w, "id", p->key);
    bilat__json_str (w, "name", p->name);
    bilat__json_str (w, "state", p->state);
    bilat__json_strv (w, "aliases", (const char *const *) p->aliases->pdata, p->aliases->len);
    bilat__jw_key (w, "offices");
    bilat__jw_begin_array (w);
    for (guint i = 0; i < p->offices->len; i++) {
        const moffice *o = &g_array_index (p->offices, moffice, i);
        bilat__jw_begin_object (w);
        bilat__json_str (w, "office", o->office);
        bilat__json_int (w, "mentions", o->mentions);
        bilat__json_str (w, "first", o->first);
        bilat__json_str (w, "last", o->last);
        bilat__jw_end_object (w);
    }
    bilat__jw_end_array (w);
    bilat__json_str (w, "first", p->first);
    bilat__json_str (w, "last", p->last);
    bilat__json_int (w, "documents", p->n_documents);
    bilat__json_int (w, "mentions", p->n_mentions);
    bilat__jw_end_object (w);
}

static void
events_member (bilat_jw *w, const bilat_result *r, const char *key, int type)
{
    bilat__jw_key (w, key);
    bilat__jw_begin_array (w);
    for (guint i = 0; i < r->events->len; i++) {
        const bilat_event *e = g_ptr_array_index (r->events, i);
        if (type == 0 || e->type == type)
            bilat__json_event (w, r->model, e);
    }
    bilat__jw_end_array (w);
}

int
bilat_result_to_json (char **out, const bilat_result *r, unsigned flags, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (r == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "result is NULL");
    static const char *const names[] = { "", "relation", "partners", "events", "timeline",
                                         "people", "path" };
    GString *s = g_string_sized_new (4096);
    bilat_jw jw, *w = &jw;
    bilat__jw_init (w, s, (flags & BILAT_JSON_PRETTY) != 0);
    bilat__jw_begin_object (w);
    bilat__json_str (w, "query", names[r->kind]);
    switch (r->kind) {
    case BILAT_QUERY_RELATION: {
        bilat__json_str (w, "a", r->a);
        bilat__json_str (w, "b", r->b);
        bilat__jw_key (w, "relation");
        if (r->edges->len)
            bilat__json_edge (w, g_ptr_array_index (r->edges, 0));
        else
            bilat__jw_null (w);
        events_member (w, r, "agreements", BILAT_EVENT_AGREEMENT);
        events_member (w, r, "events", 0);
        break;
    }
    case BILAT_QUERY_PARTNERS:
        bilat__json_str (w, "state", r->a);
        bilat__json_str (w, "since", r->since);
        bilat__json_str (w, "until", r->until);
        bilat__jw_key (w, "partners");
        bilat__jw_begin_array (w);
        for (guint i = 0; i < r->states->len; i++) {
            bilat__jw_begin_object (w);
            bilat__json_str (w, "state", g_ptr_array_index (r->states, i));
            bilat__json_int (w, "score", (int64_t) g_array_index (r->scores, uint64_t, i));
            bilat__jw_key (w, "relation");
            bilat__json_edge (w, g_ptr_array_index (r->edges, i));
            bilat__jw_end_object (w);
        }
        bilat__jw_end_array (w);
        break;
    case BILAT_QUERY_EVENTS: {
        const bilat_filter *f = r->filter;
        bilat__jw_key (w, "filter");
        bilat__jw_begin_object (w);
        static const char *const types[] = { NULL, "visit", "meeting", "agreement" };
        bilat__json_str (w, "type", types[f->type]);
        bilat__json_str (w, "state", f->state);
        bilat__jw_key (w, "pair");
        if (f->pair_a) {
            const char *pair[2] = { f->pair_a, f->pair_b };
            bilat__jw_begin_array (w);
            bilat__jw_string (w, pair[0]);
            bilat__jw_string (w, pair[1]);
            bilat__jw_end_array (w);
        } else {
            bilat__jw_null (w);
        }
        bilat__json_str (w, "person", f->person);
        bilat__json_str (w, "area", f->area);
        bilat__json_str (w, "since", f->since);
        bilat__json_str (w, "until", f->until);
        bilat__jw_end_object (w);
        events_member (w, r, "events", 0);
        break;
    }
    case BILAT_QUERY_TIMELINE:
        bilat__json_str (w, "a", r->a);
        bilat__json_str (w, "b", r->b);
        events_member (w, r, "events", 0);
        break;
    case BILAT_QUERY_PEOPLE:
        bilat__json_str (w, "state", r->a);
        bilat__jw_key (w, "people");
        bilat__jw_begin_array (w);
        for (guint i = 0; i < r->officials->len; i++)
            bilat__json_official (w, g_ptr_array_index (r->officials, i));
        bilat__jw_end_array (w);
        break;
    case BILAT_QUERY_PATH:
        bilat__json_str (w, "from", r->a);
        bilat__json_str (w, "to", r->b);
        bilat__json_strv (w, "states", (const char *const *) r->states->pdata, r->states->len);
        bilat__jw_key (w, "relations");
        bilat__jw_begin_array (w);
        for (guint i = 0; i < r->edges->len; i++)
            bilat__json_edge (w, g_ptr_array_index (r->edges, i));
        bilat__jw_end_array (w);
        break;
    default:
        break;
    }
    bilat__jw_end_object (w);
    *out = g_string_free (s, FALSE);
    return BILAT_OK;
}
