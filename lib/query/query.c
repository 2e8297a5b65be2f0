/* SPDX-License-Identifier: MIT */
/* Queries over a model: the relation of two states, a state's partners, filtered events, a
 * pair's timeline, a state's people, the shortest chain of relations; results as borrowed
 * views or JSON. An unknown state or an empty model gives an empty answer. */
#include "query-private.h"
#include "../extract/extract-private.h"

#include <string.h>

static bilat_result *
result_new (const bilat_model *m, int kind)
{
    bilat_result *r = g_new0 (bilat_result, 1);
    r->kind = kind;
    r->model = m;
    r->states = g_ptr_array_new ();
    r->scores = g_array_new (FALSE, TRUE, sizeof (uint64_t));
    r->events = g_ptr_array_new ();
    r->edges = g_ptr_array_new ();
    r->officials = g_ptr_array_new ();
    return r;
}

void
bilat_result_free (bilat_result *r)
{
    if (r == NULL)
        return;
    g_free (r->a);
    g_free (r->b);
    g_free (r->since);
    g_free (r->until);
    bilat_filter_free (r->filter);
    g_ptr_array_free (r->states, TRUE);
    g_array_free (r->scores, TRUE);
    g_ptr_array_free (r->events, TRUE);
    g_ptr_array_free (r->edges, TRUE);
    g_ptr_array_free (r->officials, TRUE);
    g_free (r);
}

int
bilat_result_kind (const bilat_result *r)
{
    return r ? r->kind : 0;
}

size_t
bilat_result_n (const bilat_result *r, int item)
{
    if (r == NULL)
        return 0;
    switch (item) {
    case BILAT_ITEM_STATE: return r->states->len;
    case BILAT_ITEM_EVENT: return r->events->len;
    case BILAT_ITEM_EDGE: return r->edges->len;
    case BILAT_ITEM_OFFICIAL: return r->officials->len;
    default: return 0;
    }
}

const char *
bilat_result_state (const bilat_result *r, size_t i)
{
    return r && i < r->states->len ? g_ptr_array_index (r->states, i) : NULL;
}

const bilat_event *
bilat_result_event (const bilat_result *r, size_t i)
{
    return r && i < r->events->len ? g_ptr_array_index (r->events, i) : NULL;
}

const bilat_edge *
bilat_result_edge (const bilat_result *r, size_t i)
{
    return r && i < r->edges->len ? g_ptr_array_index (r->edges, i) : NULL;
}

const bilat_official *
bilat_result_official (const bilat_result *r, size_t i)
{
    return r && i < r->officials->len ? g_ptr_array_index (r->officials, i) : NULL;
}

uint64_t
bilat_result_score (const bilat_result *r, size_t i)
{
    return r && i < r->scores->len ? g_array_index (r->scores, uint64_t, i) : 0;
}

/* Common entry checks: out, model, and the state arguments that must be given. */
static int
begin (bilat_result **out, const bilat_model *m, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (m == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "model is NULL");
    bilat__model_sync (m);
    return BILAT_OK;
}

static char *
upper (const char *s)
{
    return s ? g_ascii_strup (s, -1) : NULL;
}

static int
cmp_events (gconstpointer a, gconstpointer b, gpointer data)
{
    return bilat__event_cmp (*(const bilat_event *const *) a, *(const bilat_event *const *) b,
                             data);
}

/* Collect the events of a set of buckets that pass f, each bucket once, in date order. */
static void
collect (bilat_result *r, GPtrArray *buckets, const bilat_filter *f, GHashTable *keys)
{
    bilat_model *m = (bilat_model *) r->model;
    uint32_t gen = ++m->generation;
    for (guint i = 0; i < buckets->len; i++) {
        ebucket *b = g_ptr_array_index (buckets, i);
        if (b->mark == gen)
            continue;
        b->mark = gen;
        for (guint k = 0; k < b->events->len; k++) {
            bilat_event *e = g_ptr_array_index (b->events, k);
            if (bilat__filter_match (f, e, keys))
                g_ptr_array_add (r->events, e);
        }
    }
    g_ptr_array_sort_with_data (r->events, cmp_events, m);
}

static void
copy_filter (bilat_result *r, const bilat_filter *f)
{
    bilat_filter *c = NULL;
    bilat_filter_new (&c, NULL);
    if (f) {
        c->type = f->type;
        c->state = g_strdup (f->state);
        c->pair_a = g_strdup (f->pair_a);
        c->pair_b = g_strdup (f->pair_b);
        c->person = g_strdup (f->person);
        c->area = g_strdup (f->area);
        c->since = g_strdup (f->since);
        c->until = g_strdup (f->until);
        c->lo = f->lo;
        c->hi = f->hi;
    }
    r->filter = c;
}

int
bilat_query_events (bilat_result **out, const bilat_model *m, const bilat_filter *f,
                    bilat_error **error)
{
    int rc = begin (out, m, error);
    if (rc != BILAT_OK)
        return rc;
    bilat_result *r = result_new (m, BILAT_QUERY_EVENTS);
    copy_filter (r, f);
    GHashTable *keys = bilat__filter_people (f, m);
    /* Start from the narrowest index the filter allows. */
    if (f && f->pair_a) {
        const bilat_edge *e = bilat__model_edge (m, f->pair_a, f->pair_b);
        if (e)
            collect (r, e->buckets, f, keys);
    } else if (f && f->state) {
        mstate *s = bilat__model_state (m, f->state);
        if (s)
            collect (r, s->buckets, f, keys);
    } else if (keys) {
        GPtrArray *buckets = g_ptr_array_new ();
        GHashTableIter it;
        gpointer k;
        g_hash_table_iter_init (&it, keys);
        while (g_hash_table_iter_next (&it, &k, NULL)) {
            const bilat_official *p = g_hash_table_lookup (m->person_by_key, k);
            for (guint i = 0; p && i < p->variants->len; i++) {
                const mvariant *v = &g_array_index (m->variants, mvariant,
                                                    g_array_index (p->variants, uint32_t, i));
                for (guint j = 0; j < v->buckets->len; j++)
                    g_ptr_array_add (buckets, g_ptr_array_index (m->ebuckets,
                                     g_array_index (v->buckets, uint32_t, j)));
            }
        }
        collect (r, buckets, f, keys);
        g_ptr_array_free (buckets, TRUE);
    } else {
        /* Events are in date order: start at the since bound's year and stop after the
         * until bound (an event dated after it as a string begins after it as a date). */
        GSequenceIter *it = g_sequence_get_begin_iter (m->events);
        char bound[11] = "";
        if (f && f->lo != DAY_MIN) {
            bilat__day_string (f->lo, bound);
            bound[4] = '\0';
            gint a = 0, b = g_sequence_get_length (m->events);
            while (a < b) {
                gint mid = a + (b - a) / 2;
                const bilat_event *e = g_sequence_get (g_sequence_get_iter_at_pos (m->events, mid));
                if (e->when && strcmp (e->when, bound) < 0)
                    a = mid + 1;
                else
                    b = mid;
            }
            it = g_sequence_get_iter_at_pos (m->events, a);
        }
        char until[11] = "";
        if (f && f->hi != DAY_MAX)
            bilat__day_string (f->hi, until);
        for (; !g_sequence_iter_is_end (it); it = g_sequence_iter_next (it)) {
            bilat_event *e = g_sequence_get (it);
            if (until[0] && (e->when == NULL || strcmp (e->when, until) > 0))
                break;
            if (bilat__filter_match (f, e, keys))
                g_ptr_array_add (r->events, e);
        }
    }
    if (keys)
        g_hash_table_destroy (keys);
    *out = r;
    return BILAT_OK;
}

int
bilat_query_timeline (bilat_result **out, const bilat_model *m, const char *a, const char *b,
                      bilat_error **error)
{
    int rc = begin (out, m, error);
    if (rc != BILAT_OK)
        return rc;
    if (a == NULL || b == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "a timeline needs two states");
    bilat_result *r = result_new (m, BILAT_QUERY_TIMELINE);
    r->a = upper (a);
    r->b = upper (b);
    bilat_filter f = { 0 };
    f.pair_a = r->a;
    f.pair_b = r->b;
    f.lo = DAY_MIN;
    f.hi = DAY_MAX;
    const bilat_edge *e = bilat__model_edge (m, a, b);
    if (e)
        collect (r, e->buckets, &f, NULL);
    *out = r;
    return BILAT_OK;
}

int
bilat_query_relation (bilat_result **out, const bilat_model *m, const char *a, const char *b,
                      bilat_error **error)
{
    int rc = bilat_query_timeline (out, m, a, b, error);
    if (rc != BILAT_OK)
        return rc;
    bilat_result *r = *out;
    r->kind = BILAT_QUERY_RELATION;
    const bilat_edge *e = bilat__model_edge (m, a, b);
    if (e) {
        g_ptr_array_add (r->edges, (gpointer) e);
        g_ptr_array_add (r->states, (gpointer) e->source);
        g_ptr_array_add (r->states, (gpointer) e->target);
    }
    return BILAT_OK;
}

typedef struct {
    const char *code;
    const bilat_edge *edge;
    uint64_t score;
} partner;

static int
cmp_partner (gconstpointer a, gconstpointer b)
{
    const partner *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    if (x->edge->documents != y->edge->documents)
        return x->edge->documents > y->edge->documents ? -1 : 1;
    return strcmp (x->code, y->code);
}

int
bilat_query_partners (bilat_result **out, const bilat_model *m, const char *state,
                      const char *since, const char *until, bilat_error **error)
{
    int rc = begin (out, m, error);
    if (rc != BILAT_OK)
        return rc;
    if (state == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "state is NULL");
    bilat_filter f = { 0 };
    rc = bilat__model_bounds (since, until, &f.lo, &f.hi, error);
    if (rc != BILAT_OK)
        return rc;
    gboolean ranged = f.lo != DAY_MIN || f.hi != DAY_MAX;
    bilat_result *r = result_new (m, BILAT_QUERY_PARTNERS);
    r->a = upper (state);
    r->since = g_strdup (since);
    r->until = g_strdup (until);
    mstate *s = bilat__model_state (m, state);
    GArray *ps = g_array_new (FALSE, FALSE, sizeof (partner));
    for (guint i = 0; s && i < s->edges->len; i++) {
        const bilat_edge *e = g_ptr_array_index (s->edges, i);
        partner p = { e->source == s->code ? e->target : e->source, e, e->events };
        if (ranged) {
            /* Count the edge's events in range; each of its buckets involves both states. */
            p.score = 0;
            for (guint k = 0; k < e->buckets->len; k++) {
                const ebucket *b = g_ptr_array_index (e->buckets, k);
                for (guint j = 0; j < b->events->len; j++)
                    p.score += bilat__filter_match (&f, g_ptr_array_index (b->events, j), NULL);
            }
            if (p.score == 0)
                continue;
        }
        g_array_append_val (ps, p);
    }
    g_array_sort (ps, cmp_partner);
    for (guint i = 0; i < ps->len; i++) {
        const partner *p = &g_array_index (ps, partner, i);
        g_ptr_array_add (r->states, (gpointer) p->code);
        g_ptr_array_add (r->edges, (gpointer) p->edge);
        g_array_append_val (r->scores, p->score);
    }
    g_array_free (ps, TRUE);
    *out = r;
    return BILAT_OK;
}

static int
cmp_official (gconstpointer a, gconstpointer b)
{
    const bilat_official *x = *(const bilat_official *const *) a;
    const bilat_official *y = *(const bilat_official *const *) b;
    if (x->n_documents != y->n_documents)
        return x->n_documents > y->n_documents ? -1 : 1;
    if (x->n_mentions != y->n_mentions)
        return x->n_mentions > y->n_mentions ? -1 : 1;
    return strcmp (x->key, y->key);
}

int
bilat_query_people (bilat_result **out, const bilat_model *m, const char *state,
                    bilat_error **error)
{
    int rc = begin (out, m, error);
    if (rc != BILAT_OK)
        return rc;
    if (state == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "state is NULL");
    bilat_result *r = result_new (m, BILAT_QUERY_PEOPLE);
    r->a = upper (state);
    mstate *s = bilat__model_state (m, state);
    if (s && s->people) {
        for (guint i = 0; i < s->people->people->len; i++)
            g_ptr_array_add (r->officials, g_ptr_array_index (s->people->people, i));
        g_ptr_array_sort (r->officials, cmp_official);
    }
    *out = r;
    return BILAT_OK;
}

static int
cmp_code (gconstpointer a, gconstpointer b)
{
    return strcmp (*(const char *const *) a, *(const char *const *) b);
}

int
bilat_query_path (bilat_result **out, const bilat_model *m, const char *from, const char *to,
                  bilat_error **error)
{
    int rc = begin (out, m, error);
    if (rc != BILAT_OK)
        return rc;
    if (from == NULL || to == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "a path needs two states");
    bilat_result *r = result_new (m, BILAT_QUERY_PATH);
    r->a = upper (from);
    r->b = upper (to);
    mstate *s = bilat__model_state (m, from), *t = bilat__model_state (m, to);
    *out = r;
    if (s == NULL || t == NULL)
        return BILAT_OK;
    /* Breadth first from s; neighbours in code order, so ties go to the lowest codes. */
    GHashTable *parent = g_hash_table_new (g_direct_hash, g_direct_equal);
    GQueue queue = G_QUEUE_INIT;
    g_hash_table_insert (parent, s, s);
    g_queue_push_tail (&queue, s);
    GPtrArray *next = g_ptr_array_new ();
    while (!g_queue_is_empty (&queue) && !g_hash_table_contains (parent, t)) {
        mstate *u = g_queue_pop_head (&queue);
        g_ptr_array_set_size (next, 0);
        for (guint i = 0; i < u->edges->len; i++) {
            const bilat_edge *e = g_ptr_array_index (u->edges, i);
            g_ptr_array_add (next, (gpointer) (e->source == u->code ? e->target : e->source));
        }
        g_ptr_array_sort (next, cmp_code);
        for (guint i = 0; i < next->len; i++) {
            mstate *v = g_hash_table_lookup (m->states, g_ptr_array_index (next, i));
            if (v && !g_hash_table_contains (parent, v)) {
                g_hash_table_insert (parent, v, u);
                g_queue_push_tail (&queue, v);
            }
        }
    }
    g_ptr_array_free (next, TRUE);
    g_queue_clear (&queue);
    if (g_hash_table_contains (parent, t)) {
        for (mstate *v = t;; v = g_hash_table_lookup (parent, v)) {
            g_ptr_array_insert (r->states, 0, (gpointer) v->code);
            if (v == s)
                break;
        }
        for (guint i = 0; i + 1 < r->states->len; i++)
            g_ptr_array_add (r->edges, (gpointer) bilat__model_edge (
                m, g_ptr_array_index (r->states, i), g_ptr_array_index (r->states, i + 1)));
    }
    g_hash_table_destroy (parent);
    return BILAT_OK;
}

/* ---- state names ------------------------------------------------------------------------- */

/* The state whose dictionary variant is the whole of name ("Kazakh", "the Republic of
 * Kazakhstan"), or -1. */
static int
state_variant (const bilat_extractor *ex, const char *name)
{
    GArray *toks = g_array_new (FALSE, FALSE, sizeof (bilat_token));
    bilat__tokenize (toks, name, strlen (name));
    size_t start = 0;
    int id = -1;
    if (toks->len > 1) {
        const bilat_token *t0 = &g_array_index (toks, bilat_token, 0);
        if (t0->end - t0->start == 3 && g_ascii_strncasecmp (name + t0->start, "the", 3) == 0)
            start = 1;
    }
    if (toks->len > start) {
        const gz_entry *en = bilat__gazetteer_match_kind (
            ex->gz, name, (const bilat_token *) (void *) toks->data, start, toks->len, GZ_STATE);
        if (en && start + en->ntok == toks->len)
            id = en->id;
    }
    g_array_free (toks, TRUE);
    return id;
}

const char *
bilat_extractor_state_code (const bilat_extractor *ex, const char *name)
{
    if (ex == NULL || name == NULL || !g_utf8_validate (name, -1, NULL))
        return NULL;
    int id = bilat__gazetteer_find_state (ex->gz, name);
    /* Demonyms and capitals are variants the matcher knows; it reads names as texts write
     * them, so "turkmen" is tried as "Turkmen" too. */
    if (id < 0)
        id = state_variant (ex, name);
    if (id < 0) {
        char *title = g_strdup (name);
        for (char *p = title; *p; p++)
            if (p == title || p[-1] == ' ' || p[-1] == '-')
                *p = g_ascii_toupper (*p);
        id = state_variant (ex, title);
        g_free (title);
    }
    if (id < 0)
        return NULL;
    const gz_entity *ent = bilat__gazetteer_entity (ex->gz, GZ_STATE, id);
    return ent ? ent->name : NULL;
}
