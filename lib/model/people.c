/* SPDX-License-Identifier: MIT */
/* People across documents: the names a state's officials are given ("Tokayev",
 * "K. Tokayev", "Kassym-Jomart Tokayev") resolved into people. */
#include "model-private.h"

#include <string.h>

/* All variants of one state that fold to the same tokens. */
typedef struct {
    const char *form;
    int ntok, ninit;
    uint32_t mentions;
    GArray *variants;     /* uint32 */
    int person;           /* index into the people being built */
} form_group;

typedef struct {
    const char *form;     /* the fullest form: what other forms are compared with */
    GArray *forms;        /* int indexes of form_group */
} draft;

static void
count_tokens (const char *form, int *ntok, int *ninit)
{
    *ntok = *ninit = 0;
    for (const char *p = form; *p;) {
        const char *e = strchr (p, ' ');
        size_t l = e ? (size_t) (e - p) : strlen (p);
        if (l > 0) {
            (*ntok)++;
            if (p[l - 1] == '.')
                (*ninit)++;
        }
        p += l;
        while (*p == ' ')
            p++;
    }
}

/* Fullest names first, so that shorter ones are compared with them: more words, fewer
 * initials, more mentions, then the form itself. A total order on the set of forms, so the
 * people found do not depend on the order documents arrived in. */
static int
cmp_group (gconstpointer a, gconstpointer b)
{
    const form_group *x = a, *y = b;
    if (x->ntok != y->ntok)
        return y->ntok - x->ntok;
    if (x->ninit != y->ninit)
        return x->ninit - y->ninit;
    if (x->mentions != y->mentions)
        return x->mentions > y->mentions ? -1 : 1;
    return strcmp (x->form, y->form);
}

/* First and last words of a form, as keys of the candidate index ("F:xi", "L:tokayev");
 * initials anchor nothing. */
static char *
anchor_key (const char *form, gboolean last)
{
    const char *w = form;
    size_t l;
    if (last) {
        const char *sp = strrchr (form, ' ');
        w = sp ? sp + 1 : form;
        l = strlen (w);
    } else {
        const char *sp = strchr (form, ' ');
        l = sp ? (size_t) (sp - form) : strlen (form);
    }
    if (l == 0 || w[l - 1] == '.')
        return NULL;
    return g_strdup_printf ("%c:%.*s", last ? 'L' : 'F', (int) l, w);
}

static void
index_add (GHashTable *index, const char *form, int person)
{
    for (int last = 0; last < 2; last++) {
        char *k = anchor_key (form, last);
        if (k == NULL)
            continue;
        GArray *a = g_hash_table_lookup (index, k);
        if (a == NULL) {
            a = g_array_new (FALSE, FALSE, sizeof (int));
            g_hash_table_insert (index, k, a);
        } else {
            g_free (k);
        }
        g_array_append_val (a, person);
    }
}

static void
array_free (gpointer p)
{
    g_array_free (p, TRUE);
}

/* Which name of the canonical form to show: the most used, then the one with more bytes
 * (accents kept: "Çavuşoğlu" over "Cavusoglu"), then the first in byte order. */
static const char *
display_name (const bilat_model *m, const form_group *g)
{
    const mvariant *best = NULL;
    for (guint i = 0; i < g->variants->len; i++) {
        const mvariant *v = &g_array_index (m->variants, mvariant,
                                            g_array_index (g->variants, uint32_t, i));
        if (best == NULL || v->mentions->len > best->mentions->len ||
            (v->mentions->len == best->mentions->len &&
             (strlen (v->name) > strlen (best->name) ||
              (strlen (v->name) == strlen (best->name) && strcmp (v->name, best->name) < 0))))
            best = v;
    }
    return best->name;
}

static int
cmp_office (gconstpointer a, gconstpointer b)
{
    const moffice *x = a, *y = b;
    if (x->mentions != y->mentions)
        return x->mentions > y->mentions ? -1 : 1;
    return strcmp (x->office, y->office);
}

static int
cmp_name (gconstpointer a, gconstpointer b)
{
    return strcmp (*(const char *const *) a, *(const char *const *) b);
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

static bilat_official *
make_person (bilat_model *m, pbucket *b, const draft *dr, GArray *groups)
{
    bilat_official *p = g_new0 (bilat_official, 1);
    const form_group *head = &g_array_index (groups, form_group, g_array_index (dr->forms, int, 0));
    p->name = display_name (m, head);
    p->state = b->state;
    char *key = g_strconcat ("person:", b->state ? b->state : "", ":", p->name, NULL);
    p->key = bilat__model_intern (m, key);
    g_free (key);
    p->aliases = g_ptr_array_new ();
    p->offices = g_array_new (FALSE, FALSE, sizeof (moffice));
    p->variants = g_array_new (FALSE, FALSE, sizeof (uint32_t));
    GHashTable *docs = g_hash_table_new (g_direct_hash, g_direct_equal);
    GHashTable *offices = g_hash_table_new (g_direct_hash, g_direct_equal);
    for (guint f = 0; f < dr->forms->len; f++) {
        int gi = g_array_index (dr->forms, int, f);
        const form_group *g = &g_array_index (groups, form_group, gi);
        for (guint i = 0; i < g->variants->len; i++) {
            uint32_t vi = g_array_index (g->variants, uint32_t, i);
            mvariant *v = &g_array_index (m->variants, mvariant, vi);
            g_array_append_val (p->variants, vi);
            if (v->name != p->name)
                g_ptr_array_add (p->aliases, (gpointer) v->name);
            for (guint k = 0; k < v->mentions->len; k++) {
                const pmention *pm = &g_array_index (m->pmentions, pmention,
                                                     g_array_index (v->mentions, uint32_t, k));
                const mdoc *d = &g_array_index (m->docs, mdoc, pm->doc);
                p->n_mentions++;
                g_hash_table_add (docs, GUINT_TO_POINTER (pm->doc + 1));
                widen (&p->first, &p->last, d->date);
                for (uint32_t o = 0; o < pm->offices.n; o++) {
                    const char *office = g_ptr_array_index (m->strs, pm->offices.off + o);
                    gpointer at = g_hash_table_lookup (offices, office);
                    if (at == NULL) {
                        moffice mo = { office, 0, NULL, NULL };
                        g_array_append_val (p->offices, mo);
                        at = GUINT_TO_POINTER (p->offices->len);
                        g_hash_table_insert (offices, (gpointer) office, at);
                    }
                    moffice *mo = &g_array_index (p->offices, moffice, GPOINTER_TO_UINT (at) - 1);
                    mo->mentions++;
                    widen (&mo->first, &mo->last, d->date);
                }
            }
        }
    }
    p->n_documents = g_hash_table_size (docs);
    g_hash_table_destroy (docs);
    g_hash_table_destroy (offices);
    g_array_sort (p->offices, cmp_office);
    g_ptr_array_sort (p->aliases, cmp_name);
    return p;
}

void
bilat__official_free (bilat_official *p)
{
    if (p == NULL)
        return;
    g_ptr_array_free (p->aliases, TRUE);
    g_array_free (p->offices, TRUE);
    g_array_free (p->variants, TRUE);
    bilat__edge_clear (&p->edge);
    g_free (p);
}

int
bilat__official_cmp (gconstpointer a, gconstpointer b, gpointer data)
{
    const bilat_official *x = a, *y = b;
    int c = bilat__strcmp0_last (x->state, y->state);
    if (c == 0)
        c = strcmp (x->name, y->name);
    return c ? c : strcmp (x->key, y->key);
}

void
bilat__people_resolve (bilat_model *m, pbucket *b)
{
    /* Group the bucket's variants by folded form. */
    GHashTable *by_form = g_hash_table_new (g_direct_hash, g_direct_equal);
    GArray *groups = g_array_new (FALSE, TRUE, sizeof (form_group));
    for (guint i = 0; i < b->variants->len; i++) {
        uint32_t vi = g_array_index (b->variants, uint32_t, i);
        const mvariant *v = &g_array_index (m->variants, mvariant, vi);
        gpointer at = g_hash_table_lookup (by_form, v->form);
        if (at == NULL) {
            form_group g = { 0 };
            g.form = v->form;
            count_tokens (v->form, &g.ntok, &g.ninit);
            g.variants = g_array_new (FALSE, FALSE, sizeof (uint32_t));
            g_array_append_val (groups, g);
            at = GUINT_TO_POINTER (groups->len);
            g_hash_table_insert (by_form, (gpointer) v->form, at);
        }
        form_group *g = &g_array_index (groups, form_group, GPOINTER_TO_UINT (at) - 1);
        g_array_append_val (g->variants, vi);
        g->mentions += v->mentions->len;
    }
    g_hash_table_destroy (by_form);
    g_array_sort (groups, cmp_group);

    /* Each form joins the one person it is compatible with; a form compatible with none
     * starts a person, and so does one compatible with several ("Khan" when two Khans are
     * known), because it cannot be told which one it means. */
    GArray *drafts = g_array_new (FALSE, TRUE, sizeof (draft));
    GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, array_free);
    for (guint gi = 0; gi < groups->len; gi++) {
        form_group *g = &g_array_index (groups, form_group, gi);
        int found = -1, n_found = 0;
        for (int last = 0; last < 2; last++) {
            char *k = anchor_key (g->form, last);
            GArray *cands = k ? g_hash_table_lookup (index, k) : NULL;
            g_free (k);
            for (guint c = 0; cands && c < cands->len; c++) {
                int pi = g_array_index (cands, int, c);
                if (pi == found)
                    continue;
                const draft *dr = &g_array_index (drafts, draft, pi);
                if (bilat__name_compatible (g->form, dr->form)) {
                    if (found >= 0 && found != pi)
                        n_found++;
                    else if (found < 0)
                        n_found = 1;
                    found = found < 0 ? pi : found;
                }
            }
        }
        if (n_found == 1) {
            g->person = found;
            g_array_append_val (g_array_index (drafts, draft, found).forms, gi);
        } else {
            draft dr = { g->form, g_array_new (FALSE, FALSE, sizeof (int)) };
            int gii = (int) gi;
            g_array_append_val (dr.forms, gii);
            g->person = (int) drafts->len;
            g_array_append_val (drafts, dr);
            /* Ambiguous short forms are people of their own but do not take part in
             * matching: later forms should not attach to "Khan". */
            if (n_found == 0)
                index_add (index, g->form, g->person);
        }
    }
    g_hash_table_destroy (index);

    /* Replace the bucket's people. */
    for (guint i = 0; i < b->people->len; i++) {
        bilat_official *p = g_ptr_array_index (b->people, i);
        g_sequence_remove (p->iter);
        g_hash_table_remove (m->person_by_key, p->key);
        bilat__official_free (p);
    }
    g_ptr_array_set_size (b->people, 0);
    for (guint i = 0; i < drafts->len; i++) {
        draft *dr = &g_array_index (drafts, draft, i);
        bilat_official *p = make_person (m, b, dr, groups);
        g_ptr_array_add (b->people, p);
        /* Two drafts may show the same name (an ambiguous "Khan" and a later full "Khan"
         * cannot both exist, but forms differing only in accents can); keep keys unique. */
        if (g_hash_table_contains (m->person_by_key, p->key)) {
            char *key = g_strdup_printf ("%s#%u", p->key, i);
            p->key = bilat__model_intern (m, key);
            g_free (key);
        }
        g_hash_table_insert (m->person_by_key, (gpointer) p->key, p);
        p->iter = g_sequence_insert_sorted (m->people, p, bilat__official_cmp, NULL);
        p->edge.kind = BILAT_EDGE_PERSON_STATE;
        p->edge.source = p->key;
        p->edge.target = p->state;
        p->edge.person = p;
        p->edge.mentions = p->n_mentions;
        p->edge.documents = p->n_documents;
        p->edge.doc_first = p->first;
        p->edge.doc_last = p->last;
        /* Events naming a variant whose person changed must be re-derived. */
        for (guint k = 0; k < p->variants->len; k++) {
            mvariant *v = &g_array_index (m->variants, mvariant,
                                          g_array_index (p->variants, uint32_t, k));
            v->person = p;
            if (v->person_key != p->key) {
                for (guint j = 0; j < v->buckets->len; j++)
                    bilat__model_mark_ebucket (m, g_ptr_array_index (m->ebuckets,
                                               g_array_index (v->buckets, uint32_t, j)));
                v->person_key = p->key;
            }
        }
        g_array_free (dr->forms, TRUE);
    }
    g_array_free (drafts, TRUE);
    for (guint i = 0; i < groups->len; i++)
        g_array_free (g_array_index (groups, form_group, i).variants, TRUE);
    g_array_free (groups, TRUE);
    m->stale_edges = TRUE;
}
