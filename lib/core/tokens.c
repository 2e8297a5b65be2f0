/* SPDX-License-Identifier: MIT */
/* The tokenizer shared by texts and dictionaries: one pass, no allocation per token. */
#include "core-private.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

/* Length of the word character at p (a byte >= 0x80; ASCII goes by the class table), or 0
 * when p does not start one. Such bytes are letters unless they decode to punctuation or a
 * symbol (bullets, currency signs); an invalid byte counts as a letter. */
static inline size_t
word_char_len (const unsigned char *p, const unsigned char *end)
{
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

/* Byte classes for the tokenizer's loops, and the lower-cased ASCII letters and digits its
 * word loop hashes. */
enum {
    CLS_ALNUM = 1,    /* ASCII letter or digit */
    CLS_LETTER = 2,
    CLS_LOWER = 4,
    CLS_SPACE = 8,    /* space, tab, line feed */
    CLS_HIGH = 16,    /* byte >= 0x80: decoded to tell letters from symbols */
    CLS_JOIN = 32     /* apostrophe or dot: may join two parts of one word */
};
static unsigned char ascii_class[256];
static unsigned char alnum_lower[256];  /* an ASCII letter (lower-cased) or digit; else 0 */
static uint16_t word_flags[256];  /* BILAT_TOK_* an ASCII word has from its first byte */

static void
init_tables_once (void)
{
    static gsize done = 0;
    if (!g_once_init_enter (&done))
        return;
    for (int b = 0; b < 256; b++) {
        alnum_lower[b] = (unsigned char) (g_ascii_isalnum (b) ? g_ascii_tolower (b) : 0);
        word_flags[b] = BILAT_TOK_WORD | (g_ascii_isupper (b) ? BILAT_TOK_UPPER : 0) |
                        (g_ascii_isdigit (b) ? BILAT_TOK_DIGIT : 0);
        if (b >= '0' && b <= '9')
            ascii_class[b] = CLS_ALNUM;
        else if (b >= 'a' && b <= 'z')
            ascii_class[b] = CLS_ALNUM | CLS_LETTER | CLS_LOWER;
        else if (b >= 'A' && b <= 'Z')
            ascii_class[b] = CLS_ALNUM | CLS_LETTER;
        else if (b == ' ' || b == '\t' || b == '\n')
            ascii_class[b] = CLS_SPACE;
        else if (b >= 0x80)
            ascii_class[b] = CLS_HIGH;
        else if (b == '\'' || b == '.')
            ascii_class[b] = CLS_JOIN;
    }
    g_once_init_leave (&done, 1);
}

static inline size_t
wchar_len (const unsigned char *p, const unsigned char *end)
{
    return *p < 0x80 ? (ascii_class[*p] & CLS_ALNUM) : word_char_len (p, end);
}

/* A token that is not a word: punctuation, a symbol, or the possessive "'s". */
static size_t
other_token (bilat_token *t, const unsigned char *s, const unsigned char *p,
             const unsigned char *end)
{
    unsigned char c = *p;
    size_t len = (size_t) (end - s);
    /* The possessive "'s" (Benin's) is a token of its own. */
    if (c == '\'' && p + 1 < end && (p[1] == 's' || p[1] == 'S') &&
        (p + 2 == end || wchar_len (p + 2, end) == 0) && p > s && wchar_len (p - 1, end) != 0) {
        t->end = t->start + 2;
        t->flags |= BILAT_TOK_POSS | BILAT_TOK_WORD;
    } else {
        t->end = t->start + (c < 0x80 ? 1 : (uint32_t) g_utf8_skip[c]);
        if (t->end > len)
            t->end = (uint32_t) len;
        t->flags |= BILAT_TOK_PUNCT;
    }
    t->hash = bilat__token_hash ((const char *) s + t->start, t->end - t->start);
    return t->end;
}

/* Where a tokenization stopped: the next byte and the white space seen before it. */
typedef struct {
    const unsigned char *s, *p, *end;
    uint32_t pending;
} tok_state;

/* The run of ASCII letters and digits at q, hashed into *h; where it ends. The text's NUL
 * (or any other byte) ends it, so there is no bound to test. Out of line: inside the
 * tokenizer's loop the compiler ran short of registers and reloaded its constants for
 * every byte. */
static G_GNUC_NO_INLINE const unsigned char *
ascii_run (const unsigned char *q, uint64_t *h)
{
    uint64_t x = *h;
    unsigned char lc;
    while ((lc = alnum_lower[*q]) != 0) {
        x = (x ^ lc) * FNV_PRIME;
        q++;
    }
    *h = x;
    return q;
}

/* The rest of the word that starts at p, from q where its first ASCII run stopped at a
 * byte that may continue it: letters beyond ASCII, an inner apostrophe or dot. Hashes into
 * *h, clears *ascii at a byte beyond ASCII; where the word ends. Out of line, so that the
 * tokenizer's loop keeps its registers for the common case. */
static G_GNUC_NO_INLINE const unsigned char *
word_rest (const unsigned char *p, const unsigned char *q, const unsigned char *end,
           uint64_t *h, gboolean *ascii)
{
    uint64_t x = *h;
    gboolean dotted = FALSE;
    for (;;) {
        if (q >= end || !(ascii_class[*q] & (CLS_HIGH | CLS_JOIN)))
            break;
        unsigned char b = *q;
        size_t wl = b >= 0x80 ? word_char_len (q, end) : 0;
        if (wl) {
            *ascii = FALSE;
            for (size_t m = 0; m < wl; m++)
                x = (x ^ q[m]) * FNV_PRIME;
            q += wl;
            q = ascii_run (q, &x);
            continue;
        }
        /* Internal apostrophe or dot followed by a letter stays in the word, except "'s" at
         * a word's end, which is the possessive. */
        if ((b == '\'' || b == '.') && q + 1 < end && wchar_len (q + 1, end)) {
            if (b == '\'' && (q[1] == 's' || q[1] == 'S') &&
                (q + 2 == end || wchar_len (q + 2, end) == 0))
                break;
            if (b == '.')
                dotted = TRUE;
            x = (x ^ b) * FNV_PRIME;
            q += 1;
            q = ascii_run (q, &x);
            continue;
        }
        break;
    }
    /* "U.S." and "U.N.": single letters joined by dots keep their final dot. */
    if (dotted && q < end && *q == '.' && q - p >= 3 && q[-2] == '.') {
        x = (x ^ '.') * FNV_PRIME;
        q++;
    }
    *h = x;
    return q;
}

/* Is there an ASCII letter and no lower-case one in p[0, n)? */
static gboolean
ascii_all_caps (const unsigned char *p, size_t n)
{
    gboolean letter = FALSE;
    for (size_t i = 0; i < n; i++) {
        if (ascii_class[p[i]] & CLS_LOWER)
            return FALSE;
        letter |= (ascii_class[p[i]] & CLS_LETTER) != 0;
    }
    return letter;
}

/* Tokens of st's text into buf[0, room), from where the last call stopped; the count
 * written. Fewer than room only at the end of the text: the callers own the growing.
 * The byte at the text's end must be readable and no letter or digit (its NUL). */
static size_t
tokenize_some (tok_state *st, bilat_token *buf, size_t room)
{
    const unsigned char *s = st->s, *end = st->end, *p = st->p;
    uint32_t pending = st->pending;
    size_t n = 0;
    while (p < end) {
        unsigned char c = *p;
        unsigned cls = ascii_class[c];
        if (cls & CLS_SPACE) {
            pending |= BILAT_TOK_SPACE;
            if (c == '\n')
                pending |= (pending & BILAT_TOK_NEWLINE) ? BILAT_TOK_PARA : BILAT_TOK_NEWLINE;
            p++;
            continue;
        }
        if (n == room)
            break;
        if (!(cls & CLS_ALNUM) && ((cls & CLS_HIGH) == 0 || word_char_len (p, end) == 0)) {
            bilat_token *t = &buf[n++];
            *t = (bilat_token) { .start = (uint32_t) (p - s), .flags = pending };
            pending = 0;
            p = s + other_token (t, s, p, end);
            continue;
        }
        /* One pass over a word: its extent, its hash and its case. Most words are one run
         * of ASCII letters and digits ending at a space or a comma. */
        uint64_t h = FNV_OFFSET;
        gboolean ascii = TRUE;
        const unsigned char *q = ascii_run (p, &h);
        if (q < end && (ascii_class[*q] & (CLS_HIGH | CLS_JOIN)))
            q = word_rest (p, q, end, &h, &ascii);
        uint32_t flags = pending;
        pending = 0;
        if (ascii) {
            flags |= word_flags[c];
            /* A word starting in lower case is not all capitals: only the others are read
             * again, and they are few. */
            if (!(cls & CLS_LOWER) && ascii_all_caps (p, (size_t) (q - p)))
                flags |= BILAT_TOK_ALLCAPS;
        } else {
            flags |= BILAT_TOK_WORD | BILAT_TOK_NONASCII | case_flags (p, (size_t) (q - p));
        }
        buf[n++] = (bilat_token) { .start = (uint32_t) (p - s), .end = (uint32_t) (q - s),
                                   .flags = flags, .hash = h };
        p = q;
    }
    st->p = p;
    st->pending = pending;
    return n;
}

static tok_state
tok_start (const char *text, size_t len)
{
    init_tables_once ();
    const unsigned char *s = (const unsigned char *) text;
    return (tok_state) { .s = s, .p = s, .end = s + len, .pending = 0 };
}

void
bilat__tokenize (GArray *out, const char *text, size_t len)
{
    tok_state st = tok_start (text, len);
    /* Tokens are written straight into the array's storage, grown by doubling. */
    size_t n = out->len, cap = out->len + len / 4 + 16;
    for (;;) {
        g_array_set_size (out, (guint) cap);
        n += tokenize_some (&st, (bilat_token *) out->data + n, cap - n);
        if (n < cap || st.p == st.end)
            break;
        cap *= 2;
    }
    g_array_set_size (out, (guint) n);
}

gboolean
bilat__tokenize_try (bilat_tokens *out, const char *text, size_t len)
{
    tok_state st = tok_start (text, len);
    if (out->cap == 0) {
        out->cap = len / 4 + 16;
        out->data = g_try_new (bilat_token, out->cap);
        if (out->data == NULL) {
            out->cap = 0;
            return FALSE;
        }
    }
    for (;;) {
        out->len += (guint) tokenize_some (&st, out->data + out->len, out->cap - out->len);
        if (out->len < out->cap || st.p == st.end)
            return TRUE;
        bilat_token *grown = out->cap > G_MAXUINT / 2 / sizeof (bilat_token)
                                 ? NULL
                                 : g_try_renew (bilat_token, out->data, out->cap * 2);
        if (grown == NULL)
            return FALSE;
        out->data = grown;
        out->cap *= 2;
    }
}
