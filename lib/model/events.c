/* SPDX-License-Identifier: MIT */
/* Events across documents: reports of the same visit, meeting or signing by several
 * documents clustered into one event that keeps every report as evidence. */
#include "model-private.h"

#include <string.h>

/* How far apart two dated reports of one event may be, in days. A visit lasts a few days
 * and each release dates it by the day it reports; a meeting is one day; a signing may be
 * dated by the day of the release that announces it. */
static int32_t
tolerance (int type)
{
    switch (type) {
    case BILAT_EVENT_VISIT: return 3;
    case BILAT_EVENT_AGREEMENT: return 1;
    default: return 0;
    }
}

/* The widest date interval a cluster's core can have (a year, plus a visit's days). */
#define MAX_CORE 372

/* Agreements with titles are one agreement when the titles share this much of their
 * words; undated reports with no dated document need the same words. */
#define TITLE_SIM 0.5

typedef struct {
    uint32_t mi;
    const emention *em;
    const char *doc_id;
    const char *doc_date;
    uint32_t seq;             /* index within its document: a key that does not depend on order */
    char *title_key;          /* agreements: bilat__title_key of the title */
} item;

typedef struct {
    GArray *members;          /* indexes into items */
    int32_t lo, hi;           /* the core: the interval of its most precise reports */
    int prec;
    int order;
    const char *title;        /* title key of its first titled report */
    GPtrArray *people;        /* person keys named by its reports */
} cluster;

static int
cmp_item (const item *x, const item *y)
{
    if (x->em->prec != y->em->prec)
        return y->em->prec - x->em->prec;
    if (x->em->lo != y->em->lo)
        return x->em->lo < y->em->lo ? -1 : 1;
    int c = strcmp (x->doc_id, y->doc_id);
    if (c)
        return c;
    if (x->em->start != y->em->start)
        return x->em->start < y->em->start ? -1 : 1;
    if (x->em->end != y->em->end)
        return x->em->end < y->em->end ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
cmp_item_q (gconstpointer a, gconstpointer b)
{
    return cmp_item (a, b);
}

/* Evidence order: by document id, then offset. */
static int
cmp_evidence (gconstpointer a, gconstpointer b, gpointer data)
{
    const item *items = data;
    const item *x = &items[*(const uint32_t *) a], *y = &items[*(const uint32_t *) b];
    int c = strcmp (x->doc_id, y->doc_id);
    if (c)
        return c;
    if (x->em->start != y->em->start)
        return x->em->start < y->em->start ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static gboolean
has_doc (const cluster *c, const item *items, const item *x)
{
    for (guint i = 0; i < c->members->len; i++)
        if (items[g_array_index (c->members, uint32_t, i)].em->doc == x->em->doc)
            return TRUE;
    return FALSE;
}

static guint
shared_people (const bilat_model *m, const cluster *c, const item *x)
{
    guint n = 0;
    for (uint32_t k = 0; k < x->em->persons.n; k++) {
        uint32_t v = g_array_index (m->vrefs, uint32_t, x->em->persons.off + k);
        const char *key = g_array_index (m->variants, mvariant, v).person_key;
        for (guint i = 0; i < c->people->len; i++)
            if (g_ptr_array_index (c->people, i) == key) {
                n++;
                break;
            }
    }
    return n;
}

static void
join (const bilat_model *m, cluster *c, const item *items, uint32_t xi)
{
    const item *x = &items[xi];
    g_array_append_val (c->members, xi);
    if (x->em->prec == PREC_DAY && c->prec == PREC_DAY) {
        c->lo = MIN (c->lo, x->em->lo);
        c->hi = MAX (c->hi, x->em->hi);
    }
    if (c->title == NULL)
        c->title = x->title_key;
    for (uint32_t k = 0; k < x->em->persons.n; k++) {
        uint32_t v = g_array_index (m->vrefs, uint32_t, x->em->persons.off + k);
        const char *key = g_array_index (m->variants, mvariant, v).person_key;
        gboolean seen = FALSE;
        for (guint i = 0; i < c->people->len && !seen; i++)
            seen = g_ptr_array_index (c->people, i) == key;
        if (!seen && key)
            g_ptr_array_add (c->people, (gpointer) key);
    }
}

static cluster *
cluster_new (const item *x, int order)
{
    cluster *c = g_new0 (cluster, 1);
    c->members = g_array_new (FALSE, FALSE, sizeof (uint32_t));
    c->people = g_ptr_array_new ();
    c->lo = x->em->lo;
    c->hi = x->em->hi;
    c->prec = x->em->prec;
    c->order = order;
    return c;
}

static void
cluster_free (gpointer p)
{
    cluster *c = p;
    g_array_free (c->members, TRUE);
    g_ptr_array_free (c->people, TRUE);
    g_free (c);
}

/* Can report x be the event of cluster c, by date? */
static gboolean
dates_fit (int type, const cluster *c, const item *x)
{
    int32_t tol = tolerance (type);
    if (x->em->prec == PREC_DAY && c->prec == PREC_DAY && type == BILAT_EVENT_VISIT)
        return (int64_t) MAX (c->hi, x->em->hi) - MIN (c->lo, x->em->lo) <= tol;
    return (int64_t) x->em->hi >= (int64_t) c->lo - tol &&
           (int64_t) x->em->lo <= (int64_t) c->hi + tol;
}

static int64_t
distance (const cluster *c, const item *x)
{
    int64_t d = (int64_t) x->em->lo - c->lo;
    return d < 0 ? -d : d;
}

/* First cluster in by_lo (sorted by lo) with lo >= day. */
static guint
lower_bound (GPtrArray *by_lo, int64_t day)
{
    guint a = 0, b = by_lo->len;
    while (a < b) {
        guint mid = (a + b) / 2;
        if (((cluster *) g_ptr_array_index (by_lo, mid))->lo < day)
            a = mid + 1;
        else
            b = mid;
    }
    return a;
}

/* The majority value of strings; ties go to the longer (when asked), then the first in byte
 * order, so the choice depends only on the set of reports. */
static const char *
majority (const char **v, guint n, gboolean prefer_long)
{
    const char *best = NULL;
    guint best_n = 0;
    for (guint i = 0; i < n; i++) {
        if (v[i] == NULL)
            continue;
        guint c = 0;
        for (guint j = 0; j < n; j++)
            c += v[j] == v[i];
        gboolean better = best == NULL || c > best_n;
        if (!better && c == best_n && v[i] != best) {
            size_t li = strlen (v[i]), lb = strlen (best);
            if (prefer_long && li != lb)
                better = li > lb;
            else
                better = strcmp (v[i], best) < 0;
        }
        if (better) {
            best = v[i];
            best_n = c;
        }
    }
    return best;
}

static int
cmp_ptr_str (gconstpointer a, gconstpointer b)
{
    return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static uint64_t
fnv1a (uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char) s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static bilat_event *
make_event (bilat_model *m, ebucket *b, cluster *c, const item *items)
{
    bilat_event *e = g_new0 (bilat_event, 1);
    e->bucket = b;
    e->type = b->type;
    g_array_sort_with_data (c->members, cmp_evidence, (gpointer) items);
    guint n = c->members->len;
    e->n_mentions = n;
    const char **vals = g_new0 (const char *, n);
    int best_prec = PREC_NONE;
    for (guint i = 0; i < n; i++)
        best_prec = MAX (best_prec, items[g_array_index (c->members, uint32_t, i)].em->prec);
#define PICK(field, prefer_long)                                                      \
    do {                                                                              \
        for (guint i = 0; i < n; i++)                                                 \
            vals[i] = items[g_array_index (c->members, uint32_t, i)].em->field;       \
        e->field = majority (vals, n, prefer_long);                                   \
    } while (0)
    PICK (level, FALSE);
    PICK (mode, FALSE);
    PICK (place, FALSE);
    PICK (title, TRUE);
    PICK (cameo, FALSE);
    PICK (plover, FALSE);
#undef PICK
    /* The date: the most reported among the most precise reports. */
    if (best_prec >= PREC_YEAR) {
        for (guint i = 0; i < n; i++) {
            const item *x = &items[g_array_index (c->members, uint32_t, i)];
            vals[i] = x->em->prec == best_prec ? x->em->date : NULL;
        }
        e->date = majority (vals, n, FALSE);
    }
    const char *first_doc_date = NULL;
    for (guint i = 0; i < n; i++) {
        const char *dd = items[g_array_index (c->members, uint32_t, i)].doc_date;
        if (dd && (first_doc_date == NULL || strcmp (dd, first_doc_date) < 0))
            first_doc_date = dd;
    }
    e->when = e->date ? e->date : first_doc_date;
    int prec;
    if (e->when && bilat__date_interval (e->when, &e->lo, &e->hi, &prec)) {
        e->prec = (int8_t) (e->date ? prec : PREC_DOC);
    } else {
        e->prec = PREC_NONE;
        e->lo = DAY_MIN;
        e->hi = DAY_MAX;
    }
    g_free (vals);

    /* People, in the order the evidence names them. */
    GPtrArray *keys = g_ptr_array_new (), *names = g_ptr_array_new ();
    GHashTable *areas = g_hash_table_new (g_direct_hash, g_direct_equal);
    for (guint i = 0; i < n; i++) {
        const item *x = &items[g_array_index (c->members, uint32_t, i)];
        for (uint32_t k = 0; k < x->em->persons.n; k++) {
            uint32_t vi = g_array_index (m->vrefs, uint32_t, x->em->persons.off + k);
            const mvariant *v = &g_array_index (m->variants, mvariant, vi);
            if (v->person == NULL)
                continue;
            gboolean seen = FALSE;
            for (guint j = 0; j < keys->len && !seen; j++)
                seen = g_ptr_array_index (keys, j) == v->person->key;
            if (!seen) {
                g_ptr_array_add (keys, (gpointer) v->person->key);
                g_ptr_array_add (names, (gpointer) v->person->name);
            }
        }
        const mdoc *d = &g_array_index (m->docs, mdoc, x->em->doc);
        for (uint32_t k = 0; k < d->areas.n; k++)
            g_hash_table_add (areas, g_ptr_array_index (m->strs, d->areas.off + k));
    }
    /* The event's lists share one block: events are many and their lists short. */
    e->n_persons = keys->len;
    e->n_areas = g_hash_table_size (areas);
    size_t n_ptrs = 2 * (size_t) e->n_persons + e->n_areas;
    e->block = g_malloc (n_ptrs * sizeof (char *) + (size_t) n * sizeof (uint32_t));
    e->person_keys = (const char **) e->block;
    e->persons = e->person_keys + e->n_persons;
    e->areas = e->persons + e->n_persons;
    e->mentions = (uint32_t *) (void *) (e->areas + e->n_areas);
    if (e->n_persons) {
        memcpy (e->person_keys, keys->pdata, e->n_persons * sizeof (char *));
        memcpy (e->persons, names->pdata, e->n_persons * sizeof (char *));
    }
    g_ptr_array_free (keys, TRUE);
    g_ptr_array_free (names, TRUE);
    GHashTableIter hi;
    gpointer area;
    g_hash_table_iter_init (&hi, areas);
    for (uint32_t k = 0; g_hash_table_iter_next (&hi, &area, NULL); k++)
        e->areas[k] = area;
    qsort (e->areas, e->n_areas, sizeof *e->areas, cmp_ptr_str);
    g_hash_table_destroy (areas);
    for (guint i = 0; i < n; i++)
        e->mentions[i] = items[g_array_index (c->members, uint32_t, i)].mi;

    /* A stable id: the bucket and the first report. */
    const item *first = &items[g_array_index (c->members, uint32_t, 0)];
    uint64_t h = 14695981039346656037ull;
    h = fnv1a (h, b->key, strlen (b->key) + 1);
    h = fnv1a (h, first->doc_id, strlen (first->doc_id) + 1);
    char buf[32];
    int len = g_snprintf (buf, sizeof buf, "%u:%u", first->em->start, first->seq);
    h = fnv1a (h, buf, (size_t) len);
    g_snprintf (buf, sizeof buf, "ev-%016" G_GINT64_MODIFIER "x", (guint64) h);
    e->id = bilat__model_intern (m, buf);
    return e;
}

void
bilat__events_cluster (bilat_model *m, ebucket *b)
{
    guint n = b->mentions->len;
    item *items = g_new (item, n);
    for (guint i = 0; i < n; i++) {
        uint32_t mi = g_array_index (b->mentions, uint32_t, i);
        const emention *em = &g_array_index (m->ementions, emention, mi);
        const mdoc *d = &g_array_index (m->docs, mdoc, em->doc);
        items[i].mi = mi;
        items[i].em = em;
        items[i].doc_id = d->id;
        items[i].doc_date = d->date;
        items[i].seq = mi - d->events.off;
        items[i].title_key = b->type == BILAT_EVENT_AGREEMENT ? bilat__title_key (em->title) : NULL;
    }
    /* Most precise reports first, so they set the clusters' dates and vaguer ones join. */
    qsort (items, n, sizeof *items, cmp_item_q);
    GPtrArray *all = g_ptr_array_new_with_free_func (cluster_free);
    GPtrArray *by_lo = g_ptr_array_new ();
    GHashTable *by_title = g_hash_table_new (g_str_hash, g_str_equal);  /* first cluster */
    int32_t tol = tolerance (b->type);
    gboolean agreements = b->type == BILAT_EVENT_AGREEMENT;
    for (guint xi = 0; xi < n; xi++) {
        const item *x = &items[xi];
        cluster *best = NULL;
        double best_sim = 0;
        guint best_people = 0;
        int64_t best_dist = 0;
        if (x->em->prec == PREC_NONE) {
            /* No date at all: only an agreement of the same title words is the same. */
            cluster *c = x->title_key ? g_hash_table_lookup (by_title, x->title_key) : NULL;
            if (c && !has_doc (c, items, x))
                best = c;
        } else {
            guint from = lower_bound (by_lo, (int64_t) x->em->lo - tol - MAX_CORE);
            for (guint i = from; i < by_lo->len; i++) {
                cluster *c = g_ptr_array_index (by_lo, i);
                if ((int64_t) c->lo > (int64_t) x->em->hi + tol)
                    break;
                if (!dates_fit (b->type, c, x) || has_doc (c, items, x))
                    continue;
                double sim = 1.0;
                if (agreements && x->title_key && c->title) {
                    sim = bilat__title_key_similarity (x->title_key, c->title);
                    if (sim < TITLE_SIM)
                        continue;
                }
                guint people = shared_people (m, c, x);
                int64_t dist = distance (c, x);
                gboolean better = best == NULL || sim > best_sim ||
                                  (sim == best_sim && (people > best_people ||
                                   (people == best_people && (dist < best_dist ||
                                    (dist == best_dist && c->order < best->order)))));
                if (better) {
                    best = c;
                    best_sim = sim;
                    best_people = people;
                    best_dist = dist;
                }
            }
        }
        if (best) {
            join (m, best, items, xi);
            if (best->title && !g_hash_table_contains (by_title, best->title))
                g_hash_table_insert (by_title, (gpointer) best->title, best);
            continue;
        }
        cluster *c = cluster_new (x, (int) all->len);
        join (m, c, items, xi);
        g_ptr_array_add (all, c);
        if (c->title && !g_hash_table_contains (by_title, c->title))
            g_hash_table_insert (by_title, (gpointer) c->title, c);
        if (c->prec != PREC_NONE)
            g_ptr_array_insert (by_lo, (gint) lower_bound (by_lo, c->lo), c);
    }
    for (guint i = 0; i < all->len; i++)
        g_ptr_array_add (b->events, make_event (m, b, g_ptr_array_index (all, i), items));
    g_ptr_array_free (by_lo, TRUE);
    g_ptr_array_free (all, TRUE);
    g_hash_table_destroy (by_title);
    for (guint i = 0; i < n; i++)
        g_free (items[i].title_key);
    g_free (items);
}

void
bilat__event_free (bilat_event *e)
{
    if (e == NULL)
        return;
    g_free (e->block);
    g_free (e);
}

const mdoc *
bilat__event_doc (const bilat_model *m, const bilat_event *e, size_t i)
{
    const emention *em = &g_array_index (m->ementions, emention, e->mentions[i]);
    return &g_array_index (m->docs, mdoc, em->doc);
}

/* Date order, undated last; then a key of the event's own, so the order is total. */
int
bilat__event_cmp (gconstpointer a, gconstpointer b, gpointer data)
{
    const bilat_model *m = data;
    const bilat_event *x = a, *y = b;
    int c = bilat__strcmp0_last (x->when, y->when);
    if (c)
        return c;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    if ((c = strcmp (x->bucket->key, y->bucket->key)))
        return c;
    if ((c = bilat__strcmp0_last (x->title, y->title)))
        return c;
    const emention *ex = &g_array_index (m->ementions, emention, x->mentions[0]);
    const emention *ey = &g_array_index (m->ementions, emention, y->mentions[0]);
    if ((c = strcmp (bilat__event_doc (m, x, 0)->id, bilat__event_doc (m, y, 0)->id)))
        return c;
    if (ex->start != ey->start)
        return ex->start < ey->start ? -1 : 1;
    return strcmp (x->id, y->id);
}
