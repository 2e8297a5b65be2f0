/* SPDX-License-Identifier: MIT */
/* Sentence splitting over tokens: abbreviations and initials do not end a sentence; a line
 * break does, unless the text is hard-wrapped mid-sentence. */
#include "extract-private.h"

#include <string.h>

/* Words that end in a dot without ending the sentence ("Mr. Tokayev", "H.E. Mr.", "Jan. 5"). */
static gboolean
is_abbreviation (const char *s, size_t n)
{
    /* By length, so that a word is compared only with abbreviations as long as itself. */
    static const char *const abbr[7][28] = {
        [2] = { "mr", "ms", "dr", "st", "jr", "sr", "no", "lt", "co", "vs" },
        [3] = { "mrs", "nos", "gen", "col", "maj", "gov", "sen", "rep", "amb", "hon", "rev",
                "etc", "inc", "ltd", "jan", "feb", "mar", "apr", "aug", "sep", "oct", "nov",
                "dec", "art", "fig", "vol" },
        [4] = { "capt", "prof", "corp", "sept", "para" },
        [6] = { "approx" },
    };
    static const char *const dotted[] = { "h.e", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m" };
    if (n == 1 && g_ascii_isupper (s[0]))
        return TRUE; /* an initial: "S. Jaishankar" */
    if (n == 3 && s[1] == '.') {
        for (size_t i = 0; i < G_N_ELEMENTS (dotted); i++)
            if (g_ascii_strncasecmp (s, dotted[i], 3) == 0)
                return TRUE;
        return FALSE;
    }
    if (n >= G_N_ELEMENTS (abbr))
        return FALSE;
    for (size_t i = 0; i < G_N_ELEMENTS (abbr[n]) && abbr[n][i]; i++)
        if (g_ascii_strncasecmp (s, abbr[n][i], n) == 0)
            return TRUE;
    return FALSE;
}

/* A sentence of tokens [tb, te), each token told its sentence. */
static void
push (bilat_ctx *c, uint32_t tb, uint32_t te)
{
    if (te <= tb)
        return;
    bilat_sentence s = { .tb = tb, .te = te, .start = ctx_tok (c, tb)->start,
                         .end = ctx_tok (c, te - 1)->end };
    int32_t si = (int32_t) c->sents->len;
    g_array_append_val (c->sents, s);
    for (uint32_t k = tb; k < te; k++)
        c->tok_sent[k] = si;
}

void
bilat__split_sentences (bilat_ctx *c)
{
    size_t n = c->toks.len;
    const char *text = c->text.text;
    uint32_t begin = 0;
    for (size_t i = 0; i < n; i++) {
        const bilat_token *t = ctx_tok (c, i);
        if (i > begin && (t->flags & BILAT_TOK_NEWLINE)) {
            const bilat_token *p = ctx_tok (c, i - 1);
            char pc = text[p->start];
            gboolean ends = (p->flags & BILAT_TOK_PUNCT) && pc && strchr (".!?:;\"'", pc);
            gboolean starts = (t->flags & (BILAT_TOK_UPPER | BILAT_TOK_DIGIT)) ||
                              ((t->flags & BILAT_TOK_PUNCT) && text[t->start] &&
                               !strchr (",.;)", text[t->start]));
            if ((t->flags & BILAT_TOK_PARA) || ends || starts) {
                push (c, begin, (uint32_t) i);
                begin = (uint32_t) i;
            }
        }
        if (!(t->flags & BILAT_TOK_PUNCT))
            continue;
        char tc = text[t->start];
        if ((tc == '.' || tc == '!' || tc == '?') && i + 1 < n) {
            const bilat_token *nx = ctx_tok (c, i + 1);
            if (!(nx->flags & BILAT_TOK_SPACE) || (nx->flags & BILAT_TOK_NEWLINE))
                continue;
            gboolean cap = (nx->flags & (BILAT_TOK_UPPER | BILAT_TOK_DIGIT)) ||
                           text[nx->start] == '"' || text[nx->start] == '\'' ||
                           text[nx->start] == '(';
            if (!cap)
                continue;
            if (text[t->start] == '.' && i > begin) {
                const bilat_token *p = ctx_tok (c, i - 1);
                if ((p->flags & BILAT_TOK_WORD) && p->end == t->start &&
                    is_abbreviation (text + p->start, p->end - p->start))
                    continue;
            }
            push (c, begin, (uint32_t) i + 1);
            begin = (uint32_t) i + 1;
        }
    }
    push (c, begin, (uint32_t) n);
}
