/* SPDX-License-Identifier: MIT */
/* JSON of query results, and the JSON shapes of events, edges and officials that the
 * model's own formats reuse. */
#include "query-private.h"

#include <string.h>

void
bilat__json_str (JsonBuilder *b, const char *key, const char *val)
{
    json_builder_set_member_name (b, key);
    if (val)
        json_builder_add_string_value (b, val);
    else
        json_builder_add_null_value (b);
}

void
bilat__json_int (JsonBuilder *b, const char *key, int64_t val)
{
    json_builder_set_member_name (b, key);
    json_builder_add_int_value (b, val);
}

void
bilat__json_strv (JsonBuilder *b, const char *key, const char *const *v, size_t n)
{
    if (key)
        json_builder_set_member_name (b, key);
    json_builder_begin_array (b);
    for (size_t i = 0; i < n; i++)
        json_builder_add_string_value (b, v[i]);
    json_builder_end_array (b);
}

char *
bilat__json_finish (JsonBuilder *b, gboolean pretty)
{
    JsonGenerator *gen = json_generator_new ();
    JsonNode *root = json_builder_get_root (b);
    json_generator_set_root (gen, root);
    json_generator_set_pretty (gen, pretty);
    char *s = json_generator_to_data (gen, NULL);
    json_node_unref (root);
    g_object_unref (gen);
    return s;
}

void
bilat__json_event (JsonBuilder *b, const bilat_model *m, const bilat_event *e)
{
    json_builder_begin_object (b);
    bilat__json_str (b, "id", e->id);
    bilat__json_str (b, "type", bilat_event_kind_name (e));
    bilat__json_str (b, "actor", e->bucket->actor);
    bilat__json_str (b, "target", e->bucket->target);
    bilat__json_strv (b, "parties", e->bucket->parties, e->bucket->n_parties);
    bilat__json_str (b, "date", e->date);
    bilat__json_str (b, "when", e->when);
    bilat__json_str (b, "level", e->level);
    bilat__json_str (b, "mode", e->mode);
    bilat__json_str (b, "place", e->place);
    bilat__json_str (b, "title", e->title);
    bilat__json_str (b, "cameo", e->cameo);
    bilat__json_str (b, "plover", e->plover);
    bilat__json_strv (b, "persons", e->persons, e->n_persons);
    bilat__json_strv (b, "person_ids", e->person_keys, e->n_persons);
    bilat__json_strv (b, "areas", e->areas, e->n_areas);
    json_builder_set_member_name (b, "evidence");
    json_builder_begin_array (b);
    for (uint32_t i = 0; i < e->n_mentions; i++) {
        const emention *em = &g_array_index (m->ementions, emention, e->mentions[i]);
        json_builder_begin_object (b);
        bilat__json_str (b, "doc", g_array_index (m->docs, mdoc, em->doc).id);
        bilat__json_int (b, "sentence", em->sentence);
        json_builder_set_member_name (b, "span");
        json_builder_begin_array (b);
        json_builder_add_int_value (b, em->start);
        json_builder_add_int_value (b, em->end);
        json_builder_end_array (b);
        bilat__json_str (b, "rule", em->rule);
        json_builder_end_object (b);
    }
    json_builder_end_array (b);
    json_builder_end_object (b);
}

void
bilat__json_edge (JsonBuilder *b, const bilat_edge *e)
{
    json_builder_begin_object (b);
    static const char *const kinds[] = { "", "state-state", "person-state", "person-person",
                                         "state-organization" };
    bilat__json_str (b, "kind", kinds[e->kind]);
    bilat__json_str (b, "source", e->source);
    bilat__json_str (b, "target", e->target);
    bilat__json_int (b, "events", (int64_t) e->events);
    bilat__json_int (b, "documents", (int64_t) e->documents);
    if (e->kind == BILAT_EDGE_STATE_STATE) {
        json_builder_set_member_name (b, "visits");
        json_builder_begin_array (b);
        for (int dir = 0; dir < 2; dir++) {
            json_builder_begin_object (b);
            bilat__json_str (b, "from", dir ? e->target : e->source);
            bilat__json_str (b, "to", dir ? e->source : e->target);
            bilat__json_int (b, "count", (int64_t) (dir ? e->visits_ts : e->visits_st));
            json_builder_end_object (b);
        }
        json_builder_end_array (b);
    }
    if (e->kind == BILAT_EDGE_STATE_STATE || e->kind == BILAT_EDGE_PERSON_PERSON) {
        if (e->kind == BILAT_EDGE_PERSON_PERSON)
            bilat__json_int (b, "visits", (int64_t) e->visits_st);
        bilat__json_int (b, "meetings", (int64_t) e->meetings);
        bilat__json_int (b, "agreements", (int64_t) e->agreements);
    }
    if (e->kind == BILAT_EDGE_PERSON_STATE)
        bilat__json_int (b, "mentions", (int64_t) e->mentions);
    bilat__json_str (b, "first", bilat_edge_first (e));
    bilat__json_str (b, "last", bilat_edge_last (e));
    if (e->kind == BILAT_EDGE_STATE_STATE) {
        bilat__json_str (b, "first_document", e->doc_first);
        bilat__json_str (b, "last_document", e->doc_last);
        bilat__json_str (b, "status", bilat_edge_status (e));
        json_builder_set_member_name (b, "areas");
        json_builder_begin_array (b);
        for (size_t i = 0; i < bilat_edge_n_areas (e); i++) {
            json_builder_begin_object (b);
            bilat__json_str (b, "area", bilat_edge_area (e, i));
            bilat__json_int (b, "weight", (int64_t) bilat_edge_area_weight (e, i));
            json_builder_end_object (b);
        }
        json_builder_end_array (b);
    }
    json_builder_end_object (b);
}

void
bilat__json_official (JsonBuilder *b, const bilat_official *p)
{
    json_builder_begin_object (b);
    bilat__json_str (b, "id", p->key);
    bilat__json_str (b, "name", p->name);
    bilat__json_str (b, "state", p->state);
    bilat__json_strv (b, "aliases", (const char *const *) p->aliases->pdata, p->aliases->len);
    json_builder_set_member_name (b, "offices");
    json_builder_begin_array (b);
    for (guint i = 0; i < p->offices->len; i++) {
        const moffice *o = &g_array_index (p->offices, moffice, i);
        json_builder_begin_object (b);
        bilat__json_str (b, "office", o->office);
        bilat__json_int (b, "mentions", o->mentions);
        bilat__json_str (b, "first", o->first);
        bilat__json_str (b, "last", o->last);
        json_builder_end_object (b);
    }
    json_builder_end_array (b);
    bilat__json_str (b, "first", p->first);
    bilat__json_str (b, "last", p->last);
    bilat__json_int (b, "documents", p->n_documents);
    bilat__json_int (b, "mentions", p->n_mentions);
    json_builder_end_object (b);
}

static void
events_member (JsonBuilder *b, const bilat_result *r, const char *key, int type)
{
    json_builder_set_member_name (b, key);
    json_builder_begin_array (b);
    for (guint i = 0; i < r->events->len; i++) {
        const bilat_event *e = g_ptr_array_index (r->events, i);
        if (type == 0 || e->type == type)
            bilat__json_event (b, r->model, e);
    }
    json_builder_end_array (b);
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
    JsonBuilder *b = json_builder_new ();
    json_builder_begin_object (b);
    bilat__json_str (b, "query", names[r->kind]);
    switch (r->kind) {
    case BILAT_QUERY_RELATION: {
        bilat__json_str (b, "a", r->a);
        bilat__json_str (b, "b", r->b);
        json_builder_set_member_name (b, "relation");
        if (r->edges->len)
            bilat__json_edge (b, g_ptr_array_index (r->edges, 0));
        else
            json_builder_add_null_value (b);
        events_member (b, r, "agreements", BILAT_EVENT_AGREEMENT);
        events_member (b, r, "events", 0);
        break;
    }
    case BILAT_QUERY_PARTNERS:
        bilat__json_str (b, "state", r->a);
        bilat__json_str (b, "since", r->since);
        bilat__json_str (b, "until", r->until);
        json_builder_set_member_name (b, "partners");
        json_builder_begin_array (b);
        for (guint i = 0; i < r->states->len; i++) {
            json_builder_begin_object (b);
            bilat__json_str (b, "state", g_ptr_array_index (r->states, i));
            bilat__json_int (b, "score", (int64_t) g_array_index (r->scores, uint64_t, i));
            json_builder_set_member_name (b, "relation");
            bilat__json_edge (b, g_ptr_array_index (r->edges, i));
            json_builder_end_object (b);
        }
        json_builder_end_array (b);
        break;
    case BILAT_QUERY_EVENTS: {
        const bilat_filter *f = r->filter;
        json_builder_set_member_name (b, "filter");
        json_builder_begin_object (b);
        static const char *const types[] = { NULL, "visit", "meeting", "agreement" };
        bilat__json_str (b, "type", types[f->type]);
        bilat__json_str (b, "state", f->state);
        json_builder_set_member_name (b, "pair");
        if (f->pair_a) {
            const char *pair[2] = { f->pair_a, f->pair_b };
            json_builder_begin_array (b);
            json_builder_add_string_value (b, pair[0]);
            json_builder_add_string_value (b, pair[1]);
            json_builder_end_array (b);
        } else {
            json_builder_add_null_value (b);
        }
        bilat__json_str (b, "person", f->person);
        bilat__json_str (b, "area", f->area);
        bilat__json_str (b, "since", f->since);
        bilat__json_str (b, "until", f->until);
        json_builder_end_object (b);
        events_member (b, r, "events", 0);
        break;
    }
    case BILAT_QUERY_TIMELINE:
        bilat__json_str (b, "a", r->a);
        bilat__json_str (b, "b", r->b);
        events_member (b, r, "events", 0);
        break;
    case BILAT_QUERY_PEOPLE:
        bilat__json_str (b, "state", r->a);
        json_builder_set_member_name (b, "people");
        json_builder_begin_array (b);
        for (guint i = 0; i < r->officials->len; i++)
            bilat__json_official (b, g_ptr_array_index (r->officials, i));
        json_builder_end_array (b);
        break;
    case BILAT_QUERY_PATH:
        bilat__json_str (b, "from", r->a);
        bilat__json_str (b, "to", r->b);
        bilat__json_strv (b, "states", (const char *const *) r->states->pdata, r->states->len);
        json_builder_set_member_name (b, "relations");
        json_builder_begin_array (b);
        for (guint i = 0; i < r->edges->len; i++)
            bilat__json_edge (b, g_ptr_array_index (r->edges, i));
        json_builder_end_array (b);
        break;
    default:
        break;
    }
    json_builder_end_object (b);
    *out = bilat__json_finish (b, (flags & BILAT_JSON_PRETTY) != 0);
    g_object_unref (b);
    return BILAT_OK;
}
