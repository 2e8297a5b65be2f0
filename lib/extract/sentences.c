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
    const bilat_token *tok;
    int32_t *sent;   /* c->tok_sent */
    int32_t next;    /* the index of the next sentence */
    guint n;
    bilat_sentence buf[64];
} splitter;

static void
flush (splitter *sp)
{
    g_array_append_vals (sp->c->sents, sp->buf, sp->n);
    sp->n = 0;
}

/* A sentence of tokens [tb, te), each token told its sentence. */
static inline void
push (splitter *sp, const bilat_token *tb, const bilat_token *te)
{
    if (te <= tb)
        return;
    uint32_t b = (uint32_t) (tb - sp->tok), e = (uint32_t) (te - sp->tok);
    int32_t si = sp->next++;
    sp->buf[sp->n++] = (bilat_sentence) { .tb = b, .te = e, .start = tb->start,
                                          .end = te[-1].end };
    if (sp->n == G_N_ELEMENTS (sp->buf))
        flush (sp);
    /* Four at a time, past te when the count is not a multiple of four: the next sentence
     * starts at te and writes over those, and the array has room for them (scratch.c). */
    const int32_t four[4] = { si, si, si, si };
    for (int32_t *p = sp->sent + b, *pe = sp->sent + e; p < pe; p += 4)
        memcpy (p, four, sizeof four);
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

/* The first token from t on that may end a sentence or start one: punctuation, or the first
 * on a line. Most tokens are words inside a line; they are skipped two at a time. */
static inline const bilat_token *
skip_words (const bilat_token *t, const bilat_token *last)
{
    const uint32_t mark = BILAT_TOK_NEWLINE | BILAT_TOK_PUNCT;
    for (; t < last; t += 2) {
        uint32_t first = t[0].flags;
        if ((first | t[1].flags) & mark)
            return first & mark ? t : t + 1;
    }
    return t == last && !(t->flags & mark) ? t + 1 : t;
}

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
    sp.tok = c->toks.data;
    sp.sent = c->tok_sent;
    sp.next = (int32_t) c->sents->len;
    sp.n = 0;
    const bilat_token *end = sp.tok + n, *last = end - 1, *begin = sp.tok;
    const char *text = c->text.text;
    for (const bilat_token *t = skip_words (begin, last); t < end; t = skip_words (t + 1, last)) {
        uint32_t fl = t->flags;
        if ((fl & BILAT_TOK_NEWLINE) && t > begin) {
            const bilat_token *p = t - 1;
            gboolean ends = (p->flags & BILAT_TOK_PUNCT) && ends_line (text[p->start]);
            gboolean starts = (fl & (BILAT_TOK_UPPER | BILAT_TOK_DIGIT)) ||
                              ((fl & BILAT_TOK_PUNCT) && text[t->start] &&
                               !continues_line (text[t->start]));
            if ((fl & BILAT_TOK_PARA) || ends || starts) {
                push (&sp, begin, t);
                begin = t;
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
                is_abbreviation (c, (size_t) (p - sp.tok)))
                continue;
        }
        push (&sp, begin, t + 1);
        begin = t + 1;
    }
    push (&sp, begin, end);
    flush (&sp);
    /* The slot past the last token, overwritten above: it reads as sentence 0, as it did
     * when the array was cleared. */
    c->tok_sent[n] = 0;
}
