/* SPDX-License-Identifier: MIT */
/* The extractor: built once from dictionaries and patterns; each call runs the stages over
 * one text and gathers their findings into a document of facts. */
#include "extract-private.h"
#include "keywords.h"

#include <string.h>
#include <time.h>

gboolean bilat__stage_clock_on;
double bilat__stage_seconds[BILAT_N_STAGES];
const char *const bilat__stage_names[BILAT_N_STAGES] = {
    "text", "tokens", "sentences", "mentions", "dates", "people", "events", "gather"
};

/* Charge the time since *t0 to stage, and restart the clock. */
static inline void
stage_clock (int stage, struct timespec *t0)
{
    if (!bilat__stage_clock_on)
        return;
    struct timespec t1;
    clock_gettime (CLOCK_MONOTONIC, &t1);
    bilat__stage_seconds[stage] +=
        (double) (t1.tv_sec - t0->tv_sec) + (double) (t1.tv_nsec - t0->tv_nsec) * 1e-9;
    *t0 = t1;
}

pcre2_code *bilat__dates_compile (gboolean jit);

/* Backtracking budget for every pattern: no input can make a match run away. */
#define MATCH_LIMIT 100000
#define DEPTH_LIMIT 1000

int
bilat_extractor_new (bilat_extractor **out, const bilat_options *opts, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    bilat_extractor *ex = g_new0 (bilat_extractor, 1);
    ex->gz = bilat__gazetteer_new ();
    ex->scratch = g_new0 (bilat_scratch_pool, 1);
    bilat__scratch_pool_init (ex->scratch);
    g_date_clear (&ex->date, 1);
    ex->max_size = opts ? opts->max_size : BILAT_DEFAULT_MAX_SIZE;
    ex->repair = opts ? opts->repair : FALSE;
    if (opts && opts->has_date) {
        ex->date = opts->date;
        ex->has_date = TRUE;
    }
    int rc = bilat__gazetteer_load_builtin (ex->gz, error);
    for (guint i = 0; rc == BILAT_OK && opts && i < opts->dicts->len; i++) {
        const bilat_user_dict *d = g_ptr_array_index (opts->dicts, i);
        rc = bilat__gazetteer_load (ex->gz, d->kind, d->text, d->len, d->origin, error);
    }
    if (rc != BILAT_OK) {
        bilat_extractor_free (ex);
        return rc;
    }
    for (size_t k = 0; k < G_N_ELEMENTS (bilat_keywords); k++) {
        char **w = g_strsplit (bilat_keywords[k].words, "|", -1);
        for (char **p = w; *p; p++)
            bilat__gazetteer_add_keyword (ex->gz, bilat_keywords[k].id, *p,
                                          bilat_keywords[k].id == KW_STOP);
        g_strfreev (w);
    }
    if (bilat__gazetteer_out_of_memory (ex->gz)) {
        bilat_extractor_free (ex);
        return bilat__error_set (error, BILAT_ENOMEM, -1, "out of memory loading keywords");
    }
    bilat__gazetteer_freeze (ex->gz);
    ex->date_re = bilat__dates_compile (TRUE);
    /* PCRE2 allocates with malloc and reports failure by NULL: each is checked. */
    ex->mctx_template = pcre2_match_context_create (NULL);
    if (ex->mctx_template) {
        pcre2_set_match_limit (ex->mctx_template, MATCH_LIMIT);
        pcre2_set_depth_limit (ex->mctx_template, DEPTH_LIMIT);
    }
    if (ex->date_re == NULL || ex->mctx_template == NULL) {
        bilat_extractor_free (ex);
        return bilat__error_set (error, BILAT_ENOMEM, -1, "cannot compile the date pattern");
    }
    *out = ex;
    return BILAT_OK;
}

int
bilat__extractor_set_date_limits (bilat_extractor *ex, gboolean jit, uint32_t match_limit,
                                  uint32_t depth_limit)
{
    pcre2_code *re = bilat__dates_compile (jit);
    if (re == NULL)
        return BILAT_ENOMEM;
    pcre2_code_free (ex->date_re);
    ex->date_re = re;
    pcre2_set_match_limit (ex->mctx_template, match_limit ? match_limit : MATCH_LIMIT);
    pcre2_set_depth_limit (ex->mctx_template, depth_limit ? depth_limit : DEPTH_LIMIT);
    return BILAT_OK;
}

void
bilat_extractor_free (bilat_extractor *ex)
{
    if (ex == NULL)
        return;
    bilat__gazetteer_free (ex->gz);
    if (ex->scratch)
        bilat__scratch_pool_clear (ex->scratch);
    g_free (ex->scratch);
    pcre2_code_free (ex->date_re);
    pcre2_match_context_free (ex->mctx_template);
    g_free (ex);
}

/* ---- helpers shared by the stages ---------------------------------------------------- */

/* Every string a fact holds is the document's own copy: facts outlive the extractor whose
 * dictionaries they were read from. Each state's code is copied once per document, so
 * equal codes are equal pointers (event keys and pairs compare them so). */
const char *
bilat__state_code_slow (bilat_ctx *c, int state)
{
    size_t n = bilat__gazetteer_n_entities (c->ex->gz, GZ_STATE);
    if (state < 0 || (size_t) state >= n)
        return NULL;
    if (c->state_codes == NULL)
        bilat__scratch_state_tables (c, n);
    if (c->state_codes[state] == NULL) {
        const gz_entity *e = bilat__gazetteer_entity (c->ex->gz, GZ_STATE, state);
        c->state_codes[state] = e ? bilat__ctx_copy (c, e->name) : NULL;
    }
    return c->state_codes[state];
}

const char *
bilat__ctx_copy (bilat_ctx *c, const char *s)
{
    return bilat__doc_copy (c->doc, s);
}

const char *
bilat__ctx_intern_name (bilat_ctx *c, const char *s)
{
    return bilat__scratch_intern (c, s, strlen (s));
}

static inline gboolean
is_white (char ch)
{
    return ch == ' ' || ch == '\n';
}

/* 0x80 in each byte of w that is ch, 0 in the others. */
static inline uint64_t
bytes_equal (uint64_t w, char ch)
{
    const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL;
    uint64_t x = w ^ (0x0101010101010101ULL * (unsigned char) ch);
    return ~(((x & low7) + low7) | x | low7);
}

/* Whether s[0, n) is already folded: no line feed, no two spaces in a row, no space at
 * either end. Most names and titles are; they are then copied whole. */
static gboolean
is_folded (const char *s, size_t n)
{
    if (n == 0)
        return TRUE;
    if (is_white (s[0]) || is_white (s[n - 1]))
        return FALSE;
    uint64_t carry = 0;  /* a space ended the previous eight bytes */
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy (&w, s + i, 8);
        uint64_t sp = bytes_equal (w, ' ');
        if (bytes_equal (w, '\n') || (sp & ((sp << 8) | carry)))
            return FALSE;
        carry = sp >> 56;
    }
    for (gboolean space = carry != 0; i < n; i++) {
        if (s[i] == '\n' || (space && s[i] == ' '))
            return FALSE;
        space = s[i] == ' ';
    }
    return TRUE;
}

char *
bilat__fold_span (const bilat_ctx *c, uint32_t start, uint32_t end, char *buf, size_t cap)
{
    size_t len = (size_t) (end - start);
    if (len + 1 > cap)
        buf = g_malloc (len + 1);
    const char *src = c->text.text + start;
    if (is_folded (src, len)) {
        memcpy (buf, src, len);
        buf[len] = '\0';
        return buf;
    }
    size_t n = 0;
    gboolean space = FALSE;
    for (size_t i = 0; i < len; i++) {
        char ch = src[i];
        if (is_white (ch)) {
            space = TRUE;
            continue;
        }
        if (space && n)
            buf[n++] = ' ';
        space = FALSE;
        buf[n++] = ch;
    }
    buf[n] = '\0';
    return buf;
}

const char *
bilat__doc_strndup (bilat_ctx *c, uint32_t start, uint32_t end)
{
    /* Short strings need no heap buffer. */
    char stack[256];
    char *buf = bilat__fold_span (c, start, end, stack, sizeof stack);
    const char *r = bilat__ctx_intern_name (c, buf);
    if (buf != stack)
        g_free (buf);
    return r;
}

/* ---- gathering facts ------------------------------------------------------------------ */

static bilat_fact *
fact_at (bilat_ctx *c, int kind, uint32_t start, uint32_t end, int sent, const char *rule)
{
    bilat_fact *f = bilat__doc_add (c->doc, kind);
    f->start = bilat__text_orig (&c->text, start);
    f->end = bilat__text_orig_end (&c->text, end);
    f->sentence = sent;
    f->rule = bilat__ctx_copy (c, rule);
    return f;
}

static gboolean
doc_has (const bilat_doc *d, int kind, const char *text)
{
    GPtrArray *a = d->facts[kind];
    for (guint i = 0; i < a->len; i++) {
        const char *t = ((const bilat_fact *) g_ptr_array_index (a, i))->text;
        /* Most differ in the first byte: no call for them. */
        if (t[0] == text[0] && strcmp (t, text) == 0)
            return TRUE;
    }
    return FALSE;
}

/* A state fact for state st, unless the doc has one. Codes are unique to their state, so
 * the state's mark stands for a search of the facts by code, while mentions and persons are
 * gathered (pairs, which come with codes, search). */
static void
add_state (bilat_ctx *c, int st, uint32_t start, uint32_t end, int sent, const char *rule)
{
    const char *code = bilat__state_code (c, st);
    if (code == NULL || c->state_fact[st])
        return;
    c->state_fact[st] = 1;
    fact_at (c, BILAT_FACT_STATE, start, end, sent, rule)->text = code;
}

#define KW_BIT(kw) (UINT64_C (1) << (kw))

static gboolean
speaks_of_cooperation (const bilat_ctx *c, int sent)
{
    const uint64_t together = KW_BIT (KW_COOP) | KW_BIT (KW_DOC) | KW_BIT (KW_SIGN) |
                              KW_BIT (KW_MEET) | KW_BIT (KW_RELATIONS) | KW_BIT (KW_VISIT) |
                              KW_BIT (KW_PHONE) | KW_BIT (KW_VIDEO);
    const uint64_t maybe = KW_BIT (KW_PORTFOLIO) | KW_BIT (KW_NONE);
    const bilat_sentence *s = &g_array_index (c->sents, bilat_sentence, sent);
    for (uint32_t k = s->tb; k < s->te; k++) {
        uint64_t kw = KW_BIT (bilat__tok_keyword (c, k));
        if (kw & together)
            return TRUE;
        /* "cooperation", "relations", "development" are also portfolio words ("Minister of
         * International Cooperation"); in lower case they speak of working together. */
        if ((kw & maybe) && !(ctx_tok (c, k)->flags & BILAT_TOK_UPPER) &&
            (kw == KW_BIT (KW_NONE) ? bilat__tok_is (c, k, "joint")
                                    : bilat__tok_is (c, k, "cooperation") ||
                                          bilat__tok_is (c, k, "relations") ||
                                          bilat__tok_is (c, k, "development")))
            return TRUE;
    }
    return FALSE;
}

static gboolean
is_topic (const bilat_ctx *c, const bilat_mention *m)
{
    static bilat_word_set preps = { .words = { "in", "on", "about", "regarding", "concerning",
                                               "against", "over", "across", "near" } };
    uint32_t b = m->tb;
    const bilat_sentence *s = &g_array_index (c->sents, bilat_sentence, m->sent);
    if (b > s->tb + 1 && bilat__tok_is (c, b - 1, "the"))
        b--;
    if (b == s->tb)
        return FALSE;
    if (bilat__word_in (&preps, c, b - 1))
        return TRUE;
    /* "Libya and Sudan" after such a word: the list shares it. */
    if (b > s->tb + 1 && bilat__tok_is (c, b - 1, "and")) {
        const bilat_mention *prev = ctx_mention_at (c, b - 2);
        return prev && prev->kind == GZ_STATE && is_topic (c, prev);
    }
    return FALSE;
}

static gboolean
in_institution_name (const bilat_ctx *c, const bilat_mention *m)
{
    if (!(ctx_tok (c, m->tb)->flags & BILAT_TOK_UPPER))
        return FALSE;
    const bilat_sentence *s = &g_array_index (c->sents, bilat_sentence, m->sent);
    uint32_t lo = m->tb > s->tb + 4 ? m->tb - 4 : s->tb;
    uint32_t hi = MIN (m->te + 4, s->te);
    /* Both keywords are one word long, so a keyword's first token is the one to test. */
    for (uint32_t k = lo; k < hi; k++) {
        int kw = ctx_keyword_only_at (c, k);
        if (kw == KW_INSTITUTION || kw == KW_NAME_NOUN)
            return TRUE;
    }
    return FALSE;
}

/* A fact of the kind for mention m's entity (an organization, an area, a status), unless the
 * doc has one: the new fact, its text for the caller to set, or NULL. The gazetteer interns
 * its names, so an entity is known by its name's pointer, which rides in the fact's state
 * slot while mentions are gathered. */
static bilat_fact *
add_entity_fact (bilat_ctx *c, int kind, const bilat_mention *m, uint32_t s, uint32_t e)
{
    const gz_entity *ent = bilat__gazetteer_entity (c->ex->gz, m->kind, m->id);
    GPtrArray *a = c->doc->facts[kind];
    for (guint k = 0; k < a->len; k++)
        if (((const bilat_fact *) g_ptr_array_index (a, k))->state == ent->name)
            return NULL;
    bilat_fact *f = fact_at (c, kind, s, e, m->sent, m->entry->rule);
    f->state = ent->name;
    return f;
}

/* An area or status fact, named by its canonical name. */
static void
add_canonical (bilat_ctx *c, int kind, const bilat_mention *m, uint32_t s, uint32_t e)
{
    bilat_fact *f = add_entity_fact (c, kind, m, s, e);
    if (f)
        f->text = bilat__ctx_copy (c, f->state);
}

static void
gather_mentions (bilat_ctx *c)
{
    const uint32_t fact_kinds = 1u << GZ_STATE | 1u << GZ_ORG | 1u << GZ_AREA | 1u << GZ_STATUS;
    const bilat_mention *ms = (const bilat_mention *) (void *) c->mentions->data;
    /* Whether a sentence speaks of cooperation, for the last one asked about. */
    int32_t coop_sent = -1;
    gboolean coop = FALSE;
    for (guint k = 0; k < c->mentions->len; k++) {
        const bilat_mention *m = &ms[k];
        if (!((fact_kinds >> m->kind) & 1))
            continue;
        uint32_t s = ctx_tok (c, m->tb)->start, e = ctx_tok (c, m->te - 1)->end;
        switch (m->kind) {
        case GZ_STATE: {
            /* "the situation in Libya": a state named as a topic or a place does not act;
             * it still counts when an event, a person or another mention makes it act.
             * A state already in the document is not looked at again. */
            const char *code = bilat__state_code (c, m->id);
            if (!m->dateline && code && !c->state_fact[m->id] && !is_topic (c, m)) {
                c->state_fact[m->id] = 1;
                fact_at (c, BILAT_FACT_STATE, s, e, m->sent, m->entry->rule)->text = code;
            }
            break;
        }
        case GZ_ORG: {
            /* Organizations are reported as written; one fact per organization. */
            bilat_fact *f = add_entity_fact (c, BILAT_FACT_ORGANIZATION, m, s, e);
            if (f)
                f->text = bilat__doc_strndup (c, s, e);
            break;
        }
        case GZ_AREA: {
            /* "Agency for Transport and Communications" names an office, not a field; and a
             * field counts where the sentence speaks of working together ("their economies
             * grew" is no field of cooperation). */
            if (in_institution_name (c, m))
                break;
            if (m->sent != coop_sent) {
                coop_sent = m->sent;
                coop = speaks_of_cooperation (c, m->sent);
            }
            if (!coop)
                break;
            add_canonical (c, BILAT_FACT_AREA, m, s, e);
            break;
        }
        case GZ_STATUS:
            add_canonical (c, BILAT_FACT_STATUS, m, s, e);
            break;
        default:
            break;
        }
    }
    /* The canonical names rode in the state slot only to dedupe. */
    static const int by_name[] = { BILAT_FACT_ORGANIZATION, BILAT_FACT_AREA, BILAT_FACT_STATUS };
    for (size_t i = 0; i < G_N_ELEMENTS (by_name); i++) {
        GPtrArray *a = c->doc->facts[by_name[i]];
        for (guint k = 0; k < a->len; k++)
            ((bilat_fact *) g_ptr_array_index (a, k))->state = NULL;
    }
}

static void
gather_persons (bilat_ctx *c)
{
    for (guint i = 0; i < c->persons->len; i++) {
        bilat_person *p = &g_array_index (c->persons, bilat_person, i);
        bilat_fact *f = fact_at (c, BILAT_FACT_PERSON, p->start, p->end, p->sent, p->rule);
        f->text = p->name;
        f->state = p->state >= 0 ? bilat__state_code (c, p->state) : NULL;
        /* The person's offices are the fact's: nothing reads them after this. */
        f->offices = p->offices;
        p->offices = NULL;
        if (p->state >= 0)
            add_state (c, p->state, p->start, p->end, p->sent, "person:state");
    }
}

/* A pair's parties: a list of the two codes, the doc's. */
static GPtrArray *
two_parties (bilat_doc *doc, const char *a, const char *b)
{
    GPtrArray *p = bilat__doc_list (doc, 2);
    p->pdata[0] = (gpointer) a;
    p->pdata[1] = (gpointer) b;
    p->len = 2;
    return p;
}

/* Pairs: every two states that an event joins, each pair once, sorted. */
static void
gather_pairs (bilat_ctx *c)
{
    GPtrArray *evs = c->doc->facts[BILAT_FACT_EVENT];
    for (guint i = 0; i < evs->len; i++) {
        const bilat_fact *e = g_ptr_array_index (evs, i);
        if (e->parties->len != 2)
            continue;
        const char *a = g_ptr_array_index (e->parties, 0), *b = g_ptr_array_index (e->parties, 1);
        if (strcmp (a, b) > 0) {
            const char *t = a;
            a = b;
            b = t;
        }
        /* Codes are interned, so a pair is known by its two pointers. */
        if (bilat__scratch_pair_seen (c, a, b))
            continue;
        bilat_fact *p = bilat__doc_add (c->doc, BILAT_FACT_PAIR);
        p->start = e->start;
        p->end = e->end;
        p->sentence = e->sentence;
        p->rule = "pair:event";
        p->parties = two_parties (c->doc, a, b);
        p->text = bilat__doc_copy (c->doc, a);
        for (guint k = 0; k < 2; k++) {
            const char *code = g_ptr_array_index (p->parties, k);
            if (!doc_has (c->doc, BILAT_FACT_STATE, code)) {
                bilat_fact *s = bilat__doc_add (c->doc, BILAT_FACT_STATE);
                s->text = code;
                s->start = e->start;
                s->end = e->end;
                s->sentence = e->sentence;
                s->rule = "state:event";
            }
        }
    }
    /* Nothing happened between two states, but the text is about them. */
    if (c->doc->facts[BILAT_FACT_PAIR]->len == 0 && c->main_a >= 0 && c->main_b >= 0) {
        const char *a = bilat__state_code (c, c->main_a), *b = bilat__state_code (c, c->main_b);
        if (strcmp (a, b) > 0) {
            const char *t = a;
            a = b;
            b = t;
        }
        bilat_fact *p = bilat__doc_add (c->doc, BILAT_FACT_PAIR);
        p->sentence = -1;
        p->rule = "pair:most-named";
        p->parties = two_parties (c->doc, a, b);
        p->text = a;
    }
}

static void
ctx_free (bilat_ctx *c)
{
    bilat__text_clear (&c->text);
    bilat__scratch_give_back (c->ex->scratch, c);
}

int
bilat_extract_dated (bilat_doc **out, const bilat_extractor *ex, const char *text, size_t len,
                     const char *date, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (ex == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "extractor is NULL");
    if (text == NULL && len > 0)
        return bilat__error_set (error, BILAT_EINVAL, -1, "text is NULL");
    if (len > ex->max_size)
        return bilat__error_set (error, BILAT_ELIMIT, (int64_t) ex->max_size,
                                 "document of %zu bytes exceeds the limit of %zu bytes", len,
                                 ex->max_size);
    bilat_ctx c = { .ex = ex, .main_a = -1, .main_b = -1, .traveller = -1, .dateline_state = -1,
                    .protagonist = -1 };
    g_date_clear (&c.date, 1);
    if (date) {
        if (!bilat__date_parse (date, &c.date))
            return bilat__error_set (error, BILAT_EPARSE, -1,
                                     "\"%s\" is not a valid YYYY-MM-DD date", date);
        c.has_date = TRUE;
    } else if (ex->has_date) {
        c.date = ex->date;
        c.has_date = TRUE;
    }
    struct timespec t0 = { 0 };
    if (bilat__stage_clock_on)
        clock_gettime (CLOCK_MONOTONIC, &t0);
    bilat__scratch_take (ex->scratch, &c);
    /* Into the scratch's buffer; when that cannot grow, text_init tries one of its own. */
    size_t cap = bilat__text_capacity (len, ex->repair);
    int rc = bilat__text_init_in (&c.text, text ? text : "", len, ex->repair,
                                  bilat__scratch_text (&c, cap), cap, error);
    if (rc != BILAT_OK) {
        ctx_free (&c);
        return rc;
    }
    stage_clock (BILAT_STAGE_TEXT, &t0);
    /* The arrays that grow with the document (its tokens, and a slot per token for each
     * index below) may fail to allocate: a huge document is BILAT_ENOMEM, not an abort. */
    if (!bilat__tokenize_try (&c.toks, c.text.text, c.text.len)) {
        ctx_free (&c);
        return bilat__error_set (error, BILAT_ENOMEM, -1,
                                 "out of memory for the tokens of %zu bytes", len);
    }
    stage_clock (BILAT_STAGE_TOKENS, &t0);
    if (!bilat__scratch_token_arrays (&c, c.toks.len + 1)) {
        ctx_free (&c);
        return bilat__error_set (error, BILAT_ENOMEM, -1,
                                 "out of memory for the indexes of %u tokens", c.toks.len);
    }
    /* PCRE2 lets threads share a match context that none of them changes. */
    c.mctx = ex->mctx_template;
    c.md = bilat__scratch_match_data (&c);
    if (c.md == NULL) {
        ctx_free (&c);
        return bilat__error_set (error, BILAT_ENOMEM, -1, "cannot allocate match data");
    }
    c.doc = bilat__doc_new ();
    if (c.has_date)
        g_snprintf (c.doc->date, sizeof c.doc->date, "%04d-%02d-%02d",
                    g_date_get_year (&c.date), g_date_get_month (&c.date),
                    g_date_get_day (&c.date));

    bilat__split_sentences (&c);
    c.doc->n_sentences = c.sents->len;
    stage_clock (BILAT_STAGE_SENTENCES, &t0);
    bilat__find_mentions (&c);
    stage_clock (BILAT_STAGE_MENTIONS, &t0);
    rc = bilat__find_dates (&c, error);
    stage_clock (BILAT_STAGE_DATES, &t0);
    if (rc == BILAT_OK) {
        bilat__find_people (&c);
        stage_clock (BILAT_STAGE_PEOPLE, &t0);
        bilat__find_events (&c);
        stage_clock (BILAT_STAGE_EVENTS, &t0);
        gather_mentions (&c);
        gather_persons (&c);
        gather_pairs (&c);
        stage_clock (BILAT_STAGE_GATHER, &t0);
        *out = c.doc;
        c.doc = NULL;
    }
    if (c.doc)
        bilat_doc_free (c.doc);
    ctx_free (&c);
    return rc;
}

int
bilat_extract (bilat_doc **out, const bilat_extractor *ex, const char *text, size_t len,
               bilat_error **error)
{
    return bilat_extract_dated (out, ex, text, len, NULL, error);
}
