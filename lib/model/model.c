/* SPDX-License-Identifier: MIT */
/* The model: a ledger of documents' facts with interned strings, the derivation of people
 * and events from it on demand, merging, date ranges and the read-only accessors.
 *
 * The model reads documents through the public extraction API only (bilat_doc and the
 * bilat_fact getters), so it sits after extract in the module order. */
#include "model-private.h"

#include <string.h>

/* An undated report is placed this many days either side of its document's date: releases
 * report what happened that day or the days around it. */
#define DOC_WINDOW 7

const char *
bilat__model_intern (bilat_model *m, const char *s)
{
    if (s == NULL)
        return NULL;
    const char *k = g_hash_table_lookup (m->interned, s);
    if (k)
        return k;
    k = g_string_chunk_insert (m->chunk, s);
    g_hash_table_add (m->interned, (gpointer) k);
    return k;
}

static void
pbucket_free (gpointer p)
{
    pbucket *b = p;
    for (guint i = 0; i < b->people->len; i++)
        bilat__official_free (g_ptr_array_index (b->people, i));
    g_ptr_array_free (b->people, TRUE);
    g_array_free (b->variants, TRUE);
    g_free (b);
}

static void
ebucket_free (gpointer p)
{
    ebucket *b = p;
    for (guint i = 0; i < b->events->len; i++)
        bilat__event_free (g_ptr_array_index (b->events, i));
    g_ptr_array_free (b->events, TRUE);
    g_array_free (b->mentions, TRUE);
    g_free (b->parties);
    g_free (b);
}

static void
mstate_free (gpointer p)
{
    mstate *s = p;
    g_ptr_array_free (s->edges, TRUE);
    g_ptr_array_free (s->org_edges, TRUE);
    g_ptr_array_free (s->buckets, TRUE);
    g_free (s);
}

int
bilat_model_new (bilat_model **out, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    bilat_model *m = g_new0 (bilat_model, 1);
    m->graph.model = m;
    m->chunk = g_string_chunk_new (64 * 1024);
    m->interned = g_hash_table_new (g_str_hash, g_str_equal);
    m->docs = g_array_new (FALSE, FALSE, sizeof (mdoc));
    m->doc_by_id = g_hash_table_new (g_direct_hash, g_direct_equal);
    m->docs_sorted = g_array_new (FALSE, FALSE, sizeof (uint32_t));
    m->strs = g_ptr_array_new ();
    m->vrefs = g_array_new (FALSE, FALSE, sizeof (uint32_t));
    m->pmentions = g_array_new (FALSE, FALSE, sizeof (pmention));
    m->ementions = g_array_new (FALSE, FALSE, sizeof (emention));
    m->variants = g_array_new (FALSE, FALSE, sizeof (mvariant));
    m->variant_by_name = g_hash_table_new (g_direct_hash, g_direct_equal);
    m->pbuckets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pbucket_free);
    m->ebuckets = g_ptr_array_new_with_free_func (ebucket_free);
    m->ebucket_by_key = g_hash_table_new (g_str_hash, g_str_equal);
    m->states = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, mstate_free);
    m->states_sorted = g_ptr_array_new ();
    m->orgs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
    m->orgs_sorted = g_ptr_array_new ();
    m->edges = g_hash_table_new_full (bilat__edge_hash, bilat__edge_equal,
                                      (GDestroyNotify) bilat__edge_free, NULL);
    m->org_edges = g_hash_table_new_full (bilat__edge_hash, bilat__edge_equal,
                                          (GDestroyNotify) bilat__edge_free, NULL);
    m->met = g_hash_table_new_full (bilat__edge_hash, bilat__edge_equal,
                                    (GDestroyNotify) bilat__edge_free, NULL);
    for (int k = 0; k < 5; k++)
        m->edges_sorted[k] = g_ptr_array_new ();
    m->people = g_sequence_new (NULL);
    m->person_by_key = g_hash_table_new (g_direct_hash, g_direct_equal);
    m->events = g_sequence_new (NULL);
    m->dirty_pbuckets = g_ptr_array_new ();
    m->dirty_ebuckets = g_ptr_array_new ();
    m->touched_edges = g_ptr_array_new ();
    m->stale_docs = m->stale_states = m->stale_orgs = m->stale_edges = TRUE;
    *out = m;
    return BILAT_OK;
}

void
bilat_model_free (bilat_model *m)
{
    if (m == NULL)
        return;
    /* Events and people are owned by their buckets; the sequences only order them. */
    g_sequence_free (m->events);
    g_sequence_free (m->people);
    g_ptr_array_free (m->ebuckets, TRUE);
    g_hash_table_destroy (m->pbuckets);
    g_hash_table_destroy (m->ebucket_by_key);
    for (guint i = 0; i < m->variants->len; i++) {
        mvariant *v = &g_array_index (m->variants, mvariant, i);
        g_array_free (v->mentions, TRUE);
        g_array_free (v->buckets, TRUE);
    }
    g_array_free (m->variants, TRUE);
    g_hash_table_destroy (m->variant_by_name);
    g_hash_table_destroy (m->met);
    g_hash_table_destroy (m->edges);
    g_hash_table_destroy (m->org_edges);
    g_hash_table_destroy (m->states);
    g_hash_table_destroy (m->orgs);
    for (int k = 0; k < 5; k++)
        g_ptr_array_free (m->edges_sorted[k], TRUE);
    g_ptr_array_free (m->states_sorted, TRUE);
    g_ptr_array_free (m->orgs_sorted, TRUE);
    g_hash_table_destroy (m->person_by_key);
    g_ptr_array_free (m->dirty_pbuckets, TRUE);
    g_ptr_array_free (m->dirty_ebuckets, TRUE);
    g_ptr_array_free (m->touched_edges, TRUE);
    g_array_free (m->docs, TRUE);
    g_hash_table_destroy (m->doc_by_id);
    g_array_free (m->docs_sorted, TRUE);
    g_ptr_array_free (m->strs, TRUE);
    g_array_free (m->vrefs, TRUE);
    g_array_free (m->pmentions, TRUE);
    g_array_free (m->ementions, TRUE);
    g_hash_table_destroy (m->interned);
    g_string_chunk_free (m->chunk);
    g_free (m);
}

/* ---- records ------------------------------------------------------------------------------ */

void
bilat__mrec_init (mrec *r)
{
    memset (r, 0, sizeof *r);
    r->strs = g_ptr_array_new ();
    r->persons = g_array_new (FALSE, TRUE, sizeof (rec_person));
    r->events = g_array_new (FALSE, TRUE, sizeof (rec_event));
}

void
bilat__mrec_clear (mrec *r)
{
    g_ptr_array_free (r->strs, TRUE);
    g_array_free (r->persons, TRUE);
    g_array_free (r->events, TRUE);
    memset (r, 0, sizeof *r);
}

mlist
bilat__mrec_list (mrec *r, const char *const *v, size_t n)
{
    mlist l = { r->strs->len, (uint32_t) n };
    for (size_t i = 0; i < n; i++)
        g_ptr_array_add (r->strs, (gpointer) v[i]);
    return l;
}

static const char *
rec_str (const mrec *r, mlist l, uint32_t i)
{
    return g_ptr_array_index (r->strs, l.off + i);
}

static gboolean
valid_text (const char *s)
{
    return s != NULL && *s != '\0' && g_utf8_validate (s, -1, NULL);
}

static gboolean
valid_list (const mrec *r, mlist l)
{
    if ((uint64_t) l.off + l.n > r->strs->len)
        return FALSE;
    for (uint32_t i = 0; i < l.n; i++)
        if (!valid_text (rec_str (r, l, i)))
            return FALSE;
    return TRUE;
}

static gboolean
valid_opt (const char *s)
{
    return s == NULL || valid_text (s);
}

/* Everything a record must satisfy, checked before the model is touched. */
static int
validate_record (bilat_model *m, const mrec *r, bilat_error **error)
{
    if (!valid_text (r->id))
        return bilat__error_set (error, BILAT_EINVAL, -1, "a document id must be non-empty UTF-8");
    const char *known = g_hash_table_lookup (m->interned, r->id);
    if (known && g_hash_table_contains (m->doc_by_id, known))
        return bilat__error_set (error, BILAT_EINVAL, -1,
                                 "document \"%s\" is already in the model", r->id);
    int32_t lo, hi;
    int prec;
    if (r->date && !(bilat__date_interval (r->date, &lo, &hi, &prec) && prec == PREC_DAY))
        return bilat__error_set (error, BILAT_EINVAL, -1,
                                 "document \"%s\": date \"%s\" is not YYYY-MM-DD", r->id, r->date);
    if (!valid_list (r, r->states) || !valid_list (r, r->pairs) || r->pairs.n % 2 != 0 ||
        !valid_list (r, r->orgs) || !valid_list (r, r->areas) || !valid_list (r, r->status))
        return bilat__error_set (error, BILAT_EINVAL, -1,
                                 "document \"%s\": a state, pair, organization, area or status "
                                 "is empty or not UTF-8", r->id);
    for (guint i = 0; i < r->persons->len; i++) {
        const rec_person *p = &g_array_index (r->persons, rec_person, i);
        if (!valid_text (p->name) || !valid_opt (p->state) || !valid_list (r, p->offices) ||
            !valid_opt (p->rule) || p->start > p->end)
            return bilat__error_set (error, BILAT_EINVAL, -1,
                                     "document \"%s\": person %u is malformed", r->id, i);
    }
    for (guint i = 0; i < r->events->len; i++) {
        const rec_event *e = &g_array_index (r->events, rec_event, i);
        if (e->type < BILAT_EVENT_VISIT || e->type > BILAT_EVENT_AGREEMENT)
            return bilat__error_set (error, BILAT_EINVAL, -1,
                                     "document \"%s\": event %u has an unknown type", r->id, i);
        if (e->date && !bilat__date_interval (e->date, &lo, &hi, &prec))
            return bilat__error_set (error, BILAT_EINVAL, -1,
                                     "document \"%s\": event %u: date \"%s\" is not YYYY, "
                                     "YYYY-MM or YYYY-MM-DD", r->id, i, e->date);
        if (!valid_opt (e->actor) || !valid_opt (e->target) || !valid_opt (e->level) ||
            !valid_opt (e->mode) || !valid_opt (e->place) || !valid_opt (e->title) ||
            !valid_opt (e->cameo) || !valid_opt (e->plover) || !valid_opt (e->rule) ||
            !valid_list (r, e->parties) || !valid_list (r, e->persons) || e->start > e->end)
            return bilat__error_set (error, BILAT_EINVAL, -1,
                                     "document \"%s\": event %u is malformed", r->id, i);
    }
    return BILAT_OK;
}

static mlist
store_list (bilat_model *m, const mrec *r, mlist l)
{
    mlist out = { m->strs->len, l.n };
    for (uint32_t i = 0; i < l.n; i++)
        g_ptr_array_add (m->strs, (gpointer) bilat__model_intern (m, rec_str (r, l, i)));
    return out;
}

static pbucket *
person_bucket (bilat_model *m, const char *state)
{
    const char *key = state ? state : "";
    pbucket *b = g_hash_table_lookup (m->pbuckets, key);
    if (b == NULL) {
        b = g_new0 (pbucket, 1);
        b->state = state;
        b->variants = g_array_new (FALSE, FALSE, sizeof (uint32_t));
        b->people = g_ptr_array_new ();
        g_hash_table_insert (m->pbuckets, (gpointer) (state ? state : bilat__model_intern (m, "")),
                             b);
        if (state)
            bilat__links_state (m, state)->people = b;
    }
    return b;
}

static void
mark_pbucket (bilat_model *m, pbucket *b)
{
    if (!b->dirty) {
        b->dirty = TRUE;
        g_ptr_array_add (m->dirty_pbuckets, b);
    }
}

void
bilat__model_mark_ebucket (bilat_model *m, ebucket *b)
{
    if (!b->dirty) {
        b->dirty = TRUE;
        g_ptr_array_add (m->dirty_ebuckets, b);
    }
}

/* The variant for a name of a state (interned strings), made when missing. Variants of
 * one name are chained from the name: a name is given to few states. */
static uint32_t
variant_of (bilat_model *m, const char *name, const char *state)
{
    uint32_t first = GPOINTER_TO_UINT (g_hash_table_lookup (m->variant_by_name, name));
    for (uint32_t v = first; v; v = g_array_index (m->variants, mvariant, v - 1).next)
        if (g_array_index (m->variants, mvariant, v - 1).state == state)
            return v - 1;
    mvariant nv = { 0 };
    nv.name = name;
    nv.state = state;
    char *form = bilat__name_fold (name);
    nv.form = bilat__model_intern (m, *form ? form : name);
    g_free (form);
    nv.mentions = g_array_new (FALSE, FALSE, sizeof (uint32_t));
    nv.buckets = g_array_new (FALSE, FALSE, sizeof (uint32_t));
    nv.next = first;
    uint32_t idx = m->variants->len;
    g_array_append_val (m->variants, nv);
    g_hash_table_insert (m->variant_by_name, (gpointer) name, GUINT_TO_POINTER (idx + 1));
    pbucket *b = person_bucket (m, state);
    g_array_append_val (b->variants, idx);
    mark_pbucket (m, b);
    return idx;
}

static int
cmp_str (gconstpointer a, gconstpointer b)
{
    return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The bucket of reports of one type between the same states, made when missing. */
static uint32_t
event_bucket (bilat_model *m, int type, const char *actor, const char *target,
              const char **parties, uint32_t n_parties)
{
    GPtrArray *p = g_ptr_array_new ();
    if (type == BILAT_EVENT_VISIT) {
        if (actor)
            g_ptr_array_add (p, (gpointer) actor);
        if (target && target != actor)
            g_ptr_array_add (p, (gpointer) target);
    } else {
        for (uint32_t i = 0; i < n_parties; i++)
            g_ptr_array_add (p, (gpointer) parties[i]);
        g_ptr_array_sort (p, cmp_str);
        /* Interned strings: equal codes are the same pointer. */
        guint w = 0;
        for (guint i = 0; i < p->len; i++)
            if (w == 0 || p->pdata[w - 1] != p->pdata[i])
                p->pdata[w++] = p->pdata[i];
        g_ptr_array_set_size (p, w);
    }
    GString *key = g_string_new (type == BILAT_EVENT_VISIT ? "visit|"
                                 : type == BILAT_EVENT_MEETING ? "meeting|" : "agreement|");
    if (type == BILAT_EVENT_VISIT) {
        g_string_append_printf (key, "%s>%s", actor ? actor : "", target ? target : "");
    } else {
        for (guint i = 0; i < p->len; i++)
            g_string_append_printf (key, "%s%s", i ? "," : "", (const char *) p->pdata[i]);
    }
    gpointer found = g_hash_table_lookup (m->ebucket_by_key, key->str);
    if (found) {
        g_string_free (key, TRUE);
        g_ptr_array_free (p, TRUE);
        return GPOINTER_TO_UINT (found) - 1;
    }
    ebucket *b = g_new0 (ebucket, 1);
    b->model = m;
    b->key = bilat__model_intern (m, key->str);
    g_string_free (key, TRUE);
    b->type = (uint8_t) type;
    if (type == BILAT_EVENT_VISIT) {
        b->actor = actor;
        b->target = target;
    }
    b->n_parties = p->len;
    b->parties = (const char **) g_ptr_array_free (p, FALSE);
    b->mentions = g_array_new (FALSE, FALSE, sizeof (uint32_t));
    b->events = g_ptr_array_new ();
    uint32_t idx = m->ebuckets->len;
    g_ptr_array_add (m->ebuckets, b);
    g_hash_table_insert (m->ebucket_by_key, (gpointer) b->key, GUINT_TO_POINTER (idx + 1));
    /* The indexes queries walk: the states taking part, and each pair of them. */
    for (uint32_t i = 0; i < b->n_parties; i++) {
        g_ptr_array_add (bilat__links_state (m, b->parties[i])->buckets, b);
        for (uint32_t j = i + 1; j < b->n_parties; j++)
            if (b->parties[i] != b->parties[j])
                g_ptr_array_add (bilat__links_pair (m, b->parties[i], b->parties[j])->buckets, b);
    }
    return idx;
}

int
bilat__model_add_record (bilat_model *m, const mrec *r, bilat_error **error)
{
    int rc = validate_record (m, r, error);
    if (rc != BILAT_OK)
        return rc;
    uint32_t di = m->docs->len;
    mdoc d = { 0 };
    d.id = bilat__model_intern (m, r->id);
    d.date = bilat__model_intern (m, r->date);
    if (d.date) {
        int32_t hi;
        int prec;
        bilat__date_interval (d.date, &d.day, &hi, &prec);
    }
    d.n_sentences = r->n_sentences;
    d.states = store_list (m, r, r->states);
    d.pairs = store_list (m, r, r->pairs);
    d.orgs = store_list (m, r, r->orgs);
    d.areas = store_list (m, r, r->areas);
    d.status = store_list (m, r, r->status);

    d.persons.off = m->pmentions->len;
    for (guint i = 0; i < r->persons->len; i++) {
        const rec_person *p = &g_array_index (r->persons, rec_person, i);
        pmention pm = { 0 };
        pm.doc = di;
        pm.variant = variant_of (m, bilat__model_intern (m, p->name),
                                 bilat__model_intern (m, p->state));
        pm.sentence = p->sentence;
        pm.start = p->start;
        pm.end = p->end;
        pm.offices = store_list (m, r, p->offices);
        pm.rule = bilat__model_intern (m, p->rule);
        uint32_t pi = m->pmentions->len;
        g_array_append_val (m->pmentions, pm);
        mvariant *v = &g_array_index (m->variants, mvariant, pm.variant);
        g_array_append_val (v->mentions, pi);
        /* The person's documents, offices and dates change with every mention. */
        mark_pbucket (m, person_bucket (m, v->state));
    }
    d.persons.n = r->persons->len;

    d.events.off = m->ementions->len;
    for (guint i = 0; i < r->events->len; i++) {
        const rec_event *e = &g_array_index (r->events, rec_event, i);
        emention em = { 0 };
        em.doc = di;
        em.type = (uint8_t) e->type;
        em.sentence = e->sentence;
        em.start = e->start;
        em.end = e->end;
        em.actor = bilat__model_intern (m, e->actor);
        em.target = bilat__model_intern (m, e->target);
        em.level = bilat__model_intern (m, e->level);
        em.mode = bilat__model_intern (m, e->mode);
        em.place = bilat__model_intern (m, e->place);
        em.date = bilat__model_intern (m, e->date);
        em.title = bilat__model_intern (m, e->title);
        em.cameo = bilat__model_intern (m, e->cameo);
        em.plover = bilat__model_intern (m, e->plover);
        em.rule = bilat__model_intern (m, e->rule);
        em.parties = store_list (m, r, e->parties);
        int prec;
        if (em.date && bilat__date_interval (em.date, &em.lo, &em.hi, &prec)) {
            em.prec = (int8_t) prec;
        } else if (d.date) {
            em.prec = PREC_DOC;
            em.lo = d.day - DOC_WINDOW;
            em.hi = d.day + DOC_WINDOW;
        } else {
            em.prec = PREC_NONE;
            em.lo = DAY_MIN;
            em.hi = DAY_MAX;
        }
        em.bucket = event_bucket (m, e->type, em.actor, em.target,
                                  (const char **) m->strs->pdata + em.parties.off, em.parties.n);
        /* A name in an event is the person of that name the document lists (its state). */
        em.persons.off = m->vrefs->len;
        em.persons.n = e->persons.n;
        for (uint32_t k = 0; k < e->persons.n; k++) {
            const char *name = rec_str (r, e->persons, k);
            const char *state = NULL;
            for (guint j = 0; j < r->persons->len; j++) {
                const rec_person *p = &g_array_index (r->persons, rec_person, j);
                if (strcmp (p->name, name) == 0) {
                    state = p->state;
                    break;
                }
            }
            uint32_t v = variant_of (m, bilat__model_intern (m, name),
                                     bilat__model_intern (m, state));
            g_array_append_val (m->vrefs, v);
            GArray *vb = g_array_index (m->variants, mvariant, v).buckets;
            if (vb->len == 0 || g_array_index (vb, uint32_t, vb->len - 1) != em.bucket)
                g_array_append_val (vb, em.bucket);
        }
        uint32_t ei = m->ementions->len;
        g_array_append_val (m->ementions, em);
        ebucket *b = g_ptr_array_index (m->ebuckets, em.bucket);
        g_array_append_val (b->mentions, ei);
        bilat__model_mark_ebucket (m, b);
    }
    d.events.n = r->events->len;

    g_array_append_val (m->docs, d);
    g_hash_table_insert (m->doc_by_id, (gpointer) d.id, GUINT_TO_POINTER (di + 1));
    m->stale_docs = TRUE;
    bilat__links_doc (m, di);
    return BILAT_OK;
}

void
bilat__model_doc_record (const bilat_model *m, uint32_t di, mrec *r)
{
    const mdoc *d = &g_array_index (m->docs, mdoc, di);
    const char **pool = (const char **) m->strs->pdata;
    r->id = d->id;
    r->date = d->date;
    r->n_sentences = d->n_sentences;
    r->states = bilat__mrec_list (r, pool + d->states.off, d->states.n);
    r->pairs = bilat__mrec_list (r, pool + d->pairs.off, d->pairs.n);
    r->orgs = bilat__mrec_list (r, pool + d->orgs.off, d->orgs.n);
    r->areas = bilat__mrec_list (r, pool + d->areas.off, d->areas.n);
    r->status = bilat__mrec_list (r, pool + d->status.off, d->status.n);
    for (uint32_t i = 0; i < d->persons.n; i++) {
        const pmention *pm = &g_array_index (m->pmentions, pmention, d->persons.off + i);
        const mvariant *v = &g_array_index (m->variants, mvariant, pm->variant);
        rec_person p = { 0 };
        p.name = v->name;
        p.state = v->state;
        p.offices = bilat__mrec_list (r, pool + pm->offices.off, pm->offices.n);
        p.sentence = pm->sentence;
        p.start = pm->start;
        p.end = pm->end;
        p.rule = pm->rule;
        g_array_append_val (r->persons, p);
    }
    for (uint32_t i = 0; i < d->events.n; i++) {
        const emention *em = &g_array_index (m->ementions, emention, d->events.off + i);
        rec_event e = { 0 };
        e.type = em->type;
        e.actor = em->actor;
        e.target = em->target;
        e.level = em->level;
        e.mode = em->mode;
        e.place = em->place;
        e.date = em->date;
        e.title = em->title;
        e.cameo = em->cameo;
        e.plover = em->plover;
        e.rule = em->rule;
        e.parties = bilat__mrec_list (r, pool + em->parties.off, em->parties.n);
        e.persons.off = r->strs->len;
        e.persons.n = em->persons.n;
        for (uint32_t k = 0; k < em->persons.n; k++) {
            uint32_t v = g_array_index (m->vrefs, uint32_t, em->persons.off + k);
            g_ptr_array_add (r->strs, (gpointer) g_array_index (m->variants, mvariant, v).name);
        }
        e.sentence = em->sentence;
        e.start = em->start;
        e.end = em->end;
        g_array_append_val (r->events, e);
    }
}

/* ---- adding documents -------------------------------------------------------------------- */

static mlist
fact_texts (mrec *r, const bilat_doc *doc, int kind)
{
    mlist l = { r->strs->len, 0 };
    size_t n = bilat_doc_n_facts (doc, kind);
    for (size_t i = 0; i < n; i++) {
        const bilat_fact *f = bilat_doc_fact (doc, kind, i);
        if (kind == BILAT_FACT_PAIR) {
            if (bilat_fact_n_parties (f) != 2)
                continue;
            g_ptr_array_add (r->strs, (gpointer) bilat_fact_party (f, 0));
            g_ptr_array_add (r->strs, (gpointer) bilat_fact_party (f, 1));
            l.n += 2;
        } else if (bilat_fact_text (f)) {
            g_ptr_array_add (r->strs, (gpointer) bilat_fact_text (f));
            l.n++;
        }
    }
    return l;
}

int
bilat_model_add_doc (bilat_model *m, const char *docid, const bilat_doc *doc,
                     bilat_error **error)
{
    if (m == NULL || doc == NULL || docid == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "model, document id or document is NULL");
    mrec r;
    bilat__mrec_init (&r);
    r.id = docid;
    r.date = bilat_doc_date (doc);
    r.n_sentences = (uint32_t) bilat_doc_n_sentences (doc);
    r.states = fact_texts (&r, doc, BILAT_FACT_STATE);
    r.pairs = fact_texts (&r, doc, BILAT_FACT_PAIR);
    r.orgs = fact_texts (&r, doc, BILAT_FACT_ORGANIZATION);
    r.areas = fact_texts (&r, doc, BILAT_FACT_AREA);
    r.status = fact_texts (&r, doc, BILAT_FACT_STATUS);
    size_t np = bilat_doc_n_facts (doc, BILAT_FACT_PERSON);
    for (size_t i = 0; i < np; i++) {
        const bilat_fact *f = bilat_doc_fact (doc, BILAT_FACT_PERSON, i);
        rec_person p = { 0 };
        p.name = bilat_fact_text (f);
        if (p.name == NULL || *p.name == '\0')
            continue;
        p.state = bilat_fact_state (f);
        p.offices.off = r.strs->len;
        for (size_t k = 0; k < bilat_fact_n_offices (f); k++)
            if (bilat_fact_office (f, k)) {
                g_ptr_array_add (r.strs, (gpointer) bilat_fact_office (f, k));
                p.offices.n++;
            }
        p.sentence = bilat_fact_sentence (f);
        p.start = (uint32_t) MIN (bilat_fact_start (f), G_MAXUINT32);
        p.end = (uint32_t) MIN (bilat_fact_end (f), G_MAXUINT32);
        p.rule = bilat_fact_rule (f);
        g_array_append_val (r.persons, p);
    }
    size_t ne = bilat_doc_n_facts (doc, BILAT_FACT_EVENT);
    for (size_t i = 0; i < ne; i++) {
        const bilat_fact *f = bilat_doc_fact (doc, BILAT_FACT_EVENT, i);
        rec_event e = { 0 };
        e.type = bilat_fact_event_type (f);
        e.actor = bilat_fact_actor (f);
        e.target = bilat_fact_target (f);
        e.level = bilat_fact_level (f);
        e.mode = bilat_fact_mode (f);
        e.place = bilat_fact_place (f);
        e.date = bilat_fact_date (f);
        e.title = bilat_fact_title (f);
        e.cameo = bilat_fact_cameo (f);
        e.plover = bilat_fact_plover (f);
        e.rule = bilat_fact_rule (f);
        e.parties.off = r.strs->len;
        for (size_t k = 0; k < bilat_fact_n_parties (f); k++)
            if (bilat_fact_party (f, k)) {
                g_ptr_array_add (r.strs, (gpointer) bilat_fact_party (f, k));
                e.parties.n++;
            }
        e.persons.off = r.strs->len;
        for (size_t k = 0; k < bilat_fact_n_persons (f); k++)
            if (bilat_fact_person (f, k) && *bilat_fact_person (f, k)) {
                g_ptr_array_add (r.strs, (gpointer) bilat_fact_person (f, k));
                e.persons.n++;
            }
        e.sentence = bilat_fact_sentence (f);
        e.start = (uint32_t) MIN (bilat_fact_start (f), G_MAXUINT32);
        e.end = (uint32_t) MIN (bilat_fact_end (f), G_MAXUINT32);
        g_array_append_val (r.events, e);
    }
    int rc = bilat__model_add_record (m, &r, error);
    bilat__mrec_clear (&r);
    return rc;
}

int
bilat_model_add_text (bilat_model *m, const bilat_extractor *ex, const char *docid,
                      const char *date, const char *text, size_t len, bilat_error **error)
{
    if (m == NULL || ex == NULL || docid == NULL || (text == NULL && len > 0))
        return bilat__error_set (error, BILAT_EINVAL, -1,
                                 "model, extractor, document id or text is NULL");
    if (*docid == '\0')
        return bilat__error_set (error, BILAT_EINVAL, -1, "a document id must be non-empty UTF-8");
    const char *known = g_hash_table_lookup (m->interned, docid);
    if (known && g_hash_table_contains (m->doc_by_id, known))
        return bilat__error_set (error, BILAT_EINVAL, -1,
                                 "document \"%s\" is already in the model", docid);
    bilat_doc *doc = NULL;
    int rc = bilat_extract_dated (&doc, ex, text ? text : "", len, date, error);
    if (rc == BILAT_OK)
        rc = bilat_model_add_doc (m, docid, doc, error);
    bilat_doc_free (doc);
    return rc;
}

int
bilat_model_merge (bilat_model *dst, const bilat_model *src, bilat_error **error)
{
    if (dst == NULL || src == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "model is NULL");
    if (dst == src)
        return bilat__error_set (error, BILAT_EINVAL, -1, "a model cannot be merged into itself");
    for (guint i = 0; i < src->docs->len; i++) {
        const mdoc *d = &g_array_index (src->docs, mdoc, i);
        const char *known = g_hash_table_lookup (dst->interned, d->id);
        if (known && g_hash_table_contains (dst->doc_by_id, known))
            continue;
        mrec r;
        bilat__mrec_init (&r);
        bilat__model_doc_record (src, i, &r);
        int rc = bilat__model_add_record (dst, &r, error);
        bilat__mrec_clear (&r);
        /* src is a model, so its records are valid and this cannot fail part-way. */
        if (rc != BILAT_OK)
            return rc;
    }
    return BILAT_OK;
}

static int
parse_bound (const char *s, gboolean upper, int32_t *day, bilat_error **error)
{
    int32_t lo, hi;
    int prec;
    if (s == NULL) {
        *day = upper ? DAY_MAX : DAY_MIN;
        return BILAT_OK;
    }
    if (!bilat__date_interval (s, &lo, &hi, &prec))
        return bilat__error_set (error, BILAT_EPARSE, -1,
                                 "\"%s\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", s);
    *day = upper ? hi : lo;
    return BILAT_OK;
}

int
bilat__model_bounds (const char *since, const char *until, int32_t *lo, int32_t *hi,
                     bilat_error **error)
{
    int rc = parse_bound (since, FALSE, lo, error);
    if (rc == BILAT_OK)
        rc = parse_bound (until, TRUE, hi, error);
    return rc;
}

int
bilat_model_range (bilat_model **out, const bilat_model *m, const char *since,
                   const char *until, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (m == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "model is NULL");
    int32_t lo, hi;
    int rc = bilat__model_bounds (since, until, &lo, &hi, error);
    if (rc != BILAT_OK)
        return rc;
    bilat_model *r = NULL;
    bilat_model_new (&r, NULL);
    for (guint i = 0; i < m->docs->len && rc == BILAT_OK; i++) {
        const mdoc *d = &g_array_index (m->docs, mdoc, i);
        if (d->date && (d->day < lo || d->day > hi))
            continue;
        mrec rec;
        bilat__mrec_init (&rec);
        bilat__model_doc_record (m, i, &rec);
        /* Keep the reports whose own date (else the document's) reaches into the range. */
        guint w = 0;
        for (guint k = 0; k < rec.events->len; k++) {
            const emention *em = &g_array_index (m->ementions, emention, d->events.off + k);
            int32_t elo = em->lo, ehi = em->hi;
            if (em->prec == PREC_DOC)
                elo = ehi = d->day;
            gboolean keep = em->prec != PREC_NONE ? (ehi >= lo && elo <= hi)
                                                  : (lo == DAY_MIN && hi == DAY_MAX);
            if (keep) {
                rec_event *ev = (rec_event *) (void *) rec.events->data;
                ev[w++] = ev[k];
            }
        }
        g_array_set_size (rec.events, w);
        if (d->date || w > 0)
            rc = bilat__model_add_record (r, &rec, error);
        bilat__mrec_clear (&rec);
    }
    if (rc != BILAT_OK) {
        bilat_model_free (r);
        return rc;
    }
    *out = r;
    return BILAT_OK;
}

/* ---- derivation ------------------------------------------------------------------------------ */

void
bilat__model_sync (const bilat_model *cm)
{
    bilat_model *m = (bilat_model *) cm;
    if (m == NULL || (m->dirty_pbuckets->len == 0 && m->dirty_ebuckets->len == 0))
        return;
    /* People first: a change of who a name stands for marks the events naming it. */
    for (guint i = 0; i < m->dirty_pbuckets->len; i++) {
        pbucket *b = g_ptr_array_index (m->dirty_pbuckets, i);
        bilat__people_resolve (m, b);
        b->dirty = FALSE;
    }
    g_ptr_array_set_size (m->dirty_pbuckets, 0);
    for (guint i = 0; i < m->dirty_ebuckets->len; i++) {
        ebucket *b = g_ptr_array_index (m->dirty_ebuckets, i);
        for (guint k = 0; k < b->events->len; k++) {
            bilat_event *e = g_ptr_array_index (b->events, k);
            bilat__links_event (m, e, -1);
            g_sequence_remove (e->iter);
            bilat__event_free (e);
        }
        g_ptr_array_set_size (b->events, 0);
        bilat__events_cluster (m, b);
        for (guint k = 0; k < b->events->len; k++) {
            bilat_event *e = g_ptr_array_index (b->events, k);
            e->iter = g_sequence_insert_sorted (m->events, e, bilat__event_cmp, m);
            bilat__links_event (m, e, +1);
        }
        b->dirty = FALSE;
    }
    g_ptr_array_set_size (m->dirty_ebuckets, 0);
    bilat__links_prune (m);
}

static int
cmp_doc_id (gconstpointer a, gconstpointer b, gpointer data)
{
    const bilat_model *m = data;
    const mdoc *da = &g_array_index (m->docs, mdoc, *(const uint32_t *) a);
    const mdoc *db = &g_array_index (m->docs, mdoc, *(const uint32_t *) b);
    return strcmp (da->id, db->id);
}

static void
sort_docs (const bilat_model *cm)
{
    bilat_model *m = (bilat_model *) cm;
    if (!m->stale_docs)
        return;
    g_array_set_size (m->docs_sorted, m->docs->len);
    for (guint i = 0; i < m->docs->len; i++)
        g_array_index (m->docs_sorted, uint32_t, i) = i;
    g_array_sort_with_data (m->docs_sorted, cmp_doc_id, m);
    m->stale_docs = FALSE;
}

const mdoc *
bilat__model_doc (const bilat_model *m, uint32_t i)
{
    sort_docs (m);
    if (i >= m->docs_sorted->len)
        return NULL;
    return &g_array_index (m->docs, mdoc, g_array_index (m->docs_sorted, uint32_t, i));
}

mstate *
bilat__model_state (const bilat_model *m, const char *code)
{
    if (m == NULL || code == NULL)
        return NULL;
    mstate *s = g_hash_table_lookup (m->states, code);
    if (s == NULL) {
        char *up = g_ascii_strup (code, -1);
        s = g_hash_table_lookup (m->states, up);
        g_free (up);
    }
    return s;
}

static int
cmp_state (gconstpointer a, gconstpointer b)
{
    return strcmp ((*(mstate *const *) a)->code, (*(mstate *const *) b)->code);
}

GPtrArray *
bilat__model_states_sorted (const bilat_model *cm)
{
    bilat_model *m = (bilat_model *) cm;
    if (m->stale_states) {
        g_ptr_array_set_size (m->states_sorted, 0);
        GHashTableIter it;
        gpointer v;
        g_hash_table_iter_init (&it, m->states);
        while (g_hash_table_iter_next (&it, NULL, &v))
            g_ptr_array_add (m->states_sorted, v);
        g_ptr_array_sort (m->states_sorted, cmp_state);
        m->stale_states = FALSE;
    }
    return m->states_sorted;
}

static int
cmp_org (gconstpointer a, gconstpointer b)
{
    return strcmp ((*(morg *const *) a)->name, (*(morg *const *) b)->name);
}

GPtrArray *
bilat__model_orgs_sorted (const bilat_model *cm)
{
    bilat_model *m = (bilat_model *) cm;
    if (m->stale_orgs) {
        g_ptr_array_set_size (m->orgs_sorted, 0);
        GHashTableIter it;
        gpointer v;
        g_hash_table_iter_init (&it, m->orgs);
        while (g_hash_table_iter_next (&it, NULL, &v))
            g_ptr_array_add (m->orgs_sorted, v);
        g_ptr_array_sort (m->orgs_sorted, cmp_org);
        m->stale_orgs = FALSE;
    }
    return m->orgs_sorted;
}

static int
cmp_edge (gconstpointer a, gconstpointer b)
{
    const bilat_edge *x = *(const bilat_edge *const *) a, *y = *(const bilat_edge *const *) b;
    int c = strcmp (x->source, y->source);
    return c ? c : strcmp (x->target, y->target);
}

static void
collect_edges (GPtrArray *out, GHashTable *h)
{
    GHashTableIter it;
    gpointer k;
    g_ptr_array_set_size (out, 0);
    g_hash_table_iter_init (&it, h);
    while (g_hash_table_iter_next (&it, &k, NULL))
        g_ptr_array_add (out, k);
    g_ptr_array_sort (out, cmp_edge);
}

GPtrArray *
bilat__model_edges (const bilat_model *cm, int kind)
{
    bilat_model *m = (bilat_model *) cm;
    bilat__model_sync (m);
    if (kind < BILAT_EDGE_STATE_STATE || kind > BILAT_EDGE_STATE_ORGANIZATION)
        return NULL;
    if (m->stale_edges) {
        collect_edges (m->edges_sorted[BILAT_EDGE_STATE_STATE], m->edges);
        collect_edges (m->edges_sorted[BILAT_EDGE_PERSON_PERSON], m->met);
        collect_edges (m->edges_sorted[BILAT_EDGE_STATE_ORGANIZATION], m->org_edges);
        GPtrArray *ps = m->edges_sorted[BILAT_EDGE_PERSON_STATE];
        g_ptr_array_set_size (ps, 0);
        for (GSequenceIter *it = g_sequence_get_begin_iter (m->people);
             !g_sequence_iter_is_end (it); it = g_sequence_iter_next (it)) {
            bilat_official *p = g_sequence_get (it);
            if (p->state)
                g_ptr_array_add (ps, &p->edge);
        }
        g_ptr_array_sort (ps, cmp_edge);
        m->stale_edges = FALSE;
    }
    return m->edges_sorted[kind];
}

const bilat_edge *
bilat__model_edge (const bilat_model *m, const char *a, const char *b)
{
    mstate *sa = bilat__model_state (m, a), *sb = bilat__model_state (m, b);
    if (sa == NULL || sb == NULL || sa == sb)
        return NULL;
    const char *x = sa->code, *y = sb->code;
    if (strcmp (x, y) > 0) {
        const char *t = x;
        x = y;
        y = t;
    }
    return bilat__edge_find (m->edges, x, y);
}

/* ---- public accessors ------------------------------------------------------------------------ */

size_t
bilat_model_n_documents (const bilat_model *m)
{
    return m ? m->docs->len : 0;
}

const char *
bilat_model_document_id (const bilat_model *m, size_t i)
{
    const mdoc *d = m && i < m->docs->len ? bilat__model_doc (m, (uint32_t) i) : NULL;
    return d ? d->id : NULL;
}

const char *
bilat_model_document_date (const bilat_model *m, size_t i)
{
    const mdoc *d = m && i < m->docs->len ? bilat__model_doc (m, (uint32_t) i) : NULL;
    return d ? d->date : NULL;
}

size_t
bilat_model_n_states (const bilat_model *m)
{
    return m ? g_hash_table_size (m->states) : 0;
}

const char *
bilat_model_state (const bilat_model *m, size_t i)
{
    if (m == NULL)
        return NULL;
    GPtrArray *s = bilat__model_states_sorted (m);
    return i < s->len ? ((mstate *) g_ptr_array_index (s, i))->code : NULL;
}

size_t
bilat_model_n_organizations (const bilat_model *m)
{
    return m ? g_hash_table_size (m->orgs) : 0;
}

const char *
bilat_model_organization (const bilat_model *m, size_t i)
{
    if (m == NULL)
        return NULL;
    GPtrArray *o = bilat__model_orgs_sorted (m);
    return i < o->len ? ((morg *) g_ptr_array_index (o, i))->name : NULL;
}

size_t
bilat_model_n_officials (const bilat_model *m)
{
    if (m == NULL)
        return 0;
    bilat__model_sync (m);
    return (size_t) g_sequence_get_length (m->people);
}

const bilat_official *
bilat_model_official (const bilat_model *m, size_t i)
{
    if (i >= bilat_model_n_officials (m))
        return NULL;
    return g_sequence_get (g_sequence_get_iter_at_pos (m->people, (gint) i));
}

size_t
bilat_model_n_events (const bilat_model *m)
{
    if (m == NULL)
        return 0;
    bilat__model_sync (m);
    return (size_t) g_sequence_get_length (m->events);
}

const bilat_event *
bilat_model_event (const bilat_model *m, size_t i)
{
    if (i >= bilat_model_n_events (m))
        return NULL;
    return g_sequence_get (g_sequence_get_iter_at_pos (m->events, (gint) i));
}
