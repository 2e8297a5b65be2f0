/* SPDX-License-Identifier: MIT */
/* The graph's contents, kept up to date as documents arrive: state nodes, state-state
 * edges (visits each way, meetings, agreements, areas, status, dates), state-organization
 * and person-person edges. Documents add their own facts once; events add and take back
 * their contributions when their bucket is re-derived. */
#include "model-private.h"

#include <string.h>

bilat_edge *
bilat__edge_new (int kind, const char *source, const char *target)
{
    bilat_edge *e = g_new0 (bilat_edge, 1);
    e->kind = (uint8_t) kind;
    e->source = source;
    e->target = target;
    return e;
}

guint
bilat__edge_hash (gconstpointer p)
{
    const bilat_edge *e = p;
    return g_direct_hash (e->source) * 31u + g_direct_hash (e->target);
}

gboolean
bilat__edge_equal (gconstpointer a, gconstpointer b)
{
    const bilat_edge *x = a, *y = b;
    return x->source == y->source && x->target == y->target;
}

bilat_edge *
bilat__edge_find (GHashTable *set, const char *source, const char *target)
{
    bilat_edge probe = { 0 };
    probe.source = source;
    probe.target = target;
    return g_hash_table_lookup (set, &probe);
}

void
bilat__edge_clear (bilat_edge *e)
{
    if (e->dates)
        g_array_free (e->dates, TRUE);
    if (e->areas)
        g_array_free (e->areas, TRUE);
    if (e->status)
        g_array_free (e->status, TRUE);
    if (e->buckets)
        g_ptr_array_free (e->buckets, TRUE);
    e->dates = NULL;
    e->areas = e->status = NULL;
    e->buckets = NULL;
}

void
bilat__edge_free (bilat_edge *e)
{
    if (e == NULL)
        return;
    bilat__edge_clear (e);
    g_free (e);
}

/* Count a date in (sign +1) or out (-1) of an edge's multiset of event dates, a sorted
 * array: most edges have a few dates, and first and last are its ends. */
static void
edge_date (bilat_edge *e, const char *date, int sign)
{
    if (date == NULL)
        return;
    if (e->dates == NULL)
        e->dates = g_array_new (FALSE, FALSE, sizeof (mdate));
    guint a = 0, b = e->dates->len;
    while (a < b) {
        guint mid = (a + b) / 2;
        const char *d = g_array_index (e->dates, mdate, mid).date;
        int c = d == date ? 0 : strcmp (d, date);
        if (c == 0) {
            a = b = mid;
            break;
        }
        if (c < 0)
            a = mid + 1;
        else
            b = mid;
    }
    gboolean found = a < e->dates->len && g_array_index (e->dates, mdate, a).date == date;
    if (sign > 0) {
        if (found) {
            g_array_index (e->dates, mdate, a).count++;
        } else {
            mdate d = { date, 1 };
            g_array_insert_val (e->dates, a, d);
        }
    } else if (found && --g_array_index (e->dates, mdate, a).count == 0) {
        g_array_remove_index (e->dates, a);
    }
}

const char *
bilat__edge_first_event (const bilat_edge *e)
{
    return e->dates && e->dates->len ? g_array_index (e->dates, mdate, 0).date : NULL;
}

const char *
bilat__edge_last_event (const bilat_edge *e)
{
    return e->dates && e->dates->len ? g_array_index (e->dates, mdate, e->dates->len - 1).date
                                     : NULL;
}

static void
widen (const char **first, const char **last, const char *date)
{
    if (date == NULL)
        return;
    if (*first == NULL || strcmp (date, *first) < 0)
        *first = date;
    if (*last == NULL || strcmp (date, *last) > 0)
        *last = date;
}

mstate *
bilat__links_state (bilat_model *m, const char *code)
{
    mstate *s = g_hash_table_lookup (m->states, code);
    if (s == NULL) {
        s = g_new0 (mstate, 1);
        s->code = code;
        s->edges = g_ptr_array_new ();
        s->org_edges = g_ptr_array_new ();
        s->buckets = g_ptr_array_new ();
        g_hash_table_insert (m->states, (gpointer) code, s);
        m->stale_states = TRUE;
    }
    return s;
}

bilat_edge *
bilat__links_pair (bilat_model *m, const char *a, const char *b)
{
    if (strcmp (a, b) > 0) {
        const char *t = a;
        a = b;
        b = t;
    }
    bilat_edge *e = bilat__edge_find (m->edges, a, b);
    if (e == NULL) {
        e = bilat__edge_new (BILAT_EDGE_STATE_STATE, a, b);
        e->buckets = g_ptr_array_new ();
        g_hash_table_add (m->edges, e);
        g_ptr_array_add (bilat__links_state (m, a)->edges, e);
        g_ptr_array_add (bilat__links_state (m, b)->edges, e);
        m->stale_edges = TRUE;
    }
    return e;
}

/* Areas stay heaviest first (then by key): bump the entry and move it up. */
static void
add_area (bilat_edge *e, const char *area)
{
    if (e->areas == NULL)
        e->areas = g_array_new (FALSE, FALSE, sizeof (marea));
    guint i;
    for (i = 0; i < e->areas->len; i++)
        if (g_array_index (e->areas, marea, i).area == area)
            break;
    if (i == e->areas->len) {
        marea a = { area, 0 };
        g_array_append_val (e->areas, a);
    }
    g_array_index (e->areas, marea, i).weight++;
    while (i > 0) {
        marea *x = &g_array_index (e->areas, marea, i - 1), *y = x + 1;
        if (x->weight > y->weight || (x->weight == y->weight && strcmp (x->area, y->area) < 0))
            break;
        marea t = *x;
        *x = *y;
        *y = t;
        i--;
    }
}

static void
add_status (bilat_edge *e, const char *status, const char *date)
{
    if (e->status == NULL)
        e->status = g_array_new (FALSE, FALSE, sizeof (mstatus));
    for (guint i = 0; i < e->status->len; i++) {
        mstatus *s = &g_array_index (e->status, mstatus, i);
        if (s->status == status) {
            s->count++;
            if (date && (s->last == NULL || strcmp (date, s->last) > 0))
                s->last = date;
            return;
        }
    }
    mstatus s = { status, 1, date };
    g_array_append_val (e->status, s);
}

static const char *
pool (const bilat_model *m, mlist l, uint32_t i)
{
    return g_ptr_array_index (m->strs, l.off + i);
}

void
bilat__links_doc (bilat_model *m, uint32_t di)
{
    const mdoc *d = &g_array_index (m->docs, mdoc, di);
    for (uint32_t i = 0; i < d->states.n; i++) {
        const char *code = pool (m, d->states, i);
        gboolean dup = FALSE;
        for (uint32_t j = 0; j < i && !dup; j++)
            dup = pool (m, d->states, j) == code;
        if (dup)
            continue;
        mstate *s = bilat__links_state (m, code);
        s->documents++;
        widen (&s->first, &s->last, d->date);
    }
    for (uint32_t i = 0; i + 1 < d->pairs.n; i += 2) {
        const char *a = pool (m, d->pairs, i), *b = pool (m, d->pairs, i + 1);
        if (a == b)
            continue;
        gboolean dup = FALSE;
        for (uint32_t j = 0; j < i && !dup; j += 2) {
            const char *x = pool (m, d->pairs, j), *y = pool (m, d->pairs, j + 1);
            dup = (x == a && y == b) || (x == b && y == a);
        }
        if (dup)
            continue;
        bilat_edge *e = bilat__links_pair (m, a, b);
        e->documents++;
        widen (&e->doc_first, &e->doc_last, d->date);
        for (uint32_t k = 0; k < d->areas.n; k++) {
            gboolean seen = FALSE;
            for (uint32_t j = 0; j < k && !seen; j++)
                seen = pool (m, d->areas, j) == pool (m, d->areas, k);
            if (!seen)
                add_area (e, pool (m, d->areas, k));
        }
        for (uint32_t k = 0; k < d->status.n; k++) {
            gboolean seen = FALSE;
            for (uint32_t j = 0; j < k && !seen; j++)
                seen = pool (m, d->status, j) == pool (m, d->status, k);
            if (!seen)
                add_status (e, pool (m, d->status, k), d->date);
        }
    }
    for (uint32_t i = 0; i < d->orgs.n; i++) {
        const char *name = pool (m, d->orgs, i);
        gboolean dup = FALSE;
        for (uint32_t j = 0; j < i && !dup; j++)
            dup = pool (m, d->orgs, j) == name;
        if (dup)
            continue;
        morg *o = g_hash_table_lookup (m->orgs, name);
        if (o == NULL) {
            o = g_new0 (morg, 1);
            o->name = name;
            char *key = g_strconcat ("org:", name, NULL);
            o->key = bilat__model_intern (m, key);
            g_free (key);
            g_hash_table_insert (m->orgs, (gpointer) name, o);
            m->stale_orgs = TRUE;
        }
        o->documents++;
        widen (&o->first, &o->last, d->date);
        for (uint32_t k = 0; k < d->states.n; k++) {
            const char *code = pool (m, d->states, k);
            gboolean seen = FALSE;
            for (uint32_t j = 0; j < k && !seen; j++)
                seen = pool (m, d->states, j) == code;
            if (seen)
                continue;
            bilat_edge *e = bilat__edge_find (m->org_edges, code, o->key);
            if (e == NULL) {
                e = bilat__edge_new (BILAT_EDGE_STATE_ORGANIZATION, code, o->key);
                g_hash_table_add (m->org_edges, e);
                g_ptr_array_add (bilat__links_state (m, code)->org_edges, e);
                m->stale_edges = TRUE;
            }
            e->documents++;
            widen (&e->doc_first, &e->doc_last, d->date);
        }
    }
}

static void
touch (bilat_model *m, bilat_edge *e)
{
    if (!e->touched) {
        e->touched = TRUE;
        g_ptr_array_add (m->touched_edges, e);
    }
}

static void
pair_event (bilat_model *m, const bilat_event *ev, const char *a, const char *b, int sign)
{
    if (a == NULL || b == NULL || a == b)
        return;
    bilat_edge *e = bilat__links_pair (m, a, b);
    int64_t s = sign;
    switch (ev->type) {
    case BILAT_EVENT_VISIT:
        if (e->source == a)
            e->visits_st += (uint64_t) s;
        else
            e->visits_ts += (uint64_t) s;
        break;
    case BILAT_EVENT_MEETING:
        e->meetings += (uint64_t) s;
        break;
    default:
        e->agreements += (uint64_t) s;
        break;
    }
    e->events += (uint64_t) s;
    edge_date (e, ev->when, sign);
    touch (m, e);
}

/* Whether two person ids ("person:KAZ:Name") name known, different states. */
static gboolean
different_states (const char *ka, const char *kb)
{
    const char *a = ka + strlen ("person:"), *b = kb + strlen ("person:");
    const char *ea = strchr (a, ':'), *eb = strchr (b, ':');
    if (ea == NULL || eb == NULL || ea == a || eb == b)
        return FALSE;
    return !(ea - a == eb - b && memcmp (a, b, (size_t) (ea - a)) == 0);
}

void
bilat__links_event (bilat_model *m, const bilat_event *ev, int sign)
{
    const ebucket *b = ev->bucket;
    if (b->type == BILAT_EVENT_VISIT) {
        pair_event (m, ev, b->actor, b->target, sign);
    } else {
        for (uint32_t i = 0; i < b->n_parties; i++)
            for (uint32_t j = i + 1; j < b->n_parties; j++)
                pair_event (m, ev, b->parties[i], b->parties[j], sign);
    }
    for (uint32_t i = 0; i < b->n_parties; i++)
        bilat__links_state (m, b->parties[i])->events += (uint64_t) (int64_t) sign;
    /* People of different states at one event have met. */
    for (uint32_t i = 0; i < ev->n_persons; i++) {
        for (uint32_t j = i + 1; j < ev->n_persons; j++) {
            const char *ka = ev->person_keys[i], *kb = ev->person_keys[j];
            if (!different_states (ka, kb))
                continue;
            if (strcmp (ka, kb) > 0) {
                const char *t = ka;
                ka = kb;
                kb = t;
            }
            bilat_edge *e = bilat__edge_find (m->met, ka, kb);
            if (e == NULL && sign > 0) {
                e = bilat__edge_new (BILAT_EDGE_PERSON_PERSON, ka, kb);
                g_hash_table_add (m->met, e);
                m->stale_edges = TRUE;
            }
            if (e == NULL)
                continue;
            e->events += (uint64_t) (int64_t) sign;
            if (ev->type == BILAT_EVENT_MEETING)
                e->meetings += (uint64_t) (int64_t) sign;
            else if (ev->type == BILAT_EVENT_VISIT)
                e->visits_st += (uint64_t) (int64_t) sign;
            else
                e->agreements += (uint64_t) (int64_t) sign;
            edge_date (e, ev->when, sign);
            touch (m, e);
        }
    }
}

void
bilat__links_prune (bilat_model *m)
{
    for (guint i = 0; i < m->touched_edges->len; i++) {
        bilat_edge *e = g_ptr_array_index (m->touched_edges, i);
        e->touched = FALSE;
        if (e->kind == BILAT_EDGE_PERSON_PERSON && e->events == 0) {
            g_hash_table_remove (m->met, e);
            m->stale_edges = TRUE;
        }
    }
    g_ptr_array_set_size (m->touched_edges, 0);
}
