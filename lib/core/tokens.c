/* SPDX-License-Identifier: MIT */
/* The tokenizer shared by texts and dictionaries: one pass, no allocation per token. */
#include "core-private.h"

#include <stddef.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

/* The token hash: 8 bytes at a time, ASCII letters lower-cased, then one more multiply
 * and a shift, so that the high bits (the filters' and the tables') and the low ones (the
 * people stage's) all depend on every byte. Each step is a bijection, so words of up to 8
 * bytes never collide; the gazetteer trusts the 64-bit hash as the word. Byte-serial
 * FNV-1a cost 4 instructions a byte in the tokenizer's hottest loop. */
#define HASH_SEED 0x243F6A8885A308D3ULL
#define HASH_MUL 0x9E3779B97F4A7C15ULL

static inline uint64_t
hash_block (uint64_t h, uint64_t w)
{
    h = (h ^ w) * HASH_MUL;
    return (h << 31) | (h >> 33);
}

static inline uint64_t
hash_final (uint64_t h, size_t n)
{
    h = (h ^ (uint64_t) n) * HASH_MUL;
    return h ^ (h >> 29);
}

/* n <= 8 bytes at p as a little-endian word, zero above them. */
static inline uint64_t
load_le (const unsigned char *p, size_t n)
{
    uint64_t w = 0;
    memcpy (&w, p, n);
    return GUINT64_FROM_LE (w);
}

uint64_t
bilat__token_hash (const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *) s;
    uint64_t h = HASH_SEED;
    size_t i = 0;
    for (; i + 8 <= len; i += 8)
        h = hash_block (h, bilat__ascii_lower8 (load_le (p + i, 8)));
    if (i < len)
        h = hash_block (h, bilat__ascii_lower8 (load_le (p + i, len - i)));
    return hash_final (h, len);
}

/* The same hash of a word of ASCII letters and digits only, p[0, n): setting bit 5
 * lower-cases letters and leaves digits as they are. Reads whole words when the text has
 * 8 bytes from each (end: the text's end). */
static inline uint64_t
alnum_hash (const unsigned char *p, size_t n, const unsigned char *end)
{
    const uint64_t bit5 = 0x2020202020202020ULL;
    uint64_t h = HASH_SEED;
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        h = hash_block (h, load_le (p + i, 8) | bit5);
    if (i < n) {
        size_t r = n - i;
        uint64_t w = p + i + 8 <= end ? load_le (p + i, 8) : load_le (p + i, r);
        h = hash_block (h, (w | bit5) & (~0ULL >> (64 - 8 * r)));
    }
    return hash_final (h, n);
}

/* Byte classes for the tokenizer's loops. */
enum {
    CLS_ALNUM = 1,    /* ASCII letter or digit */
    CLS_LOWER = 2,
    CLS_UPPER = 4,
    CLS_SPACE = 8,    /* space, tab, line feed */
    CLS_DIGIT = 16,
    CLS_HIGH = 32,    /* byte >= 0x80: decoded to tell letters from symbols */
    CLS_JOIN = 64,    /* apostrophe or dot: may join two parts of one word */
    CLS_PUNCT = 128,  /* any other ASCII byte but the apostrophe: a token of one byte */
    CLS_LETTER = CLS_LOWER | CLS_UPPER,
    /* The flags a word has from its first byte are these bits of its class. */
    CLS_WORD_FLAGS = CLS_ALNUM | CLS_UPPER | CLS_DIGIT
};
G_STATIC_ASSERT ((int) CLS_ALNUM == (int) BILAT_TOK_WORD &&
                 (int) CLS_UPPER == (int) BILAT_TOK_UPPER &&
                 (int) CLS_DIGIT == (int) BILAT_TOK_DIGIT);
static unsigned char ascii_class[256];
static uint64_t byte_hash[128];   /* the hash of each one-byte ASCII token */

static void
init_tables_once (void)
{
    static gsize done = 0;
    if (!g_once_init_enter (&done))
        return;
    for (int b = 0; b < 256; b++) {
        if (b >= '0' && b <= '9')
            ascii_class[b] = CLS_ALNUM | CLS_DIGIT;
        else if (b >= 'a' && b <= 'z')
            ascii_class[b] = CLS_ALNUM | CLS_LOWER;
        else if (b >= 'A' && b <= 'Z')
            ascii_class[b] = CLS_ALNUM | CLS_UPPER;
        else if (b == ' ' || b == '\t' || b == '\n')
            ascii_class[b] = CLS_SPACE;
        else if (b >= 0x80)
            ascii_class[b] = CLS_HIGH;
        else if (b == '\'' || b == '.')
            ascii_class[b] = CLS_JOIN;
        if (b < 0x80 && b != '\'' && !(ascii_class[b] & (CLS_ALNUM | CLS_SPACE)))
            ascii_class[b] |= CLS_PUNCT;
        if (b < 128) {
            char one = (char) b;
            byte_hash[b] = bilat__token_hash (&one, 1);
        }
    }
    g_once_init_leave (&done, 1);
}

static inline size_t
wchar_len (const unsigned char *p, const unsigned char *end)
{
    return *p < 0x80 ? (ascii_class[*p] & CLS_ALNUM) : word_char_len (p, end);
}

/* The case and digit flags of a word with bytes beyond ASCII. */
static uint32_t
case_flags (const unsigned char *p, size_t n)
{
    uint32_t f = 0;
    gboolean any_letter = FALSE, any_lower = FALSE, first = TRUE;
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            /* ASCII by the class table: what GLib answers, without its calls. */
            unsigned cls = ascii_class[p[i++]];
            if (cls & CLS_LETTER) {
                if (first && (cls & CLS_UPPER))
                    f |= BILAT_TOK_UPPER;
                first = FALSE;
                any_letter = TRUE;
                any_lower |= (cls & CLS_LOWER) != 0;
            } else if (first && (cls & CLS_DIGIT)) {
                f |= BILAT_TOK_DIGIT;
                first = FALSE;
            }
            continue;
        }
        gunichar c = g_utf8_get_char_validated ((const char *) p + i, (gssize) (n - i));
        if (c == (gunichar) -1 || c == (gunichar) -2) {
            i++;
            continue;
        }
        size_t k = (size_t) g_utf8_skip[p[i]];
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
    } else if (c < 0x80) {
        t->end = t->start + 1;
        t->flags |= BILAT_TOK_PUNCT;
        t->hash = byte_hash[c];
        return t->end;
    } else {
        t->end = t->start + (uint32_t) g_utf8_skip[c];
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

#if defined(__SSE2__)
/* The bytes of v from lo to hi (ASCII), as 0xff: v moved so that hi lands on 127, the
 * range then is the bytes above a signed bound, one compare. */
static inline __m128i
bytes_in (__m128i v, char lo, char hi)
{
    __m128i moved = _mm_add_epi8 (v, _mm_set1_epi8 ((char) (127 - hi)));
    return _mm_cmpgt_epi8 (moved, _mm_set1_epi8 ((char) (126 - (hi - lo))));
}

/* A bit per byte of v that is no ASCII letter or digit, and bit 16: the lowest set bit is
 * where a word starting at v stops, 16 when it goes on. */
static inline unsigned
not_alnum_bits (__m128i v)
{
    __m128i letter = bytes_in (_mm_or_si128 (v, _mm_set1_epi8 (0x20)), 'a', 'z');
    __m128i alnum = _mm_or_si128 (letter, bytes_in (v, '0', '9'));
    return ~(unsigned) _mm_movemask_epi8 (alnum);
}
#endif

/* Where the run of ASCII letters and digits at q ends. The text's NUL (or any other byte)
 * ends it, so the byte loop has no bound to test; with SSE2, 16 bytes are classified at
 * once while 16 are left before end. */
static inline const unsigned char *
ascii_run_end (const unsigned char *q, const unsigned char *end)
{
#if defined(__SSE2__)
    while (end - q >= 16) {
        unsigned other = not_alnum_bits (_mm_loadu_si128 ((const __m128i *) q)) & 0xffff;
        if (other)
            return q + __builtin_ctz (other);
        q += 16;
    }
#else
    (void) end;
#endif
    while (ascii_class[*q] & CLS_ALNUM)
        q++;
    return q;
}

/* Is there an ASCII letter and no lower-case one in p[0, n)? Out of line: most words that
 * do not start in lower case start with a capital, and do not need it. */
static G_GNUC_NO_INLINE gboolean
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

/* Low k bytes of a word kept, for k in [0, 8]. */
static const uint64_t keep_bytes[9] = {
    0, 0xff, 0xffff, 0xffffff, 0xffffffffULL, 0xffffffffffULL, 0xffffffffffffULL,
    0xffffffffffffffULL, ~0ULL
};

/* A run of ASCII letters and digits: where it ends and its hash. */
typedef struct {
    const unsigned char *q;
    uint64_t h;
} alnum_run;

/* The run at p, a byte at a time (with SSE2, 16 at a time to find its end). */
static inline alnum_run
byte_run (const unsigned char *p, const unsigned char *end)
{
    const unsigned char *q = ascii_run_end (p, end);
    return (alnum_run) { q, alnum_hash (p, (size_t) (q - p), end) };
}

#if defined(__SSE2__) && G_BYTE_ORDER == G_LITTLE_ENDIAN
/* A word of 16 bytes or more, or one near the text's end: out of line, so that the
 * tokenizer's loop keeps its registers (the result comes back in two). */
static G_GNUC_NO_INLINE alnum_run
long_run (const unsigned char *p, const unsigned char *end)
{
    return byte_run (p, end);
}
#else
#define long_run byte_run
#endif

/* The common word: a run of ASCII letters and digits at p, whose first byte has class cls.
 * Where it ends, its hash (as alnum_hash) in *h, and BILAT_TOK_ALLCAPS added to *flags when
 * it has a letter and no lower-case one. With SSE2, when wide (16 bytes readable from p), a
 * word shorter than 16 bytes is measured, hashed and cased from one load. */
static inline const unsigned char *
ascii_word (const unsigned char *p, const unsigned char *end, gboolean wide, unsigned cls,
            uint64_t *h, uint32_t *flags)
{
#if defined(__SSE2__) && G_BYTE_ORDER == G_LITTLE_ENDIAN
    if (wide) {
        __m128i v = _mm_loadu_si128 ((const __m128i *) p);
        unsigned other = not_alnum_bits (v);
        unsigned n = (unsigned) __builtin_ctz (other);
        if (n < 16) {
            /* Bit 5 set: the word's letters lower-cased, as the hash reads them. */
            __m128i folded = _mm_or_si128 (v, _mm_set1_epi8 (0x20));
            uint64_t lo = (uint64_t) _mm_cvtsi128_si64 (folded);
            uint64_t x;
            if (n <= 8) {
                x = hash_block (HASH_SEED, lo & keep_bytes[n]);
            } else {
                uint64_t hi = (uint64_t) _mm_cvtsi128_si64 (_mm_unpackhi_epi64 (folded, folded));
                x = hash_block (hash_block (HASH_SEED, lo), hi & keep_bytes[n - 8]);
            }
            *h = hash_final (x, n);
            if (!(cls & CLS_LOWER)) {
                /* other - 1: the bits below n (and others' above, never a letter's). */
                unsigned small = (unsigned) _mm_movemask_epi8 (bytes_in (v, 'a', 'z'));
                if (!(small & (other - 1)) && ((cls & CLS_LETTER) || ascii_all_caps (p, n)))
                    *flags |= BILAT_TOK_ALLCAPS;
            }
            return p + n;
        }
    }
#else
    (void) wide;
#endif
    alnum_run r = long_run (p, end);
    *h = r.h;
    if (!(cls & CLS_LOWER) && ascii_all_caps (p, (size_t) (r.q - p)))
        *flags |= BILAT_TOK_ALLCAPS;
    return r.q;
}

/* The rest of the word that starts at p, from q where its first ASCII run stopped at a
 * byte that may continue it: letters beyond ASCII, an inner apostrophe or dot. Clears
 * *ascii at a byte beyond ASCII; where the word ends. Out of line, so that the tokenizer's
 * loop keeps its registers for the common case. */
static G_GNUC_NO_INLINE const unsigned char *
word_rest (const unsigned char *p, const unsigned char *q, const unsigned char *end,
           gboolean *ascii)
{
    gboolean dotted = FALSE;
    for (;;) {
        if (q >= end || !(ascii_class[*q] & (CLS_HIGH | CLS_JOIN)))
            break;
        unsigned char b = *q;
        size_t wl = b >= 0x80 ? word_char_len (q, end) : 0;
        if (wl) {
            *ascii = FALSE;
            q = ascii_run_end (q + wl, end);
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
            q = ascii_run_end (q + 1, end);
            continue;
        }
        break;
    }
    /* "U.S." and "U.N.": single letters joined by dots keep their final dot. */
    if (dotted && q < end && *q == '.' && q - p >= 3 && q[-2] == '.')
        q++;
    return q;
}

/* A word that is not one run of ASCII letters and digits: from p, whose first run (if
 * any) stopped at q. Fills *t but its start; where the word ends. */
static G_GNUC_NO_INLINE const unsigned char *
other_word (bilat_token *t, const unsigned char *p, const unsigned char *q,
            const unsigned char *end, uint32_t flags)
{
    gboolean ascii = TRUE;
    q = word_rest (p, q, end, &ascii);
    size_t n = (size_t) (q - p);
    if (ascii) {
        flags |= BILAT_TOK_WORD | (ascii_class[*p] & CLS_WORD_FLAGS);
        if (!(ascii_class[*p] & CLS_LOWER) && ascii_all_caps (p, n))
            flags |= BILAT_TOK_ALLCAPS;
    } else {
        flags |= BILAT_TOK_WORD | BILAT_TOK_NONASCII | case_flags (p, n);
    }
    t->end = t->start + (uint32_t) n;
    t->flags = flags;
    t->hash = bilat__token_hash ((const char *) p, n);
    return q;
}

/* A token that does not start with an ASCII letter or digit: a word in other letters,
 * punctuation, a symbol, the possessive. Fills *t but its start; where it ends. */
static G_GNUC_NO_INLINE const unsigned char *
other_start (bilat_token *t, const unsigned char *s, const unsigned char *p,
             const unsigned char *end, uint32_t flags)
{
    if (*p >= 0x80 && word_char_len (p, end) != 0)
        return other_word (t, p, p, end, flags);
    t->flags = flags;
    return s + other_token (t, s, p, end);
}

/* White space at *p: the BILAT_TOK_* it adds to the flags of the next token. */
static inline uint32_t
space_flags (uint32_t pending, unsigned char c)
{
    pending |= BILAT_TOK_SPACE;
    if (c == '\n')
        pending |= (pending & BILAT_TOK_NEWLINE) ? BILAT_TOK_PARA : BILAT_TOK_NEWLINE;
    return pending;
}

/* A token's fields; flags and pad (zero) go in one 8-byte store. */
static inline void
put_token (bilat_token *t, size_t start, size_t end, uint32_t flags, uint64_t hash)
{
    G_STATIC_ASSERT (offsetof (bilat_token, pad) == offsetof (bilat_token, flags) + 4);
    uint64_t flags_pad = G_BYTE_ORDER == G_LITTLE_ENDIAN ? flags : (uint64_t) flags << 32;
    t->start = (uint32_t) start;
    t->end = (uint32_t) end;
    memcpy ((char *) t + offsetof (bilat_token, flags), &flags_pad, sizeof flags_pad);
    t->hash = hash;
}

/* One turn of the tokenizer at *pp, which is below the text's end, with room for a token
 * at *pt: white space is noted in *pending, a token is written and *pt moves past it. When
 * wide, 16 bytes can be read from *pp (a constant where inlined). */
static G_ALWAYS_INLINE inline void
tokenize_step (const unsigned char *s, const unsigned char *end, const unsigned char **pp,
               bilat_token **pt, uint32_t *pending, gboolean wide)
{
    const unsigned char *p = *pp;
    bilat_token *t = *pt;
    unsigned char c = *p;
    unsigned cls = ascii_class[c];
    const unsigned char *q;
    if (G_LIKELY (cls & CLS_ALNUM)) {
        uint64_t h;
        uint32_t flags = *pending | (cls & CLS_WORD_FLAGS);
        q = ascii_word (p, end, wide, cls, &h, &flags);
        /* One space is the common separator: it ends the word (*end is the NUL, so q
         * needs no bound test) and is taken in this turn. */
        if (*q == ' ') {
            put_token (t, (size_t) (p - s), (size_t) (q - s), flags, h);
            *pt = t + 1;
            *pending = BILAT_TOK_SPACE;
            *pp = q + 1;
            return;
        }
        /* A dot or an apostrophe joins only a letter or digit after it; the sentence's
         * full stop does not, nor the possessive "'s" (q[2] is readable: a letter at q[1]
         * is not the text's end). */
        unsigned next = ascii_class[*q];
        if (G_UNLIKELY ((next & CLS_HIGH) ||
                        ((next & CLS_JOIN) && (ascii_class[q[1]] & (CLS_ALNUM | CLS_HIGH)) &&
                         !(*q == '\'' && (q[1] | 0x20) == 's' &&
                           !(ascii_class[q[2]] & (CLS_ALNUM | CLS_HIGH)))))) {
            t->start = (uint32_t) (p - s);
            t->pad = 0;
            q = other_word (t, p, q, end, *pending);
        } else {
            put_token (t, (size_t) (p - s), (size_t) (q - s), flags, h);
        }
    } else if (cls & CLS_SPACE) {
        *pending = space_flags (*pending, c);
        *pp = p + 1;
        return;
    } else if (cls & CLS_PUNCT) {
        /* Punctuation: a token of one byte. */
        size_t at = (size_t) (p - s);
        put_token (t, at, at + 1, *pending | BILAT_TOK_PUNCT, byte_hash[c]);
        q = p + 1;
    } else {
        t->start = (uint32_t) (p - s);
        t->pad = 0;
        q = other_start (t, s, p, end, *pending);
    }
    *pt = t + 1;
    *pending = 0;
    if (*q == ' ') {
        *pending = BILAT_TOK_SPACE;
        q++;
    }
    *pp = q;
}

/* Tokens of st's text into buf[0, room), from where the last call stopped; the count
 * written. Fewer than room only at the end of the text: the callers own the growing.
 * The byte at the text's end must be readable and no letter or digit (its NUL). The loop
 * keeps the common word, a run of ASCII letters and digits, in line, and calls out for the
 * rest, so that it keeps its variables in registers. */
static size_t
tokenize_some (tok_state *st, bilat_token *buf, size_t room)
{
    const unsigned char *s = st->s, *end = st->end, *p = st->p;
    uint32_t pending = st->pending;
    bilat_token *t = buf, *const t_end = buf + room;
    /* Below wide_end, 16 bytes of the text can be read. */
    const unsigned char *wide_end = end - s >= 16 ? end - 15 : s;
    for (;;) {
        if (p < wide_end) {
            /* A token takes one byte at least: below lim, there is room for one. So one
             * test a turn stands for the room, the text's end and the 16 bytes. */
            size_t left = (size_t) (t_end - t);
            const unsigned char *lim = (size_t) (wide_end - p) <= left ? wide_end : p + left;
            while (p < lim)
                tokenize_step (s, end, &p, &t, &pending, TRUE);
            if (p < wide_end && t < t_end)
                continue;
        }
        /* The last 15 bytes, or the room is full: a turn at a time, with every test. */
        if (p >= end)
            break;
        if (t == t_end) {
            /* As if the room were tested at the next token: white space is taken. */
            while (p < end && (ascii_class[*p] & CLS_SPACE))
                pending = space_flags (pending, *p++);
            break;
        }
        tokenize_step (s, end, &p, &t, &pending, FALSE);
    }
    st->p = p;
    st->pending = pending;
    return (size_t) (t - buf);
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
        bilat__advise_huge (out->data, out->cap * sizeof (bilat_token));
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
