/* SPDX-License-Identifier: MIT */
/* Dictionary mentions: one left-to-right pass of longest matches over each sentence. */
#include "extract-private.h"

#include <string.h>

/* A person from the dictionary counts only while in office on the document's date. */
static gboolean
in_term (const bilat_ctx *c, const gz_entity *p)
{
    if (!c->has_date)
        return TRUE;
    if (g_date_valid (&p->from) && g_date_compare (&c->date, &p->from) < 0)
        return FALSE;
    if (g_date_valid (&p->to) && g_date_compare (&c->date, &p->to) > 0)
        return FALSE;
    return TRUE;
}

/* "ASHGABAT, 28 November (TDH) -" or "NAIROBI, March 3 (Reuters) -": a dateline names where
 * the text was filed, which does not make that state an actor. */
static uint32_t
dateline_end (const bilat_ctx *c, const bilat_sentence *s)
{
    const bilat_token *t0 = ctx_tok (c, s->tb);
    if (!(t0->flags & BILAT_TOK_ALLCAPS) || !(t0->flags & BILAT_TOK_WORD))
        return s->tb;
    uint32_t lim = MIN (s->te, s->tb + 16);
    gboolean comma = FALSE;
    for (uint32_t i = s->tb + 1; i < lim; i++) {
        const bilat_token *t = ctx_tok (c, i);
        char ch = c->text.text[t->start];
        if (ch == ',')
            comma = TRUE;
        if ((t->flags & BILAT_TOK_PUNCT) && ch == '-' && comma && (t->flags & BILAT_TOK_SPACE))
            return i + 1;
    }
    return s->tb;
}

void
bilat__find_mentions (bilat_ctx *c)
{
    const bilat_gazetteer *gz = c->ex->gz;
    const bilat_token *toks = (const bilat_token *) c->toks->data;
    for (guint si = 0; si < c->sents->len; si++) {
        const bilat_sentence *s = &g_array_index (c->sents, bilat_sentence, si);
        /* Datelines open the text or a paragraph. */
        uint32_t dl = (si == 0 || (toks[s->tb].flags & BILAT_TOK_NEWLINE)) ? dateline_end (c, s)
                                                                            : s->tb;
        for (uint32_t i = s->tb; i < s->te;) {
            const gz_entry *e = bilat__gazetteer_match (gz, c->text.text, toks, i, s->te);
            if (e == NULL) {
                i++;
                continue;
            }
            if (e->kind == GZ_PERSON &&
                !in_term (c, bilat__gazetteer_entity (gz, GZ_PERSON, e->id))) {
                i++;
                continue;
            }
            bilat_mention m = { .tb = i, .te = i + e->ntok, .sent = (int32_t) si,
                                .kind = e->kind, .form = e->form, .id = e->id, .entry = e,
                                .dateline = i < dl };
            g_array_append_val (c->mentions, m);
            for (uint32_t k = m.tb; k < m.te; k++)
                c->tok_mention[k] = (int32_t) c->mentions->len - 1;
            i = m.te;
        }
    }
}
