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

/* A lone surname inside a longer capitalized run belongs to another name: "Bandar Abbas",
 * "Abbas Kiarostami". A title or the sentence start before it is fine ("President Abbas"). */
static gboolean
inside_other_name (const bilat_ctx *c, uint32_t i, const bilat_sentence *s)
{
    if (i + 1 < s->te) {
        const bilat_token *n = ctx_tok (c, i + 1);
        if ((n->flags & BILAT_TOK_WORD) && (n->flags & BILAT_TOK_UPPER) &&
            !(n->flags & BILAT_TOK_NEWLINE))
            return TRUE;
    }
    if (i > s->tb) {
        const bilat_token *p = ctx_tok (c, i - 1);
        const bilat_mention *pm = ctx_mention_at (c, i - 1);
        if ((p->flags & BILAT_TOK_WORD) && (p->flags & BILAT_TOK_UPPER) &&
            !(p->flags & BILAT_TOK_POSS) &&
            (!ctx_covered (c, i - 1) || (pm && pm->kind == GZ_STATE)))
            return TRUE;
    }
    return FALSE;
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

/* "Saudi Fund for Development", "Japan International Cooperation Agency", "South China
 * Sea": a state's name inside the name of a fund, a firm or a sea is not the state acting.
 * Runs after the whole pass, since the noun comes after the state. */
static void
mark_names_of_things (bilat_ctx *c)
{
    bilat_mention *ms = (bilat_mention *) (void *) c->mentions->data;
    for (guint k = 0; k < c->mentions->len; k++) {
        bilat_mention *m = &ms[k];
        if (m->kind != GZ_STATE || m->form == GZ_FORM_CAPITAL)
            continue;
        const bilat_sentence *s = &g_array_index (c->sents, bilat_sentence, m->sent);
        for (uint32_t i = m->te; i < s->te && i < m->te + 4; i++) {
            const bilat_token *t = ctx_tok (c, i);
            if (!(t->flags & BILAT_TOK_WORD) || !(t->flags & BILAT_TOK_UPPER))
                break;
            const bilat_mention *n = ctx_mention_at (c, i);
            if (bilat__tok_keyword (c, i) == KW_NAME_NOUN) {
                m->dateline = 1;
                break;
            }
            if (n && n->kind != GZ_KEYWORD && n->kind != GZ_AREA)
                break;
        }
    }
    /* The dateline's city: "HANOI, Oct. 8 - ... arrived here". */
    for (guint k = 0; k < c->mentions->len; k++) {
        const bilat_mention *m = &ms[k];
        if (m->kind == GZ_STATE && m->dateline &&
            m->tb == g_array_index (c->sents, bilat_sentence, m->sent).tb) {
            c->dateline_state = m->id;
            break;
        }
    }
}

/* Keywords form a layer of their own: "political consultations" is an area and still a
 * meeting word. Inside the name of an organization, a person, an office or a state they
 * are not keywords ("Asia-Europe Meeting"). */
static void
note_keyword (bilat_ctx *c, uint32_t i, int id, unsigned ntok)
{
    c->tok_kw[i] = (uint8_t) id;
    c->tok_kw_len[i] = (uint8_t) MIN (ntok, 255);
}

void
bilat__find_mentions (bilat_ctx *c)
{
    const bilat_gazetteer *gz = c->ex->gz;
    gz_view view;
    bilat__gazetteer_view (gz, &view);
    bilat_token *toks = c->toks.data;
    int32_t *tok_mention = c->tok_mention;
    const uint32_t keyword_layer = 1u << GZ_AREA | 1u << GZ_STATUS | 1u << GZ_KEYWORD;
    /* Mentions are written in place, the array grown by doubling as they come: sizing it
     * for one mention per token would cost 32 bytes a token on texts that name nothing. */
    guint n = c->mentions->len, cap = MAX (c->mentions->len, 64);
    g_array_set_size (c->mentions, cap);
    bilat_mention *ms = (bilat_mention *) c->mentions->data;
    for (guint si = 0; si < c->sents->len; si++) {
        const bilat_sentence *s = &g_array_index (c->sents, bilat_sentence, si);
        /* Datelines open the text or a paragraph. */
        uint32_t dl = (si == 0 || (toks[s->tb].flags & BILAT_TOK_NEWLINE)) ? dateline_end (c, s)
                                                                            : s->tb;
        /* No prefetch of the sentence's records: since lower-case stop words leave at the
         * filter, it cost 1.8 instructions a byte and saved no time. */
        for (uint32_t i = s->tb; i < s->te;) {
            gz_hit h;
            bilat__gazetteer_hit (&view, c->text.text, toks, i, s->te, &h);
            if (h.entry < 0) {
                i++;
                continue;
            }
            if ((keyword_layer >> h.kind) & 1) {
                if (h.kw >= 0)
                    note_keyword (c, i, h.kw, h.kw_ntok);
                /* Keywords inside an area phrase: "political consultations". */
                if (h.ntok > 1 && h.kind != GZ_KEYWORD)
                    for (uint32_t k = i + 1; k < i + h.ntok; k++) {
                        unsigned inner_ntok;
                        int inner = bilat__gazetteer_keyword_at (&view, c->text.text, toks, k,
                                                                 s->te, &inner_ntok);
                        if (inner >= 0)
                            note_keyword (c, k, inner, inner_ntok);
                    }
            } else if (h.kind == GZ_PERSON &&
                       (!in_term (c, bilat__gazetteer_entity (gz, GZ_PERSON, h.id)) ||
                        (h.ntok == 1 && inside_other_name (c, i, s)))) {
                i++;
                continue;
            }
            uint32_t te = i + h.ntok;
            uint32_t claim = h.kind == GZ_PERSON || (h.kind == GZ_KEYWORD && h.id == KW_PARTICLE)
                                 ? 0
                                 : BILAT_TOK_CLAIMED;
            /* A keyword and nothing else has no mention, only its place in the keyword
             * layer. */
            int32_t mark = BILAT_KEYWORD_SPAN;
            if (h.kind != GZ_KEYWORD || h.id == KW_COUNTERPART) {
                if (n == cap) {
                    cap *= 2;
                    g_array_set_size (c->mentions, cap);
                    ms = (bilat_mention *) c->mentions->data;
                }
                ms[n] = (bilat_mention) { .tb = i, .te = te, .sent = (int32_t) si,
                                          .kind = h.kind, .form = h.form, .dateline = i < dl,
                                          .id = h.id, .entry = &view.entries[h.entry] };
                mark = (int32_t) n++;
            }
            do {
                tok_mention[i] = mark;
                toks[i].flags |= claim;
            } while (++i < te);
        }
    }
    g_array_set_size (c->mentions, n);
    mark_names_of_things (c);
}
