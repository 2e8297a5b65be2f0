/* SPDX-License-Identifier: MIT */
/* The model's graph in graphviz DOT: states as boxes, people as ellipses, organizations as
 * hexagons, edges labelled with what they count. */
#include "../model/model-private.h"
#include "escape-private.h"


static void
node (GString *out, const char *id, const char *shape, const char *label, const char *tooltip)
{
    g_string_append (out, "  ");
    bilat__dot_quote (out, id);
    g_string_append_printf (out, " [shape=%s, label=", shape);
    bilat__dot_quote (out, label);
    if (tooltip) {
        g_string_append (out, ", tooltip=");
        bilat__dot_quote (out, tooltip);
    }
    g_string_append (out, "];\n");
}

static void
edge (GString *out, const bilat_edge *e)
{
    GString *label = g_string_new ("");
    switch (e->kind) {
    case BILAT_EDGE_STATE_STATE:
        if (e->visits_st || e->visits_ts)
            g_string_append_printf (label, "visits %s>%s %" G_GUINT64_FORMAT ", %s>%s %"
                                    G_GUINT64_FORMAT "\n", e->source, e->target, e->visits_st,
                                    e->target, e->source, e->visits_ts);
        if (e->meetings)
            g_string_append_printf (label, "meetings %" G_GUINT64_FORMAT "\n", e->meetings);
        if (e->agreements)
            g_string_append_printf (label, "agreements %" G_GUINT64_FORMAT "\n", e->agreements);
        if (bilat_edge_status (e))
            g_string_append_printf (label, "%s\n", bilat_edge_status (e));
        break;
    case BILAT_EDGE_PERSON_PERSON:
        g_string_append_printf (label, "met %" G_GUINT64_FORMAT, e->events);
        break;
    default:
        break;
    }
    if (label->len && label->str[label->len - 1] == '\n')
        g_string_truncate (label, label->len - 1);
    g_string_append (out, "  ");
    bilat__dot_quote (out, e->source);
    g_string_append (out, " -- ");
    bilat__dot_quote (out, e->target);
    char num[G_ASCII_DTOSTR_BUF_SIZE];
    double w = bilat_edge_weight (e);
    g_string_append_printf (out, " [weight=%s", g_ascii_dtostr (num, sizeof num, w > 0 ? w : 1));
    /* Heavier edges draw thicker, by the number of binary digits of their weight. */
    g_string_append_printf (out, ", penwidth=%u", 1 + g_bit_storage ((gulong) w) / 2);
    if (e->kind != BILAT_EDGE_STATE_STATE)
        g_string_append (out, ", style=dashed, color=gray50");
    if (label->len) {
        g_string_append (out, ", label=");
        bilat__dot_quote (out, label->str);
    }
    g_string_append (out, "];\n");
    g_string_free (label, TRUE);
}

int
bilat_model_to_dot (char **out, const bilat_model *m, unsigned flags, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (m == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "model is NULL");
    bilat__model_sync (m);
    gboolean states_only = (flags & BILAT_EXPORT_STATES_ONLY) != 0;
    GString *s = g_string_sized_new (4096);
    g_string_append (s, "graph bilat {\n"
                        "  graph [overlap=false, splines=true];\n"
                        "  node [fontname=\"Helvetica\", fontsize=10];\n"
                        "  edge [fontname=\"Helvetica\", fontsize=8];\n");
    GPtrArray *states = bilat__model_states_sorted (m);
    for (guint i = 0; i < states->len; i++) {
        const mstate *st = g_ptr_array_index (states, i);
        node (s, st->code, "box", st->code, NULL);
    }
    if (!states_only) {
        for (GSequenceIter *it = g_sequence_get_begin_iter (m->people);
             !g_sequence_iter_is_end (it); it = g_sequence_iter_next (it)) {
            const bilat_official *p = g_sequence_get (it);
            node (s, p->key, "ellipse", p->name,
                  p->offices->len ? g_array_index (p->offices, moffice, 0).office : NULL);
        }
        GPtrArray *orgs = bilat__model_orgs_sorted (m);
        for (guint i = 0; i < orgs->len; i++) {
            const morg *o = g_ptr_array_index (orgs, i);
            node (s, o->key, "hexagon", o->name, NULL);
        }
    }
    for (int kind = BILAT_EDGE_STATE_STATE; kind <= BILAT_EDGE_STATE_ORGANIZATION; kind++) {
        if (states_only && kind != BILAT_EDGE_STATE_STATE)
            break;
        GPtrArray *edges = bilat__model_edges (m, kind);
        for (guint i = 0; i < edges->len; i++)
            edge (s, g_ptr_array_index (edges, i));
    }
    g_string_append (s, "}\n");
    *out = g_string_free (s, FALSE);
    return BILAT_OK;
}
