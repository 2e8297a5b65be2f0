/* SPDX-License-Identifier: MIT */
/* UTF-8 validation and normalization in one pass, keeping a map back to caller offsets. */
#include "core-private.h"

#include <stdio.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/* The ASCII stand-in for a code point that press releases write in several ways, or -1 to
 * keep it, or 0 to drop it. Typographic quotes and dashes are folded so that patterns
 * and dictionaries need only the ASCII forms. */
static int
fold_char (gunichar c)
{
    /* Nothing from U+00C0 to U+1FFF or from U+3001 to U+FE57 folds (the letters of most
     * scripts, CJK): decided before the switch. */
    if ((c >= 0xC0 && c < 0x2000) || (c > 0x3000 && c < 0xFE58))
        return -1;
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x0060:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2033:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004:
    case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A:
    case 0x202F: case 0x205F: case 0x3000: case 0x0009: case 0x000B: case 0x000C:
        return ' ';
    case 0x2026:
        return '.';
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
        return 0;
    default:
        return -1;
    }
}

/* Bytes copied as they are: printable ASCII but the backtick, and LF. */
static const unsigned char plain_ascii[256] = {
    ['\n'] = 1,
#define R(a) [a] = 1, [a + 1] = 1, [a + 2] = 1, [a + 3] = 1
    R (0x20), R (0x24), R (0x28), R (0x2C), R (0x30), R (0x34), R (0x38), R (0x3C),
    R (0x40), R (0x44), R (0x48), R (0x4C), R (0x50), R (0x54), R (0x58), R (0x5C),
    [0x61] = 1, [0x62] = 1, [0x63] = 1, R (0x64), R (0x68), R (0x6C), R (0x70), R (0x74),
    R (0x78), [0x7C] = 1, [0x7D] = 1, [0x7E] = 1,
#undef R
};

/* Copy the run of plain_ascii bytes at the start of s[0..avail) to o and return its length.
 * Most of any text is such runs, so they go a block at a time, and blocks are stored whole:
 * o must have room for avail bytes. */
static inline size_t
copy_plain (char *o, const unsigned char *s, size_t avail)
{
    size_t k = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i below_space = _mm_set1_epi8 (0x1F), del = _mm_set1_epi8 (0x7F);
    const __m128i tick = _mm_set1_epi8 ('`'), lf = _mm_set1_epi8 ('\n');
    for (; k + 16 <= avail; k += 16) {
        __m128i v = _mm_loadu_si128 ((const __m128i *) (const void *) (s + k));
        _mm_storeu_si128 ((__m128i *) (void *) (o + k), v);
        /* Signed compares: bytes from 0x80 up are negative, below the space. */
        __m128i plain = _mm_and_si128 (_mm_cmpgt_epi8 (v, below_space), _mm_cmplt_epi8 (v, del));
        plain = _mm_andnot_si128 (_mm_cmpeq_epi8 (v, tick), plain);
        plain = _mm_or_si128 (plain, _mm_cmpeq_epi8 (v, lf));
        unsigned other = (unsigned) _mm_movemask_epi8 (plain) ^ 0xFFFFu;
        if (other)
            return k + (size_t) __builtin_ctz (other);
    }
#else
    /* Eight bytes at a time in a 64-bit word; a word with another byte in it is left to the
     * loop below. Each sum stays inside its byte (the operands are below 0x80). */
    const uint64_t ones = UINT64_C (0x0101010101010101), high = ones * 0x80;
    for (; k + 8 <= avail; k += 8) {
        uint64_t w;
        memcpy (&w, s + k, sizeof w);
        uint64_t x = w & ~high;
        uint64_t ge_space = x + ones * (0x80 - 0x20);
        uint64_t not_lf = (x ^ ones * '\n') + ~high;
        uint64_t is_del = x + ones;
        uint64_t not_tick = (x ^ ones * '`') + ~high;
        if ((w | (~ge_space & not_lf) | is_del | ~not_tick) & high)
            break;
        memcpy (o + k, &w, sizeof w);
    }
#endif
    while (k < avail && plain_ascii[s[k]]) {
        o[k] = (char) s[k];
        k++;
    }
    return k;
}

/* The code point of the UTF-8 sequence at p (*p >= 0x80, avail bytes left) and its length,
 * or (gunichar) -1 when it is not well-formed. g_utf8_get_char_validated(), with the two-
 * and three-byte forms (accented letters, Cyrillic, typographic quotes and dashes) done in
 * line. */
static inline gunichar
decode_utf8 (const unsigned char *p, size_t avail, size_t *clen)
{
    unsigned char b = p[0];
    if (b >= 0xC2 && b <= 0xDF && avail >= 2 && (p[1] & 0xC0) == 0x80) {
        *clen = 2;
        return (gunichar) (b & 0x1F) << 6 | (gunichar) (p[1] & 0x3F);
    }
    if (b >= 0xE0 && b <= 0xEF && avail >= 3 && (p[1] & 0xC0) == 0x80 &&
        (p[2] & 0xC0) == 0x80) {
        gunichar c = (gunichar) (b & 0x0F) << 12 | (gunichar) (p[1] & 0x3F) << 6 |
                     (gunichar) (p[2] & 0x3F);
        /* Overlong forms and UTF-16 surrogates are not UTF-8. */
        if (c < 0x800 || (c & 0xF800) == 0xD800)
            return (gunichar) -1;
        *clen = 3;
        return c;
    }
    gunichar c = g_utf8_get_char_validated ((const char *) p, (gssize) avail);
    if (c == (gunichar) -1 || c == (gunichar) -2)
        return (gunichar) -1;
    *clen = (size_t) g_utf8_skip[b];
    return c;
}

/* Append a shift: from normalized byte off on, bytes come from the caller's byte orig on. */
static gboolean
add_shift (bilat_text *t, size_t *cap, size_t off, size_t orig)
{
    if (t->n_shifts == *cap) {
        size_t want = *cap ? *cap * 2 : 64;
        bilat_text_shift *p = g_try_renew (bilat_text_shift, t->shifts, want);
        if (p == NULL)
            return FALSE;
        t->shifts = p;
        *cap = want;
    }
    t->shifts[t->n_shifts++] = (bilat_text_shift) { .off = (uint32_t) off,
                                                    .orig = (uint32_t) orig };
    return TRUE;
}

/* Normalized byte n is about to be written from the caller's byte i: a shift when i - n is
 * not what the last shift says (lag), which is only after a change. */
#define SHIFT_TO(n, i)                                                                   \
    do {                                                                                 \
        if ((i) - (n) != lag) {                                                          \
            if (!add_shift (t, &n_alloc, (n), (i)))                                      \
                goto nomem;                                                              \
            lag = (i) - (n);                                                             \
        }                                                                                \
    } while (0)

size_t
bilat__text_capacity (size_t len, gboolean repair)
{
    /* Every fold is no longer than what it replaces, except U+FFFD for one bad byte (3 for
     * 1), so repaired text may grow. */
    return repair ? len * 3 + 1 : len + 1;
}

int
bilat__text_init (bilat_text *t, const char *src, size_t len, gboolean repair,
                  bilat_error **error)
{
    return bilat__text_init_in (t, src, len, repair, NULL, 0, error);
}

int
bilat__text_init_in (bilat_text *t, const char *src, size_t len, gboolean repair, char *buf,
                     size_t buf_cap, bilat_error **error)
{
    memset (t, 0, sizeof *t);
    if (len > (size_t) UINT32_MAX - 2)
        return bilat__error_set (error, BILAT_ELIMIT, -1, "document of %zu bytes is over 4 GiB",
                                 len);
    t->orig_len = len;
    t->src = src;
    size_t cap = bilat__text_capacity (len, repair);
    if (buf != NULL && buf_cap >= cap) {
        t->text = buf;
    } else {
        t->text = g_try_malloc (cap);
        if (t->text == NULL)
            return bilat__error_set (error, BILAT_ENOMEM, -1, "cannot allocate %zu bytes", cap);
        t->owned_text = TRUE;
    }

    const unsigned char *s = (const unsigned char *) src;
    char *o = t->text;
    size_t i = 0, n = 0;
    size_t lag = 0;      /* i - n (modulo SIZE_MAX + 1) since the last shift */
    size_t n_alloc = 0;  /* room in t->shifts */
    while (i < len) {
        /* Room for len - i bytes at n: n <= i, but after a repair, where text has room for
         * three bytes per input byte. */
        if (plain_ascii[s[i]]) {
            size_t run = copy_plain (o + n, s + i, len - i);
            SHIFT_TO (n, i);
            i += run;
            n += run;
            if (i == len)
                break;
        }
        unsigned char b = s[i];
        if (b == '\r') {
            /* CR LF and lone CR both become one LF. */
            SHIFT_TO (n, i);
            o[n++] = '\n';
            i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        if (b == 0 && !repair) {
            bilat__text_clear (t);
            return bilat__error_set (error, BILAT_EPARSE, (int64_t) i,
                                     "NUL byte at offset %zu", i);
        }
        gunichar c = b;
        size_t clen = 1;
        if (b >= 0x80) {
            c = decode_utf8 (s + i, len - i, &clen);
            if (c == (gunichar) -1) {
                if (!repair) {
                    bilat__text_clear (t);
                    return bilat__error_set (error, BILAT_EPARSE, (int64_t) i,
                                             "invalid UTF-8 at byte offset %zu", i);
                }
                /* Shifts hold 32-bit offsets, and each U+FFFD adds two bytes. */
                if (n + 2 + (len - i) > (size_t) UINT32_MAX - 2) {
                    bilat__text_clear (t);
                    return bilat__error_set (error, BILAT_ELIMIT, (int64_t) i,
                                             "repaired text of over 4 GiB");
                }
                /* Repair: one bad byte becomes U+FFFD. Its three bytes map to the bad byte,
                 * which the shift after it, always there, tells bilat__text_orig(). */
                SHIFT_TO (n, i);
                memcpy (o + n, "\xEF\xBF\xBD", 3);
                n += 3;
                i++;
                if (!add_shift (t, &n_alloc, n, i))
                    goto nomem;
                lag = i - n;
                continue;
            }
        }
        int f = (b == 0) ? ' ' : fold_char (c);
        if (f < 0) {
            SHIFT_TO (n, i);
            memcpy (o + n, s + i, clen);
            n += clen;
        } else if (f > 0) {
            SHIFT_TO (n, i);
            o[n++] = (char) f;
        }
        i += clen;
    }
    o[n] = '\0';
    /* The end of the text maps to the end of the caller's, past any dropped characters. */
    SHIFT_TO (n, len);
    t->len = n;
    return BILAT_OK;

nomem:
    bilat__text_clear (t);
    return bilat__error_set (error, BILAT_ENOMEM, -1, "cannot allocate offset map");
}

#undef SHIFT_TO

size_t
bilat__text_orig_shifted (const bilat_text *t, size_t off)
{
    /* lo = the number of shifts at or before off. Shifts may share an offset (a U+FFFD then
     * dropped characters): the last one counts. */
    size_t lo = 0, hi = t->n_shifts;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->shifts[mid].off <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t orig = off;
    if (lo > 0)
        orig = t->shifts[lo - 1].orig + (off - t->shifts[lo - 1].off);
    /* Past the caller's byte before the next shift only inside a U+FFFD, whose bytes all
     * map to its bad byte, that one. */
    if (lo < t->n_shifts && orig >= t->shifts[lo].orig)
        orig = t->shifts[lo].orig - 1u;
    return orig;
}

void
bilat__text_clear (bilat_text *t)
{
    if (t->owned_text)
        g_free (t->text);
    g_free (t->shifts);
    memset (t, 0, sizeof *t);
}

gboolean
bilat__date_parse (const char *s, GDate *out)
{
    /* Exactly YYYY-MM-DD: digits where digits go, no sign, no space, nothing after. */
    static const char shape[] = "dddd-dd-dd";
    if (s == NULL)
        return FALSE;
    for (int i = 0; i < 10; i++)
        if (shape[i] == 'd' ? !g_ascii_isdigit (s[i]) : s[i] != '-')
            return FALSE;
    if (s[10] != '\0')
        return FALSE;
    unsigned y = (unsigned) ((s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
                             (s[3] - '0'));
    unsigned m = (unsigned) ((s[5] - '0') * 10 + (s[6] - '0'));
    unsigned d = (unsigned) ((s[8] - '0') * 10 + (s[9] - '0'));
    if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        return FALSE;
    g_date_clear (out, 1);
    g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
    return TRUE;
}

size_t
bilat__text_orig_end (const bilat_text *t, size_t off)
{
    if (t->n_shifts == 0 || off == 0)
        return bilat__text_orig (t, off);
    size_t i = bilat__text_orig_shifted (t, off - 1);
    if (i >= t->orig_len)
        return t->orig_len;
    unsigned char b = (unsigned char) t->src[i];
    size_t n = 1;
    if (b == '\r' && i + 1 < t->orig_len && t->src[i + 1] == '\n')
        n = 2;
    else if (b >= 0x80) {
        gunichar c = g_utf8_get_char_validated (t->src + i, (gssize) (t->orig_len - i));
        n = (c == (gunichar) -1 || c == (gunichar) -2) ? 1 : (size_t) g_utf8_skip[b];
    }
    return MIN (i + n, t->orig_len);
}
