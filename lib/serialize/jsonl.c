/* SPDX-License-Identifier: MIT */
/* The model's events as PLOVER-style JSON lines: one object per event in date order, with
 * the field names of the PLOVER event records (event, mode, context, actor, recipient). */
#include "../query/query-private.h"

#include <string.h>

/* PLOVER's modes of CONSULT: a visit, a meeting in person, a call. */
static const char *
plover_mode (const bilat_event *e)
{
    if (e->type == BILAT_EVENT_VISIT)
        return "visit";
    if (e->type != BILAT_EVENT_MEETING || e->mode == NULL)
        return NULL;
    if (strcmp (e->mode, "in_person") == 0)
        return "meet";
    return e->mode;   /* "phone", "video" */
}

static void
country (JsonBuilder *b, const char *key, const char *code)
{
    json_builder_set_member_name (b, key);
    if (code == NULL) {
        json_builder_add_null_value (b);
        return;
    }
    json_builder_begin_object (b);
    bilat__json_str (b, "country", code);
    json_builder_end_object (b);
}

int
bilat_model_to_jsonl (char **out, const bilat_model *m, unsigned flags, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (m == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "model is NULL");
    bilat__model_sync (m);
    GString *s = g_string_sized_new (4096);
    for (GSequenceIter *it = g_sequence_get_begin_iter (m->events);
         !g_sequence_iter_is_end (it); it = g_sequence_iter_next (it)) {
        const bilat_event *e = g_sequence_get (it);
        const ebucket *bk = e->bucket;
        JsonBuilder *b = json_builder_new ();
        json_builder_begin_object (b);
        bilat__json_str (b, "id", e->id);
        bilat__json_str (b, "date", e->when);
        bilat__json_str (b, "date_precision", e->prec == PREC_DAY ? "day"
                                              : e->prec == PREC_MONTH ? "month"
                                              : e->prec == PREC_YEAR ? "year"
                                              : e->prec == PREC_DOC ? "document" : NULL);
        bilat__json_str (b, "event", e->plover);
        bilat__json_str (b, "mode", plover_mode (e));
        bilat__json_strv (b, "context", e->areas, e->n_areas);
        country (b, "actor", bk->type == BILAT_EVENT_VISIT ? bk->actor
                             : bk->n_parties ? bk->parties[0] : NULL);
        country (b, "recipient", bk->type == BILAT_EVENT_VISIT ? bk->target
                                 : bk->n_parties > 1 ? bk->parties[1] : NULL);
        bilat__json_strv (b, "parties", bk->parties, bk->n_parties);
        json_builder_set_member_name (b, "reciprocal");
        json_builder_add_boolean_value (b, bk->type != BILAT_EVENT_VISIT);
        bilat__json_str (b, "cameo", e->cameo);
        bilat__json_str (b, "type", bilat_event_kind_name (e));
        bilat__json_str (b, "level", e->level);
        json_builder_set_member_name (b, "location");
        if (e->place) {
            json_builder_begin_object (b);
            bilat__json_str (b, "name", e->place);
            json_builder_end_object (b);
        } else {
            json_builder_add_null_value (b);
        }
        bilat__json_strv (b, "persons", e->persons, e->n_persons);
        bilat__json_str (b, "title", e->title);
        json_builder_set_member_name (b, "sources");
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
            json_builder_end_object (b);
        }
        json_builder_end_array (b);
        json_builder_end_object (b);
        char *line = bilat__json_finish (b, FALSE);
        g_string_append (s, line);
        g_string_append_c (s, '\n');
        g_free (line);
        g_object_unref (b);
    }
    *out = g_string_free (s, FALSE);
    return BILAT_OK;
}
