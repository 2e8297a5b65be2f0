/* SPDX-License-Identifier: MIT */
/* Model internals: the ledger of documents' facts, people and events derived from it, and
 * the graph kept up to date from both; shared with graph, query and serialize. */
#ifndef BILAT_MODEL_PRIVATE_H
#define BILAT_MODEL_PRIVATE_H

#include "../core/core-private.h"

/* Why a model can be built in any order and merged: the ledger (documents and the facts
 * each one states) only grows, and everything else is a function of the ledger's contents,
 * not of the order they arrived in. People are resolved per state over all the names the
 * documents give that state's people; reports of events are clustered per bucket (type and
 * parties) over all the bucket's reports, sorted by keys that do not depend on arrival.
 * Adding a document marks the buckets it touches; the next read re-derives only those and
 * moves their contributions in and out of the graph. */

/* Day numbers (Julian days) bounding a date: "2024-03" is [1 March, 31 March]. */
#define DAY_MIN INT32_MIN
#define DAY_MAX INT32_MAX

/* Precision of a report's date, best first. */
enum {
    PREC_NONE = -1,  /* no date and an undated document */
    PREC_DOC = 0,    /* no date of its own: placed near its document's date */
    PREC_YEAR = 1,
    PREC_MONTH = 2,
    PREC_DAY = 3
};

/* ---- the ledger ------------------------------------------------------------------------ */

/* A list stored in one of the model's pools: [off, off + n). */
typedef struct {
    uint32_t off, n;
} mlist;

typedef struct {
    const char *id;
    const char *date;     /* "YYYY-MM-DD" or NULL */
    int32_t day;          /* its day number, or 0 */
    uint32_t n_sentences;
    mlist states, pairs, orgs, areas, status;  /* strs pool; pairs hold two codes each */
    mlist persons;        /* indexes into pmentions */
    mlist events;         /* indexes into ementions */
} mdoc;

/* A person as one document names them. */
typedef struct {
    uint32_t doc, variant;
    int32_t sentence;
    uint32_t start, end;
    mlist offices;        /* strs pool */
    const char *rule;
} pmention;

/* One event as one document reports it. */
typedef struct {
    uint32_t doc, bucket;
    uint8_t type;
    int8_t prec;
    int32_t lo, hi;       /* day interval of its date (see PREC_*) */
    int32_t sentence;
    uint32_t start, end;
    mlist parties;        /* strs pool, as written */
    mlist persons;        /* vrefs pool: variant indexes */
    const char *actor, *target, *level, *mode, *place, *date, *title, *cameo, *plover, *rule;
} emention;

/* A name as written for one state ("Tokayev" of KAZ); people are sets of variants. */
typedef struct {
    const char *name;
    const char *state;    /* alpha-3 or NULL */
    const char *form;     /* folded tokens ("kassym jomart tokayev") */
    GArray *mentions;     /* uint32 pmention indexes */
    GArray *buckets;      /* uint32 ebucket indexes of events naming this variant */
    const char *person_key;  /* resolved person's id, NULL before the first resolution */
    struct bilat_official *person;
    uint32_t next;        /* index + 1 of the next variant with the same name, or 0 */
} mvariant;

/* ---- derived: people -------------------------------------------------------------------- */

typedef struct {
    const char *office;
    uint32_t mentions;
    const char *first, *last;
} moffice;

typedef struct mstate mstate;
typedef struct pbucket pbucket;

struct bilat_edge {
    uint8_t kind;
    const char *source, *target;
    uint64_t events, documents, visits_st, visits_ts, meetings, agreements, mentions;
    GArray *dates;        /* mdate in date order: event dates (state-state, person-person) */
    const char *doc_first, *doc_last;  /* over documents naming both ends */
    GArray *areas;        /* marea, heaviest first */
    GArray *status;       /* mstatus */
    GPtrArray *buckets;   /* state-state: ebuckets whose events involve both states */
    struct bilat_official *person;  /* person-state */
    gboolean touched;     /* on the sync's list of edges to check */
};

typedef struct {
    const char *area;
    uint64_t weight;
} marea;

typedef struct {
    const char *date;
    uint64_t count;
} mdate;

typedef struct {
    const char *status;
    uint64_t count;
    const char *last;
} mstatus;

struct bilat_official {
    const char *key;      /* "person:KAZ:Name" */
    const char *name;
    const char *state;
    GPtrArray *aliases;   /* const char *, sorted */
    GArray *offices;      /* moffice, most named first */
    GArray *variants;     /* uint32 */
    const char *first, *last;
    uint32_t n_documents, n_mentions;
    struct bilat_edge edge;  /* person-state */
    GSequenceIter *iter;  /* in model->people */
};

struct pbucket {
    const char *state;    /* NULL: people whose state is not known */
    GArray *variants;     /* uint32 */
    GPtrArray *people;    /* bilat_official *, owned */
    gboolean dirty;
};

/* ---- derived: events -------------------------------------------------------------------- */

typedef struct ebucket ebucket;

struct bilat_event {
    const char *id;
    ebucket *bucket;
    uint8_t type;
    int8_t prec;
    int32_t lo, hi;
    const char *date, *when;
    const char *level, *mode, *place, *title, *cameo, *plover;
    uint32_t *mentions;   /* emention indexes, in (document id, start) order */
    uint32_t n_mentions;
    const char **persons;     /* names */
    const char **person_keys; /* ids, same order */
    uint32_t n_persons;
    const char **areas;
    uint32_t n_areas;
    void *block;          /* holds person_keys, persons, areas and mentions */
    GSequenceIter *iter;  /* in model->events */
};

struct ebucket {
    struct bilat_model *model;
    const char *key;
    uint8_t type;
    const char *actor, *target;  /* visits */
    const char **parties;        /* visits: actor, target; else sorted, unique */
    uint32_t n_parties;
    GArray *mentions;            /* uint32 */
    GPtrArray *events;           /* bilat_event *, owned */
    gboolean dirty;
    uint32_t mark;               /* query generation, to visit a bucket once */
};

/* ---- the graph ---------------------------------------------------------------------------- */

struct mstate {
    const char *code;
    uint64_t documents, events;
    const char *first, *last;   /* document dates */
    GPtrArray *edges;           /* bilat_edge * state-state, unsorted */
    GPtrArray *org_edges;       /* bilat_edge * state-organization */
    GPtrArray *buckets;         /* ebucket * whose parties include the state */
    pbucket *people;
};

typedef struct {
    const char *name;
    const char *key;            /* "org:Name" */
    uint64_t documents;
    const char *first, *last;
} morg;

struct bilat_graph {
    struct bilat_model *model;
};

struct bilat_model {
    struct bilat_graph graph;
    GStringChunk *chunk;
    GHashTable *interned;       /* string set */
    GArray *docs;               /* mdoc */
    GHashTable *doc_by_id;      /* id -> index + 1 */
    GArray *docs_sorted;        /* uint32 doc indexes in id order; rebuilt when stale */
    GPtrArray *strs;            /* pool of const char * */
    GArray *vrefs;              /* pool of uint32 */
    GArray *pmentions;
    GArray *ementions;
    GArray *variants;           /* mvariant */
    GHashTable *variant_by_name;  /* name -> index + 1 of its first variant */
    GHashTable *pbuckets;       /* state (or "") -> pbucket * */
    GPtrArray *ebuckets;        /* ebucket * */
    GHashTable *ebucket_by_key;
    GHashTable *states;         /* code -> mstate * */
    GPtrArray *states_sorted;   /* rebuilt when stale */
    GHashTable *orgs;           /* name -> morg * */
    GPtrArray *orgs_sorted;
    /* Edges are their own keys, hashed by their (interned) ends: bilat__edge_hash. */
    GHashTable *edges;          /* state-state */
    GHashTable *org_edges;      /* state-organization */
    GHashTable *met;            /* person-person */
    GPtrArray *edges_sorted[5]; /* per edge kind, rebuilt when stale */
    GSequence *people;          /* bilat_official *, by state then name */
    GHashTable *person_by_key;
    GSequence *events;          /* bilat_event *, in date order */
    GPtrArray *dirty_pbuckets;
    GPtrArray *dirty_ebuckets;
    GPtrArray *touched_edges;
    gboolean stale_docs, stale_states, stale_orgs, stale_edges;
    uint32_t generation;
};

/* ---- building (model.c) -------------------------------------------------------------------- */

/* One document's facts on their way into the ledger; strings are borrowed. */
typedef struct {
    const char *name, *state;
    mlist offices;        /* in rec->strs */
    int32_t sentence;
    uint32_t start, end;
    const char *rule;
} rec_person;

typedef struct {
    int type;
    const char *actor, *target, *level, *mode, *place, *date, *title, *cameo, *plover, *rule;
    mlist parties, persons;  /* in rec->strs */
    int32_t sentence;
    uint32_t start, end;
} rec_event;

typedef struct {
    const char *id, *date;
    uint32_t n_sentences;
    GPtrArray *strs;
    mlist states, pairs, orgs, areas, status;
    GArray *persons;      /* rec_person */
    GArray *events;       /* rec_event */
} mrec;

void bilat__mrec_init (mrec *r);
void bilat__mrec_clear (mrec *r);
/* Append strings to r->strs and return their list. */
mlist bilat__mrec_list (mrec *r, const char *const *v, size_t n);

/* Add one document record; validates it (BILAT_EINVAL) and leaves the model unchanged on
 * failure. */
int bilat__model_add_record (struct bilat_model *m, const mrec *r, bilat_error **error);
/* The record of document d of m (strings borrowed from m). */
void bilat__model_doc_record (const struct bilat_model *m, uint32_t d, mrec *r);

const char *bilat__model_intern (struct bilat_model *m, const char *s);
/* Put an event bucket on the list the next sync re-derives. */
void bilat__model_mark_ebucket (struct bilat_model *m, ebucket *b);
/* Day bounds of a range given as dates (NULL: open); BILAT_EPARSE for a malformed date. */
int bilat__model_bounds (const char *since, const char *until, int32_t *lo, int32_t *hi,
                         bilat_error **error);
/* Bring people, events and the graph up to date with the ledger (logically const). */
void bilat__model_sync (const struct bilat_model *m);

/* Doc indexes in id order (after sync). */
const mdoc *bilat__model_doc (const struct bilat_model *m, uint32_t d);
/* A state by code (case-insensitive), or NULL. */
mstate *bilat__model_state (const struct bilat_model *m, const char *code);
/* Edges of one kind in (source, target) order (after sync). */
GPtrArray *bilat__model_edges (const struct bilat_model *m, int kind);
const bilat_edge *bilat__model_edge (const struct bilat_model *m, const char *a, const char *b);
GPtrArray *bilat__model_states_sorted (const struct bilat_model *m);
GPtrArray *bilat__model_orgs_sorted (const struct bilat_model *m);

/* ---- dates and names (text.c) ------------------------------------------------------------ */

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" into a day interval and precision. */
gboolean bilat__date_interval (const char *s, int32_t *lo, int32_t *hi, int *prec);
/* The date string of a day number ("YYYY-MM-DD"), into buf[11]. */
void bilat__day_string (int32_t day, char *buf);
/* Fold a name for comparison: lower case, accents off, tokens joined by one space, hyphens
 * and dots split words; a one-letter token (or one before a dot) is an initial, marked by a
 * trailing '.'. Returns a new string. */
char *bilat__name_fold (const char *name);
/* True when the folded name a could name the same person as b: a's tokens match b's in
 * order (initials match words that start with them) and a shares b's last or first word. */
gboolean bilat__name_compatible (const char *a, const char *b);
/* Word-set similarity of two agreement titles, 0..1 (Jaccard of their content words). */
double bilat__title_similarity (const char *a, const char *b);
/* A title's content words, folded, sorted and unique, joined by spaces (a new string; NULL
 * for NULL); equal keys are titles of the same words. */
char *bilat__title_key (const char *title);
/* bilat__title_similarity of two keys. */
double bilat__title_key_similarity (const char *a, const char *b);
/* strcmp with NULL last. */
int bilat__strcmp0_last (const char *a, const char *b);

/* ---- derivations (people.c, events.c) ----------------------------------------------------- */

/* Re-resolve the people of one bucket; marks event buckets of variants whose person
 * changed. */
void bilat__people_resolve (struct bilat_model *m, pbucket *b);
void bilat__official_free (struct bilat_official *p);
int bilat__official_cmp (gconstpointer a, gconstpointer b, gpointer data);

/* Re-cluster one bucket's reports into events. */
void bilat__events_cluster (struct bilat_model *m, ebucket *b);
void bilat__event_free (struct bilat_event *e);
int bilat__event_cmp (gconstpointer a, gconstpointer b, gpointer data);
/* The doc of an event's evidence i. */
const mdoc *bilat__event_doc (const struct bilat_model *m, const struct bilat_event *e,
                              size_t i);

/* ---- the graph's contents (links.c; the graph module reads them) ------------------------ */

bilat_edge *bilat__edge_new (int kind, const char *source, const char *target);
/* Hash and equality of edges by their ends' pointers (interned strings). */
guint bilat__edge_hash (gconstpointer e);
gboolean bilat__edge_equal (gconstpointer a, gconstpointer b);
/* The edge of a set with these ends, or NULL. */
bilat_edge *bilat__edge_find (GHashTable *set, const char *source, const char *target);
void bilat__edge_free (bilat_edge *e);
void bilat__edge_clear (bilat_edge *e);
/* Add (sign +1) or take back (-1) an event's contribution to the graph. */
void bilat__links_event (struct bilat_model *m, const struct bilat_event *e, int sign);
/* Add a document's own facts (pairs, areas, status, organizations) to the graph. */
void bilat__links_doc (struct bilat_model *m, uint32_t d);
/* The state-state edge of a and b, made when missing. */
bilat_edge *bilat__links_pair (struct bilat_model *m, const char *a, const char *b);
mstate *bilat__links_state (struct bilat_model *m, const char *code);
/* Drop person-person edges left without events. */
void bilat__links_prune (struct bilat_model *m);
const char *bilat__edge_first_event (const bilat_edge *e);
const char *bilat__edge_last_event (const bilat_edge *e);

#endif /* BILAT_MODEL_PRIVATE_H */
