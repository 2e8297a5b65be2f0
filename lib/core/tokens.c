/* SPDX-License-Identifier: MIT */
/* The tokenizer shared by texts and dictionaries: one pass, no allocation per token. */
#include "core-private.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static inline int
is_alnum_ascii (unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Length of the word character at p, or 0 when p does not start one. Bytes >= 0x80 are
 * letters unless they decode to punctuation or a symbol (bullets, currency signs). */
static inline size_t
word_char_len (const unsigned char *p, const unsigned char *end)
{
    if (*p < 0x80)
        return is_alnum_ascii (*p) ? 1 : 0;
    gunichar c = g_utf8_get_char_validated ((const char *) p, (gssize) (end - p));
    if (c == (gunichar) -1 || c == (gunichar) -2)
        return 1;
    size_t n = (size_t) g_utf8_skip[*p];
    if (g_unichar_isalnum (c) || g_unichar_ismark (c) || c == 0x02BB || c == 0x02BC)
        return n;
    return 0;
}

uint64_t
bilat__token_hash (const char *s, size_t len)
{
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char) s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char) (c + 32);
        h = (h ^ c) * FNV_PRIME;
    }
    return h;
}

static uint32_t
case_flags (const unsigned char *p, size_t n)
{
    uint32_t f = 0;
    gboolean any_letter = FALSE, any_lower = FALSE, first = TRUE;
    for (size_t i = 0; i < n;) {
        gunichar c;
        size_t k;
        if (p[i] < 0x80) {
            c = p[i];
            k = 1;
        } else {
            c = g_utf8_get_char_validated ((const char *) p + i, (gssize) (n - i));
            if (c == (gunichar) -1 || c == (gunichar) -2) {
                i++;
                continue;
            }
            k = (size_t) g_utf8_skip[p[i]];
        }
        if (g_unichar_isalpha (c)) {
            if (first && g_unichar_isupper (c))
                f |= BILAT_TOK_UPPER;
            first = FALSE;
            any_letter = TRUE;
            if (g_unichar_islower (c))
                any_lower = TRUE;
        } else if (first && g_unichar_isdigit (c)) {
            f |= BILAT_TOK_DIGIT;
            first = FALSE;
        }
        i += k;
    }
    if (any_letter && !any_lower)
        f |= BILAT_TOK_ALLCAPS;
    return f;
}

void
bilat__tokenize (GArray *out, const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *) text, *end = s + len;
    const unsigned char *p = s;
    uint32_t pending = 0;
    while (p < end) {
        unsigned char c = *p;
        if (c == ' ' || c == '\n' || c == '\t') {
            pending |= BILAT_TOK_SPACE;
            if (c == '\n') {
                pending |= (pending & BILAT_TOK_NEWLINE) ? BILAT_TOK_PARA : BILAT_TOK_NEWLINE;
            }
            p++;
            continue;
        }
        bilat_token t = { .start = (uint32_t) (p - s), .flags = pending };
        pending = 0;
        size_t wl = word_char_len (p, end);
        if (wl == 0) {
            /* The possessive "'s" (Benin's) is a token of its own. */
            if (c == '\'' && p + 1 < end && (p[1] == 's' || p[1] == 'S') &&
                (p + 2 == end || word_char_len (p + 2, end) == 0) && p > s &&
                word_char_len (p - 1, end) != 0) {
                t.end = t.start + 2;
                t.flags |= BILAT_TOK_POSS | BILAT_TOK_WORD;
            } else {
                t.end = t.start + (c < 0x80 ? 1 : (uint32_t) g_utf8_skip[c]);
                if (t.end > len)
                    t.end = (uint32_t) len;
                t.flags |= BILAT_TOK_PUNCT;
            }
        } else {
            const unsigned char *q = p + wl;
            gboolean dotted = FALSE;
            for (;;) {
                if (q >= end)
                    break;
                size_t k = word_char_len (q, end);
                if (k) {
                    q += k;
                    continue;
                }
                /* Internal apostrophe or dot followed by a letter stays in the word, except
                 * "'s" at a word's end, which is the possessive. */
                if ((*q == '\'' || *q == '.') && q + 1 < end && word_char_len (q + 1, end)) {
                    if (*q == '\'' && (q[1] == 's' || q[1] == 'S') &&
                        (q + 2 == end || word_char_len (q + 2, end) == 0))
                        break;
                    if (*q == '.')
                        dotted = TRUE;
                    q += 1;
                    continue;
                }
                break;
            }
            /* "U.S." and "U.N.": single letters joined by dots keep their final dot. */
            if (dotted && q < end && *q == '.' && q - p >= 3 && q[-2] == '.')
                q++;
            t.end = (uint32_t) (q - s);
            t.flags |= BILAT_TOK_WORD;
        }
        const unsigned char *ts = s + t.start;
        size_t tl = t.end - t.start;
        t.hash = bilat__token_hash ((const char *) ts, tl);
        if (t.flags & BILAT_TOK_WORD) {
            gboolean ascii = TRUE;
            for (size_t i = 0; i < tl; i++)
                if (ts[i] >= 0x80) {
                    ascii = FALSE;
                    break;
                }
            if (ascii) {
                unsigned char f0 = ts[0];
                if (f0 >= 'A' && f0 <= 'Z')
                    t.flags |= BILAT_TOK_UPPER;
                else if (f0 >= '0' && f0 <= '9')
                    t.flags |= BILAT_TOK_DIGIT;
                gboolean letter = FALSE, lower = FALSE;
                for (size_t i = 0; i < tl; i++) {
                    unsigned char ch = ts[i];
                    if (ch >= 'a' && ch <= 'z')
                        lower = letter = TRUE;
                    else if (ch >= 'A' && ch <= 'Z')
                        letter = TRUE;
                }
                if (letter && !lower)
                    t.flags |= BILAT_TOK_ALLCAPS;
            } else {
                t.flags |= BILAT_TOK_NONASCII | case_flags (ts, tl);
            }
        }
        g_array_append_val (out, t);
        p = s + t.end;
    }
}
