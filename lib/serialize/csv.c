/* SPDX-License-Identifier: MIT */
/* The model's events as RFC 4180 CSV, one row per event in date order. */
#include "../model/model-private.h"
#include "escape-private.h"

static void
field (GString *out, const char *s, gboolean last)
{
    bilat__csv_field (out, s);
    g_string_append (out, last ? "\r\n" : ",");
}

static char *
joined (const char *const *v, size_t n, size_t from)
{
    GString *s = g_string_new ("");
    for (size_t i = from; i < n; i++)
        g_string_append_printf (s, "%s%s", i > from ? ";" : "", v[i]);
    return g_string_free (s, FALSE);
}

int
bilat_model_to_csv (char **out, const bilat_model *m, unsigned flags, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (m == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "model is NULL");
    bilat__model_sync (m);
    GString *s = g_string_sized_new (4096);
    g_string_append (s, "id,date,type,actor,target,cameo,plover,persons,place,title,document,"
                        "span\r\n");
    for (GSequenceIter *it = g_sequence_get_begin_iter (m->events);
         !g_sequence_iter_is_end (it); it = g_sequence_iter_next (it)) {
        const bilat_event *e = g_sequence_get (it);
        const ebucket *b = e->bucket;
        field (s, e->id, FALSE);
        field (s, e->when, FALSE);
        field (s, bilat_event_kind_name (e), FALSE);
        /* A visit's actor and target; a meeting's or agreement's first party and the rest. */
        char *target = b->type == BILAT_EVENT_VISIT ? g_strdup (b->target)
                                                     : joined (b->parties, b->n_parties, 1);
        field (s, b->type == BILAT_EVENT_VISIT ? b->actor : (b->n_parties ? b->parties[0] : NULL),
               FALSE);
        field (s, target, FALSE);
        g_free (target);
        field (s, e->cameo, FALSE);
        field (s, e->plover, FALSE);
        char *persons = joined (e->persons, e->n_persons, 0);
        field (s, persons, FALSE);
        g_free (persons);
        field (s, e->place, FALSE);
        field (s, e->title, FALSE);
        GString *docs = g_string_new (""), *spans = g_string_new ("");
        for (uint32_t i = 0; i < e->n_mentions; i++) {
            const emention *em = &g_array_index (m->ementions, emention, e->mentions[i]);
            g_string_append_printf (docs, "%s%s", i ? ";" : "",
                                    g_array_index (m->docs, mdoc, em->doc).id);
            g_string_append_printf (spans, "%s%u-%u", i ? ";" : "", em->start, em->end);
        }
        field (s, docs->str, FALSE);
        field (s, spans->str, TRUE);
        g_string_free (docs, TRUE);
        g_string_free (spans, TRUE);
    }
    *out = g_string_free (s, FALSE);
    return BILAT_OK;
}
