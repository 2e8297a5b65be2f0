/* SPDX-License-Identifier: MIT */
/* Dictionaries of states, organizations, offices, areas, statuses, people and keywords, and
 * the longest-match lookup of token sequences against all of them at once. */
#ifndef BILAT_GAZETTEER_PRIVATE_H
#define BILAT_GAZETTEER_PRIVATE_H

#include "../core/core-private.h"

typedef enum {
    GZ_STATE = BILAT_DICT_STATES,
    GZ_ORG = BILAT_DICT_ORGANIZATIONS,
    GZ_OFFICE = BILAT_DICT_OFFICES,
    GZ_AREA = BILAT_DICT_AREAS,
    GZ_STATUS = BILAT_DICT_STATUS,
    GZ_PERSON = BILAT_DICT_PEOPLE,
    GZ_KEYWORD = 7
} gz_kind;

/* How a state is named: its name, a demonym ("Kazakh"), or its capital ("Ashgabat"). */
typedef enum { GZ_FORM_NAME = 0, GZ_FORM_DEMONYM = 1, GZ_FORM_CAPITAL = 2 } gz_form;

/* Office classes, from offices.tsv. */
typedef enum {
    GZ_OFFICE_OTHER = 0, GZ_OFFICE_HEAD_OF_STATE, GZ_OFFICE_HEAD_OF_GOVERNMENT,
    GZ_OFFICE_DEPUTY_HEAD, GZ_OFFICE_MINISTER, GZ_OFFICE_DEPUTY_MINISTER, GZ_OFFICE_DIPLOMAT,
    GZ_OFFICE_ROYAL, GZ_OFFICE_LEGISLATOR, GZ_OFFICE_OFFICIAL, GZ_OFFICE_MILITARY,
    GZ_OFFICE_INTERNATIONAL
} gz_office_class;

/* One named thing of a dictionary. */
typedef struct {
    const char *name;   /* canonical: alpha-3 for states, key for areas */
    const char *extra;  /* states: the short name; people: state code; offices: unused */
    const char *office; /* people: office */
    int klass;          /* offices: gz_office_class */
    GDate from, to;     /* people: term of office (cleared when open) */
} gz_entity;

/* One variant: a token sequence that names an entity. */
typedef struct {
    uint8_t kind;
    uint8_t form;
    uint16_t ntok;
    int32_t id;         /* index into the kind's entities, or the keyword id */
    uint32_t tok;       /* index of the first of ntok dictionary tokens */
    int32_t next;       /* next entry with the same first-token hash, or -1 */
    const char *variant;
    const char *rule;   /* "states.tsv:12": where the entry was defined */
} gz_entry;

typedef struct bilat_gazetteer bilat_gazetteer;

bilat_gazetteer *bilat__gazetteer_new (void);
void bilat__gazetteer_free (bilat_gazetteer *gz);
/* Load the built-in dictionaries. */
int bilat__gazetteer_load_builtin (bilat_gazetteer *gz, bilat_error **error);
/* Parse lines of one dictionary kind; origin names it in rule ids and error messages. */
int bilat__gazetteer_load (bilat_gazetteer *gz, int kind, const char *text, size_t len,
                           const char *origin, bilat_error **error);
/* A keyword the extractor keys its rules on ("visit", "telephone conversation"), in any
 * case; with capitalized, a capitalized variant matches only capitalized words ("The",
 * not "the"). */
void bilat__gazetteer_add_keyword (bilat_gazetteer *gz, int id, const char *variant,
                                   gboolean capitalized);
/* TRUE when an allocation failed while entries were added (keywords included). */
gboolean bilat__gazetteer_out_of_memory (const bilat_gazetteer *gz);
/* Build the lookup index; the gazetteer is read-only afterwards. */
void bilat__gazetteer_freeze (bilat_gazetteer *gz);

/* The longest entry matching tokens [i, limit) of text, or NULL. Ties go to the kind that
 * is most specific (organization, state, office, status, person, area, keyword). */
const gz_entry *bilat__gazetteer_match (const bilat_gazetteer *gz, const char *text,
                                        const bilat_token *toks, size_t i, size_t limit);

/* As bilat__gazetteer_match, also giving the longest keyword at i (which a longer entry of
 * another kind may cover), in the same walk. */
const gz_entry *bilat__gazetteer_match2 (const bilat_gazetteer *gz, const char *text,
                                         const bilat_token *toks, size_t i, size_t limit,
                                         const gz_entry **keyword);
/* ---- the mention pass's lookup, inlined into its loop ---------------------------------- */

/* What the walk of a one-word chain returns, worked out once when the dictionary is frozen:
 * the best entry and the best keyword for a text word of that hash, [0] in lower case, [1]
 * capitalized (entries that need a capital). Every word that starts an entry has a record,
 * so a word without one starts nothing; most of the others start no longer entry, and for
 * them this is the whole lookup. The record repeats what the mention pass reads of its
 * entries (kind, form, entity, keyword id), so that the lookup touches one cache line, not
 * three. GZ_ONE_WALK: the chain holds an exact-case entry, whose bytes must be compared;
 * GZ_ONE_FREE: an empty record. */
typedef struct {
    uint64_t hash;
    int32_t best[2];   /* entry index, or -1 */
    int32_t id[2];     /* best[up]'s entity (or keyword) id */
    uint8_t kind[2];   /* best[up]'s kind and form */
    uint8_t form[2];
    int16_t kw[2];     /* the id of the best one-word keyword, or -1 */
    uint8_t longer;    /* some entry of two words or more starts with this word */
    uint8_t pad;
} gz_one;
enum { GZ_ONE_FREE = INT32_MIN, GZ_ONE_WALK = INT32_MIN + 1 };
#define GZ_ONE_SLOT(h) ((size_t) ((h) ^ ((h) >> 31)))

/* The key of an entry's first two (or, with a pair key, three) words. */
static inline uint64_t
bilat__gz_pair_key (uint64_t a, uint64_t b)
{
    return (a * 0x9E3779B97F4A7C15ULL) ^ (b + 0x632BE59BD9B4E019ULL + (a >> 17));
}

/* A bit per key in 8 KiB filters: "no entry can have this key" when clear. */
#define GZ_FILTER_BIT(h) ((size_t) ((h) >> 48) & 65535)
static inline gboolean
bilat__gz_filter_has (const uint64_t *bits, uint64_t h)
{
    return (bits[GZ_FILTER_BIT (h) >> 6] >> (GZ_FILTER_BIT (h) & 63)) & 1;
}

static inline const gz_one *
bilat__gz_one_of (const gz_one *ones, size_t mask, uint64_t hash)
{
    for (size_t i = GZ_ONE_SLOT (hash) & mask;; i = (i + 1) & mask) {
        const gz_one *o = &ones[i];
        if (o->best[0] == GZ_ONE_FREE)
            return NULL;
        if (o->hash == hash)
            return o;
    }
}

/* As bilat__gazetteer_match, among entries of one kind only. */
const gz_entry *bilat__gazetteer_match_kind (const bilat_gazetteer *gz, const char *text,
                                             const bilat_token *toks, size_t i, size_t limit,
                                             int kind);

/* What the inlined lookup reads of a frozen gazetteer, fetched once per document. */
typedef struct {
    const bilat_gazetteer *gz;
    const gz_entry *entries;
    const gz_one *ones;     /* NULL before the gazetteer is frozen */
    size_t ones_mask;
    const uint64_t *pair_bits[2];
    const uint64_t *first_bits[2];  /* [1] for capitalized words */
} gz_view;
void bilat__gazetteer_view (const bilat_gazetteer *gz, gz_view *v);

/* The record of the word of token t, or NULL when no entry starts with it (in its case:
 * "the" starts only capitalized entries). Most such words leave at the filter, in the
 * first-level cache; the records take a few hundred kilobytes. */
static inline const gz_one *
bilat__gz_record (const gz_view *v, const bilat_token *t)
{
    const uint64_t *bits = v->first_bits[(t->flags & BILAT_TOK_UPPER) != 0];
    return bilat__gz_filter_has (bits, t->hash) ? bilat__gz_one_of (v->ones, v->ones_mask, t->hash)
                                                : NULL;
}

/* A match as the mention pass reads it: the entry's index and what it names, and the
 * longest keyword at the same token (which a longer entry of another kind may cover). */
typedef struct {
    int32_t entry;     /* index into the entries, or -1 when nothing starts here */
    int32_t id;
    uint16_t ntok;
    uint8_t kind, form;
    int32_t kw;        /* keyword id, or -1 */
    uint16_t kw_ntok;
} gz_hit;

/* Fill h from a walk's result (the slow path). */
static inline void
bilat__gz_hit_of (const gz_view *v, const gz_entry *e, const gz_entry *kw, gz_hit *h)
{
    *h = (gz_hit) { .entry = -1 };
    if (e) {
        h->entry = (int32_t) (e - v->entries);
        h->id = e->id;
        h->ntok = e->ntok;
        h->kind = e->kind;
        h->form = e->form;
    }
    h->kw = kw ? kw->id : -1;
    h->kw_ntok = kw ? kw->ntok : 0;
}

/* bilat__gazetteer_match2 into h, with the common case inline: a token that starts no entry
 * has no record, and one that starts no entry of two words or more (its record, then the
 * filters say so) has its result ready from the freeze. */
static inline void
bilat__gazetteer_hit (const gz_view *v, const char *text, const bilat_token *toks, size_t i,
                      size_t limit, gz_hit *h)
{
    if (v->ones && i < limit) {
        const bilat_token *t = &toks[i];
        const gz_one *o = bilat__gz_record (v, t);
        if (o == NULL) {
            *h = (gz_hit) { .entry = -1, .kw = -1 };
            return;
        }
        gboolean longer = FALSE;
        if (o->longer && i + 1 < limit && !(toks[i + 1].flags & BILAT_TOK_NEWLINE)) {
            uint64_t pk = bilat__gz_pair_key (t->hash, toks[i + 1].hash);
            longer = bilat__gz_filter_has (v->pair_bits[0], pk) ||
                     ((t->flags & BILAT_TOK_UPPER) && bilat__gz_filter_has (v->pair_bits[1], pk));
        }
        if (!longer && o->best[0] != GZ_ONE_WALK) {
            int up = (t->flags & BILAT_TOK_UPPER) != 0;
            h->entry = o->best[up];
            h->id = o->id[up];
            h->ntok = 1;
            h->kind = o->kind[up];
            h->form = o->form[up];
            h->kw = o->kw[up];
            h->kw_ntok = 1;
            return;
        }
    }
    const gz_entry *kw;
    const gz_entry *e = bilat__gazetteer_match2 (v->gz, text, toks, i, limit, &kw);
    bilat__gz_hit_of (v, e, kw, h);
}

/* The longest keyword at token i, as bilat__gazetteer_match_kind (..., GZ_KEYWORD): its id,
 * or -1, and its length in *ntok; from the word's record when no longer entry starts there. */
static inline int
bilat__gazetteer_keyword_at (const gz_view *v, const char *text, const bilat_token *toks,
                             size_t i, size_t limit, unsigned *ntok)
{
    *ntok = 1;
    if (v->ones && i < limit) {
        const bilat_token *t = &toks[i];
        const gz_one *o = bilat__gz_record (v, t);
        if (o == NULL)
            return -1;
        if (!o->longer && o->best[0] != GZ_ONE_WALK)
            return o->kw[(t->flags & BILAT_TOK_UPPER) != 0];
    }
    const gz_entry *kw = bilat__gazetteer_match_kind (v->gz, text, toks, i, limit, GZ_KEYWORD);
    if (kw == NULL)
        return -1;
    *ntok = kw->ntok;
    return kw->id;
}


const gz_entity *bilat__gazetteer_entity (const bilat_gazetteer *gz, int kind, int id);
size_t bilat__gazetteer_n_entities (const bilat_gazetteer *gz, int kind);
/* Index of the state with this alpha-3 code or any known name, or -1. */
int bilat__gazetteer_find_state (const bilat_gazetteer *gz, const char *name);
/* Intern a string in the gazetteer's chunk (during building only). */
const char *bilat__gazetteer_intern (bilat_gazetteer *gz, const char *s);

#endif /* BILAT_GAZETTEER_PRIVATE_H */
