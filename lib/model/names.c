/* SPDX-License-Identifier: MIT */
/* Dates as day intervals, and the folding and comparison of people's names and titles. */
#include "model-private.h"

#include <string.h>

static gboolean
digits (const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!g_ascii_isdigit (s[i]))
            return FALSE;
    return TRUE;
}

gboolean
bilat__date_interval (const char *s, int32_t *lo, int32_t *hi, int *prec)
{
    if (s == NULL)
        return FALSE;
    size_t n = strlen (s);
    if ((n != 4 && n != 7 && n != 10) || !digits (s, 4))
        return FALSE;
    int y = atoi (s), mo = 1, d = 1;
    if (y < 1 || y > 9999)
        return FALSE;
    if (n >= 7) {
        if (s[4] != '-' || !digits (s + 5, 2))
            return FALSE;
        mo = (s[5] - '0') * 10 + (s[6] - '0');
        if (mo < 1 || mo > 12)
            return FALSE;
    }
    if (n == 10) {
        if (s[7] != '-' || !digits (s + 8, 2))
            return FALSE;
        d = (s[8] - '0') * 10 + (s[9] - '0');
        if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) mo, (GDateYear) y))
            return FALSE;
    }
    GDate a, b;
    g_date_clear (&a, 1);
    g_date_clear (&b, 1);
    g_date_set_dmy (&a, (GDateDay) d, (GDateMonth) mo, (GDateYear) y);
    if (n == 10) {
        b = a;
        *prec = PREC_DAY;
    } else if (n == 7) {
        g_date_set_dmy (&b, g_date_get_days_in_month ((GDateMonth) mo, (GDateYear) y),
                        (GDateMonth) mo, (GDateYear) y);
        *prec = PREC_MONTH;
    } else {
        g_date_set_dmy (&b, 31, G_DATE_DECEMBER, (GDateYear) y);
        *prec = PREC_YEAR;
    }
    *lo = (int32_t) g_date_get_julian (&a);
    *hi = (int32_t) g_date_get_julian (&b);
    return TRUE;
}

void
bilat__day_string (int32_t day, char *buf)
{
    GDate d;
    g_date_clear (&d, 1);
    g_date_set_julian (&d, (guint32) day);
    g_snprintf (buf, 11, "%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                g_date_get_day (&d));
}

/* Letters that do not decompose into a base letter and a mark ("ø", "ł", "ı", "đ"). */
static gunichar
base_letter (gunichar c)
{
    switch (c) {
    case 0x00F8: return 'o';   /* ø */
    case 0x0142: return 'l';   /* ł */
    case 0x0131: return 'i';   /* ı */
    case 0x0111: return 'd';   /* đ */
    case 0x00F0: return 'd';   /* ð */
    case 0x0127: return 'h';   /* ħ */
    case 0x00DF: return 's';   /* ß */
    case 0x2019: return '\'';  /* ’ */
    default: return c;
    }
}

char *
bilat__name_fold (const char *name)
{
    GString *out = g_string_sized_new (32);
    if (name == NULL || !g_utf8_validate (name, -1, NULL))
        return g_string_free (out, FALSE);
    /* ASCII, most names, needs no normalization or Unicode tables: the same folding, byte
     * by byte. */
    gboolean ascii = TRUE;
    for (const char *p = name; *p && ascii; p++)
        ascii = (unsigned char) *p < 0x80;
    char *nfd = ascii ? NULL : g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
    GString *word = g_string_sized_new (16);
    size_t word_chars = 0;
    for (const char *p = ascii ? name : nfd;; p = ascii ? p + 1 : g_utf8_next_char (p)) {
        gunichar c;
        if (ascii) {
            c = (gunichar) g_ascii_tolower (*p);
        } else {
            c = *p ? g_utf8_get_char (p) : 0;
            if (c != 0 && g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
                continue;
            c = base_letter (g_unichar_tolower (c));
        }
        gboolean letter = c != 0 && (ascii ? g_ascii_isalnum ((char) c) : g_unichar_isalnum (c));
        if (letter || c == '\'') {
            if (ascii)
                g_string_append_c (word, (char) c);
            else
                g_string_append_unichar (word, c);
            word_chars++;
            continue;
        }
        /* A word ends: "K." and "K" are initials; "Kh." (two letters and a dot) too. */
        if (word->len > 0) {
            if (out->len > 0)
                g_string_append_c (out, ' ');
            g_string_append_len (out, word->str, (gssize) word->len);
            if (word_chars == 1 || (c == '.' && word_chars == 2))
                g_string_append_c (out, '.');
            g_string_truncate (word, 0);
            word_chars = 0;
        }
        if (c == 0)
            break;
    }
    g_string_free (word, TRUE);
    g_free (nfd);
    return g_string_free (out, FALSE);
}

/* Up to 16 tokens of a folded name, pointing into buf. */
typedef struct {
    char buf[256];
    const char *tok[16];
    size_t len[16];
    gboolean initial[16];
    int n;
} name_tokens;

static void
tokens_of (const char *folded, name_tokens *t)
{
    g_strlcpy (t->buf, folded, sizeof t->buf);
    t->n = 0;
    char *save = NULL;
    for (char *w = strtok_r (t->buf, " ", &save); w && t->n < 16; w = strtok_r (NULL, " ", &save)) {
        size_t l = strlen (w);
        t->initial[t->n] = l > 0 && w[l - 1] == '.';
        if (t->initial[t->n])
            l--;
        t->tok[t->n] = w;
        t->len[t->n] = l;
        t->n++;
    }
}

static gboolean
tok_equal (const name_tokens *a, int i, const name_tokens *b, int j)
{
    return a->len[i] == b->len[j] && memcmp (a->tok[i], b->tok[j], a->len[i]) == 0 &&
           a->initial[i] == b->initial[j];
}

/* An initial matches a word that starts with it; words match when equal. */
static gboolean
tok_match (const name_tokens *a, int i, const name_tokens *b, int j)
{
    if (a->initial[i] && !b->initial[j])
        return b->len[j] >= a->len[i] && memcmp (a->tok[i], b->tok[j], a->len[i]) == 0;
    if (b->initial[j] && !a->initial[i])
        return a->len[i] >= b->len[j] && memcmp (a->tok[i], b->tok[j], b->len[j]) == 0;
    return tok_equal (a, i, b, j);
}

gboolean
bilat__name_compatible (const char *a, const char *b)
{
    name_tokens ta, tb;
    tokens_of (a, &ta);
    tokens_of (b, &tb);
    if (ta.n == 0 || tb.n == 0 || ta.n > tb.n)
        return FALSE;
    /* The anchor: the same surname ("Tokayev" of "Kassym-Jomart Tokayev"), or the same first
     * word for names written family name first ("Xi" of "Xi Jinping"); an initial anchors
     * nothing. */
    gboolean last = !ta.initial[ta.n - 1] && tok_equal (&ta, ta.n - 1, &tb, tb.n - 1);
    gboolean first = !ta.initial[0] && tok_equal (&ta, 0, &tb, 0);
    if (!last && !first)
        return FALSE;
    /* Every token of a in order among b's (a greedy subsequence match suffices because an
     * earlier match never blocks a later one more than a later match would). */
    int j = 0;
    for (int i = 0; i < ta.n; i++) {
        while (j < tb.n && !tok_match (&ta, i, &tb, j))
            j++;
        if (j == tb.n)
            return FALSE;
        j++;
    }
    return TRUE;
}

/* Words that say nothing about which agreement a title names. */
static gboolean
title_stopword (const char *w)
{
    static const char *const stop[] = {
        "the", "and", "of", "on", "in", "for", "between", "to", "a", "an", "with", "by",
        "field", "fields", "sphere", "area", "areas", "republic", "government", "governments",
        "kingdom", "state", "states", "federation", "its", "their",
    };
    for (size_t i = 0; i < G_N_ELEMENTS (stop); i++)
        if (strcmp (w, stop[i]) == 0)
            return TRUE;
    return FALSE;
}

static int
cmp_word (gconstpointer a, gconstpointer b)
{
    return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
bilat__title_key (const char *title)
{
    if (title == NULL)
        return NULL;
    char *f = bilat__name_fold (title);
    char **v = g_strsplit (f, " ", -1);
    GPtrArray *words = g_ptr_array_new ();
    for (char **p = v; *p; p++) {
        size_t l = strlen (*p);
        if (l > 0 && (*p)[l - 1] == '.')
            (*p)[--l] = '\0';
        if (l >= 2 && !title_stopword (*p))
            g_ptr_array_add (words, *p);
    }
    g_ptr_array_sort (words, cmp_word);
    GString *key = g_string_new ("");
    for (guint i = 0; i < words->len; i++) {
        const char *w = g_ptr_array_index (words, i);
        if (i > 0 && strcmp (w, g_ptr_array_index (words, i - 1)) == 0)
            continue;
        if (key->len)
            g_string_append_c (key, ' ');
        g_string_append (key, w);
    }
    g_ptr_array_free (words, TRUE);
    g_strfreev (v);
    g_free (f);
    return g_string_free (key, FALSE);
}

/* The next word of a key at *p (NUL-terminated copy into buf), or FALSE at the end. */
static gboolean
next_word (const char **p, const char **w, size_t *len)
{
    if (**p == '\0')
        return FALSE;
    const char *sp = strchr (*p, ' ');
    *w = *p;
    *len = sp ? (size_t) (sp - *p) : strlen (*p);
    *p += *len + (sp != NULL);
    return TRUE;
}

double
bilat__title_key_similarity (const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return 0.0;
    /* Both keys are sorted word lists: count the common words in one merge. */
    guint na = 0, nb = 0, common = 0;
    const char *pa = a, *pb = b, *wa = NULL, *wb = NULL;
    size_t la = 0, lb = 0;
    gboolean ha = next_word (&pa, &wa, &la), hb = next_word (&pb, &wb, &lb);
    while (ha && hb) {
        int c = strncmp (wa, wb, MIN (la, lb));
        if (c == 0 && la != lb)
            c = la < lb ? -1 : 1;
        if (c == 0) {
            common++;
            na++;
            nb++;
            ha = next_word (&pa, &wa, &la);
            hb = next_word (&pb, &wb, &lb);
        } else if (c < 0) {
            na++;
            ha = next_word (&pa, &wa, &la);
        } else {
            nb++;
            hb = next_word (&pb, &wb, &lb);
        }
    }
    for (; ha; ha = next_word (&pa, &wa, &la))
        na++;
    for (; hb; hb = next_word (&pb, &wb, &lb))
        nb++;
    guint uni = na + nb - common;
    return uni ? (double) common / (double) uni : 1.0;
}

double
bilat__title_similarity (const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return 0.0;
    char *ka = bilat__title_key (a), *kb = bilat__title_key (b);
    double sim = bilat__title_key_similarity (ka, kb);
    g_free (ka);
    g_free (kb);
    return sim;
}

int
bilat__strcmp0_last (const char *a, const char *b)
{
    if (a == b)
        return 0;
    if (a == NULL)
        return 1;
    if (b == NULL)
        return -1;
    return strcmp (a, b);
}
