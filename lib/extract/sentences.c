/* SPDX-License-Identifier: MIT */
/* Sentence splitting over tokens: abbreviations and initials do not end a sentence; a line
 * break does, unless the text is hard-wrapped mid-sentence. */
#include "extract-private.h"

#include <string.h>

/* Words that end in a dot without ending the sentence ("Mr. Tokayev", "H.E. Mr.", "Jan. 5"),
 * compared by token hash. */
static bilat_word_set abbreviations = {
    .words = { "mr", "ms", "dr", "st", "jr", "sr", "no", "lt", "co", "vs",
               "mrs", "nos", "gen", "col", "maj", "gov", "sen", "rep", "amb", "hon", "rev",
               "etc", "inc", "ltd", "jan", "feb", "mar", "apr", "aug", "sep", "oct", "nov",
               "dec", "art", "fig", "vol",
               "capt", "prof", "corp", "sept", "para",
               "approx" }
};
/* Initials run together with their dots ("H.E.", "U.S."): one token each. */
static bilat_word_set dotted = { .words = { "h.e", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m" } };

/* Token i, a word right before a dot, is an abbreviation or an initial ("S. Jaishankar"). */
static gboolean
is_abbreviation (const bilat_ctx *c, size_t i)
{
    const bilat_token *t = ctx_tok (c, i);
    const char *s = c->text.text + t->start;
    size_t n = t->end - t->start;
    if (n == 1)
        return g_ascii_isupper (s[0]);
    /* Most sentences end in a longer word than any abbreviation ("approx"). */
    if (n > 6)
        return FALSE;
    if (n == 3 && s[1] == '.')
        return bilat__word_in (&dotted, c, i);
    return bilat__word_in (&abbreviations, c, i);
}

/* The split's state. Sentences go to the array a batch at a time: one append per sentence
 * cost more than the rest of the split. */
typedef struct {
    bilat_ctx *c;
    guint n;
    bilat_sentence buf[64];
} splitter;

static void
flush (splitter *sp)
{
    g_array_append_vals (sp->c->sents, sp->buf, sp->n);
    sp->n = 0;
}

/* A sentence of tokens [b, e), not empty (its tokens were told their sentence on the way:
 * next_stop). */
static inline void
push (splitter *sp, const bilat_token *tok, const bilat_token *tb, const bilat_token *te)
{
    bilat_sentence *se = &sp->buf[sp->n++];
    se->tb = (uint32_t) (tb - tok);
    se->te = (uint32_t) (te - tok);
    se->start = tb->start;
    se->end = te[-1].end;
    if (sp->n == G_N_ELEMENTS (sp->buf))
        flush (sp);
}

/* Punctuation that ends a line's sentence ('.', '!', '?', ':', ';', '"', '\''), and
 * punctuation that may not open a new one (',', '.', ';', ')'). */
static inline gboolean
ends_line (char ch)
{
    return ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == ';' || ch == '"' ||
           ch == '\'';
}
static inline gboolean
continues_line (char ch)
{
    return ch == ',' || ch == '.' || ch == ';' || ch == ')';
}

/* The split walks the tokens to those that may end a sentence or start one: punctuation, or
 * the first on a line. Most tokens are words inside a line: they are skipped four at a time,
 * and told on the way, four at a time too, that they are in the current sentence. Those
 * writes run up to three entries past a stop, and past the last token (the array has room,
 * scratch.c): the walk from the stop on tells them again. */
void
bilat__split_sentences (bilat_ctx *c)
{
    uint32_t n = c->toks.len;
    if (n == 0) {
        c->tok_sent[0] = 0;
        return;
    }
    splitter sp;
    sp.c = c;
    sp.n = 0;
    const uint32_t mark = BILAT_TOK_NEWLINE | BILAT_TOK_PUNCT;
    const bilat_token *tok = c->toks.data, *end = tok + n, *last = end - 1;
    /* From a token before blocks_end, four or more are left. */
    const bilat_token *blocks_end = n >= 4 ? end - 3 : tok;
    const char *text = c->text.text;
    int32_t si = (int32_t) c->sents->len;  /* the sentence of the tokens from begin on */
    int32_t four[4] = { si, si, si, si };
    const bilat_token *begin = tok;
    int32_t *s = c->tok_sent;  /* t's entry */
    for (const bilat_token *t = tok;; t++, s++) {
        if (t < blocks_end) {
            do {
                memcpy (s, four, sizeof four);
                if ((t[0].flags | t[1].flags | t[2].flags | t[3].flags) & mark)
                    goto in_block;
                t += 4, s += 4;
            } while (t < blocks_end);
        }
        /* The last three tokens or fewer. */
        if (t < end)
            memcpy (s, four, sizeof four);
        while (t < end && !(t->flags & mark))
            t++, s++;
        if (t == end)
            break;
    in_block:
        /* A stop is among these four: no bound to test. */
        while (!(t->flags & mark))
            t++, s++;
        uint32_t fl = t->flags;
        if ((fl & BILAT_TOK_NEWLINE) && t > begin) {
            const bilat_token *p = t - 1;
            gboolean ends = (p->flags & BILAT_TOK_PUNCT) && ends_line (text[p->start]);
            gboolean starts = (fl & (BILAT_TOK_UPPER | BILAT_TOK_DIGIT)) ||
                              ((fl & BILAT_TOK_PUNCT) && text[t->start] &&
                               !continues_line (text[t->start]));
            if ((fl & BILAT_TOK_PARA) || ends || starts) {
                push (&sp, tok, begin, t);
                begin = t;
                *s = ++si;
                four[0] = four[1] = four[2] = four[3] = si;
            }
        }
        if (!(fl & BILAT_TOK_PUNCT))
            continue;
        char tc = text[t->start];
        if (tc != '.' && tc != '!' && tc != '?')
            continue;
        if (t == last)
            break;
        const bilat_token *nx = t + 1;
        if (!(nx->flags & BILAT_TOK_SPACE) || (nx->flags & BILAT_TOK_NEWLINE))
            continue;
        char nc = text[nx->start];
        gboolean cap = (nx->flags & (BILAT_TOK_UPPER | BILAT_TOK_DIGIT)) || nc == '"' ||
                       nc == '\'' || nc == '(';
        if (!cap)
            continue;
        if (tc == '.' && t > begin) {
            const bilat_token *p = t - 1;
            if ((p->flags & BILAT_TOK_WORD) && p->end == t->start &&
                is_abbreviation (c, (size_t) (p - tok)))
                continue;
        }
        push (&sp, tok, begin, nx);
        begin = nx;
        si++;
        four[0] = four[1] = four[2] = four[3] = si;
    }
    if (begin < end)
        push (&sp, tok, begin, end);
    flush (&sp);
    /* The slot past the last token, overwritten above: it reads as sentence 0, as it did
     * when the array was cleared. */
    c->tok_sent[n] = 0;
}
