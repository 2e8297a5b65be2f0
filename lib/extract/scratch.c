/* SPDX-License-Identifier: MIT */
/* An extraction's working arrays (tokens, per-token indexes, sentences, mentions ..., the
 * tables that intern names and pairs, the date pattern's match data), kept by the
 * extractor between calls. A release needs a few dozen kilobytes of them;
 * allocating and freeing them for every document cost more than some whole stages
 * (glibc serves blocks that size from its slow path and consolidates them on free). */
#include "extract-private.h"

/* A scratch this big after a document is freed, not kept: one huge text must not pin
 * its memory in the extractor. 65,536 tokens are about 380 KB of releases (5.9 bytes a token). */
#define SCRATCH_KEEP_TOKENS 65536
#define SCRATCH_KEEP_TEXT (1024 * 1024)
/* At most this many are kept: one per thread extracting at once, up to this. */
#define SCRATCH_KEEP_MAX 16

struct bilat_scratch {
    bilat_tokens toks;
    size_t tok_cap;  /* entries of each per-token array */
    int32_t *tok_mention, *tok_sent, *tok_person;
    uint8_t *tok_kw, *tok_kw_len;
    GArray *sents, *mentions, *dates, *persons, *person_refs, *office_refs;
    const char **state_codes;  /* n_state_codes entries, then as many bytes of state_fact */
    size_t n_state_codes;
    /* The names bilat__ctx_intern_name gave out, hashed; a slot belongs to the current
     * document when its gen is intern_gen, so the table is never cleared. */
    struct intern_slot {
        const char *s;
        uint32_t hash, gen;
    } *intern;
    size_t intern_cap, intern_n;
    uint32_t intern_gen;
    /* The pairs bilat__scratch_pair_seen was shown, alike. */
    struct pair_slot {
        const void *a, *b;
        uint32_t gen;
    } *pairs;
    size_t pairs_cap, pairs_n;
    char *text;  /* the normalized text */
    size_t text_cap;
    pcre2_match_data *md;  /* for md_re */
    const pcre2_code *md_re;
};

static void
scratch_free (bilat_scratch *s)
{
    g_free (s->toks.data);
    g_free (s->tok_mention);
    g_free (s->tok_sent);
    g_free (s->tok_person);
    g_free (s->tok_kw);
    g_free (s->tok_kw_len);
    g_free (s->state_codes);
    g_free (s->intern);
    g_free (s->pairs);
    g_free (s->text);
    pcre2_match_data_free (s->md);
    g_array_free (s->sents, TRUE);
    g_array_free (s->mentions, TRUE);
    g_array_free (s->dates, TRUE);
    g_array_free (s->persons, TRUE);
    g_array_free (s->person_refs, TRUE);
    g_array_free (s->office_refs, TRUE);
    g_free (s);
}

void
bilat__scratch_pool_init (bilat_scratch_pool *pool)
{
    pthread_mutex_init (&pool->lock, NULL);
    pool->free = g_ptr_array_new ();
}

void
bilat__scratch_pool_clear (bilat_scratch_pool *pool)
{
    if (pool->free == NULL)
        return;
    for (guint i = 0; i < pool->free->len; i++)
        scratch_free (g_ptr_array_index (pool->free, i));
    g_ptr_array_free (pool->free, TRUE);
    pool->free = NULL;
    pthread_mutex_destroy (&pool->lock);
}

/* Lend c the arrays of a kept scratch, or of a new one. */
void
bilat__scratch_take (bilat_scratch_pool *pool, bilat_ctx *c)
{
    bilat_scratch *s = NULL;
    pthread_mutex_lock (&pool->lock);
    if (pool->free->len)
        s = g_ptr_array_steal_index_fast (pool->free, pool->free->len - 1);
    pthread_mutex_unlock (&pool->lock);
    if (s == NULL) {
        s = g_new0 (bilat_scratch, 1);
        s->sents = g_array_new (FALSE, FALSE, sizeof (bilat_sentence));
        s->mentions = g_array_new (FALSE, FALSE, sizeof (bilat_mention));
        s->dates = g_array_new (FALSE, FALSE, sizeof (bilat_date_expr));
        s->persons = g_array_new (FALSE, FALSE, sizeof (bilat_person));
        s->person_refs = g_array_new (FALSE, FALSE, sizeof (bilat_person_ref));
        s->office_refs = g_array_new (FALSE, FALSE, sizeof (bilat_office_ref));
    }
    /* A new generation empties the interning table; when the count wraps, the slots are
     * cleared for real. */
    if (++s->intern_gen == 0) {
        if (s->intern)
            memset (s->intern, 0, s->intern_cap * sizeof *s->intern);
        if (s->pairs)
            memset (s->pairs, 0, s->pairs_cap * sizeof *s->pairs);
        s->intern_gen = 1;
    }
    s->intern_n = 0;
    s->pairs_n = 0;
    c->scratch = s;
    c->toks = (bilat_tokens) { .data = s->toks.data, .len = 0, .cap = s->toks.cap };
    c->sents = s->sents;
    c->mentions = s->mentions;
    c->dates = s->dates;
    c->persons = s->persons;
    c->person_refs = s->person_refs;
    c->office_refs = s->office_refs;
}

/* Size the per-token arrays for n tokens; FALSE when memory ran out (the arrays the
 * scratch had are then gone, and its capacity is zero). */
gboolean
bilat__scratch_token_arrays (bilat_ctx *c, size_t n)
{
    bilat_scratch *s = c->scratch;
    if (s->tok_cap < n) {
        g_free (s->tok_mention);
        g_free (s->tok_sent);
        g_free (s->tok_person);
        g_free (s->tok_kw);
        g_free (s->tok_kw_len);
        s->tok_cap = 0;
        s->tok_mention = g_try_new (int32_t, n);
        /* Sentences tell their tokens four at a time, up to three past the last. */
        s->tok_sent = g_try_new (int32_t, n + 3);
        s->tok_kw = g_try_new (uint8_t, n);
        s->tok_person = g_try_new (int32_t, n);
        s->tok_kw_len = g_try_new (uint8_t, n);
        if (s->tok_mention && s->tok_sent && s->tok_kw && s->tok_person && s->tok_kw_len) {
            s->tok_cap = n;
            bilat__advise_huge (s->tok_mention, n * sizeof (int32_t));
            bilat__advise_huge (s->tok_sent, (n + 3) * sizeof (int32_t));
            bilat__advise_huge (s->tok_person, n * sizeof (int32_t));
            bilat__advise_huge (s->tok_kw, n);
            bilat__advise_huge (s->tok_kw_len, n);
        }
    }
    c->tok_mention = s->tok_mention;
    c->tok_sent = s->tok_sent;
    c->tok_kw = s->tok_kw;
    c->tok_person = s->tok_person;
    c->tok_kw_len = s->tok_kw_len;
    if (s->tok_cap < n)
        return FALSE;
    memset (c->tok_mention, 0xff, sizeof (int32_t) * n);
    memset (c->tok_person, 0xff, sizeof (int32_t) * n);
    memset (c->tok_kw, 0, n);
    memset (c->tok_kw_len, 0, n);
    return TRUE;
}

/* A buffer for the normalized text, at least cap bytes; NULL when memory ran out. */
char *
bilat__scratch_text (bilat_ctx *c, size_t cap)
{
    bilat_scratch *s = c->scratch;
    if (s->text_cap < cap) {
        g_free (s->text);
        s->text_cap = 0;
        s->text = g_try_malloc (cap);
        if (s->text == NULL)
            return NULL;
        s->text_cap = cap;
        bilat__advise_huge (s->text, cap);
    }
    return s->text;
}

/* Match data for the extractor's date pattern; NULL when memory ran out. */
pcre2_match_data *
bilat__scratch_match_data (bilat_ctx *c)
{
    bilat_scratch *s = c->scratch;
    /* Made for the pattern it serves: the limits test compiles the pattern again. */
    if (s->md == NULL || s->md_re != c->ex->date_re) {
        pcre2_match_data_free (s->md);
        s->md = pcre2_match_data_create_from_pattern (c->ex->date_re, NULL);
        s->md_re = c->ex->date_re;
    }
    return s->md;
}

/* The state tables of c: n codes, all NULL, and n marks, all 0. */
void
bilat__scratch_state_tables (bilat_ctx *c, size_t n)
{
    bilat_scratch *s = c->scratch;
    size_t bytes = n * (sizeof (const char *) + 1);
    if (s->n_state_codes < n) {
        g_free (s->state_codes);
        s->state_codes = g_malloc (bytes);
        s->n_state_codes = n;
    }
    memset (s->state_codes, 0, bytes);
    c->state_codes = s->state_codes;
    c->state_fact = (uint8_t *) (s->state_codes + n);
    c->n_states = n;
}

static uint32_t
name_hash (const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char) s[i]) * 16777619u;
    return h;
}

/* The slot for s (n bytes, hash h) in a table of cap slots: its own, or the empty one where
 * it goes. */
static struct intern_slot *
intern_find (struct intern_slot *tab, size_t cap, uint32_t gen, const char *s, size_t n,
             uint32_t h)
{
    for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
        struct intern_slot *sl = &tab[i];
        if (sl->gen != gen)
            return sl;
        if (sl->hash == h && strncmp (sl->s, s, n) == 0 && sl->s[n] == '\0')
            return sl;
    }
}

const char *
bilat__scratch_intern (bilat_ctx *c, const char *s, size_t n)
{
    bilat_scratch *sc = c->scratch;
    /* At most half full, so that probes stay short. */
    if (2 * (sc->intern_n + 1) > sc->intern_cap) {
        size_t cap = sc->intern_cap ? 2 * sc->intern_cap : 64;
        struct intern_slot *tab = g_new0 (struct intern_slot, cap);
        for (size_t i = 0; i < sc->intern_cap; i++) {
            const struct intern_slot *old = &sc->intern[i];
            if (old->gen == sc->intern_gen)
                *intern_find (tab, cap, sc->intern_gen, old->s, strlen (old->s), old->hash) =
                    *old;
        }
        g_free (sc->intern);
        sc->intern = tab;
        sc->intern_cap = cap;
    }
    uint32_t h = name_hash (s, n);
    struct intern_slot *sl = intern_find (sc->intern, sc->intern_cap, sc->intern_gen, s, n, h);
    if (sl->gen != sc->intern_gen) {
        *sl = (struct intern_slot) { .s = bilat__doc_copy_len (c->doc, s, n), .hash = h,
                                     .gen = sc->intern_gen };
        sc->intern_n++;
    }
    return sl->s;
}

static struct pair_slot *
pair_find (struct pair_slot *tab, size_t cap, uint32_t gen, const void *a, const void *b)
{
    uint64_t h = ((uint64_t) (uintptr_t) a * 0x9e3779b97f4a7c15ULL) ^ (uint64_t) (uintptr_t) b;
    h *= 0xff51afd7ed558ccdULL;
    for (size_t i = (size_t) (h >> 32) & (cap - 1);; i = (i + 1) & (cap - 1)) {
        struct pair_slot *sl = &tab[i];
        if (sl->gen != gen || (sl->a == a && sl->b == b))
            return sl;
    }
}

gboolean
bilat__scratch_pair_seen (bilat_ctx *c, const void *a, const void *b)
{
    bilat_scratch *sc = c->scratch;
    uint32_t gen = sc->intern_gen;
    if (2 * (sc->pairs_n + 1) > sc->pairs_cap) {
        size_t cap = sc->pairs_cap ? 2 * sc->pairs_cap : 16;
        struct pair_slot *tab = g_new0 (struct pair_slot, cap);
        for (size_t i = 0; i < sc->pairs_cap; i++)
            if (sc->pairs[i].gen == gen)
                *pair_find (tab, cap, gen, sc->pairs[i].a, sc->pairs[i].b) = sc->pairs[i];
        g_free (sc->pairs);
        sc->pairs = tab;
        sc->pairs_cap = cap;
    }
    struct pair_slot *sl = pair_find (sc->pairs, sc->pairs_cap, gen, a, b);
    if (sl->gen == gen)
        return TRUE;
    *sl = (struct pair_slot) { .a = a, .b = b, .gen = gen };
    sc->pairs_n++;
    return FALSE;
}

/* Take back what c borrowed: emptied, kept if small, else freed. */
void
bilat__scratch_give_back (bilat_scratch_pool *pool, bilat_ctx *c)
{
    bilat_scratch *s = c->scratch;
    if (s == NULL)
        return;
    c->scratch = NULL;
    /* The tokens may have been grown (moved) since they were lent. */
    s->toks = c->toks;
    s->toks.len = 0;
    /* Those of a document that was finished went to its facts. */
    for (guint i = 0; i < s->persons->len; i++) {
        GPtrArray *offices = g_array_index (s->persons, bilat_person, i).offices;
        if (offices)
            g_ptr_array_free (offices, TRUE);
    }
    g_array_set_size (s->sents, 0);
    g_array_set_size (s->mentions, 0);
    g_array_set_size (s->dates, 0);
    g_array_set_size (s->persons, 0);
    g_array_set_size (s->person_refs, 0);
    g_array_set_size (s->office_refs, 0);
    /* Every array grows with the tokens at most, so their count bounds them all. */
    gboolean keep = s->toks.cap <= SCRATCH_KEEP_TOKENS && s->tok_cap <= SCRATCH_KEEP_TOKENS &&
                    s->text_cap <= SCRATCH_KEEP_TEXT && s->intern_cap <= SCRATCH_KEEP_TOKENS &&
                    s->pairs_cap <= SCRATCH_KEEP_TOKENS;
    if (keep) {
        pthread_mutex_lock (&pool->lock);
        keep = pool->free->len < SCRATCH_KEEP_MAX;
        if (keep)
            g_ptr_array_add (pool->free, s);
        pthread_mutex_unlock (&pool->lock);
    }
    if (!keep)
        scratch_free (s);
}
