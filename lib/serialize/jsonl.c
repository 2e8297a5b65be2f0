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
country (bilat_jw *w, const char *key, const char *code)
{
    bilat__jw_key (w, key);
    if (code == NULL) {
        bilat__jw_null (w);
        return;
    }
    bilat__jw_begin_object (w);
    bilat__json_str (w, "country", code);
    bilat__jw_end_object (w);
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
    bilat_jw jw, *w = &jw;
    for (GSequenceIter *it = g_sequence_get_begin_iter (m->events);
         !g_sequence_iter_is_end (it); it = g_sequence_iter_next (it)) {
        const bilat_event *e = g_sequence_get (it);
        const ebucket *bk = e->bucket;
        bilat__jw_init (w, s, FALSE);  /* each line a JSON text of its own */
        bilat__jw_begin_object (w);
        bilat__json_str (w, "id", e->id);
        bilat__json_str (w, "date", e->when);
        bilat__json_str (w, "date_precision", e->prec == PREC_DAY ? "day"
                                              : e->prec == PREC_MONTH ? "month"
                                              : e->prec == PREC_YEAR ? "year"
                                              : e->prec == PREC_DOC ? "document" : NULL);
        bilat__json_str (w, "event", e->plover);
        bilat__json_str (w, "mode", plover_mode (e));
        bilat__json_strv (w, "context", e->areas, e->n_areas);
        country (w, "actor", bk->type == BILAT_EVENT_VISIT ? bk->actor
                             : bk->n_parties ? bk->parties[0] : NULL);
        country (w, "recipient", bk->type == BILAT_EVENT_VISIT ? bk->target
                                 : bk->n_parties > 1 ? bk->parties[1] : NULL);
        bilat__json_strv (w, "parties", bk->parties, bk->n_parties);
        bilat__jw_key (w, "reciprocal");
        bilat__jw_bool (w, bk->type != BILAT_EVENT_VISIT);
        bilat__json_str (w, "cameo", e->cameo);
        bilat__json_str (w, "type", bilat_event_kind_name (e));
        bilat__json_str (w, "level", e->level);
        bilat__jw_key (w, "location");
        if (e->place) {
            bilat__jw_begin_object (w);
            bilat__json_str (w, "name", e->place);
            bilat__jw_end_object (w);
        } else {
            bilat__jw_null (w);
        }
        bilat__json_strv (w, "persons", e->persons, e->n_persons);
        bilat__json_str (w, "title", e->title);
        bilat__json_reports (w, "sources", m, e, FALSE);
        bilat__jw_end_object (w);
        g_string_append_c (s, '\n');
    }
    *out = g_string_free (s, FALSE);
    return BILAT_OK;
}
