/* SPDX-License-Identifier: MIT */
/* Dates: one anchored PCRE2 pattern, tried only where a token can start a date (a digit, a
 * month or weekday, "yesterday", "last ..."), resolved against the document date at the
 * precision the text gives. */
#include "extract-private.h"
#include "keywords.h"

#include <string.h>

/* Month and weekday names, written as trees of their letters: PCRE2 tries the alternatives
 * of a group one by one, and a tree fails a word on its first letter or two. The order of
 * the names within each letter is the original list's ("January|Jan\.?|...|June|Jun\."). */
#define MONTH "(?:J(?:an(?:uary|\\.|)|u(?:ne|n\\.|ly|l\\.))|Feb(?:ruary|\\.|)|Ma(?:rch|r\\.|y)|" \
              "A(?:pr(?:il|\\.|)|ug(?:ust|\\.|))|Sep(?:tember|t\\.?|\\.?)|Oct(?:ober|\\.|)|"     \
              "Nov(?:ember|\\.|)|Dec(?:ember|\\.|))"
#define WEEKDAY "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
#define ORD "(?:st|nd|rd|th)?"
#define YEAR "(?:19|20)\\d\\d"
/* "5-7", "5th and 6th": the further days are matched, not kept. */
#define MORE_DAYS "(?:\\s*(?:-|and|to)\\s*\\d{1,2}" ORD ")?"
/* After a day, "5th of March, 2024": groups month, year. */
#define AFTER_DAY ORD MORE_DAYS "\\s+(?:of\\s+)?(" MONTH ")(?:,?\\s+(" YEAR "))?(?![\\w])(*:D)"
/* After a month, "March 5-7, 2024": groups day, year. */
#define AFTER_MONTH "\\s+(\\d{1,2})" ORD "(?!\\d)" MORE_DAYS "(?:,?\\s+(" YEAR "))?(?![\\w])(*:M)"

/* One alternative per way a date starts: a year, a day, a relative word, a month or a
 * weekday name. No two can match at one place (they differ in their first letters, or the
 * words after them), so their order is free; within one, the forms are tried in the order
 * they always were ("2024-05-01" before "2024-05", "March 5" before "March", "Monday,
 * 5 March" before "Monday"). Each form ends in a mark that names its kind (date_kind), and
 * the groups of each are numbered from 1 (branch resets): the pattern has three groups
 * where it had twenty-one, and PCRE2 sets up and copies out every group at every call. */
static const char date_pattern[] =
    "(?|"
    YEAR "(?:-\\d\\d-\\d\\d(?!\\d)(*:I)|\\s*-\\s*(?:19|20)?\\d\\d(?![\\w])(*:Z)|(?![\\w])(*:Y))"
    "|(\\d{1,2})(?|\\.(\\d{1,2})\\.(" YEAR ")(?!\\d)(*:O)|" AFTER_DAY ")"
    "|(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|(?:[Ll]ast|[Nn]ext|[Tt]his)\\s+(?:week|month|year))"
    "(?![\\w])(*:R)"
    "|(" MONTH ")(?|" AFTER_MONTH "|(?:,?\\s+(" YEAR "))?(?![\\w])(*:N))"
    "|" WEEKDAY "(?|,?\\s+(?:the\\s+)?(?|(\\d{1,2})" AFTER_DAY "|(" MONTH ")" AFTER_MONTH ")"
    "|(?![\\w])(*:W))"
    "|([Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-?)\\s*(" MONTH ")(?:,?\\s+(" YEAR "))?"
    "(?![\\w])(*:L)"
    "|(?:[Ll]ast|[Nn]ext|[Tt]his)\\s+(" WEEKDAY ")(?![\\w])(*:V)"
    ")";

/* The marks, and the groups of each kind. */
typedef enum {
    DATE_DAY_MONTH = 'D',   /* "5 March 2024", "Monday, 5 March": day, month, year */
    DATE_MONTH_DAY = 'M',   /* "March 5, 2024": month, day, year */
    DATE_ISO = 'I',         /* "2024-03-05": none, the fields are at fixed places */
    DATE_DOTTED = 'O',      /* "5.3.2024": day, month, year */
    DATE_YEAR = 'Y',        /* "2024": none */
    DATE_YEARS = 'Z',       /* "2024-2026", "2024 - 26": none */
    DATE_MONTH = 'N',       /* "March", "March 2024": month, year */
    DATE_RELATIVE_MONTH = 'L',  /* "last March", "mid-May 2024": word, month, year */
    DATE_RELATIVE = 'R',    /* "yesterday", "next week": none, the match is the words */
    DATE_WEEKDAY = 'W',     /* "Monday": none, the match is the name */
    DATE_RELATIVE_WEEKDAY = 'V'  /* "next Monday": weekday; the word starts the match */
} date_kind;

pcre2_code *
bilat__dates_compile (gboolean jit);

pcre2_code *
bilat__dates_compile (gboolean jit)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile ((PCRE2_SPTR) date_pattern, PCRE2_ZERO_TERMINATED,
                                    PCRE2_ANCHORED | PCRE2_UTF | PCRE2_NO_UTF_CHECK, &err, &off,
                                    NULL);
    if (re == NULL) {
        PCRE2_UCHAR buf[256];
        pcre2_get_error_message (err, buf, sizeof buf);
        g_critical ("date pattern: %s at %zu", buf, (size_t) off);
        return NULL;
    }
    /* Without JIT (a test, or a platform PCRE2 has none for) the interpreter runs it. */
    if (jit)
        pcre2_jit_compile (re, PCRE2_JIT_COMPLETE);
    return re;
}

/* Month of a name or abbreviation of at least three letters ("Sept", "mar"), or 0. */
static int
month_of (const char *s)
{
    static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    char a = g_ascii_tolower (s[0]), b = g_ascii_tolower (s[1]), c = g_ascii_tolower (s[2]);
    for (int i = 0; i < 12; i++)
        if (names[3 * i] == a && names[3 * i + 1] == b && names[3 * i + 2] == c)
            return i + 1;
    return 0;
}

/* GDateWeekday (Monday = 1) of a name of at least three letters, or 0. */
static int
weekday_of (const char *s)
{
    static const char names[] = "montuewedthufrisatsun";
    char a = g_ascii_tolower (s[0]), b = g_ascii_tolower (s[1]), c = g_ascii_tolower (s[2]);
    for (int i = 0; i < 7; i++)
        if (names[3 * i] == a && names[3 * i + 1] == b && names[3 * i + 2] == c)
            return i + 1;
    return 0;
}

/* The match's groups: the ovector and the count pcre2_match returned. */
typedef struct {
    const PCRE2_SIZE *ov;
    int rc;
    const char *subject;
} date_match;

/* Group g as a string view; FALSE when it did not take part. */
static gboolean
group (const date_match *m, int g, const char **s, size_t *n)
{
    if (g >= m->rc || m->ov[2 * g] == PCRE2_UNSET)
        return FALSE;
    *s = m->subject + m->ov[2 * g];
    *n = m->ov[2 * g + 1] - m->ov[2 * g];
    return TRUE;
}

/* The value of the digits at s, at most n of them. */
static int
num (const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n && g_ascii_isdigit (s[i]); i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Group g's digits, or 0 when it did not take part. */
static int
group_num (const date_match *m, int g)
{
    const char *s;
    size_t n;
    return group (m, g, &s, &n) ? num (s, n) : 0;
}

/* Write n digits of v at p (v < 10^n). */
static char *
put_digits (char *p, int v, int n)
{
    for (int k = n - 1; k >= 0; k--, v /= 10)
        p[k] = (char) ('0' + v % 10);
    return p + n;
}

/* "YYYY-MM-DD", "YYYY-MM" or "YYYY", by hand: snprintf was a third of this stage. */
static void
set_ymd (bilat_date_expr *d, int y, int m, int day)
{
    char *p = d->value;
    if (y < 0 || y > 9999)
        return;
    if (m && day && g_date_valid_dmy ((GDateDay) day, (GDateMonth) m, (GDateYear) y)) {
        p = put_digits (p, y, 4);
        *p++ = '-';
        p = put_digits (p, m, 2);
        *p++ = '-';
        p = put_digits (p, day, 2);
    } else if (m >= 1 && m <= 12) {
        p = put_digits (p, y, 4);
        *p++ = '-';
        p = put_digits (p, m, 2);
    } else if (y > 0) {
        p = put_digits (p, y, 4);
    }
    *p = '\0';
}

static void
set_gdate (bilat_date_expr *d, const GDate *g)
{
    set_ymd (d, g_date_get_year (g), g_date_get_month (g), g_date_get_day (g));
}

static int
infer_year (const bilat_ctx *c, int m, int day)
{
    /* A day and month without a year lie within two months after the document and ten
     * before it: "on 10 January" in a December release is next January. */
    int y = g_date_get_year (&c->date);
    int d = m - (int) g_date_get_month (&c->date);
    (void) day;
    if (d > 2)
        y--;
    else if (d < -9)
        y++;
    return y;
}

/* A day and a month, with a year or none (0). */
static void
set_day_month (const bilat_ctx *c, int day, int month, int y, bilat_date_expr *d)
{
    if (y == 0 && c->has_date)
        y = infer_year (c, month, day);
    if (y)
        set_ymd (d, y, month, day);
}

/* A day and a month name, with or without a year. */
static void
resolve_day_month (const bilat_ctx *c, const date_match *m, int day_g, int month_g,
                   bilat_date_expr *d)
{
    const char *s;
    size_t n;
    int day = group_num (m, day_g);
    int month = group (m, month_g, &s, &n) ? month_of (s) : 0;
    set_day_month (c, day, month, group (m, 3, &s, &n) ? num (s, n) : 0, d);
}

/* A month name, with or without a year, perhaps after "last", "early", "mid-" ... */
static void
resolve_month (const bilat_ctx *c, const date_match *m, int month_g, int year_g, int word_g,
               bilat_date_expr *d)
{
    const char *s;
    size_t n;
    int month = group (m, month_g, &s, &n) ? month_of (s) : 0;
    if (group (m, year_g, &s, &n)) {
        set_ymd (d, num (s, n), month, 0);
        return;
    }
    if (!c->has_date)
        return;
    int y = g_date_get_year (&c->date), dm = g_date_get_month (&c->date);
    const char *rs;
    size_t rn;
    gboolean rel = word_g > 0 && group (m, word_g, &rs, &rn);
    if (rel && g_ascii_strncasecmp (rs, "next", 4) == 0)
        y += month <= dm ? 1 : 0;
    else if (rel && g_ascii_strncasecmp (rs, "this", 4) == 0)
        ;
    else if (rel && g_ascii_strncasecmp (rs, "last", 4) == 0)
        y -= month >= dm ? 1 : 0;
    else
        y = infer_year (c, month, 0);
    set_ymd (d, y, month, 0);
}

/* "yesterday", "today", "tomorrow", "last week", "next month", "this year": s[0, n). */
static void
resolve_relative (const bilat_ctx *c, const char *s, size_t n, bilat_date_expr *d)
{
    GDate g = c->date;
    char w = g_ascii_tolower (s[0]);
    const char *unit = memchr (s, ' ', n) ? (const char *) memchr (s, ' ', n) + 1 : NULL;
    if (unit == NULL) {
        if (w == 'y')
            g_date_subtract_days (&g, 1);
        else if (w == 't' && g_ascii_tolower (s[2]) == 'm')
            g_date_add_days (&g, 1);
        set_gdate (d, &g);
        return;
    }
    int step = (w == 'l') ? -1 : (w == 'n') ? 1 : 0;
    if (*unit == 'y')
        set_ymd (d, g_date_get_year (&g) + step, 0, 0);
    else if (*unit == 'm') {
        if (step < 0)
            g_date_subtract_months (&g, 1);
        else if (step > 0)
            g_date_add_months (&g, 1);
        set_ymd (d, g_date_get_year (&g), g_date_get_month (&g), 0);
    } else {
        if (step < 0)
            g_date_subtract_days (&g, 7);
        else if (step > 0)
            g_date_add_days (&g, 7);
        set_ymd (d, g_date_get_year (&g), g_date_get_month (&g), 0);
    }
}

/* A weekday name at s, after the word at rel ("last", "next", "this") or none (NULL). */
static void
resolve_weekday (const bilat_ctx *c, const char *s, const char *rel, gboolean future,
                 bilat_date_expr *d)
{
    GDate g = c->date;
    int want = weekday_of (s);
    int have = g_date_get_weekday (&g);
    /* News reports the past: "on Monday" is the latest Monday up to the document date,
     * "next Monday" the first one after it. */
    gboolean next = rel && g_ascii_tolower (rel[0]) == 'n';
    if (next || (future && !rel))
        g_date_add_days (&g, (guint) (((want - have) + 7) % 7 ? ((want - have) + 7) % 7 : 7));
    else {
        if (rel && g_ascii_tolower (rel[0]) == 'l' && want == have)
            g_date_subtract_days (&g, 7);
        g_date_subtract_days (&g, (guint) (((have - want) + 7) % 7));
    }
    set_gdate (d, &g);
}

/* The dates that start with a year, whose fields are at fixed places of the match at `at`:
 * "2024-03-05", "2024", "2024-2026". */
static void
resolve_year_form (date_kind kind, const char *at, bilat_date_expr *d)
{
    if (kind == DATE_ISO) {
        set_ymd (d, num (at, 4), num (at + 5, 2), num (at + 8, 2));
        return;
    }
    d->is_range = kind == DATE_YEARS;
    set_ymd (d, num (at, 4), 0, 0);
}

/* The value of a match of this kind. */
static void
resolve (const bilat_ctx *c, date_kind kind, const date_match *m, gboolean future,
         bilat_date_expr *d)
{
    const char *at = m->subject + m->ov[0];
    const char *s;
    size_t n;
    switch (kind) {
    case DATE_DAY_MONTH:
        resolve_day_month (c, m, 1, 2, d);
        return;
    case DATE_MONTH_DAY:
        resolve_day_month (c, m, 2, 1, d);
        return;
    case DATE_ISO:
    case DATE_YEARS:
    case DATE_YEAR:
        resolve_year_form (kind, at, d);
        return;
    case DATE_DOTTED:
        set_ymd (d, group_num (m, 3), group_num (m, 2), group_num (m, 1));
        return;
    case DATE_MONTH:
        resolve_month (c, m, 1, 2, 0, d);
        return;
    case DATE_RELATIVE_MONTH:
        resolve_month (c, m, 2, 3, 1, d);
        return;
    case DATE_RELATIVE:
        if (c->has_date)
            resolve_relative (c, at, m->ov[1] - m->ov[0], d);
        return;
    case DATE_WEEKDAY:
        if (c->has_date)
            resolve_weekday (c, at, NULL, future, d);
        return;
    case DATE_RELATIVE_WEEKDAY:
        if (c->has_date && group (m, 1, &s, &n))
            resolve_weekday (c, s, at, future, d);
        return;
    }
}

/* Can the number at token i start a date? The pattern's numeric starts are a year
 * ("2024", "2024-05-01"), a dotted date (one token with two dots: "12.03.2024"), or a day
 * ("5", "5th") with a capitalized month name at most four tokens on ("5-7 of March"). Most
 * numbers in a release are none of these (sums, counts, shares): they skip the regex. */
static gboolean
may_start_numeric_date (const bilat_ctx *c, size_t i)
{
    const bilat_token *t = ctx_tok (c, i);
    const char *w = c->text.text + t->start;
    size_t n = t->end - t->start, digits = 0;
    while (digits < n && g_ascii_isdigit (w[digits]))
        digits++;
    if (digits < n && w[digits] == '.')
        return memchr (w + digits + 1, '.', n - digits - 1) != NULL;  /* not "2.5" */
    if (digits == 4)
        return (w[0] == '1' && w[1] == '9') || (w[0] == '2' && w[1] == '0');
    if (digits > 2 || n > 4)
        return FALSE;
    for (size_t k = i + 1; k <= i + 4 && k < c->toks.len; k++) {
        const bilat_token *m = ctx_tok (c, k);
        if ((m->flags & BILAT_TOK_UPPER) && strchr ("JFMASOND", c->text.text[m->start]))
            return TRUE;
    }
    return FALSE;
}

/* Words that may start a date, by the top twelve bits of their token hash: month and
 * weekday names (the keywords tok_kw marks, START_NAME) and the relative words
 * (START_RELATIVE). Most tokens are turned away by one load, without reading their text. */
enum { START_NAME = 1, START_RELATIVE = 2 };
static uint8_t start_word_bits[4096];
/* The relative words; the first three are dates by themselves. */
static const char *const relative_words[] = { "yesterday", "today", "tomorrow", "last", "next",
                                              "this", "early", "late", "mid" };
static uint64_t relative_hashes[G_N_ELEMENTS (relative_words)];

static void
fill_start_words_once (void)
{
    static gsize done = 0;
    if (!g_once_init_enter (&done))
        return;
    GArray *toks = g_array_new (FALSE, FALSE, sizeof (bilat_token));
    for (size_t k = 0; k < G_N_ELEMENTS (bilat_keywords); k++) {
        if (bilat_keywords[k].id != KW_MONTH && bilat_keywords[k].id != KW_WEEKDAY)
            continue;
        /* tok_kw marks a keyword's first token, so that token's hash is the one to know. */
        char **words = g_strsplit (bilat_keywords[k].words, "|", -1);
        for (char **w = words; *w; w++) {
            g_array_set_size (toks, 0);
            bilat__tokenize (toks, *w, strlen (*w));
            if (toks->len > 0)
                start_word_bits[g_array_index (toks, bilat_token, 0).hash >> 52] |= START_NAME;
        }
        g_strfreev (words);
    }
    g_array_free (toks, TRUE);
    for (size_t k = 0; k < G_N_ELEMENTS (relative_words); k++) {
        relative_hashes[k] = bilat__token_hash (relative_words[k], strlen (relative_words[k]));
        start_word_bits[relative_hashes[k] >> 52] |= START_RELATIVE;
    }
    g_once_init_leave (&done, 1);
}

/* Which relative word token i is (an index into relative_words), or -1. */
static int
relative_word (const bilat_ctx *c, size_t i)
{
    uint64_t h = ctx_tok (c, i)->hash;
    for (size_t k = 0; k < G_N_ELEMENTS (relative_words); k++)
        if (relative_hashes[k] == h)
            return bilat__tok_is (c, i, relative_words[k]) ? (int) k : -1;
    return -1;
}

/* Can token i start a date? A number that may (above), or a word the pattern begins with. */
static gboolean
may_start_date (const bilat_ctx *c, size_t i)
{
    const bilat_token *t = ctx_tok (c, i);
    if (t->flags & BILAT_TOK_DIGIT)
        return may_start_numeric_date (c, i);
    if (!(t->flags & BILAT_TOK_WORD))
        return FALSE;
    int kw = bilat__tok_keyword (c, i);
    if (kw == KW_MONTH || kw == KW_WEEKDAY)
        return (t->flags & BILAT_TOK_UPPER) != 0;
    if (!(start_word_bits[t->hash >> 52] & START_RELATIVE))
        return FALSE;
    int k = relative_word (c, i);
    if (k < 0)
        return FALSE;
    if (k < 3)
        return TRUE;  /* "yesterday", "today", "tomorrow" */
    /* "last", "this", "mid" ...: only before a month or weekday name ("mid-March") or
     * "week", "month", "year"; "this agreement" is no date. */
    size_t j = i + 1;
    if (j < c->toks.len && bilat__tok_punct (c, j, '-'))
        j++;
    if (j >= c->toks.len)
        return FALSE;
    const bilat_token *u = ctx_tok (c, j);
    if (u->flags & BILAT_TOK_UPPER)
        return strchr ("JFMASONDTW", c->text.text[u->start]) != NULL;
    return bilat__tok_is (c, j, "week") || bilat__tok_is (c, j, "month") ||
           bilat__tok_is (c, j, "year");
}

static inline gboolean
may_start (const bilat_token *t)
{
    return (t->flags & BILAT_TOK_DIGIT) || start_word_bits[t->hash >> 52];
}

/* The first token from i on that may start a date: a number, or a word whose hash is a
 * start word's (a superset of the tokens may_start_date takes). Four tokens at a time,
 * with one branch: most runs of four tokens hold none. */
static size_t
next_start (const bilat_ctx *c, size_t i)
{
    const bilat_token *t = c->toks.data + i, *end = c->toks.data + c->toks.len;
    for (size_t blocks = (c->toks.len - i) / 4; blocks > 0; blocks--, t += 4) {
        unsigned any = (t[0].flags | t[1].flags | t[2].flags | t[3].flags) & BILAT_TOK_DIGIT;
        any |= start_word_bits[t[0].hash >> 52] | start_word_bits[t[1].hash >> 52] |
               start_word_bits[t[2].hash >> 52] | start_word_bits[t[3].hash >> 52];
        if (any)
            break;
    }
    while (t < end && !may_start (t))
        t++;
    return (size_t) (t - c->toks.data);
}

/* ---- the commonest dates, read without the pattern ---------------------------------------
 * Years, "5 March 2024", "March 5, 2024" and "today" are four dates in five, and the pattern
 * cost several hundred instructions each. Each reader below takes a form only where the
 * pattern's first match is plain to see (the alternatives are tried in order, and none
 * before the one read can match there), and leaves anything else to the pattern (0). The
 * pattern's \s and \w are ASCII (its default tables; no UCP): a byte >= 0x80 is neither. */

static gboolean
is_pattern_space (char ch)
{
    return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

static gboolean
is_word_char (char ch)
{
    return g_ascii_isalnum (ch) || ch == '_';
}

/* (?:19|20)\d\d at w. */
static gboolean
is_year_at (const char *w)
{
    return ((w[0] == '1' && w[1] == '9') || (w[0] == '2' && w[1] == '0')) &&
           g_ascii_isdigit (w[2]) && g_ascii_isdigit (w[3]);
}

/* The pattern's year alternative at w, which starts with a year: "2024-05-01" (*:I), "2024-26"
 * (*:Z), "2024" (*:Y). The match's length, or 0 when it does not match ("2024s"). */
static size_t
year_form (const char *w, date_kind *kind)
{
    if (w[4] == '-' && g_ascii_isdigit (w[5]) && g_ascii_isdigit (w[6]) && w[7] == '-' &&
        g_ascii_isdigit (w[8]) && g_ascii_isdigit (w[9]) && !g_ascii_isdigit (w[10])) {
        *kind = DATE_ISO;
        return 10;
    }
    /* \s*-\s*(?:19|20)?\d\d(?![\w]): the century first, then without it. */
    size_t p = 4;
    while (is_pattern_space (w[p]))
        p++;
    if (w[p] == '-') {
        p++;
        while (is_pattern_space (w[p]))
            p++;
        *kind = DATE_YEARS;
        if (is_year_at (w + p) && !is_word_char (w[p + 4]))
            return p + 4;
        if (g_ascii_isdigit (w[p]) && g_ascii_isdigit (w[p + 1]) && !is_word_char (w[p + 2]))
            return p + 2;
    }
    *kind = DATE_YEAR;
    return is_word_char (w[4]) ? 0 : 4;
}

/* A month's full name at w ("March"; the pattern's other forms, "Mar." or "Sept", are left to
 * it), not followed by a word character: its month, and its length in *n; or 0. The pattern
 * tries each full name before the shorter forms that begin it. */
static int
full_month_at (const char *w, size_t *n)
{
    static const char *const names[] = { "January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November",
                                         "December" };
    for (int k = 0; k < 12; k++) {
        const char *m = names[k];
        size_t j = 0;
        while (m[j] && w[j] == m[j])
            j++;
        if (m[j] == '\0' && !is_word_char (w[j])) {
            *n = j;
            return k + 1;
        }
    }
    return 0;
}

/* After a month or a day at w[p]: (?:,?\s+((?:19|20)\d\d))?(?![\w]), where the year is taken
 * when it matches whole. The end of the year, or p without one; *year its value or 0. */
static size_t
optional_year (const char *w, size_t p, int *year)
{
    size_t q = p + (w[p] == ',');
    *year = 0;
    if (!is_pattern_space (w[q]))
        return p;
    while (is_pattern_space (w[q]))
        q++;
    if (!is_year_at (w + q) || is_word_char (w[q + 4]))
        return p;
    *year = num (w + q, 4);
    return q + 4;
}

/* "5 March", "12 August 2021": a day of one or two digits, white space, a month's full name
 * and perhaps a year (*:D). Ordinals, ranges, "of" and dotted dates go to the pattern. The
 * match's length, or 0. */
static size_t
day_month_form (const char *w, int *day, int *month, int *year)
{
    size_t n = g_ascii_isdigit (w[1]) ? 2 : 1;
    if (!is_pattern_space (w[n]))
        return 0;
    size_t p = n, len;
    while (is_pattern_space (w[p]))
        p++;
    if ((*month = full_month_at (w + p, &len)) == 0)
        return 0;
    *day = num (w, n);
    return optional_year (w, p + len, year);
}

/* "March 5", "May 12, 2024": a month's full name, white space, a day of one or two digits
 * and perhaps a year (*:M). Ordinals, ranges ("5-7", "5 and 6", "5 to 7") and a month
 * without a day go to the pattern. The match's length, or 0. */
static size_t
month_day_form (const char *w, int *day, int *month, int *year)
{
    size_t p;
    if ((*month = full_month_at (w, &p)) == 0 || !is_pattern_space (w[p]))
        return 0;
    while (is_pattern_space (w[p]))
        p++;
    if (!g_ascii_isdigit (w[p]))
        return 0;
    size_t n = g_ascii_isdigit (w[p + 1]) ? 2 : 1, q = p + n;
    if (is_word_char (w[q]))
        return 0;
    size_t r = q;
    while (is_pattern_space (w[r]))
        r++;
    if (w[r] == '-' || (w[r] == 'a' && w[r + 1] == 'n' && w[r + 2] == 'd') ||
        (w[r] == 't' && w[r + 1] == 'o'))
        return 0;
    *day = num (w + p, n);
    return optional_year (w, q, year);
}

/* The length of the word lower at w, its first letter in either case and the rest as written
 * ("[Tt]oday" in the pattern), or 0. */
static size_t
word_at (const char *w, const char *lower)
{
    if ((w[0] | 0x20) != lower[0])
        return 0;
    size_t k = 1;
    for (; lower[k]; k++)
        if (w[k] != lower[k])
            return 0;
    return k;
}

/* "today", "this year": the pattern's relative alternative (*:R). The match's length, or 0
 * ("this March" is another alternative's). */
static size_t
relative_form (const char *w)
{
    size_t n;
    if ((n = word_at (w, "today")) || (n = word_at (w, "yesterday")) ||
        (n = word_at (w, "tomorrow"))) {
    } else if ((n = word_at (w, "this")) || (n = word_at (w, "last")) ||
               (n = word_at (w, "next"))) {
        if (!is_pattern_space (w[n]))
            return 0;
        while (is_pattern_space (w[n]))
            n++;
        /* Lower case only, as in the pattern. */
        const char *u = w + n;
        size_t k = *u == 'w' ? word_at (u, "week") : *u == 'm' ? word_at (u, "month")
                 : *u == 'y' ? word_at (u, "year") : 0;
        if (k == 0)
            return 0;
        n += k;
    } else {
        return 0;
    }
    return is_word_char (w[n]) ? 0 : n;
}

/* A date at token t, a candidate of may_start_date, read without the pattern into d (which
 * holds its place and sentence): the match's end, or 0 when the pattern must decide. */
static size_t
plain_date (const bilat_ctx *c, const bilat_token *t, bilat_date_expr *d)
{
    const char *w = c->text.text + t->start;
    date_kind kind;
    int day, month, year;
    size_t n;
    if (t->flags & BILAT_TOK_DIGIT) {
        if (is_year_at (w)) {
            if ((n = year_form (w, &kind)) == 0)
                return 0;
            resolve_year_form (kind, w, d);
        } else if ((n = day_month_form (w, &day, &month, &year)) > 0) {
            set_day_month (c, day, month, year, d);
        } else {
            return 0;
        }
    } else if ((n = month_day_form (w, &day, &month, &year)) > 0) {
        set_day_month (c, day, month, year, d);
    } else if ((n = relative_form (w)) > 0) {
        if (c->has_date)
            resolve_relative (c, w, n, d);
    } else {
        return 0;
    }
    return t->start + n;
}

/* "will visit ... on Sunday": is there a "will" or "shall" before token i in its sentence?
 * The sentence's first one is kept in *sent and *at, found once per sentence. */
static gboolean
future_before (const bilat_ctx *c, size_t i, int32_t *sent, size_t *at)
{
    if (c->tok_sent[i] != *sent) {
        *sent = c->tok_sent[i];
        *at = SIZE_MAX;
        const bilat_sentence *se = &g_array_index (c->sents, bilat_sentence, *sent);
        for (size_t k = se->tb; k < se->te && *at == SIZE_MAX; k++)
            if (bilat__tok_is (c, k, "will") || bilat__tok_is (c, k, "shall"))
                *at = k;
    }
    return *at < i;
}

int
bilat__find_dates (bilat_ctx *c, bilat_error **error)
{
    const pcre2_code *re = c->ex->date_re;
    if (re == NULL)
        return BILAT_OK;
    fill_start_words_once ();
    /* pcre2_jit_match skips the checks pcre2_match makes at every call; it needs the
     * pattern compiled by the JIT, which a test or a platform may go without (pcre2_match
     * then runs the interpreter). */
    size_t jit_size = 0;
    gboolean jit = pcre2_pattern_info (re, PCRE2_INFO_JITSIZE, &jit_size) == 0 && jit_size > 0;
    const char *subj = c->text.text;
    size_t len = c->text.len;
    size_t n = c->toks.len;
    int32_t will_sent = -1;
    size_t will_at = SIZE_MAX;
    date_match m = { .ov = pcre2_get_ovector_pointer (c->md), .subject = subj };
    /* Dates are gathered here and appended 32 at a time: a call per date cost more than
     * resolving most of them. */
    bilat_date_expr found[32];
    guint n_found = 0;
    int rc = BILAT_OK;
    for (size_t i = next_start (c, 0); i < n; i = next_start (c, i + 1)) {
        if (!may_start_date (c, i))
            continue;
        const bilat_token *t = ctx_tok (c, i);
        /* A number glued to a word before it ("C5+1", "G20") is no date. */
        if (i > 0 && (t->flags & BILAT_TOK_DIGIT) && !(t->flags & BILAT_TOK_SPACE) &&
            (ctx_tok (c, i - 1)->flags & BILAT_TOK_WORD))
            continue;
        bilat_date_expr *d = &found[n_found];
        *d = (bilat_date_expr) { .start = t->start, .sent = c->tok_sent[i] };
        size_t end = plain_date (c, t, d);
        if (end > 0) {
            d->end = (uint32_t) end;
            goto found_one;
        }
        /* The text was validated once; PCRE2 must not re-check it at every call. The
         * pattern is compiled anchored (PCRE2_ANCHORED here would bypass the JIT). */
        m.rc = jit ? pcre2_jit_match (re, (PCRE2_SPTR) subj, len, t->start, PCRE2_NO_UTF_CHECK,
                                      c->md, c->mctx)
                   : PCRE2_ERROR_JIT_BADOPTION;
        if (m.rc == PCRE2_ERROR_JIT_BADOPTION)
            m.rc = pcre2_match (re, (PCRE2_SPTR) subj, len, t->start, PCRE2_NO_UTF_CHECK, c->md,
                                c->mctx);
        if (m.rc == PCRE2_ERROR_MATCHLIMIT || m.rc == PCRE2_ERROR_DEPTHLIMIT) {
            rc = bilat__error_set (error, BILAT_ELIMIT,
                                   (int64_t) bilat__text_orig (&c->text, t->start),
                                   "date pattern exceeded its %s limit at byte %zu",
                                   m.rc == PCRE2_ERROR_MATCHLIMIT ? "match" : "depth",
                                   bilat__text_orig (&c->text, t->start));
            break;
        }
        PCRE2_SPTR mark = m.rc > 0 ? pcre2_get_mark (c->md) : NULL;
        if (mark == NULL || m.ov[1] <= m.ov[0])
            continue;
        *d = (bilat_date_expr) { .start = (uint32_t) m.ov[0], .end = (uint32_t) m.ov[1],
                                 .sent = c->tok_sent[i] };
        end = m.ov[1];
        date_kind kind = (date_kind) mark[0];
        /* Only a weekday alone looks at the rest of its sentence. */
        gboolean future = kind == DATE_WEEKDAY && future_before (c, i, &will_sent, &will_at);
        resolve (c, kind, &m, future, d);
    found_one:
        if (i > 0 && bilat__tok_is (c, i - 1, "since"))
            d->is_since = 1;
        if (d->value[0] && ++n_found == G_N_ELEMENTS (found)) {
            g_array_append_vals (c->dates, found, n_found);
            n_found = 0;
        }
        /* Skip the tokens the date covers. */
        while (i + 1 < n && ctx_tok (c, i + 1)->start < end)
            i++;
    }
    g_array_append_vals (c->dates, found, n_found);
    return rc;
}

/* Test hook (tests/unit/test-dates-plain.c): the hand reading of the commonest dates checked
 * against the pattern it stands in for. At every place in text[0, len) where a word or a
 * number starts, what plain_date reads is compared with the pattern's match and what
 * resolve makes of it (end, value, range); the return is the number of places where they
 * differ, *n_plain the number of places plain_date read. text must be NUL-terminated;
 * date is the document's date, or NULL. */
size_t
bilat__dates_check_plain (const char *text, size_t len, const GDate *date, size_t *n_plain)
{
    pcre2_code *re = bilat__dates_compile (FALSE);
    pcre2_match_data *md = re ? pcre2_match_data_create_from_pattern (re, NULL) : NULL;
    size_t differ = 0;
    *n_plain = 0;
    if (md == NULL) {
        pcre2_code_free (re);
        return 1;
    }
    /* plain_date and resolve read the text and the document's date only. */
    bilat_ctx c;
    memset (&c, 0, sizeof c);
    c.text.text = (char *) text;
    c.text.len = len;
    c.has_date = date != NULL;
    if (date)
        c.date = *date;
    date_match m = { .ov = pcre2_get_ovector_pointer (md), .subject = text };
    for (size_t at = 0; at < len; at++) {
        unsigned char ch = (unsigned char) text[at];
        if (at > 0 && g_ascii_isalnum (text[at - 1]))
            continue;
        bilat_token t = { .start = (uint32_t) at };
        if (g_ascii_isdigit (ch))
            t.flags = BILAT_TOK_DIGIT;
        else if (g_ascii_isalpha (ch))
            t.flags = BILAT_TOK_WORD;
        else
            continue;
        bilat_date_expr plain = { .start = t.start }, by_pattern = { .start = t.start };
        size_t end = plain_date (&c, &t, &plain);
        if (end == 0)
            continue;
        ++*n_plain;
        m.rc = pcre2_match (re, (PCRE2_SPTR) text, len, at, PCRE2_NO_UTF_CHECK, md, NULL);
        PCRE2_SPTR mark = m.rc > 0 ? pcre2_get_mark (md) : NULL;
        if (mark == NULL || m.ov[1] != end) {
            differ++;
            continue;
        }
        resolve (&c, (date_kind) mark[0], &m, FALSE, &by_pattern);
        differ += strcmp (plain.value, by_pattern.value) != 0 ||
                  plain.is_range != by_pattern.is_range;
    }
    pcre2_match_data_free (md);
    pcre2_code_free (re);
    return differ;
}
