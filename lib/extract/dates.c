/* SPDX-License-Identifier: MIT */
/* Dates: one anchored PCRE2 pattern, tried only where a token can start a date (a digit, a
 * month or weekday, "yesterday", "last ..."), resolved against the document date at the
 * precision the text gives. */
#include "extract-private.h"
#include "keywords.h"

#include <string.h>

#define MONTH "(?:January|Jan\\.?|February|Feb\\.?|March|Mar\\.|April|Apr\\.?|May|June|Jun\\.|" \
              "July|Jul\\.|August|Aug\\.?|September|Sept?\\.?|October|Oct\\.?|November|Nov\\.?|" \
              "December|Dec\\.?)"
#define WEEKDAY "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#define ORD "(?:st|nd|rd|th)?"
#define YEAR "(?:19|20)\\d\\d"

static const char date_pattern[] =
    "(?:(?:" WEEKDAY ",?\\s+(?:the\\s+)?)?"
    "(?:(?<d1>\\d{1,2})" ORD "(?:\\s*(?:-|and|to)\\s*(?<d1b>\\d{1,2})" ORD ")?\\s+(?:of\\s+)?"
    "(?<m1>" MONTH ")(?:,?\\s+(?<y1>" YEAR "))?(?![\\w])"
    "|(?<m2>" MONTH ")\\s+(?<d2>\\d{1,2})" ORD "(?!\\d)(?:\\s*(?:-|and|to)\\s*\\d{1,2}" ORD ")?"
    "(?:,?\\s+(?<y2>" YEAR "))?(?![\\w])))"
    "|(?<iy>" YEAR ")-(?<im>\\d\\d)-(?<id>\\d\\d)(?!\\d)"
    "|(?<dd>\\d{1,2})\\.(?<dm>\\d{1,2})\\.(?<dy>" YEAR ")(?!\\d)"
    "|(?:(?<rel>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-?)\\s*)?(?<m3>" MONTH ")"
    "(?:,?\\s+(?<y3>" YEAR "))?(?![\\w])"
    "|(?<y4>" YEAR ")(?:\\s*-\\s*(?<y4b>(?:19|20)?\\d\\d))?(?![\\w])"
    "|(?<rw>[Yy]esterday|[Tt]oday|[Tt]omorrow|(?:[Ll]ast|[Nn]ext|[Tt]his)\\s+(?:week|month|year))"
    "(?![\\w])"
    "|(?:(?<wrel>[Ll]ast|[Nn]ext|[Tt]his)\\s+)?(?<wd>" WEEKDAY ")(?![\\w])";

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

static int
month_of (const char *s)
{
    static const char *const names[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec" };
    for (int i = 0; i < 12; i++)
        if (g_ascii_strncasecmp (s, names[i], 3) == 0)
            return i + 1;
    return 0;
}

static int
weekday_of (const char *s)
{
    static const char *const names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    for (int i = 0; i < 7; i++)
        if (g_ascii_strncasecmp (s, names[i], 3) == 0)
            return i + 1; /* GDateWeekday: Monday = 1 */
    return 0;
}

/* The pattern's named groups, numbered once: every compile of the one pattern numbers them
 * alike, and a lookup by name per match was a tenth of the stage. */
enum {
    G_D1, G_D2, G_DD, G_DM, G_DY, G_ID, G_IM, G_IY, G_M1, G_M2, G_M3, G_REL, G_RW, G_WD,
    G_WREL, G_Y1, G_Y2, G_Y3, G_Y4, G_Y4B,
    N_GROUPS
};
static const char *const group_names[N_GROUPS] = {
    "d1", "d2", "dd", "dm", "dy", "id", "im", "iy", "m1", "m2", "m3", "rel", "rw", "wd",
    "wrel", "y1", "y2", "y3", "y4", "y4b"
};
static int group_numbers[N_GROUPS];

static void
number_groups_once (const pcre2_code *re)
{
    static gsize done = 0;
    if (!g_once_init_enter (&done))
        return;
    for (int g = 0; g < N_GROUPS; g++)
        group_numbers[g] = pcre2_substring_number_from_name (re, (PCRE2_SPTR) group_names[g]);
    g_once_init_leave (&done, 1);
}

/* Group value as a string view; returns FALSE when the group did not take part. */
static gboolean
group (pcre2_match_data *md, const char *subject, int g, const char **s, size_t *n)
{
    int num = group_numbers[g];
    if (num < 0)
        return FALSE;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
    if (ov[2 * num] == PCRE2_UNSET)
        return FALSE;
    *s = subject + ov[2 * num];
    *n = ov[2 * num + 1] - ov[2 * num];
    return TRUE;
}

static int
num (const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n && g_ascii_isdigit (s[i]); i++)
        v = v * 10 + (s[i] - '0');
    return v;
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

static void
resolve (bilat_ctx *c, const pcre2_code *re, pcre2_match_data *md, const char *subj,
         gboolean future, bilat_date_expr *d)
{
    const char *s;
    size_t n;
    gboolean dated = c->has_date;
    if (group (md, subj, G_D1, &s, &n) || group (md, subj, G_D2, &s, &n)) {
        int day = num (s, n);
        const char *ms = "";
        size_t mn = 0;
        if (!group (md, subj, G_M1, &ms, &mn))
            group (md, subj, G_M2, &ms, &mn);
        int m = month_of (ms);
        int y = 0;
        if (group (md, subj, G_Y1, &s, &n) || group (md, subj, G_Y2, &s, &n))
            y = num (s, n);
        else if (dated)
            y = infer_year (c, m, day);
        if (y)
            set_ymd (d, y, m, day);
        return;
    }
    if (group (md, subj, G_IY, &s, &n)) {
        int y = num (s, n);
        group (md, subj, G_IM, &s, &n);
        int m = num (s, n);
        group (md, subj, G_ID, &s, &n);
        set_ymd (d, y, m, num (s, n));
        return;
    }
    if (group (md, subj, G_DY, &s, &n)) {
        int y = num (s, n);
        group (md, subj, G_DM, &s, &n);
        int m = num (s, n);
        group (md, subj, G_DD, &s, &n);
        set_ymd (d, y, m, num (s, n));
        return;
    }
    if (group (md, subj, G_M3, &s, &n)) {
        int m = month_of (s);
        if (group (md, subj, G_Y3, &s, &n)) {
            set_ymd (d, num (s, n), m, 0);
            return;
        }
        if (!dated)
            return;
        int y = g_date_get_year (&c->date), dm = g_date_get_month (&c->date);
        const char *rs;
        size_t rn;
        gboolean rel = group (md, subj, G_REL, &rs, &rn);
        if (rel && g_ascii_strncasecmp (rs, "next", 4) == 0)
            y += m <= dm ? 1 : 0;
        else if (rel && g_ascii_strncasecmp (rs, "this", 4) == 0)
            ;
        else if (rel && g_ascii_strncasecmp (rs, "last", 4) == 0)
            y -= m >= dm ? 1 : 0;
        else
            y = infer_year (c, m, 0);
        set_ymd (d, y, m, 0);
        return;
    }
    if (group (md, subj, G_Y4, &s, &n)) {
        set_ymd (d, num (s, n), 0, 0);
        if (group (md, subj, G_Y4B, &s, &n))
            d->is_range = 1;
        return;
    }
    if (!dated)
        return;
    GDate g = c->date;
    if (group (md, subj, G_RW, &s, &n)) {
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
        return;
    }
    if (group (md, subj, G_WD, &s, &n)) {
        int want = weekday_of (s);
        int have = g_date_get_weekday (&g);
        const char *rs;
        size_t rn;
        /* News reports the past: "on Monday" is the latest Monday up to the document date,
         * "next Monday" the first one after it. */
        gboolean next = group (md, subj, G_WREL, &rs, &rn) && g_ascii_tolower (rs[0]) == 'n';
        if (next || (future && !group (md, subj, G_WREL, &rs, &rn)))
            g_date_add_days (&g, (guint) (((want - have) + 7) % 7 ? ((want - have) + 7) % 7 : 7));
        else {
            if (group (md, subj, G_WREL, &rs, &rn) && g_ascii_tolower (rs[0]) == 'l' &&
                want == have)
                g_date_subtract_days (&g, 7);
            g_date_subtract_days (&g, (guint) (((have - want) + 7) % 7));
        }
        set_gdate (d, &g);
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
    for (size_t k = 0; k < G_N_ELEMENTS (bilat_keywords); k++) {
        if (bilat_keywords[k].id != KW_MONTH && bilat_keywords[k].id != KW_WEEKDAY)
            continue;
        for (const char *w = bilat_keywords[k].words; *w;) {
            size_t n = strcspn (w, "|");
            start_word_bits[bilat__token_hash (w, n) >> 52] |= START_NAME;
            w += n + (w[n] == '|');
        }
    }
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

int
bilat__find_dates (bilat_ctx *c, bilat_error **error)
{
    const pcre2_code *re = c->ex->date_re;
    if (re == NULL)
        return BILAT_OK;
    number_groups_once (re);
    const char *subj = c->text.text;
    size_t len = c->text.len;
    size_t n = c->toks.len;
    int32_t will_sent = -1;
    size_t will_at = SIZE_MAX;
    fill_start_words_once ();
    for (size_t i = next_start (c, 0); i < n; i = next_start (c, i + 1)) {
        if (!may_start_date (c, i))
            continue;
        const bilat_token *t = ctx_tok (c, i);
        /* A number glued to a word before it ("C5+1", "G20") is no date. */
        if (i > 0 && (t->flags & BILAT_TOK_DIGIT) && !(t->flags & BILAT_TOK_SPACE) &&
            (ctx_tok (c, i - 1)->flags & BILAT_TOK_WORD))
            continue;
        /* The text was validated once; PCRE2 must not re-check it at every call. The
         * pattern is compiled anchored (PCRE2_ANCHORED here would bypass the JIT). */
        int rc = pcre2_match (re, (PCRE2_SPTR) subj, len, t->start, PCRE2_NO_UTF_CHECK, c->md,
                              c->mctx);
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT)
            return bilat__error_set (error, BILAT_ELIMIT,
                                     (int64_t) bilat__text_orig (&c->text, t->start),
                                     "date pattern exceeded its %s limit at byte %zu",
                                     rc == PCRE2_ERROR_MATCHLIMIT ? "match" : "depth",
                                     bilat__text_orig (&c->text, t->start));
        if (rc <= 0)
            continue;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer (c->md);
        bilat_date_expr d = { .start = (uint32_t) ov[0], .end = (uint32_t) ov[1],
                              .sent = c->tok_sent[i] };
        if (ov[1] <= ov[0])
            continue;
        /* "will visit ... on Sunday": a weekday in a sentence about the future is ahead.
         * The sentence's first "will" is found once, not once per date. */
        if (c->tok_sent[i] != will_sent) {
            will_sent = c->tok_sent[i];
            will_at = SIZE_MAX;
            const bilat_sentence *se = &g_array_index (c->sents, bilat_sentence, will_sent);
            for (size_t k = se->tb; k < se->te && will_at == SIZE_MAX; k++)
                if (bilat__tok_is (c, k, "will") || bilat__tok_is (c, k, "shall"))
                    will_at = k;
        }
        gboolean future = will_at < i;
        resolve (c, re, c->md, subj, future, &d);
        if (i > 0 && bilat__tok_is (c, i - 1, "since"))
            d.is_since = 1;
        if (d.value[0])
            g_array_append_val (c->dates, d);
        /* Skip the tokens the date covers. */
        while (i + 1 < n && ctx_tok (c, i + 1)->start < ov[1])
            i++;
    }
    return BILAT_OK;
}
