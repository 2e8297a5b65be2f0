/* SPDX-License-Identifier: MIT */
/* Event filters: type, state, pair, person, area and date range. */
#include "query-private.h"

#include <string.h>

int
bilat_filter_new (bilat_filter **out, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    bilat_filter *f = g_new0 (bilat_filter, 1);
    f->lo = DAY_MIN;
    f->hi = DAY_MAX;
    *out = f;
    return BILAT_OK;
}

void
bilat_filter_free (bilat_filter *f)
{
    if (f == NULL)
        return;
    g_free (f->state);
    g_free (f->pair_a);
    g_free (f->pair_b);
    g_free (f->person);
    g_free (f->area);
    g_free (f->since);
    g_free (f->until);
    g_free (f);
}

int
bilat_filter_set_type (bilat_filter *f, int type, bilat_error **error)
{
    if (f == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "filter is NULL");
    if (type != 0 && (type < BILAT_EVENT_VISIT || type > BILAT_EVENT_AGREEMENT))
        return bilat__error_set (error, BILAT_EINVAL, -1, "%d is not an event type", type);
    f->type = type;
    return BILAT_OK;
}

static void
replace (char **slot, const char *value, gboolean upper)
{
    g_free (*slot);
    *slot = value ? (upper ? g_ascii_strup (value, -1) : g_strdup (value)) : NULL;
}

int
bilat_filter_set_state (bilat_filter *f, const char *state, bilat_error **error)
{
    if (f == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "filter is NULL");
    replace (&f->state, state, TRUE);
    return BILAT_OK;
}

int
bilat_filter_set_pair (bilat_filter *f, const char *a, const char *b, bilat_error **error)
{
    if (f == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "filter is NULL");
    if ((a == NULL) != (b == NULL))
        return bilat__error_set (error, BILAT_EINVAL, -1, "a pair needs two states");
    replace (&f->pair_a, a, TRUE);
    replace (&f->pair_b, b, TRUE);
    return BILAT_OK;
}

int
bilat_filter_set_person (bilat_filter *f, const char *name, bilat_error **error)
{
    if (f == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "filter is NULL");
    replace (&f->person, name, FALSE);
    return BILAT_OK;
}

int
bilat_filter_set_area (bilat_filter *f, const char *area, bilat_error **error)
{
    if (f == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "filter is NULL");
    replace (&f->area, area, FALSE);
    return BILAT_OK;
}

static int
set_bound (bilat_filter *f, const char *date, gboolean upper, bilat_error **error)
{
    if (f == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "filter is NULL");
    int32_t lo, hi;
    int rc = bilat__model_bounds (upper ? NULL : date, upper ? date : NULL, &lo, &hi, error);
    if (rc != BILAT_OK)
        return rc;
    if (upper) {
        f->hi = hi;
        replace (&f->until, date, FALSE);
    } else {
        f->lo = lo;
        replace (&f->since, date, FALSE);
    }
    return BILAT_OK;
}

int
bilat_filter_set_since (bilat_filter *f, const char *date, bilat_error **error)
{
    return set_bound (f, date, FALSE, error);
}

int
bilat_filter_set_until (bilat_filter *f, const char *date, bilat_error **error)
{
    return set_bound (f, date, TRUE, error);
}

static gboolean
has_party (const bilat_event *e, const char *code)
{
    for (uint32_t i = 0; i < e->bucket->n_parties; i++)
        if (strcmp (e->bucket->parties[i], code) == 0)
            return TRUE;
    return FALSE;
}

gboolean
bilat__filter_match (const bilat_filter *f, const bilat_event *e, GHashTable *keys)
{
    if (f == NULL)
        return TRUE;
    if (f->type && e->type != f->type)
        return FALSE;
    if (f->state && !has_party (e, f->state))
        return FALSE;
    if (f->pair_a && !(has_party (e, f->pair_a) && has_party (e, f->pair_b)))
        return FALSE;
    if (f->lo != DAY_MIN || f->hi != DAY_MAX) {
        if (e->prec == PREC_NONE || e->hi < f->lo || e->lo > f->hi)
            return FALSE;
    }
    if (f->area) {
        gboolean found = FALSE;
        for (uint32_t i = 0; i < e->n_areas && !found; i++)
            found = g_ascii_strcasecmp (e->areas[i], f->area) == 0;
        if (!found)
            return FALSE;
    }
    if (keys) {
        gboolean found = FALSE;
        for (uint32_t i = 0; i < e->n_persons && !found; i++)
            found = g_hash_table_contains (keys, e->person_keys[i]);
        if (!found)
            return FALSE;
    }
    return TRUE;
}

/* An official matches a name when the name is their id, or could be their name or one of
 * their aliases ("Tokayev", "K. Tokayev", "kassym-jomart tokayev"). */
static gboolean
official_matches (const bilat_official *p, const char *name, const char *folded)
{
    if (strcmp (p->key, name) == 0)
        return TRUE;
    char *n = bilat__name_fold (p->name);
    gboolean ok = bilat__name_compatible (folded, n);
    g_free (n);
    for (guint i = 0; !ok && i < p->aliases->len; i++) {
        char *a = bilat__name_fold (g_ptr_array_index (p->aliases, i));
        ok = bilat__name_compatible (folded, a) || strcmp (folded, a) == 0;
        g_free (a);
    }
    return ok;
}

GHashTable *
bilat__filter_people (const bilat_filter *f, const bilat_model *m)
{
    if (f == NULL || f->person == NULL)
        return NULL;
    GHashTable *keys = g_hash_table_new (g_direct_hash, g_direct_equal);
    char *folded = bilat__name_fold (f->person);
    for (GSequenceIter *it = g_sequence_get_begin_iter (m->people);
         !g_sequence_iter_is_end (it); it = g_sequence_iter_next (it)) {
        const bilat_official *p = g_sequence_get (it);
        if (official_matches (p, f->person, folded))
            g_hash_table_add (keys, (gpointer) p->key);
    }
    g_free (folded);
    return keys;
}
