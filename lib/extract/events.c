/* SPDX-License-Identifier: MIT */
/* Events: visits, meetings and agreements read from trigger words in each sentence, their
 * actors and targets found around the trigger, then completed with the pair the document is
 * mostly about when a sentence leaves a side unsaid ("the sides", "During the talks"). */
#include "extract-private.h"

#include <stddef.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/* Someone or something that can act: a person, an office with its state, or a state. */
typedef struct {
    uint32_t tb, te;
    int person;   /* or -1 */
    int state;    /* state id or -1 (a person's state is read at the end) */
    gboolean capital;
    gboolean demonym;
    gboolean office;
} actor_cand;

typedef struct {
    int type;           /* bilat_event_type */
    int sent;
    uint32_t tb, te;    /* trigger tokens */
    uint32_t wb, we;    /* window: tokens this event's arguments come from */
    int actor_person, target_state;
    int actor_states[8], n_actor_states;
    int target_states[8], n_target_states;
    const char *level, *mode, *place, *date, *rule;
    uint32_t title_tb, title_te;  /* agreement title tokens */
    int parties[16], n_parties;
    int persons[8], n_persons;
    int agents[8], n_agents;    /* meetings: states of the people and offices taking part */
    gboolean objects_before;    /* a state named on its own stands before the trigger */
    gboolean hosted;              /* visit:hosted: the target is the host's state */
    int host_person, host_state;
    gboolean sides;             /* "the two countries", "the sides" stand for the main pair */
    int objects[16], n_objects; /* meetings: states named on their own ("with Sweden") */
    gboolean parties_final;     /* collect_parties read no person without a state: none of
                                 * its inputs can change any more */
} frame;

#define KW_BIT(k) (1u << (k))

/* Rules and modes that emission tests for: compared by address, since frames hold these. */
static const char rule_talks[] = "meeting:talks";
static const char rule_anaphora[] = "agreement:anaphora";
static const char mode_in_person[] = "in_person";

/* A growable array that starts in a buffer of the caller's: what a typical release needs
 * fits there, and allocating a few kilobytes per document (glibc's slow path, consolidating
 * on free) cost more than the work done in them. */
typedef struct {
    char *data;
    guint len, cap;
    size_t size;
    gboolean heap;  /* data is ours to free */
} vec;

static void
vec_init (vec *a, void *buf, guint cap, size_t size)
{
    *a = (vec) { .data = buf, .cap = cap, .size = size };
}

/* A new element at the end, uninitialized; pointers into the array are void after it. */
static inline void *
vec_push (vec *a)
{
    if (G_UNLIKELY (a->len == a->cap)) {
        guint cap = a->cap * 2;
        size_t used = (size_t) a->len * a->size;
        char *data = bilat__try_regrow (a->heap ? a->data : NULL, a->heap ? used : 0,
                                        (size_t) cap * a->size);
        if (data == NULL)
            g_error ("events: out of memory for %u elements of %zu bytes", cap, a->size);
        if (!a->heap)
            memcpy (data, a->data, used);
        a->data = data;
        a->heap = TRUE;
        a->cap = cap;
    }
    return a->data + (size_t) a->len++ * a->size;
}

static void
vec_clear (vec *a)
{
    if (a->heap)
        g_free (a->data);
    a->data = NULL;
    a->len = a->cap = 0;
    a->heap = FALSE;
}

#define VEC_AT(a, type, i) (((type *) (a)->data)[i])
G_STATIC_ASSERT (KW_COOP < 32);

/* The keywords some rule starts from: visit, meeting and signing words, documents, and
 * presence ("is in"). A sentence without one of them makes no event. */
#define EVENT_KWS                                                                           \
    (KW_BIT (KW_VISIT) | KW_BIT (KW_ARRIVE) | KW_BIT (KW_TRIP) | KW_BIT (KW_MEET) |          \
     KW_BIT (KW_RECEIVE) | KW_BIT (KW_PHONE) | KW_BIT (KW_VIDEO) | KW_BIT (KW_SIGN) |        \
     KW_BIT (KW_DOC) | KW_BIT (KW_DOCS) | KW_BIT (KW_PRESENCE))
/* find_rule_words tests the ids 1 (KW_VISIT) to KW_DOCS as one range. */
G_STATIC_ASSERT (KW_VISIT == 1 &&
                 EVENT_KWS == (((KW_BIT (KW_DOCS + 1) - 1) & ~1u) | KW_BIT (KW_PRESENCE)));

/* What a sentence holds for the rules: the KW_BIT of each of its EVENT_KWS, and where its
 * visit and meeting words are (the first 32 of each), and its documents and signing words
 * (all of them, or n_docs or n_signs is -1). */
typedef struct {
    uint32_t kws;
    uint32_t visits[32], meets[32];
    int nv, nm;
    uint32_t docs[64], signs[32];
    int n_docs, n_signs;
} sent_words;

/* Append token i to a list of at most cap; a list that overflows says so with -1. */
static inline void
push_at (uint32_t *v, int cap, int *n, uint32_t i)
{
    if (*n >= 0)
        *n = *n < cap ? (v[*n] = i, *n + 1) : -1;
}

static inline void
note_word (sent_words *sw, uint32_t i, unsigned id)
{
    const uint32_t visit_kws = KW_BIT (KW_VISIT) | KW_BIT (KW_ARRIVE) | KW_BIT (KW_TRIP) |
                               KW_BIT (KW_PRESENCE);
    const uint32_t meet_kws = KW_BIT (KW_MEET) | KW_BIT (KW_PHONE) | KW_BIT (KW_VIDEO) |
                              KW_BIT (KW_RECEIVE);
    uint32_t bit = KW_BIT (id) & EVENT_KWS;
    sw->kws |= bit;
    if ((bit & visit_kws) && sw->nv < 32)
        sw->visits[sw->nv++] = i;
    if ((bit & meet_kws) && sw->nm < 32)
        sw->meets[sw->nm++] = i;
    if (bit & (KW_BIT (KW_DOC) | KW_BIT (KW_DOCS)))
        push_at (sw->docs, G_N_ELEMENTS (sw->docs), &sw->n_docs, i);
    if (bit & KW_BIT (KW_SIGN))
        push_at (sw->signs, G_N_ELEMENTS (sw->signs), &sw->n_signs, i);
}

/* Where the EVENT_KWS are in the text, in order. Most tokens are none of them (a fifth are
 * other keywords), so the ids are read sixteen at a time where the processor allows, once
 * for the whole text: a sentence without one then costs nothing to skip. */
static void
find_rule_words (const bilat_ctx *c, vec *hits)
{
    const uint8_t *kw = c->tok_kw;
    uint32_t n = c->toks.len, i = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    if (n >= 16) {
        const __m128i zero = _mm_setzero_si128 (), past = _mm_set1_epi8 (KW_DOCS + 1);
        const __m128i presence = _mm_set1_epi8 (KW_PRESENCE);
        for (; i < n; i += 16) {
            /* The last sixteen overlap ids read already: those are masked off. */
            uint32_t at0 = MIN (i, n - 16);
            __m128i v = _mm_loadu_si128 ((const __m128i *) (const void *) (kw + at0));
            /* Ids are below 32: signed compares are fine. */
            __m128i hit = _mm_and_si128 (_mm_cmpgt_epi8 (v, zero), _mm_cmplt_epi8 (v, past));
            hit = _mm_or_si128 (hit, _mm_cmpeq_epi8 (v, presence));
            unsigned bits = (unsigned) _mm_movemask_epi8 (hit) & (0xFFFFu << (i - at0));
            for (; bits; bits &= bits - 1)
                *(uint32_t *) vec_push (hits) = at0 + (uint32_t) __builtin_ctz (bits);
        }
        return;
    }
#endif
    for (; i < n; i++)
        if ((EVENT_KWS >> kw[i]) & 1)
            *(uint32_t *) vec_push (hits) = i;
}

/* Events are filed by type and sides, so that merging a new report into an earlier one
 * looks at its few namesakes, not every event. The sides are the doc's interned codes, one
 * pointer per state, so a key compares and hashes without touching a string. */
typedef struct {
    int type, n;
    const char *codes[16];
} event_key;

/* One set of sides and the facts filed under it, oldest first: a chain through the items. */
typedef struct {
    event_key key;
    guint hash;
    int first, last;  /* items, or -1 */
} ev_bucket;

/* An event reported by the stage, in the order they were reported: a fact, or an agreement
 * waiting for prune_agreements (most that a count or a headline repeats are dropped, and
 * are cheaper not made). A waiting agreement keeps its place among the doc's events (a
 * NULL there) and its frame, until settle_agreements makes it. */
typedef struct {
    bilat_fact *e;             /* NULL while waiting */
    int next;                  /* the next item of its bucket, or -1 */
    const frame *f;            /* a waiting agreement's frame... */
    const char *date;          /* ...and date (the text's) */
    uint8_t generic, headline, drop;  /* prune_agreements' marks */
} ev_item;

/* What the stage works out once per sentence; all bits set in a field is "not yet". */
typedef struct {
    int8_t multi;   /* names a multilateral format or an organization: 1, 0, or -1 unknown */
    guint cand_off;  /* its actor candidates in bilat_events.cands */
    int32_t cand_n;  /* how many, or -1 before they are worked out */
    guint first[4];  /* its first person reference, office chain, date and mention, or
                      * G_MAXUINT until asked (sent_first) */
} sent_info;

enum { FIRST_PREF, FIRST_OREF, FIRST_DATE, FIRST_MENT };

struct bilat_events {
    sent_info *sents;
    vec cands;           /* actor_cand, sentence after sentence */
    int32_t *map;        /* compute_candidates' per-token tables */
    size_t map_cap;
    vec buckets;         /* ev_bucket */
    vec items;           /* ev_item */
    int32_t *slots;      /* open addressing over buckets: an index, or -1 when free */
    guint n_slots;       /* a power of two, at least twice the buckets */
    const char *memo_code[8];  /* the last codes looked up as states, and their states */
    int memo_state[8];
    guint n_memo;
    guint first_event;   /* the doc's events before the stage's: items[k] is event first + k */
    /* Where the arrays above start: room for a typical release. */
    sent_info sent_buf[64];
    actor_cand cand_buf[128];
    int32_t map_buf[256];
    ev_bucket bucket_buf[8];
    ev_item item_buf[16];
    int32_t slot_buf[16];
};

static sent_info *
info_of (const bilat_ctx *c, int sent)
{
    return &c->events->sents[sent];
}

static int
person_state (const bilat_ctx *c, int person)
{
    return person >= 0 ? g_array_index (c->persons, bilat_person, person).state : -1;
}

/* References, dates, office chains and mentions are kept in text order, so those of one
 * sentence are a range: bilat__find_events notes where each sentence with an event word
 * starts in each list, as it walks the sentences; others are found by binary search when
 * asked. No stage scans the whole document per sentence. */
static guint
first_of_sentence (const GArray *a, size_t size, size_t sent_offset, int32_t sent)
{
    guint lo = 0, hi = a->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        int32_t s;
        memcpy (&s, a->data + (size_t) mid * size + sent_offset, sizeof s);
        if (s < sent)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static guint
sent_first (const bilat_ctx *c, int32_t sent, int which)
{
    guint *first = &c->events->sents[sent].first[which];
    if (G_UNLIKELY (*first == G_MAXUINT)) {
        switch (which) {
        case FIRST_PREF:
            *first = first_of_sentence (c->person_refs, sizeof (bilat_person_ref),
                                        offsetof (bilat_person_ref, sent), sent);
            break;
        case FIRST_OREF:
            *first = first_of_sentence (c->office_refs, sizeof (bilat_office_ref),
                                        offsetof (bilat_office_ref, sent), sent);
            break;
        case FIRST_DATE:
            *first = first_of_sentence (c->dates, sizeof (bilat_date_expr),
                                        offsetof (bilat_date_expr, sent), sent);
            break;
        default:
            *first = first_of_sentence (c->mentions, sizeof (bilat_mention),
                                        offsetof (bilat_mention, sent), sent);
            break;
        }
    }
    return *first;
}

#define pref_first(c_, s_) sent_first ((c_), (s_), FIRST_PREF)
#define oref_first(c_, s_) sent_first ((c_), (s_), FIRST_OREF)
#define date_first(c_, s_) sent_first ((c_), (s_), FIRST_DATE)
#define ment_first(c_, s_) sent_first ((c_), (s_), FIRST_MENT)

#define FOR_PREFS(c_, sent_, var)                                                            \
    for (guint var = pref_first ((c_), (sent_));                                             \
         var < (c_)->person_refs->len &&                                                     \
         g_array_index ((c_)->person_refs, bilat_person_ref, var).sent == (sent_);           \
         var++)
#define FOR_OREFS(c_, sent_, var)                                                            \
    for (guint var = oref_first ((c_), (sent_));                                             \
         var < (c_)->office_refs->len &&                                                     \
         g_array_index ((c_)->office_refs, bilat_office_ref, var).sent == (sent_);           \
         var++)

/* Mentions are made in text order, none across sentences, each with its sentence: a
 * sentence's are a range from its first, read without a walk over its tokens. */
#define FOR_MENTIONS(c_, sent_, var)                                                         \
    for (guint var = ment_first ((c_), (sent_));                                             \
         var < (c_)->mentions->len &&                                                        \
         g_array_index ((c_)->mentions, bilat_mention, var).sent == (sent_);                 \
         var++)

/* The candidate a state's name makes. */
static inline actor_cand
state_cand (const bilat_mention *m)
{
    return (actor_cand) { .tb = m->tb, .te = m->te, .person = -1, .state = m->id,
                          .capital = m->form == GZ_FORM_CAPITAL,
                          .demonym = m->form == GZ_FORM_DEMONYM };
}

/* Every actor candidate of sentence s, in text order, appended to out. */
static void
compute_candidates (bilat_ctx *c, const bilat_sentence *s, vec *out)
{
    /* Only this sentence's references are looked at: one pass over each list. */
    int32_t sent = c->tok_sent[s->tb];
    guint p0 = pref_first (c, sent), p1 = p0, o0 = oref_first (c, sent), o1 = o0;
    while (p1 < c->person_refs->len &&
           g_array_index (c->person_refs, bilat_person_ref, p1).sent == sent)
        p1++;
    while (o1 < c->office_refs->len &&
           g_array_index (c->office_refs, bilat_office_ref, o1).sent == sent)
        o1++;
    const bilat_mention *ms = (const bilat_mention *) (void *) c->mentions->data;
    if (p1 == p0 && o1 == o0) {
        /* No reference, so the candidates are the states' names, in order: mentions do not
         * overlap, so none hides another. Most sentences are these. */
        FOR_MENTIONS (c, sent, k)
            if (ms[k].kind == GZ_STATE && !ms[k].dateline)
                *(actor_cand *) vec_push (out) = state_cand (&ms[k]);
        return;
    }
    /* A bit for every token where a reference or a state's name starts: the walk below
     * visits those, not every token. The first reference that starts at each token is in a
     * table over the sentence. */
    struct bilat_events *ev = c->events;
    size_t n = s->te - s->tb, n_words = (n + 31) / 32;
    size_t need = 2 * n + n_words;
    if (ev->map_cap < need) {
        if (ev->map != ev->map_buf)
            g_free (ev->map);
        ev->map_cap = MAX (need, 2 * ev->map_cap);
        ev->map = g_new (int32_t, ev->map_cap);
    }
    uint32_t *starts = (uint32_t *) ev->map;
    memset (starts, 0, n_words * sizeof *starts);
#define MARK(tok_) (starts[((tok_) - s->tb) / 32] |= 1u << (((tok_) - s->tb) % 32))
    int32_t *first_p = ev->map + n_words, *first_o = first_p + n;
    memset (first_p, 0xff, 2 * n * sizeof *first_p);
    for (guint r = p1; r-- > p0;) {
        const bilat_person_ref *ref = &g_array_index (c->person_refs, bilat_person_ref, r);
        if (ref->tb >= s->tb && ref->tb < s->te) {
            first_p[ref->tb - s->tb] = (int32_t) r;
            MARK (ref->tb);
        }
    }
    for (guint r = o1; r-- > o0;) {
        const bilat_office_ref *o = &g_array_index (c->office_refs, bilat_office_ref, r);
        if (o->tb >= s->tb && o->tb < s->te &&
            ((o->person >= 0 && o->te > o->tb) || (o->person < 0 && o->state >= 0))) {
            first_o[o->tb - s->tb] = (int32_t) r;
            MARK (o->tb);
        }
    }
    FOR_MENTIONS (c, sent, k)
        if (ms[k].kind == GZ_STATE && !ms[k].dateline)
            MARK (ms[k].tb);
#undef MARK
    /* At each marked token, in order, as a walk of every token would see it. */
    uint32_t i = s->tb;
    for (size_t w = 0; w < n_words; w++) {
        for (uint32_t bits = starts[w]; bits; bits &= bits - 1) {
            uint32_t at = s->tb + (uint32_t) (w * 32) + (uint32_t) __builtin_ctz (bits);
            if (at < i)
                continue;
            int32_t r = first_p[at - s->tb];
            if (r >= 0) {
                const bilat_person_ref *ref =
                    &g_array_index (c->person_refs, bilat_person_ref, r);
                actor_cand a = { .tb = ref->tb, .te = ref->te, .person = ref->person,
                                 .state = -1 };
                *(actor_cand *) vec_push (out) = a;
                i = ref->te;
                continue;
            }
            r = first_o[at - s->tb];
            if (r >= 0) {
                const bilat_office_ref *o = &g_array_index (c->office_refs, bilat_office_ref, r);
                /* The state in "Minister of Foreign Affairs of Kazakhstan Murat Nurtleu" is
                 * the person's, not a party of its own. */
                if (o->person < 0) {
                    actor_cand a = { .tb = o->tb, .te = o->te, .person = -1, .state = o->state,
                                     .office = TRUE };
                    *(actor_cand *) vec_push (out) = a;
                }
                i = o->te;
                continue;
            }
            const bilat_mention *m = ctx_mention_at (c, at);
            if (m && m->tb == at && m->kind == GZ_STATE && !m->dateline) {
                *(actor_cand *) vec_push (out) = state_cand (m);
                i = m->te;
            }
        }
    }
}

/* The actor candidates of a sentence, a view into one array for the document. */
typedef struct {
    const actor_cand *v;
    guint len;
} cand_list;

/* Candidates of a sentence, computed once and kept until the events are emitted. Person
 * states may still change meanwhile; candidates hold people, not their states. The view
 * holds until the next sentence's candidates are computed. */
static cand_list
candidates (bilat_ctx *c, const bilat_sentence *s)
{
    struct bilat_events *ev = c->events;
    sent_info *si = &ev->sents[s - (const bilat_sentence *) c->sents->data];
    if (si->cand_n < 0) {
        si->cand_off = ev->cands.len;
        compute_candidates (c, s, &ev->cands);
        si->cand_n = (int32_t) (ev->cands.len - si->cand_off);
    }
    return (cand_list) { (const actor_cand *) ev->cands.data + si->cand_off,
                         (guint) si->cand_n };
}

static int
cand_state (const bilat_ctx *c, const actor_cand *a)
{
    return a->person >= 0 ? person_state (c, a->person) : a->state;
}

/* The date of an event: the nearest dated expression in its window, else in its sentence,
 * leaving out periods ("for 2024-2026") and starting points ("since 1992"). */
static const char *
event_date (const bilat_ctx *c, int sent, uint32_t wb, uint32_t we, uint32_t trig)
{
    /* Most sentences have no date. */
    guint first = date_first (c, sent);
    if (first >= c->dates->len || g_array_index (c->dates, bilat_date_expr, first).sent != sent)
        return NULL;
    const bilat_date_expr *best = NULL;
    uint32_t lo = ctx_tok (c, wb)->start, hi = ctx_tok (c, we - 1)->end;
    uint32_t at = ctx_tok (c, trig)->start;
    uint32_t best_d = UINT32_MAX;
    for (int pass = 0; pass < 2 && best == NULL; pass++) {
        for (guint k = first; k < c->dates->len; k++) {
            const bilat_date_expr *d = &g_array_index (c->dates, bilat_date_expr, k);
            if (d->sent != sent)
                break;
            if (d->is_range || d->is_since)
                continue;
            if (pass == 0 && (d->start < lo || d->end > hi))
                continue;
            uint32_t dist = d->start > at ? d->start - at : at - d->start;
            if (dist < best_d) {
                best_d = dist;
                best = d;
            }
        }
    }
    return best ? best->value : NULL;
}

/* Are two candidates neighbours in a list: "X, Y", "X and Y", "X, and Y", "X and the Y"? */
static gboolean
joined_by_list (const bilat_ctx *c, const actor_cand *p, const actor_cand *q)
{
    uint32_t gap = q->tb - p->te;
    if (q->tb < p->te || gap == 0 || gap > 3)
        return FALSE;
    uint32_t k = p->te;
    if (bilat__tok_punct (c, k, ','))
        k++;
    if (k < q->tb && bilat__tok_is (c, k, "and"))
        k++;
    if (k < q->tb && bilat__tok_is (c, k, "the"))
        k++;
    return k == q->tb && k > p->te;
}

/* States listed together with the one at candidate k: "Kazakhstan, Kyrgyzstan and Uzbekistan". */
static int
list_states (const bilat_ctx *c, const cand_list *cands, guint k, int *out, int max)
{
    guint lo = k, hi = k;
    const actor_cand *a = &cands->v[k];
    if (a->person >= 0 || a->office)
        goto single;
    while (lo > 0) {
        const actor_cand *p = &cands->v[lo - 1];
        const actor_cand *q = &cands->v[lo];
        if (p->person >= 0 || p->office || !joined_by_list (c, p, q))
            break;
        lo--;
    }
    while (hi + 1 < cands->len) {
        const actor_cand *p = &cands->v[hi];
        const actor_cand *q = &cands->v[hi + 1];
        if (q->person >= 0 || q->office || !joined_by_list (c, p, q))
            break;
        hi++;
    }
single:;
    int n = 0;
    for (guint i = lo; i <= hi && n < max; i++) {
        int st = cand_state (c, &cands->v[i]);
        gboolean dup = FALSE;
        for (int j = 0; j < n; j++)
            dup |= out[j] == st;
        if (st >= 0 && !dup)
            out[n++] = st;
    }
    return n;
}

/* A new frame at the end of frames, its arrays empty: filled in place, not zeroed whole and
 * copied (a frame is some 400 bytes, and most of it is arrays). */
static frame *
frame_push (vec *frames, int type, int sent, uint32_t tb, uint32_t te, uint32_t wb, uint32_t we,
            const char *rule)
{
    frame *f = vec_push (frames);
    f->type = type;
    f->sent = sent;
    f->tb = tb;
    f->te = te;
    f->wb = wb;
    f->we = we;
    f->actor_person = f->target_state = -1;
    f->n_actor_states = f->n_target_states = 0;
    f->level = f->mode = f->place = f->date = NULL;
    f->rule = rule;
    f->title_tb = f->title_te = 0;
    f->n_parties = f->n_persons = f->n_agents = f->n_objects = 0;
    f->objects_before = f->hosted = f->sides = f->parties_final = FALSE;
    f->host_person = f->host_state = 0;
    return f;
}

/* Does a keyword kw start in sentence s? Asked of few sentences ("accepted" after an
 * invitation, "the sides" of a meeting without one), so read from the keyword layer when
 * asked: looking for them with the event words cost a pass over every sentence that has
 * one and no event word. */
static gboolean
sentence_has (const bilat_ctx *c, const bilat_sentence *s, int kw)
{
    return memchr (c->tok_kw + s->tb, kw, s->te - s->tb) != NULL;
}

static bilat_word_set level_words = { .words = { "state", "official", "working", "private" } };
static bilat_word_set place_preps = { .words = { "to", "in", "at", "for" } };
/* A state after these is where someone went: "departed South Africa for Nigeria". */
static bilat_word_set dest_preps = { .words = { "to", "in", "at", "for", "into", "of" } };

static void
visit_frame (bilat_ctx *c, const bilat_sentence *s, const cand_list *cands, uint32_t p,
             uint32_t te, uint32_t we, vec *frames)
{
    /* "exchange of visits", "mutual visits": talk of visits, not a visit. */
    static bilat_word_set generic = { .words = { "mutual", "reciprocal", "regular", "frequent",
                                                 "exchange", "exchanges", "high-level" } };
    if (p > s->tb && bilat__word_in (&generic, c, p - 1))
        return;
    if (p > s->tb + 1 && bilat__tok_is (c, p - 1, "of") && bilat__word_in (&generic, c, p - 2))
        return;
    /* An invitation to visit is not a visit, unless it was accepted. */
    gboolean invited = FALSE;
    for (uint32_t k = (p > s->tb + 6 ? p - 6 : s->tb); k < p; k++)
        invited |= bilat__tok_keyword (c, k) == KW_INVITE;
    if (invited && !sentence_has (c, s, KW_ACCEPT))
        return;

    frame *f = frame_push (frames, BILAT_EVENT_VISIT, c->tok_sent[p], p, te, s->tb, we,
                           "visit:trigger");
    for (uint32_t k = p; k-- > s->tb && k + 3 > p;) {
        /* The level is the word itself, as a static string. */
        int level = bilat__word_find (&level_words, c, k);
        if (level >= 0) {
            f->level = level_words.words[level];
            break;
        }
    }
    /* Actor: "visit of/by X", "X's visit", "the visiting X", else the nearest one before. */
    int actor = -1;
    gboolean after = te < we && (bilat__tok_is (c, te, "of") || bilat__tok_is (c, te, "by")) &&
                     bilat__tok_keyword (c, p) == KW_VISIT;
    /* "the visit the President of Turkmenistan ... to Kazakhstan": a person right after the
     * noun, then "to", is the traveller (the "of" is often dropped in translation). */
    if (!after && bilat__tok_keyword (c, p) == KW_VISIT && te < we) {
        for (guint j = 0; j < cands->len; j++) {
            const actor_cand *a = &cands->v[j];
            if (a->tb < te)
                continue;
            /* The first candidate after the noun, within its title's reach. */
            if (a->tb <= te + 12 && (a->person >= 0 || a->office) && a->te < we &&
                bilat__tok_is (c, a->te, "to"))
                after = TRUE;
            break;
        }
    }
    /* "the visiting Iranian Foreign Minister", "talks with visiting President X": the
     * adjective names the traveller after it. */
    gboolean visiting = FALSE;
    if (bilat__tok_is (c, p, "visiting"))
        for (guint k = 0; k < cands->len && !visiting; k++) {
            const actor_cand *a = &cands->v[k];
            visiting = a->tb > p && a->tb <= p + 3 && (a->person >= 0 || a->office);
        }
    /* "during his visit": the traveller is the sentence's subject, its first person. */
    uint32_t q = p;
    while (q > s->tb && (bilat__word_in (&level_words, c, q - 1) ||
                         (ctx_tok (c, q - 1)->flags & BILAT_TOK_DIGIT) ||
                         bilat__tok_is (c, q - 1, "first") || bilat__tok_is (c, q - 1, "-")))
        q--;
    static bilat_word_set timely = { .words = { "recent", "latest", "last", "ongoing", "current",
                                                "upcoming" } };
    while (q > s->tb && bilat__word_in (&timely, c, q - 1))
        q--;
    gboolean pronoun = q > s->tb && (bilat__tok_is (c, q - 1, "his") ||
                                     bilat__tok_is (c, q - 1, "her") ||
                                     bilat__tok_is (c, q - 1, "their"));
    for (guint k = 0; k < cands->len; k++) {
        const actor_cand *a = &cands->v[k];
        /* "Fijian women leaders": a demonym on its own describes, it does not travel. */
        if (a->capital || (a->demonym && !a->office))
            continue;
        if (pronoun) {
            if (a->person >= 0 || a->office) {
                actor = (int) k;
                break;
            }
            continue;
        }
        if ((after || visiting) && a->tb >= te && a->tb < we) {
            actor = (int) k;
            break;
        }
        if (!after && !visiting && a->te <= p) {
            /* A state after "to", "in" or "for", or right after another visit word, is
             * where someone went, not who. */
            uint32_t b = a->tb;
            if (b > s->tb + 1 && bilat__tok_is (c, b - 1, "the"))
                b--;
            if (b > s->tb && (bilat__word_in (&dest_preps, c, b - 1) ||
                              bilat__tok_keyword (c, b - 1) == KW_VISIT ||
                              bilat__tok_keyword (c, b - 1) == KW_TRIP))
                continue;
            actor = (int) k;
        }
    }
    /* Target: "to/in/at X" or "visited X" after the trigger, inside the window. */
    int tgt = -1;
    for (guint k = 0; k < cands->len; k++) {
        const actor_cand *a = &cands->v[k];
        if (a->tb < te || a->tb >= we || (int) k == actor)
            continue;
        if (a->person >= 0 || a->office)
            continue;
        uint32_t b = a->tb;
        if (b > te && bilat__tok_is (c, b - 1, "the"))
            b--;
        if (b == te || (b > te && bilat__word_in (&place_preps, c, b - 1)) ||
            (b == te + 1 && bilat__tok_is (c, te, "of") && bilat__tok_keyword (c, p) == KW_TRIP)) {
            tgt = (int) k;
            break;
        }
    }
    /* "arrived here", under a dateline: the dateline's city is the place. */
    if (tgt < 0 && c->dateline_state >= 0) {
        for (uint32_t k = te; k < we && k < te + 3; k++)
            if (bilat__tok_is (c, k, "here")) {
                f->target_states[0] = c->dateline_state;
                f->n_target_states = 1;
                break;
            }
    }
    /* "Foreign ministers ... are in New Delhi": presence counts only with a place after. */
    if (bilat__tok_keyword (c, p) == KW_PRESENCE && tgt < 0 && f->n_target_states == 0) {
        frames->len--;
        return;
    }
    if (actor >= 0) {
        const actor_cand *a = &cands->v[actor];
        f->actor_person = a->person;
        if (a->person < 0)
            f->n_actor_states = list_states (c, cands, (guint) actor, f->actor_states, 8);
        f->tb = MIN (f->tb, a->tb);
    }
    if (tgt >= 0) {
        const actor_cand *a = &cands->v[tgt];
        f->n_target_states = list_states (c, cands, (guint) tgt, f->target_states, 8);
        if (a->capital)
            f->place = bilat__doc_strndup (c, ctx_tok (c, a->tb)->start,
                                           ctx_tok (c, a->te - 1)->end);
    } else {
        /* A city the gazetteer does not know: "arrived in Samarkand". */
        for (uint32_t k = te; k + 1 < we; k++) {
            if (!bilat__word_in (&place_preps, c, k))
                continue;
            const bilat_token *t = ctx_tok (c, k + 1);
            if ((t->flags & BILAT_TOK_UPPER) && (t->flags & BILAT_TOK_WORD) &&
                !ctx_covered (c, k + 1))
                f->place = bilat__doc_strndup (c, t->start, t->end);
            break;
        }
    }
    f->date = event_date (c, f->sent, p, we, p);
}

/* "President Yeltsin hosted Japanese Prime Minister Hashimoto": a leader received by
 * another state's leader has come to visit (CAMEO 043, the host's side of 042). An
 * ambassador received has not: embassies are where diplomats live. */
static void
hosted_visit (bilat_ctx *c, const bilat_sentence *s, const cand_list *cands, uint32_t p,
              uint32_t te, vec *frames)
{
    const actor_cand *host = NULL, *guest = NULL;
    for (guint k = 0; k < cands->len; k++) {
        const actor_cand *a = &cands->v[k];
        if (a->te <= p && (a->person >= 0 || a->office))
            host = a;
        else if (a->tb >= te && a->tb <= te + 4 && (a->person >= 0 || a->office) && !guest)
            guest = a;
    }
    /* Only "hosted" says the guest came: "received" is also said of ambassadors and
     * delegations at home, and the gold records count a visit only when the text says so. */
    if (host == NULL || guest == NULL ||
        !(bilat__tok_is (c, p, "hosted") || bilat__tok_is (c, p, "hosts")))
        return;
    FOR_OREFS (c, c->tok_sent[p], k) {
        const bilat_office_ref *o = &g_array_index (c->office_refs, bilat_office_ref, k);
        gboolean of_guest = (guest->person >= 0 && o->person == guest->person) ||
                            (o->tb >= te && o->tb <= guest->te);
        if (of_guest && o->klass == GZ_OFFICE_DIPLOMAT)
            return;
    }
    frame *f = frame_push (frames, BILAT_EVENT_VISIT, c->tok_sent[p], p, te, s->tb, s->te,
                           "visit:hosted");
    f->actor_person = guest->person;
    if (guest->person < 0) {
        f->actor_states[0] = guest->state;
        f->n_actor_states = 1;
    }
    /* The host's state is read when the frame is emitted (people's states may be inferred
     * later), through its person. */
    f->hosted = TRUE;
    f->host_person = host->person;
    f->host_state = host->person >= 0 ? -1 : host->state;
    f->date = event_date (c, f->sent, s->tb, s->te, p);
}

/* Does sentence s name a multilateral format or an organization? The same for every meeting
 * word of the sentence, so worked out once, and only for a meeting that could be split. */
static gboolean
is_multilateral (const bilat_ctx *c, const bilat_sentence *s)
{
    static bilat_word_set multi = { .words = { "trilateral", "tripartite", "quadrilateral",
                                               "multilateral", "joint", "summit", "dialogue",
                                               "forum", "format" } };
    sent_info *si = info_of (c, c->tok_sent[s->tb]);
    if (si->multi < 0) {
        si->multi = 0;
        const bilat_mention *ms = (const bilat_mention *) (void *) c->mentions->data;
        FOR_MENTIONS (c, c->tok_sent[s->tb], k)
            if (ms[k].kind == GZ_ORG) {
                si->multi = 1;
                return TRUE;
            }
        for (uint32_t k = s->tb; k < s->te; k++)
            if (bilat__word_in (&multi, c, k)) {
                si->multi = 1;
                break;
            }
    }
    return si->multi;
}

static void
meeting_frame (bilat_ctx *c, const bilat_sentence *s, const cand_list *cands, uint32_t p,
               uint32_t te, int kw, uint32_t wb, uint32_t we, vec *frames)
{
    const char *rule = kw == KW_PHONE ? "meeting:phone" : kw == KW_VIDEO ? "meeting:video"
                                                                         : rule_talks;
    /* A summit is a meeting of two only when it names them: "the Spanish-Portuguese
     * Summit"; the SCO summit is where meetings happen, not one. */
    if (bilat__tok_is (c, p, "summit")) {
        const bilat_mention *b = p > s->tb ? ctx_mention_at (c, p - 1) : NULL;
        const bilat_mention *a = b && b->tb > s->tb + 1 && bilat__tok_punct (c, b->tb - 1, '-')
                                     ? ctx_mention_at (c, b->tb - 2)
                                     : NULL;
        if (!a || !b || a->kind != GZ_STATE || b->kind != GZ_STATE)
            return;
        wb = a->tb;
        we = b->te;
    }
    if (kw == KW_RECEIVE) {
        /* "received the Ambassador of ...": only with someone received. */
        gboolean someone = FALSE;
        for (guint k = 0; k < cands->len; k++) {
            const actor_cand *a = &cands->v[k];
            /* "received the credentials of the new Ambassador of ...". */
            someone |= a->tb >= te && a->tb <= te + 8 && (a->person >= 0 || a->office);
        }
        FOR_OREFS (c, c->tok_sent[p], k) {
            const bilat_office_ref *o = &g_array_index (c->office_refs, bilat_office_ref, k);
            someone |= o->tb >= te && o->tb <= te + 8;
        }
        if (!someone)
            return;
        rule = "meeting:received";
        hosted_visit (c, s, cands, p, te, frames);
    }
    /* After the host's visit: frames are emitted in the order they are made. */
    frame *f = frame_push (frames, BILAT_EVENT_MEETING, c->tok_sent[p], p, te, wb, we, rule);
    f->mode = kw == KW_PHONE ? "phone" : kw == KW_VIDEO ? "video" : mode_in_person;
    f->date = event_date (c, f->sent, s->tb, s->te, p);
}

/* Words that end an agreement title on its right. */
static gboolean
title_stop_word (const bilat_ctx *c, size_t i)
{
    static bilat_word_set stops = { .words = { "was", "were", "is", "are", "has", "have", "had",
                                               "will", "would", "which", "that", "signed",
                                               "during", "by", "as", "aimed", "after",
                                               "following", "within", "at", "while", "who",
                                               "under", "before", "when", "where", "to",
                                               "covering", "worth", "including", "aimed",
                                               "designed" } };
    const bilat_token *t = ctx_tok (c, i);
    if (t->flags & BILAT_TOK_PUNCT) {
        char ch = c->text.text[t->start];
        return ch != '-' && ch != '\'' && ch != '+' && ch != '/' && ch != '&';
    }
    return bilat__word_in (&stops, c, i) || bilat__tok_keyword (c, i) == KW_SIGN;
}

/* Words a title may start with on the left of its noun ("Joint", "cooperation",
 * "Mexico-Guatemala"); determiners, verbs and prepositions end it. */
static gboolean
title_left_ok_word (const bilat_ctx *c, size_t i)
{
    static bilat_word_set stops = { .words = { "a", "an", "the", "this", "these", "those", "of",
                                               "on", "in", "for", "with", "to", "by", "and",
                                               "was", "were", "has", "have", "had", "also",
                                               "including", "include", "includes", "among",
                                               "between", "its", "their", "his", "her", "which",
                                               "that", "as", "at", "is", "are", "two", "sides",
                                               "parties", "countries", "both", "signed", "said",
                                               "will" } };
    const bilat_token *t = ctx_tok (c, i);
    if (t->flags & BILAT_TOK_PUNCT)
        return c->text.text[t->start] == '-' && !(t->flags & BILAT_TOK_SPACE);
    if (bilat__word_in (&stops, c, i))
        return FALSE;
    int kw = bilat__tok_keyword (c, i);
    return kw != KW_SIGN && kw != KW_MEET && kw != KW_VISIT;
}

/* The two tests above, made once per token of a sentence: a title's words are read again
 * for every document noun and every "and" in a list. */
typedef struct {
    const bilat_sentence *s;
    uint8_t *v;  /* per token: TITLE_* bits */
} title_memo;

enum { TITLE_LEFT_KNOWN = 1, TITLE_LEFT_OK = 2, TITLE_STOP_KNOWN = 4, TITLE_STOP = 8 };

static gboolean
title_left_ok (const bilat_ctx *c, title_memo *tm, size_t i)
{
    uint8_t *m = &tm->v[i - tm->s->tb];
    if (!(*m & TITLE_LEFT_KNOWN))
        *m |= TITLE_LEFT_KNOWN | (title_left_ok_word (c, i) ? TITLE_LEFT_OK : 0);
    return (*m & TITLE_LEFT_OK) != 0;
}

static gboolean
title_stop (const bilat_ctx *c, title_memo *tm, size_t i)
{
    uint8_t *m = &tm->v[i - tm->s->tb];
    if (!(*m & TITLE_STOP_KNOWN))
        *m |= TITLE_STOP_KNOWN | (title_stop_word (c, i) ? TITLE_STOP : 0);
    return (*m & TITLE_STOP) != 0;
}

static gboolean
is_plural_doc (const bilat_ctx *c, size_t i)
{
    const bilat_token *t = ctx_tok (c, i);
    const char *w = c->text.text + t->start;
    size_t n = t->end - t->start;
    return bilat__tok_keyword (c, i) == KW_DOCS ||
           (n > 2 && (w[n - 1] == 's' || w[n - 1] == 'S')) || bilat__tok_is (c, i, "memoranda");
}

/* "the signed agreements", "previously signed protocols": documents signed before. */
static gboolean
signed_before (const bilat_ctx *c, const bilat_sentence *s, uint32_t lb)
{
    static bilat_word_set before = { .words = { "the", "previously", "earlier", "already", "all",
                                                "recently", "those", "these" } };
    /* Only the participle: "the signing of an agreement" is a signing. */
    return lb > s->tb + 1 && bilat__tok_keyword (c, lb - 1) == KW_SIGN &&
           !bilat__tok_is (c, lb - 1, "signing") && bilat__word_in (&before, c, lb - 2);
}

/* Distance in tokens from i to the nearest signing verb of the sentence; signs holds the
 * sentence's signing verbs in order (a binary search, not a scan per document noun). */
typedef struct {
    uint32_t *v;
    guint len;
} sign_list;

static uint32_t
sign_distance (const sign_list *signs, uint32_t i)
{
    guint lo = 0, hi = signs->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        if (signs->v[mid] < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    uint32_t best = UINT32_MAX;
    if (lo < signs->len)
        best = signs->v[lo] - i;
    if (lo > 0)
        best = MIN (best, i - signs->v[lo - 1]);
    return best;
}

/* Agreements of one sentence. In a list that follows "signed ... These include:", every
 * item is a signed document (in_list). */
static void
agreement_frames (bilat_ctx *c, const bilat_sentence *s, const sent_words *sw, gboolean in_list,
                  vec *frames)
{
    uint32_t covered = s->tb;
    gboolean chained = FALSE;
    /* The sentence's signing verbs: a few, so on the stack unless the sentence runs on. */
    uint32_t stack[32];
    sign_list signs = { .v = stack, .len = 0 };
    guint cap = G_N_ELEMENTS (stack);
    if (sw->n_signs >= 0) {
        for (int k = 0; k < sw->n_signs; k++)
            if (!signed_before (c, s, sw->signs[k] + 1))
                signs.v[signs.len++] = sw->signs[k];
    } else {
        for (uint32_t k = s->tb; k < s->te; k++) {
            if (bilat__tok_keyword (c, k) != KW_SIGN || signed_before (c, s, k + 1))
                continue;
            if (signs.len == cap) {
                cap *= 2;
                if (signs.v == stack)
                    signs.v = g_memdup2 (stack, sizeof stack);
                signs.v = g_renew (uint32_t, signs.v, cap);
            }
            signs.v[signs.len++] = k;
        }
    }
    uint8_t memo_stack[256];
    size_t n = s->te - s->tb;
    title_memo tm = { .s = s, .v = n <= sizeof memo_stack ? memo_stack : g_malloc (n) };
    memset (tm.v, 0, n);
    /* A sentence lists a bounded number of documents; a run-on list of thousands is not a
     * press release and is cut short. The document nouns are the scan's, unless there were
     * too many to keep. */
    int made = 0;
    for (uint32_t d = 0, i = s->tb; made < 64; d++, i++) {
        if (sw->n_docs >= 0) {
            if (d >= (uint32_t) sw->n_docs)
                break;
            i = sw->docs[d];
        } else if (i >= s->te)
            break;
        int kw = bilat__tok_keyword (c, i);
        if ((kw != KW_DOC && kw != KW_DOCS) || i < covered)
            continue;
        uint32_t de = i + c->tok_kw_len[i];
        /* "the agreements reached", "the agreement in force": not signed here. */
        if (de < s->te && bilat__tok_keyword (c, de) == KW_REACHED)
            continue;
        /* "Memorandum of Understandings (MoUs)": the abbreviation of what came before. */
        if (i > s->tb && bilat__tok_punct (c, i - 1, '('))
            continue;
        /* "plan to", "deal with": verbs, not documents. */
        if (de < s->te && (bilat__tok_is (c, de, "to") || bilat__tok_is (c, de, "with")))
            continue;
        /* The signing verb governs documents near it, and the list they head. */
        if (!in_list && !chained && sign_distance (&signs, i) > 20)
            continue;
        uint32_t lb = i;
        while (lb > s->tb && i - lb < 5 && title_left_ok (c, &tm, lb - 1))
            lb--;
        if (signed_before (c, s, lb))
            continue;
        /* "This program was signed on ...": the document named before. */
        if (lb == i && de == i + 1 && i > s->tb &&
            (bilat__tok_is (c, i - 1, "this") || bilat__tok_is (c, i - 1, "that") ||
             bilat__tok_is (c, i - 1, "said"))) {
            frame *f = frame_push (frames, BILAT_EVENT_AGREEMENT, c->tok_sent[i], i, de, s->tb,
                                   s->te, rule_anaphora);
            f->title_tb = i;
            f->title_te = de;
            f->date = event_date (c, f->sent, s->tb, s->te, i);
            made++;
            covered = de;
            continue;
        }
        chained = TRUE;
        /* "five new agreements", "a number of documents": keep the count with the noun. */
        gboolean plural = is_plural_doc (c, de - 1);
        if (plural) {
            uint32_t k = lb;
            static bilat_word_set counting = { .words = { "number", "several", "a", "of", "two",
                                                          "three", "four", "five", "six", "seven",
                                                          "eight", "nine", "ten", "new",
                                                          "important" } };
            while (k > s->tb && ((ctx_tok (c, k - 1)->flags & BILAT_TOK_DIGIT) ||
                                 bilat__word_in (&counting, c, k - 1)))
                k--;
            while (k < lb && (bilat__tok_is (c, k, "a") || bilat__tok_is (c, k, "of")))
                k++;
            lb = k;
        }
        uint32_t re = de;
        while (re < s->te && re - i < 30) {
            if (title_stop (c, &tm, re))
                break;
            /* "the Agreement on X and the Memorandum on Y" are two documents... */
            if (bilat__tok_is (c, re, "and") || bilat__tok_punct (c, re, ',')) {
                uint32_t k = re + 1;
                while (k < s->te && k < re + 6 && title_left_ok (c, &tm, k) &&
                       bilat__tok_keyword (c, k) != KW_DOC && bilat__tok_keyword (c, k) != KW_DOCS)
                    k++;
                if (k < s->te &&
                    (bilat__tok_is (c, re + 1, "the") || bilat__tok_is (c, re + 1, "a") ||
                     bilat__tok_is (c, re + 1, "an")))
                    k = re + 2;
                while (k < s->te && k < re + 6 && title_left_ok (c, &tm, k) &&
                       bilat__tok_keyword (c, k) != KW_DOC && bilat__tok_keyword (c, k) != KW_DOCS)
                    k++;
                if (k < s->te && (bilat__tok_keyword (c, k) == KW_DOC ||
                                  bilat__tok_keyword (c, k) == KW_DOCS)) {
                    /* ...unless the first is a plural count: "agreements and memoranda". */
                    if (plural && re == de) {
                        re = k + c->tok_kw_len[k];
                        continue;
                    }
                    break;
                }
                if (bilat__tok_punct (c, re, ','))
                    break;
            }
            re++;
        }
        while (re > de && (bilat__tok_is (c, re - 1, "and") || bilat__tok_is (c, re - 1, "the") ||
                           bilat__tok_is (c, re - 1, "of") || bilat__tok_is (c, re - 1, "on")))
            re--;
        frame *f = frame_push (frames, BILAT_EVENT_AGREEMENT, c->tok_sent[i], lb, re, s->tb,
                               s->te, "agreement:signed");
        f->title_tb = lb;
        f->title_te = re;
        f->date = event_date (c, f->sent, s->tb, s->te, i);
        made++;
        covered = re;
    }
    if (signs.v != stack)
        g_free (signs.v);
    if (tm.v != memo_stack)
        g_free (tm.v);
}

static void
add_party (frame *f, int st)
{
    if (st < 0)
        return;
    for (int k = 0; k < f->n_parties; k++)
        if (f->parties[k] == st)
            return;
    if (f->n_parties < 16)
        f->parties[f->n_parties++] = st;
}

/* The states an event's sentence (or title) names as taking part. */
static void
add_unique (int *arr, int *n, int max, int st)
{
    if (st < 0)
        return;
    for (int k = 0; k < *n; k++)
        if (arr[k] == st)
            return;
    if (*n < max)
        arr[(*n)++] = st;
}

/* A state after these words is a topic or a place, not a side: "the situation in
 * Afghanistan", "talks in Moscow", "an agreement on Nigeria's debt". */
static bilat_word_set topic_preps = { .words = { "in", "on", "about", "regarding", "against",
                                                 "over", "at", "into", "across", "concerning",
                                                 "near", "within" } };

/* The states an event's sentence (or title) names as taking part: people and offices
 * anywhere in the sentence are agents; states named on their own count inside the event's
 * window unless a preposition makes them a topic or a place. */
static void
collect_parties (bilat_ctx *c, frame *f)
{
    f->n_parties = f->n_persons = f->n_agents = f->n_objects = 0;
    f->objects_before = FALSE;
    const bilat_sentence *s = &g_array_index (c->sents, bilat_sentence, f->sent);
    cand_list all = candidates (c, s);
    const cand_list *cands = &all;
    /* People's states are inferred after a first reading, and only those without one get
     * one: without such a person here, a second reading would find the same. */
    f->parties_final = TRUE;
    for (guint k = 0; k < cands->len; k++)
        if (cands->v[k].person >= 0 && person_state (c, cands->v[k].person) < 0)
            f->parties_final = FALSE;
    if (f->type == BILAT_EVENT_AGREEMENT) {
        /* A title naming its parties ("between Kazakhstan and Turkmenistan") settles them. */
        for (guint k = 0; k < cands->len; k++) {
            const actor_cand *a = &cands->v[k];
            if (a->tb >= f->title_tb && a->te <= f->title_te)
                add_party (f, cand_state (c, a));
        }
        if (f->n_parties >= 2)
            return;
    }
    int places[8], n_places = 0;
    for (guint k = 0; k < cands->len; k++) {
        const actor_cand *a = &cands->v[k];
        int st = cand_state (c, a);
        if (a->person >= 0 || a->office) {
            add_unique (f->agents, &f->n_agents, 8, st);
            if (a->person >= 0)
                add_unique (f->persons, &f->n_persons, 8, a->person);
            continue;
        }
        if (a->tb < f->wb || a->te > f->we)
            continue;
        uint32_t b = a->tb;
        if (b > s->tb + 1 && bilat__tok_is (c, b - 1, "the"))
            b--;
        if (b > s->tb && bilat__word_in (&topic_preps, c, b - 1)) {
            if (a->capital)
                add_unique (places, &n_places, 8, st);
            continue;
        }
        add_unique (f->objects, &f->n_objects, 16, st);
        if (a->te <= f->tb)
            f->objects_before = TRUE;
    }
    for (int k = 0; k < f->n_agents; k++)
        add_party (f, f->agents[k]);
    for (int k = 0; k < f->n_objects; k++)
        add_party (f, f->objects[k]);
    /* "talks in Hanoi" with only one side named: the host is the other. */
    for (int k = 0; k < n_places && f->n_parties < 2; k++)
        add_party (f, places[k]);
}

static int
cmp_u64 (const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;
    return x < y ? -1 : x > y;
}

/* The key seen most often in keys[0, n) (all >= 0), ties going to the key that reached that
 * count first; -1 when n is 0. (Key, position) pairs are sorted, not counted in a table: a
 * few entries need no allocation, and a huge document stays n log n. */
static int
most_often (const int *keys, guint n)
{
    /* A handful of keys: counted pair by pair, the same answer without sorting. */
    if (n <= 16) {
        int best = -1;
        guint best_n = 0, best_at = 0;
        for (guint i = 0; i < n; i++) {
            guint count = 0, at = i;
            gboolean seen = FALSE;
            for (guint j = 0; j < n && !seen; j++)
                if (keys[j] == keys[i]) {
                    seen = j < i;
                    count++;
                    at = j;
                }
            if (seen)
                continue;
            if (count > best_n || (count == best_n && at < best_at)) {
                best = keys[i];
                best_n = count;
                best_at = at;
            }
        }
        return best;
    }
    uint64_t stack[64];
    uint64_t *v = n <= G_N_ELEMENTS (stack) ? stack : g_new (uint64_t, n);
    for (guint i = 0; i < n; i++)
        v[i] = (uint64_t) (uint32_t) keys[i] << 32 | i;
    qsort (v, n, sizeof *v, cmp_u64);
    int best = -1;
    guint best_n = 0, best_at = 0;
    for (guint i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && v[j] >> 32 == v[i] >> 32; j++)
            ;
        /* The key's last place is where it reached its count. */
        guint at = (guint) v[j - 1];
        if (j - i > best_n || (j - i == best_n && at < best_at)) {
            best = (int) (v[i] >> 32);
            best_n = j - i;
            best_at = at;
        }
    }
    if (v != stack)
        g_free (v);
    return best;
}

static void
find_main_pair (bilat_ctx *c, vec *frames)
{
    size_t ns = bilat__gazetteer_n_entities (c->ex->gz, GZ_STATE);
    int stack[64];
    int *keys = frames->len <= G_N_ELEMENTS (stack) ? stack : g_new (int, frames->len);
    guint n_keys = 0;
    for (guint k = 0; k < frames->len; k++) {
        frame *f = &VEC_AT (frames, frame, k);
        int a = -1, b = -1;
        if (f->type == BILAT_EVENT_VISIT) {
            a = f->actor_person >= 0 ? person_state (c, f->actor_person)
                                     : (f->n_actor_states ? f->actor_states[0] : -1);
            b = f->n_target_states ? f->target_states[0] : -1;
        } else {
            collect_parties (c, f);
            if (f->n_parties == 2) {
                a = f->parties[0];
                b = f->parties[1];
            }
        }
        if (a < 0 || b < 0 || a == b)
            continue;
        keys[n_keys++] = (int) (MIN (a, b) * ns + MAX (a, b)) + 1;
    }
    int best_key = most_often (keys, n_keys);
    if (keys != stack)
        g_free (keys);
    if (best_key > 0) {
        c->main_a = (best_key - 1) / (int) ns;
        c->main_b = (best_key - 1) % (int) ns;
        return;
    }
    /* No event names two states: the two states the text names most. */
    int freq_stack[512];
    int *freq = ns + 1 <= G_N_ELEMENTS (freq_stack) ? freq_stack : g_new (int, ns + 1);
    memset (freq, 0, (ns + 1) * sizeof *freq);
    const bilat_mention *ms = (const bilat_mention *) (void *) c->mentions->data;
    for (guint k = 0; k < c->mentions->len; k++) {
        const bilat_mention *m = &ms[k];
        if (m->kind == GZ_STATE && !m->dateline)
            freq[m->id]++;
    }
    for (guint k = 0; k < c->persons->len; k++) {
        int st = g_array_index (c->persons, bilat_person, k).state;
        if (st >= 0)
            freq[st]++;
    }
    /* Ties go to the state named first. */
    int a = -1, b = -1;
    for (guint k = 0; k < c->mentions->len; k++) {
        const bilat_mention *m = &ms[k];
        if (m->kind != GZ_STATE || m->dateline)
            continue;
        int i = m->id;
        if (i == a || i == b)
            continue;
        if (a < 0 || freq[i] > freq[a]) {
            b = a;
            a = i;
        } else if (b < 0 || freq[i] > freq[b])
            b = i;
    }
    if (freq != freq_stack)
        g_free (freq);
    c->main_a = a;
    c->main_b = b;
}

static void
find_traveller (bilat_ctx *c, vec *frames)
{
    int stack[64];
    int *keys = frames->len <= G_N_ELEMENTS (stack) ? stack : g_new (int, frames->len);
    guint n_keys = 0;
    for (guint k = 0; k < frames->len; k++) {
        const frame *f = &VEC_AT (frames, frame, k);
        if (f->type != BILAT_EVENT_VISIT)
            continue;
        int a = f->actor_person >= 0 ? person_state (c, f->actor_person)
                                     : (f->n_actor_states == 1 ? f->actor_states[0] : -1);
        if (a >= 0)
            keys[n_keys++] = a;
    }
    c->traveller = most_often (keys, n_keys);
    if (keys != stack)
        g_free (keys);
}

/* The state of the person the text names most often. */
static void
find_protagonist (bilat_ctx *c)
{
    int stack[256];
    int *refs = c->persons->len < G_N_ELEMENTS (stack) ? stack : g_new (int, c->persons->len + 1);
    memset (refs, 0, (c->persons->len + 1) * sizeof *refs);
    int best = -1;
    for (guint r = 0; r < c->person_refs->len; r++) {
        int p = g_array_index (c->person_refs, bilat_person_ref, r).person;
        if (person_state (c, p) < 0)
            continue;
        refs[p]++;
        if (best < 0 || refs[p] > refs[best])
            best = p;
    }
    c->protagonist = best >= 0 ? person_state (c, best) : -1;
    if (refs != stack)
        g_free (refs);
}

static int
partner (const bilat_ctx *c, int st)
{
    if (c->main_a < 0 || c->main_b < 0)
        return -1;
    return st == c->main_a ? c->main_b : st == c->main_b ? c->main_a : -1;
}

/* The one state a sentence names outside people's titles, or -1. */
static int
only_state (const bilat_ctx *c, int sent)
{
    const bilat_sentence *s = &g_array_index (c->sents, bilat_sentence, sent);
    int only = -1;
    guint q = oref_first (c, sent);
    for (uint32_t i = s->tb; i < s->te; i++) {
        /* Office chains are in order: step past the ones that end before i. */
        while (q < c->office_refs->len &&
               g_array_index (c->office_refs, bilat_office_ref, q).sent == sent &&
               g_array_index (c->office_refs, bilat_office_ref, q).te <= i)
            q++;
        gboolean in_title = FALSE;
        if (q < c->office_refs->len) {
            const bilat_office_ref *o = &g_array_index (c->office_refs, bilat_office_ref, q);
            in_title = o->sent == sent && o->person >= 0 && o->tb <= i && i < o->te;
        }
        const bilat_mention *m = ctx_mention_at (c, i);
        if (m && m->tb == i && m->kind == GZ_STATE && !m->dateline && !in_title) {
            if (only >= 0 && only != m->id)
                return -1;
            only = m->id;
        }
    }
    return only;
}

/* A person named without a state takes the other side of the main pair when someone else in
 * the same sentence holds one side ("Minister Bui Thanh Son held talks with his Beninese
 * counterpart ..."). */
static void
infer_person_states (bilat_ctx *c)
{
    if (c->main_a < 0 || c->main_b < 0)
        return;
    for (guint r = 0; r < c->person_refs->len; r++) {
        const bilat_person_ref *ref = &g_array_index (c->person_refs, bilat_person_ref, r);
        bilat_person *p = &g_array_index (c->persons, bilat_person, ref->person);
        if (p->state >= 0)
            continue;
        int other = -1;
        gboolean clash = FALSE;
        FOR_PREFS (c, ref->sent, q) {
            const bilat_person_ref *o = &g_array_index (c->person_refs, bilat_person_ref, q);
            if (o->person == ref->person)
                continue;
            int st = person_state (c, o->person);
            if (st < 0)
                continue;
            if (other >= 0 && other != st)
                clash = TRUE;
            other = st;
        }
        FOR_OREFS (c, ref->sent, q) {
            const bilat_office_ref *o = &g_array_index (c->office_refs, bilat_office_ref, q);
            if (o->person == ref->person || o->state < 0)
                continue;
            if (other >= 0 && other != o->state)
                clash = TRUE;
            other = o->state;
        }
        if (!clash && partner (c, other) >= 0)
            p->state = partner (c, other);
    }
    /* Still unknown: the one state the person's sentence names, if only one (states inside
     * other people's titles do not count). Computed once per sentence. */
    int stack[256];
    int *only = NULL;  /* made when someone is still without a state */
    for (guint r = 0; r < c->person_refs->len; r++) {
        const bilat_person_ref *ref = &g_array_index (c->person_refs, bilat_person_ref, r);
        bilat_person *p = &g_array_index (c->persons, bilat_person, ref->person);
        if (p->state >= 0)
            continue;
        if (only == NULL) {
            only = c->sents->len <= G_N_ELEMENTS (stack) ? stack : g_new (int, c->sents->len);
            for (guint k = 0; k < c->sents->len; k++)
                only[k] = -2;
        }
        if (only[ref->sent] == -2)
            only[ref->sent] = only_state (c, ref->sent);
        if (only[ref->sent] >= 0)
            p->state = only[ref->sent];
    }
    if (only != stack)
        g_free (only);
}

static const char *
code (bilat_ctx *c, int st)
{
    return bilat__state_code (c, st);
}

static bilat_fact *
new_event (bilat_ctx *c, const frame *f, int type, const char *date, const char *const *codes,
           int n_codes)
{
    bilat_fact *e = bilat__doc_add (c->doc, BILAT_FACT_EVENT);
    e->event_type = type;
    e->text = type == BILAT_EVENT_VISIT ? "visit" : type == BILAT_EVENT_MEETING ? "meeting"
                                                                                : "agreement";
    e->sentence = f->sent;
    e->rule = f->rule;  /* a literal: it outlives the doc */
    e->start = bilat__text_orig (&c->text, ctx_tok (c, f->tb)->start);
    e->end = bilat__text_orig_end (&c->text, ctx_tok (c, MAX (f->te, f->tb + 1) - 1)->end);
    e->date = date ? bilat__ctx_copy (c, date) : NULL;
    e->place = f->place;
    /* The parties, as many as there are codes; persons come when there are some (NULL is
     * no persons to every reader of a fact). */
    e->parties = bilat__doc_list (c->doc, (guint) n_codes);
    e->parties->len = (guint) n_codes;
    memcpy (e->parties->pdata, codes, (size_t) n_codes * sizeof *codes);
    return e;
}

static void
add_persons (bilat_ctx *c, bilat_fact *e, const int *persons, int n)
{
    for (int k = 0; k < n; k++) {
        const char *name = g_array_index (c->persons, bilat_person, persons[k]).name;
        gboolean dup = FALSE;
        for (guint j = 0; e->persons && j < e->persons->len; j++)
            dup |= g_ptr_array_index (e->persons, j) == name;
        if (!dup)
            bilat__doc_list_add (c->doc, &e->persons, (gpointer) name);
    }
}

/* Visits of the same pair merge when one has no date, or both the same date, and their
 * levels do not conflict: "paid an official visit" and "as part of his official visit". */
static gboolean
same_visit (const bilat_fact *e, const char *actor, const char *target, const char *date,
            const char *level)
{
    if (e->event_type != BILAT_EVENT_VISIT || strcmp (e->actor, actor) ||
        strcmp (e->target, target))
        return FALSE;
    if (e->level && level && strcmp (e->level, level))
        return FALSE;
    if (e->date && date && strcmp (e->date, date)) {
        /* Days of one multi-day visit: "On 30 November and 1 December". */
        GDate a, b;
        if (!bilat__date_parse (e->date, &a) || !bilat__date_parse (date, &b))
            return FALSE;
        return ABS (g_date_days_between (&a, &b)) <= 7;
    }
    return TRUE;
}

static void
key_init (event_key *k, int type, const char *const *codes, int n, gboolean sort)
{
    /* Codes past n are never read: the key is not cleared. */
    k->type = type;
    k->n = MIN (n, 16);
    for (int i = 0; i < k->n; i++)
        k->codes[i] = codes[i];
    for (int i = 1; sort && i < k->n; i++)
        for (int j = i; j > 0 && k->codes[j - 1] > k->codes[j]; j--) {
            const char *t = k->codes[j];
            k->codes[j] = k->codes[j - 1];
            k->codes[j - 1] = t;
        }
}

static guint
key_hash (gconstpointer p)
{
    const event_key *k = p;
    uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t) k->type;
    for (int i = 0; i < k->n; i++)
        h = (h ^ (uint64_t) (uintptr_t) k->codes[i]) * 0x100000001b3ULL;
    return (guint) (h ^ (h >> 32));
}

static gboolean
key_equal (gconstpointer a, gconstpointer b)
{
    const event_key *x = a, *y = b;
    return x->type == y->type && x->n == y->n &&
           memcmp (x->codes, y->codes, sizeof x->codes[0] * (size_t) x->n) == 0;
}

/* The bucket of key (h is its key_hash), made when create is set; -1 when there is none. */
static int
bucket (bilat_ctx *c, const event_key *key, guint h, gboolean create)
{
    struct bilat_events *ev = c->events;
    for (guint i = h & (ev->n_slots - 1); ev->n_slots && ev->slots[i] >= 0;
         i = (i + 1) & (ev->n_slots - 1)) {
        const ev_bucket *b = &VEC_AT (&ev->buckets, ev_bucket, ev->slots[i]);
        if (b->hash == h && key_equal (&b->key, key))
            return ev->slots[i];
    }
    if (!create)
        return -1;
    *(ev_bucket *) vec_push (&ev->buckets) =
        (ev_bucket) { .key = *key, .hash = h, .first = -1, .last = -1 };
    if (2 * ev->buckets.len > ev->n_slots) {
        /* Half full at most, so that a probe ends soon. */
        ev->n_slots = MAX (G_N_ELEMENTS (ev->slot_buf), 2 * ev->n_slots);
        if (ev->slots != NULL && ev->slots != ev->slot_buf)
            g_free (ev->slots);
        ev->slots = ev->n_slots == G_N_ELEMENTS (ev->slot_buf) ? ev->slot_buf
                                                               : g_new (int32_t, ev->n_slots);
        memset (ev->slots, 0xff, ev->n_slots * sizeof *ev->slots);
        for (guint k = 0; k + 1 < ev->buckets.len; k++) {
            guint i = VEC_AT (&ev->buckets, ev_bucket, k).hash & (ev->n_slots - 1);
            while (ev->slots[i] >= 0)
                i = (i + 1) & (ev->n_slots - 1);
            ev->slots[i] = (int32_t) k;
        }
    }
    guint i = h & (ev->n_slots - 1);
    while (ev->slots[i] >= 0)
        i = (i + 1) & (ev->n_slots - 1);
    ev->slots[i] = (int32_t) (ev->buckets.len - 1);
    return (int) ev->buckets.len - 1;
}

static ev_item *
item (const bilat_ctx *c, int k)
{
    return &VEC_AT (&c->events->items, ev_item, k);
}

static ev_bucket *
bucket_at (const bilat_ctx *c, int b)
{
    return &VEC_AT (&c->events->buckets, ev_bucket, b);
}

/* File fact e, just made, under bucket b. */
static void
file_event (bilat_ctx *c, int b, bilat_fact *e)
{
    *(ev_item *) vec_push (&c->events->items) = (ev_item) { .e = e, .next = -1 };
    int k = (int) c->events->items.len - 1;
    ev_bucket *bk = bucket_at (c, b);
    if (bk->last >= 0)
        item (c, bk->last)->next = k;
    else
        bk->first = k;
    bk->last = k;
}

/* The key of a frame's parties; codes gets their codes, in the frame's order. */
static void
frame_key (bilat_ctx *c, const frame *f, event_key *key, const char **codes)
{
    for (int k = 0; k < f->n_parties && k < 16; k++)
        codes[k] = code (c, f->parties[k]);
    key_init (key, f->type, codes, f->n_parties, TRUE);
}

static void
emit_visit (bilat_ctx *c, const frame *f, int a, int t)
{
    const char *ac = code (c, a), *tc = code (c, t);
    const char *pair[2] = { ac, tc };
    event_key key;
    key_init (&key, BILAT_EVENT_VISIT, pair, 2, FALSE);
    int b = bucket (c, &key, key_hash (&key), TRUE);
    for (int k = bucket_at (c, b)->first; k >= 0; k = item (c, k)->next) {
        bilat_fact *e = item (c, k)->e;
        if (same_visit (e, ac, tc, f->date, f->level)) {
            if (f->date && (!e->date || strcmp (f->date, e->date) < 0))
                e->date = bilat__ctx_copy (c, f->date);
            if (!e->level && f->level)
                e->level = f->level;
            if (!e->place && f->place)
                e->place = f->place;
            if (f->actor_person >= 0)
                add_persons (c, e, &f->actor_person, 1);
            return;
        }
    }
    bilat_fact *e = new_event (c, f, BILAT_EVENT_VISIT, f->date, pair, 2);
    file_event (c, b, e);
    e->actor = ac;
    e->target = tc;
    e->level = f->level;
    e->cameo = "042";
    e->plover = "CONSULT";
    if (f->actor_person >= 0)
        add_persons (c, e, &f->actor_person, 1);
}

/* The doc's copy of the text of tokens [tb, te), white space folded as bilat__fold_span
 * does. Token by token: tokens hold no white space, so only the gaps between them are read
 * byte by byte (a tab there is kept, as fold_span keeps it). Nothing compares titles by
 * pointer, so the copy is not interned. */
static const char *
copy_tokens (bilat_ctx *c, uint32_t tb, uint32_t te)
{
    uint32_t start = ctx_tok (c, tb)->start, end = ctx_tok (c, te - 1)->end;
    const char *text = c->text.text;
    /* Most titles are words one space apart: their text is the copy. */
    uint32_t plain = tb + 1;
    while (plain < te && (ctx_tok (c, plain)->start == ctx_tok (c, plain - 1)->end ||
                          (ctx_tok (c, plain)->start == ctx_tok (c, plain - 1)->end + 1 &&
                           text[ctx_tok (c, plain - 1)->end] == ' ')))
        plain++;
    if (plain >= te)
        return bilat__doc_copy_len (c->doc, text + start, end - start);
    char stack[256];
    char *buf = (size_t) (end - start) + 1 > sizeof stack ? g_malloc ((size_t) (end - start) + 1)
                                                          : stack;
    size_t n = 0;
    for (uint32_t k = tb; k < te; k++) {
        const bilat_token *t = ctx_tok (c, k);
        if (k > tb) {
            gboolean space = FALSE;
            for (uint32_t i = ctx_tok (c, k - 1)->end; i < t->start; i++) {
                if (text[i] == ' ' || text[i] == '\n') {
                    space = TRUE;
                    continue;
                }
                if (space)
                    buf[n++] = ' ';
                space = FALSE;
                buf[n++] = text[i];
            }
            if (space)
                buf[n++] = ' ';
        }
        memcpy (buf + n, text + t->start, t->end - t->start);
        n += t->end - t->start;
    }
    const char *r = bilat__doc_copy_len (c->doc, buf, n);
    if (buf != stack)
        g_free (buf);
    return r;
}

/* By name; an insertion sort, as stable as g_ptr_array_sort, for a handful of codes. */
static void
sort_codes (const char **pc, guint n)
{
    for (guint i = 1; i < n; i++)
        for (guint j = i; j > 0 && strcmp (pc[j - 1], pc[j]) > 0; j--) {
            const char *t = pc[j];
            pc[j] = pc[j - 1];
            pc[j - 1] = t;
        }
}

/* A meeting or agreement fact from a frame whose parties are settled. */
static void
emit_event (bilat_ctx *c, const frame *f)
{
    if (f->n_parties < 2)
        return;
    event_key key;
    const char *codes[16];
    frame_key (c, f, &key, codes);
    /* Every path below files the event under its key, or finds one filed there: the
     * bucket is made now if it is new. */
    int b = bucket (c, &key, key_hash (&key), TRUE);
    if (f->type == BILAT_EVENT_MEETING) {
        /* "held talks ... During the talks ... the ministers met": one meeting, unless the
         * text dates them apart or the mode differs. */
        for (int k = bucket_at (c, b)->first; k >= 0; k = item (c, k)->next) {
            bilat_fact *e = item (c, k)->e;
            if ((e->mode != f->mode && strcmp (e->mode, f->mode)) ||
                (e->date && f->date && strcmp (e->date, f->date)))
                continue;
            if (!e->date && f->date)
                e->date = bilat__ctx_copy (c, f->date);
            add_persons (c, e, f->persons, f->n_persons);
            return;
        }
    }
    if (f->type == BILAT_EVENT_AGREEMENT) {
        if (f->rule == rule_anaphora && bucket_at (c, b)->last >= 0) {
            /* "This program was signed on 11 October": dates the last such agreement (all
             * agreements are still waiting). */
            ev_item *it = item (c, bucket_at (c, b)->last);
            if (!it->date && f->date)
                it->date = f->date;
            return;
        }
        /* Its place among the events, until settle_agreements. f is the stage's frame: only
         * meetings are split into copies. */
        g_ptr_array_add (c->doc->facts[BILAT_FACT_EVENT], NULL);
        file_event (c, b, NULL);
        ev_item *it = item (c, (int) c->events->items.len - 1);
        it->f = f;
        it->date = f->date;
        return;
    }
    bilat_fact *e = new_event (c, f, f->type, f->date, codes, MIN (f->n_parties, 16));
    sort_codes ((const char **) e->parties->pdata, e->parties->len);
    file_event (c, b, e);
    add_persons (c, e, f->persons, f->n_persons);
    e->mode = f->mode;
    e->cameo = f->mode && f->mode != mode_in_person ? "040" : "043";
    e->plover = "CONSULT";
    if (f->rule == rule_talks)
        e->cameo = "046";
}

/* An agreement's parties as its fact lists them: codes by name. */
static guint
agreement_parties (bilat_ctx *c, const frame *f, const char **codes)
{
    guint n = (guint) MIN (f->n_parties, 16);
    for (guint k = 0; k < n; k++)
        codes[k] = code (c, f->parties[k]);
    sort_codes (codes, n);
    return n;
}

/* The fact of a waiting agreement, at the end of the doc's events. */
static bilat_fact *
make_agreement (bilat_ctx *c, const ev_item *it)
{
    const frame *f = it->f;
    const char *codes[16];
    guint n = agreement_parties (c, f, codes);
    bilat_fact *e = new_event (c, f, BILAT_EVENT_AGREEMENT, it->date, codes, (int) n);
    add_persons (c, e, f->persons, f->n_persons);
    e->title = copy_tokens (c, f->title_tb, f->title_te);
    e->cameo = "057";
    e->plover = "AGREE";
    return e;
}

/* The parties of the event reported last, as its fact lists them; 0 when there is none. */
static guint
last_event_parties (bilat_ctx *c, const char **codes)
{
    GPtrArray *evs = c->doc->facts[BILAT_FACT_EVENT];
    if (evs->len == 0)
        return 0;
    const bilat_fact *last = g_ptr_array_index (evs, evs->len - 1);
    if (last == NULL)
        return agreement_parties (c, item (c, (int) c->events->items.len - 1)->f, codes);
    guint n = MIN (last->parties->len, 16);
    for (guint k = 0; k < n; k++)
        codes[k] = g_ptr_array_index (last->parties, k);
    return n;
}

/* The state a party's code names. The same few codes come back sentence after sentence,
 * so the last ones looked up are remembered. */
static int
state_of_code (bilat_ctx *c, const char *code)
{
    struct bilat_events *ev = c->events;
    guint n = MIN (ev->n_memo, G_N_ELEMENTS (ev->memo_code));
    for (guint k = 0; k < n; k++)
        if (ev->memo_code[k] == code)
            return ev->memo_state[k];
    int st = bilat__gazetteer_find_state (c->ex->gz, code);
    guint slot = ev->n_memo++ % G_N_ELEMENTS (ev->memo_code);
    ev->memo_code[slot] = code;
    ev->memo_state[slot] = st;
    return st;
}

static void
emit_frame (bilat_ctx *c, frame *f)
{
    if (f->type == BILAT_EVENT_VISIT) {
        int actors[8], n_act = 0;
        if (f->actor_person >= 0) {
            int st = person_state (c, f->actor_person);
            if (st >= 0)
                actors[n_act++] = st;
        } else {
            for (int k = 0; k < f->n_actor_states; k++)
                actors[n_act++] = f->actor_states[k];
        }
        int targets[8], n_tgt = 0;
        for (int k = 0; k < f->n_target_states; k++)
            targets[n_tgt++] = f->target_states[k];
        if (f->hosted) {
            int host = f->host_person >= 0 ? person_state (c, f->host_person) : f->host_state;
            if (host < 0 || n_act == 0)
                return;
            targets[n_tgt++] = host;
        }
        if (n_act == 0 && n_tgt == 1 && partner (c, targets[0]) >= 0)
            actors[n_act++] = partner (c, targets[0]);
        /* "The President will visit Nigeria, Ghana and Senegal": whoever travels in the
         * rest of the text. */
        if (n_act == 0 && n_tgt > 0 && c->traveller >= 0)
            actors[n_act++] = c->traveller;
        if (n_tgt == 0 && n_act == 1 && partner (c, actors[0]) >= 0)
            targets[n_tgt++] = partner (c, actors[0]);
        for (int a = 0; a < n_act; a++)
            for (int t = 0; t < n_tgt; t++)
                if (actors[a] != targets[t])
                    emit_visit (c, f, actors[a], targets[t]);
        return;
    }
    if (!f->parties_final)
        collect_parties (c, f);
    /* One side meeting several others named in a list ("separate meetings with the
     * ambassadors of Sweden and the Czech Republic") is a meeting with each. */
    /* "The Foreign Ministers of Armenia and Azerbaijan met ... under the auspices of the US
     * Secretary of State": states before the meeting word are its subjects, all of them. */
    /* "trilateral", "summit": no splitting into pairs (asked last: it reads the sentence). */
    if (f->type == BILAT_EVENT_MEETING && f->n_agents <= 1 && f->n_objects >= 2 &&
        !f->objects_before &&
        !is_multilateral (c, &g_array_index (c->sents, bilat_sentence, f->sent))) {
        /* Without a known side to pair them with, a longer list says nothing certain; two
         * states alone ("talks between Uzbekistan and Azerbaijan") are the two sides. */
        int agent = f->n_agents ? f->agents[0] : -1;
        if (agent < 0 && f->n_objects > 2)
            return;
        if (agent >= 0 && f->n_agents == 1) {
            frame one = *f;
            for (int j = 0; j < f->n_objects; j++) {
                if (f->objects[j] == agent)
                    continue;
                one.n_parties = 0;
                add_party (&one, agent);
                add_party (&one, f->objects[j]);
                emit_event (c, &one);
            }
            return;
        }
    }
    /* "The sides continued negotiations": the sides of the event just reported. */
    if (f->n_parties == 0 &&
        sentence_has (c, &g_array_index (c->sents, bilat_sentence, f->sent), KW_SIDES)) {
        const char *codes[16];
        guint n = last_event_parties (c, codes);
        if (n >= 2) {
            f->n_parties = 0;
            for (guint k = 0; k < n; k++)
                add_party (f, state_of_code (c, codes[k]));
        }
    }
    if (f->n_parties == 1 && partner (c, f->parties[0]) >= 0)
        add_party (f, partner (c, f->parties[0]));
    else if (f->n_parties == 1 && c->protagonist >= 0 && c->protagonist != f->parties[0])
        /* "In his meeting with the Prime Minister of Pakistan": "his" is the person the
         * text follows. */
        add_party (f, c->protagonist);
    else if (f->n_parties == 0 && c->main_a >= 0 && c->main_b >= 0) {
        add_party (f, c->main_a);
        add_party (f, c->main_b);
    }
    emit_event (c, f);
}

/* Does sentence s open with a list marker ("-", "*", "1.", "a)")? */
static gboolean
is_list_item (const bilat_ctx *c, const bilat_sentence *s)
{
    const bilat_token *t = ctx_tok (c, s->tb);
    char ch = c->text.text[t->start];
    if ((t->flags & BILAT_TOK_PUNCT) && strchr ("-*\xe2", ch))
        return TRUE;
    if ((unsigned char) ch == 0xE2 || (unsigned char) ch == 0xC2) /* bullets */
        return TRUE;
    return s->tb + 1 < s->te && (t->flags & BILAT_TOK_DIGIT) && t->end - t->start <= 2 &&
           (bilat__tok_punct (c, s->tb + 1, '.') || bilat__tok_punct (c, s->tb + 1, ')'));
}

/* A sentence in title case with no final stop is a headline. */
static gboolean
is_headline (const bilat_ctx *c, int sent)
{
    const bilat_sentence *s = &g_array_index (c->sents, bilat_sentence, sent);
    const bilat_token *last = ctx_tok (c, s->te - 1);
    return sent == 0 && !((last->flags & BILAT_TOK_PUNCT) && c->text.text[last->start] == '.');
}

/* A count rather than a name: "20 cooperation documents between ministries", "a number of
 * agreements". Read from the title's tokens: a word of the title as copied (split at the
 * spaces its white space folds to) is one of these heads when it is one token with a space
 * or line break, or the title's end, on each side. */
static gboolean
is_generic_title (const bilat_ctx *c, uint32_t tb, uint32_t te)
{
#define HEAD(w) { w, sizeof w - 1 }
    static const struct {
        const char *word;
        size_t len;
    } heads[] = { HEAD ("documents"), HEAD ("document"), HEAD ("agreements"),
                  HEAD ("instruments"), HEAD ("memoranda"), HEAD ("MoUs"), HEAD ("MOUs"),
                  HEAD ("papers"), HEAD ("deals") };
#undef HEAD
    const char *text = c->text.text;
    for (uint32_t k = tb; k < te; k++) {
        const bilat_token *t = ctx_tok (c, k);
        size_t n = t->end - t->start;
        /* Every head ends in "s", "t" or "a": most words go without a compare. */
        char last = (char) (text[t->end - 1] | 0x20);
        if (last != 's' && last != 't' && last != 'a')
            continue;
        if ((k > tb && text[t->start - 1] != ' ' && text[t->start - 1] != '\n') ||
            (k + 1 < te && text[t->end] != ' ' && text[t->end] != '\n'))
            continue;
        for (size_t h = 0; h < G_N_ELEMENTS (heads); h++)
            if (heads[h].len == n && (text[t->start] | 0x20) == (heads[h].word[0] | 0x20) &&
                bilat__same_word (text + t->start, heads[h].word, n))
                return TRUE;
    }
    return FALSE;
}

/* "A number of documents were signed, including the Declaration on ...": once documents
 * are named, the count adds nothing; a headline repeats what the body says. */
static void
prune_agreements (bilat_ctx *c)
{
    GPtrArray *evs = c->doc->facts[BILAT_FACT_EVENT];
    /* One agreement alone is never dropped: it would need another with its sides. */
    guint n_agreements = 0;
    for (guint k = 0; k < evs->len; k++) {
        const bilat_fact *e = g_ptr_array_index (evs, k);
        n_agreements += e == NULL || e->event_type == BILAT_EVENT_AGREEMENT;
    }
    if (n_agreements < 2)
        return;
    /* What each set of sides has besides counts and headlines: the facts are filed by
     * sides already. */
    struct bilat_events *ev = c->events;
    for (guint b = 0; b < ev->buckets.len; b++) {
        const ev_bucket *bk = bucket_at (c, (int) b);
        if (bk->key.type != BILAT_EVENT_AGREEMENT)
            continue;
        gboolean titled = FALSE, in_body = FALSE;
        for (int k = bk->first; k >= 0; k = item (c, k)->next) {
            ev_item *it = item (c, k);
            it->generic = is_generic_title (c, it->f->title_tb, it->f->title_te);
            it->headline = is_headline (c, it->f->sent);
            titled |= !it->generic;
            in_body |= !it->headline;
        }
        for (int k = bk->first; k >= 0; k = item (c, k)->next) {
            ev_item *it = item (c, k);
            it->drop = (it->generic && titled) || (it->headline && in_body);
        }
    }
}

/* The waiting agreements made, in their places, and the dropped ones' places closed: kept
 * events move down in one pass. */
static void
settle_agreements (bilat_ctx *c)
{
    GPtrArray *evs = c->doc->facts[BILAT_FACT_EVENT];
    guint kept = c->events->first_event;
    for (guint k = kept; k < evs->len; k++) {
        bilat_fact *e = g_ptr_array_index (evs, k);
        if (e == NULL) {
            const ev_item *it = item (c, (int) (k - c->events->first_event));
            if (it->drop)
                continue;
            /* Made at the end of the events, then moved to its place. */
            e = make_agreement (c, it);
            g_ptr_array_set_size (evs, (gint) evs->len - 1);
        }
        g_ptr_array_index (evs, kept++) = e;
    }
    g_ptr_array_set_size (evs, (gint) kept);
}

void
bilat__find_events (bilat_ctx *c)
{
    /* The buffers are not cleared: every array says how much of it is filled. */
    struct bilat_events ev;
    ev.sents = c->sents->len <= G_N_ELEMENTS (ev.sent_buf) ? ev.sent_buf
                                                           : g_new (sent_info, c->sents->len);
    vec_init (&ev.cands, ev.cand_buf, G_N_ELEMENTS (ev.cand_buf), sizeof (actor_cand));
    ev.map = ev.map_buf;
    ev.map_cap = G_N_ELEMENTS (ev.map_buf);
    vec_init (&ev.buckets, ev.bucket_buf, G_N_ELEMENTS (ev.bucket_buf), sizeof (ev_bucket));
    vec_init (&ev.items, ev.item_buf, G_N_ELEMENTS (ev.item_buf), sizeof (ev_item));
    ev.slots = NULL;
    ev.n_slots = 0;
    ev.n_memo = 0;
    ev.first_event = c->doc->facts[BILAT_FACT_EVENT]->len;
    c->events = &ev;
    frame frame_buf[16];
    vec frame_vec;
    vec *frames = &frame_vec;
    vec_init (frames, frame_buf, G_N_ELEMENTS (frame_buf), sizeof (frame));
    gboolean list_ctx = FALSE;
    uint32_t hit_buf[256];
    vec hit_vec;
    vec_init (&hit_vec, hit_buf, G_N_ELEMENTS (hit_buf), sizeof (uint32_t));
    find_rule_words (c, &hit_vec);
    const uint32_t *hits = (const uint32_t *) (void *) hit_vec.data;
    const guint n_hits = hit_vec.len;
    guint hit = 0;
    /* Cursors over the lists in text order: each sentence's first reference, office chain,
     * date and mention. */
    const bilat_person_ref *prefs = (const bilat_person_ref *) (void *) c->person_refs->data;
    const bilat_office_ref *orefs = (const bilat_office_ref *) (void *) c->office_refs->data;
    const bilat_date_expr *dates = (const bilat_date_expr *) (void *) c->dates->data;
    const bilat_mention *ments = (const bilat_mention *) (void *) c->mentions->data;
    const guint n_prefs = c->person_refs->len, n_orefs = c->office_refs->len;
    const guint n_dates = c->dates->len, n_ments = c->mentions->len;
    guint first_pref = 0, first_oref = 0, first_date = 0, first_ment = 0;
    /* All bits set is "not worked out yet" in every field of a sentence's notes. */
    memset (ev.sents, 0xff, c->sents->len * sizeof *ev.sents);
    for (guint si = 0; si < c->sents->len; si++) {
        /* Outside a list, a sentence without an event word needs nothing: on to the next
         * one that has one, if any. */
        if (!list_ctx) {
            if (hit == n_hits)
                break;
            guint next = (guint) c->tok_sent[hits[hit]];
            if (next > si)
                si = next;
        }
        const bilat_sentence *s = &g_array_index (c->sents, bilat_sentence, si);
        sent_info *info = &ev.sents[si];
        /* The sentence's visit and meeting words, and a bit per keyword for the tests that
         * only ask whether the sentence has one. */
        sent_words sw;
        sw.kws = 0;
        sw.nv = sw.nm = sw.n_docs = sw.n_signs = 0;
        const uint32_t tb = s->tb, te = s->te;
        while (hit < n_hits && hits[hit] < tb)
            hit++;
        for (; hit < n_hits && hits[hit] < te; hit++)
            note_word (&sw, hits[hit], c->tok_kw[hits[hit]]);
        if (!(sw.kws & EVENT_KWS)) {
            /* No event word; a list marker matters only to an open list. */
            if (list_ctx && !is_list_item (c, s) &&
                c->text.text[ctx_tok (c, s->te - 1)->start] != ':')
                list_ctx = FALSE;
            continue;
        }
        while (first_pref < n_prefs && prefs[first_pref].sent < (int32_t) si)
            first_pref++;
        while (first_oref < n_orefs && orefs[first_oref].sent < (int32_t) si)
            first_oref++;
        while (first_date < n_dates && dates[first_date].sent < (int32_t) si)
            first_date++;
        while (first_ment < n_ments && ments[first_ment].sent < (int32_t) si)
            first_ment++;
        info->first[FIRST_PREF] = first_pref;
        info->first[FIRST_OREF] = first_oref;
        info->first[FIRST_DATE] = first_date;
        info->first[FIRST_MENT] = first_ment;
        const uint32_t *visits = sw.visits, *meets = sw.meets, kws = sw.kws;
        int nv = sw.nv, nm = sw.nm;
        gboolean has_sign = (kws & KW_BIT (KW_SIGN)) != 0;
        gboolean has_doc = (kws & (KW_BIT (KW_DOC) | KW_BIT (KW_DOCS))) != 0;
        cand_list cands = nv + nm > 0 ? candidates (c, s) : (cand_list) { NULL, 0 };
        for (int v = 0; v < nv; v++) {
            uint32_t we = v + 1 < nv ? visits[v + 1] : s->te;
            visit_frame (c, s, &cands, visits[v], visits[v] + c->tok_kw_len[visits[v]], we,
                         frames);
        }
        /* Each meeting word reads the states named up to the next one: "meetings with the
         * prime ministers of Japan and Canada ... phone calls with the presidents of ...". */
        for (int k = 0; k < nm; k++) {
            uint32_t wb = k == 0 ? s->tb : meets[k];
            uint32_t we = k + 1 < nm ? meets[k + 1] : s->te;
            meeting_frame (c, s, &cands, meets[k], meets[k] + c->tok_kw_len[meets[k]],
                           bilat__tok_keyword (c, meets[k]), wb, we, frames);
        }
        /* "... signed eight documents. These include:" opens a list of signed titles. */
        gboolean item = (has_doc || list_ctx) && is_list_item (c, s);
        if (has_doc && ((has_sign && !item) || (list_ctx && item)))
            agreement_frames (c, s, &sw, list_ctx && item, frames);
        if (has_sign && has_doc)
            list_ctx = TRUE;
        else if (!item && !(list_ctx && c->text.text[ctx_tok (c, s->te - 1)->start] == ':'))
            list_ctx = FALSE;
    }
    find_main_pair (c, frames);
    infer_person_states (c);
    find_protagonist (c);
    /* Whoever is still without a state most likely serves the state the text follows: a
     * release names its own officials without saying whose they are. */
    for (guint p = 0; p < c->persons->len && c->protagonist >= 0; p++) {
        bilat_person *pp = &g_array_index (c->persons, bilat_person, p);
        if (pp->state < 0 && pp->offices->len > 0)
            pp->state = c->protagonist;
    }
    find_traveller (c, frames);
    /* Room for an event per frame, made at once: GLib grows the list from nothing by
     * doubling, a reallocation every few events. Most frames make one event or none. */
    GPtrArray *evs = c->doc->facts[BILAT_FACT_EVENT];
    guint had = evs->len;
    if (frames->len > 1) {
        g_ptr_array_set_size (evs, (gint) (had + frames->len));
        g_ptr_array_set_size (evs, (gint) had);
    }
    for (guint k = 0; k < frames->len; k++)
        emit_frame (c, &VEC_AT (frames, frame, k));
    prune_agreements (c);
    settle_agreements (c);
    vec_clear (frames);
    vec_clear (&hit_vec);
    vec_clear (&ev.buckets);
    vec_clear (&ev.items);
    if (ev.slots != NULL && ev.slots != ev.slot_buf)
        g_free (ev.slots);
    if (ev.sents != ev.sent_buf)
        g_free (ev.sents);
    vec_clear (&ev.cands);
    if (ev.map != ev.map_buf)
        g_free (ev.map);
    c->events = NULL;
}
