/* SPDX-License-Identifier: MIT */
/* Many documents, one model: people and events merged across documents, the graph of
 * relations built from them, queries, and the model's formats (JSON, GraphML, DOT, CSV,
 * PLOVER-style JSONL). */
#ifndef BILAT_MODEL_H
#define BILAT_MODEL_H

#if !defined(BILAT_INSIDE_BILAT_H) && !defined(BILAT_COMPILATION)
#error "Only <bilat/bilat.h> can be included directly."
#endif

#include "bilat-common.h"
#include "bilat-error.h"
#include "bilat-extract.h"

BILAT_BEGIN_DECLS

typedef struct bilat_model bilat_model;
typedef struct bilat_event bilat_event;
typedef struct bilat_official bilat_official;
typedef struct bilat_graph bilat_graph;
typedef struct bilat_edge bilat_edge;
typedef struct bilat_filter bilat_filter;
typedef struct bilat_result bilat_result;

/* Kinds of graph node. Node ids: a state's alpha-3 code ("KAZ"); "person:" STATE ":" name
 * for people ("person:KAZ:Kassym-Jomart Tokayev", "person::Name" when the state is not
 * known); "org:" name for organizations. */
typedef enum {
    BILAT_NODE_STATE = 1,
    BILAT_NODE_PERSON = 2,
    BILAT_NODE_ORGANIZATION = 3
} bilat_node_type;

/* Kinds of graph edge; as bits (1 << bilat_edge_type) they select edges in bilat_graph_walk(). */
typedef enum {
    BILAT_EDGE_STATE_STATE = 1,        /* two states: visits, meetings, agreements, areas */
    BILAT_EDGE_PERSON_STATE = 2,       /* a person and the state they serve */
    BILAT_EDGE_PERSON_PERSON = 3,      /* two people of different states at one event */
    BILAT_EDGE_STATE_ORGANIZATION = 4  /* a state and an organization named together */
} bilat_edge_type;

/* All edge kinds, for bilat_graph_walk(). */
#define BILAT_EDGES_ALL ((1u << BILAT_EDGE_STATE_STATE) | (1u << BILAT_EDGE_PERSON_STATE) | \
                         (1u << BILAT_EDGE_PERSON_PERSON) |                                \
                         (1u << BILAT_EDGE_STATE_ORGANIZATION))

/* Counters of an edge, for bilat_edge_count(). */
typedef enum {
    BILAT_COUNT_EVENTS = 1,       /* events (state-state, person-person) */
    BILAT_COUNT_DOCUMENTS = 2,    /* documents naming both ends (person-state: naming the person) */
    BILAT_COUNT_VISITS_OUT = 3,   /* visits from the edge's source to its target */
    BILAT_COUNT_VISITS_IN = 4,    /* visits from the edge's target to its source */
    BILAT_COUNT_MEETINGS = 5,
    BILAT_COUNT_AGREEMENTS = 6,
    BILAT_COUNT_MENTIONS = 7      /* person-state: times the person is named */
} bilat_count;

/* What a query result holds, for bilat_result_n(). */
typedef enum {
    BILAT_ITEM_STATE = 1,
    BILAT_ITEM_EVENT = 2,
    BILAT_ITEM_EDGE = 3,
    BILAT_ITEM_OFFICIAL = 4
} bilat_item;

/* Which query made a result. */
typedef enum {
    BILAT_QUERY_RELATION = 1,
    BILAT_QUERY_PARTNERS = 2,
    BILAT_QUERY_EVENTS = 3,
    BILAT_QUERY_TIMELINE = 4,
    BILAT_QUERY_PEOPLE = 5,
    BILAT_QUERY_PATH = 6
} bilat_query_kind;

/* Flags for the exporters (with BILAT_JSON_PRETTY where JSON is written). */
typedef enum {
    BILAT_EXPORT_STATES_ONLY = 1 << 8  /* GraphML, DOT: only states and state-state edges */
} bilat_export_flags;

/**
 * bilat_edge_func:
 * Called once per edge by bilat_graph_walk().
 * @param edge     borrowed for the call
 * @param payload  the caller's pointer
 * @return 0 to go on; anything else stops the walk and is returned by it
 */
typedef int (*bilat_edge_func) (const bilat_edge *edge, void *payload);

/* ---- the model -------------------------------------------------------------------------- */

/**
 * bilat_model_new:
 * Make an empty model. A model is used by one thread at a time, reads included: a read may
 * bring its people, events and graph up to date with the documents added before it.
 * @param out    caller owns; free with bilat_model_free()
 * @param error  optional; set on failure
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_new (bilat_model **out, bilat_error **error);

/**
 * bilat_model_free:
 * @param m  caller-owned model, or NULL
 * @since 0.1
 */
BILAT_API void bilat_model_free (bilat_model *m);

/**
 * bilat_model_add_doc:
 * Add the facts of one extracted document. People are resolved against those already in
 * the model and events reported before are merged with the new reports, keeping every
 * report as evidence. The document's date is bilat_doc_date(@doc).
 * @param m      borrowed
 * @param docid  the document's id, unique within the model (copied)
 * @param doc    borrowed; not referenced after the call
 * @param error  BILAT_EINVAL when @docid is empty or already in the model
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_add_doc (bilat_model *m, const char *docid, const bilat_doc *doc,
                                   bilat_error **error);

/**
 * bilat_model_add_text:
 * Extract @text with @ex (as bilat_extract_dated()) and add its facts to the model. On
 * failure the model is unchanged.
 * @param m      borrowed
 * @param ex     borrowed
 * @param docid  the document's id, unique within the model (copied)
 * @param date   the document's date "YYYY-MM-DD", or NULL
 * @param text   UTF-8, borrowed; need not be NUL-terminated
 * @param len    length of @text in bytes
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EPARSE, BILAT_ELIMIT, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_add_text (bilat_model *m, const bilat_extractor *ex,
                                    const char *docid, const char *date, const char *text,
                                    size_t len, bilat_error **error);

/**
 * bilat_model_merge:
 * Add to @dst every document of @src that @dst does not hold (documents are told apart by
 * id; one already in @dst is assumed to be the same document and skipped). The result
 * equals the model built from all the documents in one go, in any order, so a corpus can
 * be split, extracted in parallel and reduced. On failure @dst is unchanged.
 * @param dst  borrowed
 * @param src  borrowed; may not be @dst
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_merge (bilat_model *dst, const bilat_model *src, bilat_error **error);

/**
 * bilat_model_range:
 * A new model of what @m's documents say within a date range: documents dated in the range
 * (and undated documents, for their events in it), and of those only the event reports
 * whose date (or, for an undated report, the document's date) falls in the range.
 * @param out    caller owns; free with bilat_model_free()
 * @param m      borrowed
 * @param since  "YYYY", "YYYY-MM" or "YYYY-MM-DD", or NULL for no lower bound
 * @param until  likewise, inclusive (a month or year includes all its days), or NULL
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EPARSE (a malformed date), BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_range (bilat_model **out, const bilat_model *m, const char *since,
                                 const char *until, bilat_error **error);

/**
 * @param m  borrowed model
 * @return the number of documents (0 for NULL).
 * @since 0.1
 */
BILAT_API size_t bilat_model_n_documents (const bilat_model *m);
/**
 * @param m  borrowed model
 * @param i  index, from 0
 * @return the id of document @i, in id order, borrowed; NULL out of range.
 * @since 0.1
 */
BILAT_API const char *bilat_model_document_id (const bilat_model *m, size_t i);
/**
 * @param m  borrowed model
 * @param i  index, from 0
 * @return the date of document @i ("YYYY-MM-DD"), or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_model_document_date (const bilat_model *m, size_t i);

/**
 * @param m  borrowed model
 * @return the number of states named by any document.
 * @since 0.1
 */
BILAT_API size_t bilat_model_n_states (const bilat_model *m);
/**
 * @param m  borrowed model
 * @param i  index, from 0
 * @return state @i's alpha-3 code, in code order, borrowed; NULL out of range.
 * @since 0.1
 */
BILAT_API const char *bilat_model_state (const bilat_model *m, size_t i);

/**
 * @param m  borrowed model
 * @return the number of organizations named by any document.
 * @since 0.1
 */
BILAT_API size_t bilat_model_n_organizations (const bilat_model *m);
/**
 * @param m  borrowed model
 * @param i  index, from 0
 * @return organization @i's name, in name order, borrowed; NULL out of range.
 * @since 0.1
 */
BILAT_API const char *bilat_model_organization (const bilat_model *m, size_t i);

/**
 * @param m  borrowed model
 * @return the number of people after resolution across documents.
 * @since 0.1
 */
BILAT_API size_t bilat_model_n_officials (const bilat_model *m);
/**
 * bilat_model_official:
 * @param m     borrowed
 * @param i  index, from 0
 * @return person @i, ordered by state then name; borrowed until the model is changed or
 *         freed; NULL out of range
 * @since 0.1
 */
BILAT_API const bilat_official *bilat_model_official (const bilat_model *m, size_t i);

/**
 * @param m  borrowed model
 * @return the number of events after merging reports across documents.
 * @since 0.1
 */
BILAT_API size_t bilat_model_n_events (const bilat_model *m);
/**
 * bilat_model_event:
 * @param m     borrowed
 * @param i  index, from 0
 * @return event @i in date order (undated events last); borrowed until the model is changed
 *         or freed; NULL out of range
 * @since 0.1
 */
BILAT_API const bilat_event *bilat_model_event (const bilat_model *m, size_t i);

/* ---- events: getters take a borrowed event; strings are borrowed from the model -------- */

/**
 * @param e  borrowed
 * @return a stable id ("ev-" and 16 hex digits) derived from the first report (borrowed from the
 *         model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_id (const bilat_event *e);
/**
 * @param e  borrowed
 * @return the bilat_event_type, 0 for NULL.
 * @since 0.1
 */
BILAT_API int bilat_event_kind (const bilat_event *e);
/**
 * @param e  borrowed
 * @return "visit", "meeting" or "agreement" (static); NULL for NULL
 * @since 0.1
 */
BILAT_API const char *bilat_event_kind_name (const bilat_event *e);
/**
 * @param e  borrowed
 * @return a visit's travelling state, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_actor (const bilat_event *e);
/**
 * @param e  borrowed
 * @return a visit's host state, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_target (const bilat_event *e);
/**
 * @param e  borrowed
 * @return the number of states taking part (a visit's actor and target).
 * @since 0.1
 */
BILAT_API size_t bilat_event_n_parties (const bilat_event *e);
/**
 * @param e  borrowed
 * @param i  index, from 0
 * @return party @i (alpha-3; a meeting's or agreement's in code order), or NULL (borrowed from the
 *         model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_party (const bilat_event *e, size_t i);
/**
 * @param e  borrowed
 * @return the date the reports agree on ("YYYY", "YYYY-MM", "YYYY-MM-DD") or NULL (borrowed from
 *         the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_date (const bilat_event *e);
/**
 * @param e  borrowed
 * @return the date the event is ordered by: its date, else its first report's document date
 *         (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_when (const bilat_event *e);
/**
 * @param e  borrowed
 * @return a visit's level, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_level (const bilat_event *e);
/**
 * @param e  borrowed
 * @return a meeting's mode, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_mode (const bilat_event *e);
/**
 * @param e  borrowed
 * @return the place most reports give, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_place (const bilat_event *e);
/**
 * @param e  borrowed
 * @return an agreement's title as most reports write it, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_title (const bilat_event *e);
/**
 * @param e  borrowed
 * @return the CAMEO code most reports give, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_cameo (const bilat_event *e);
/**
 * @param e  borrowed
 * @return the PLOVER category, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_plover (const bilat_event *e);
/**
 * @param e  borrowed
 * @return the number of people taking part, after resolution.
 * @since 0.1
 */
BILAT_API size_t bilat_event_n_persons (const bilat_event *e);
/**
 * @param e  borrowed
 * @param i  index, from 0
 * @return person @i's name (the resolved person's name), or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_person (const bilat_event *e, size_t i);
/**
 * @param e  borrowed
 * @return the number of cooperation areas named by the documents reporting it.
 * @since 0.1
 */
BILAT_API size_t bilat_event_n_areas (const bilat_event *e);
/**
 * @param e  borrowed
 * @param i  index, from 0
 * @return area @i (in key order), or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_area (const bilat_event *e, size_t i);
/**
 * @param e  borrowed
 * @return how many reports (pieces of evidence) the event merges.
 * @since 0.1
 */
BILAT_API size_t bilat_event_n_evidence (const bilat_event *e);
/**
 * @param e  borrowed
 * @param i  index, from 0
 * @return the document id of report @i (reports in document id, then offset order) (borrowed from
 *         the model)
 * @since 0.1
 */
BILAT_API const char *bilat_event_evidence_doc (const bilat_event *e, size_t i);
/**
 * @param e  borrowed
 * @param i  index, from 0
 * @return the sentence index of report @i, -1 out of range.
 * @since 0.1
 */
BILAT_API int bilat_event_evidence_sentence (const bilat_event *e, size_t i);
/**
 * @param e  borrowed
 * @param i  index, from 0
 * @return the first byte of report @i in its document's text.
 * @since 0.1
 */
BILAT_API size_t bilat_event_evidence_start (const bilat_event *e, size_t i);
/**
 * @param e  borrowed
 * @param i  index, from 0
 * @return the byte just past report @i in its document's text.
 * @since 0.1
 */
BILAT_API size_t bilat_event_evidence_end (const bilat_event *e, size_t i);

/* ---- people ----------------------------------------------------------------------------- */

/**
 * @param p  borrowed
 * @return the person's node id ("person:KAZ:Kassym-Jomart Tokayev") (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_official_id (const bilat_official *p);
/**
 * @param p  borrowed
 * @return the fullest name the documents give (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_official_name (const bilat_official *p);
/**
 * @param p  borrowed
 * @return the alpha-3 code of the state the person serves, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_official_state (const bilat_official *p);
/**
 * @param p  borrowed
 * @return the number of other names the documents use for the person.
 * @since 0.1
 */
BILAT_API size_t bilat_official_n_aliases (const bilat_official *p);
/**
 * @param p  borrowed
 * @param i  index, from 0
 * @return alias @i (in name order), or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_official_alias (const bilat_official *p, size_t i);
/**
 * @param p  borrowed
 * @return the number of offices the person is named with.
 * @since 0.1
 */
BILAT_API size_t bilat_official_n_offices (const bilat_official *p);
/**
 * @param p  borrowed
 * @param i  index, from 0
 * @return office @i, most often named first, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_official_office (const bilat_official *p, size_t i);
/**
 * @param p  borrowed
 * @return the date of the first document naming the person, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_official_first_seen (const bilat_official *p);
/**
 * @param p  borrowed
 * @return the date of the last document naming the person, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_official_last_seen (const bilat_official *p);
/**
 * @param p  borrowed
 * @return the number of documents naming the person.
 * @since 0.1
 */
BILAT_API size_t bilat_official_n_documents (const bilat_official *p);

/* ---- the graph -------------------------------------------------------------------------- */

/**
 * bilat_model_graph:
 * The graph of the model: nodes for states, people and organizations, edges between them.
 * It is kept up to date as documents are added, not rebuilt per query.
 * @param m     borrowed
 * @return borrowed for the model's lifetime; NULL for NULL
 * @since 0.1
 */
BILAT_API const bilat_graph *bilat_model_graph (const bilat_model *m);

/**
 * @param g  borrowed graph
 * @param kind  a bilat_node_type
 * @return the number of nodes of a bilat_node_type.
 * @since 0.1
 */
BILAT_API size_t bilat_graph_n_nodes (const bilat_graph *g, int kind);
/**
 * @param g  borrowed graph
 * @param kind  a bilat_node_type
 * @param i  index, from 0
 * @return the id of node @i of @kind (in id order), borrowed; NULL out of range.
 * @since 0.1
 */
BILAT_API const char *bilat_graph_node (const bilat_graph *g, int kind, size_t i);
/**
 * @param g  borrowed graph
 * @param id  a node id (see bilat_node_type)
 * @return a node's label (a state's code, a person's or organization's name), or NULL (borrowed
 *         from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_graph_node_label (const bilat_graph *g, const char *id);

/**
 * bilat_graph_edge:
 * @param a, b  alpha-3 codes (either order, case-insensitive)
 * @param g     borrowed
 * @return the state-state edge between @a and @b, borrowed until the model changes; NULL when
 *         they have none
 * @since 0.1
 */
BILAT_API const bilat_edge *bilat_graph_edge (const bilat_graph *g, const char *a,
                                              const char *b);

/**
 * bilat_graph_walk:
 * Call @fn for every edge whose kind is in @kinds (a mask of 1 << bilat_edge_type, or
 * BILAT_EDGES_ALL), touching node @node when it is not NULL, in a fixed order (by kind,
 * then source, then target).
 * @param node     a node id, or NULL for all edges
 * @param payload  passed to @fn
 * @param g     borrowed
 * @param kinds  a mask of 1 << bilat_edge_type, or BILAT_EDGES_ALL
 * @param fn  called for each edge
 * @return 0 when every edge was visited, else the non-zero value @fn returned;
 *         BILAT_EINVAL for a NULL @g or @fn
 * @since 0.1
 */
BILAT_API int bilat_graph_walk (const bilat_graph *g, unsigned kinds, const char *node,
                                bilat_edge_func fn, void *payload);

/**
 * @param e  borrowed
 * @return the bilat_edge_type, 0 for NULL.
 * @since 0.1
 */
BILAT_API int bilat_edge_kind (const bilat_edge *e);
/**
 * @param e  borrowed
 * @return the source node id (state-state: the code that sorts first; person-state: the person)
 *         (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_edge_source (const bilat_edge *e);
/**
 * @param e  borrowed
 * @return the target node id (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_edge_target (const bilat_edge *e);
/**
 * @param e  borrowed
 * @param counter  a bilat_count
 * @return a bilat_count counter of the edge (0 when it does not apply).
 * @since 0.1
 */
BILAT_API uint64_t bilat_edge_count (const bilat_edge *e, int counter);
/**
 * @param e  borrowed
 * @return the edge's weight: events, or documents for edges without events.
 * @since 0.1
 */
BILAT_API double bilat_edge_weight (const bilat_edge *e);
/**
 * @param e  borrowed
 * @return the first date of the edge (events, else documents), or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_edge_first (const bilat_edge *e);
/**
 * @param e  borrowed
 * @return the last date of the edge (events, else documents), or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_edge_last (const bilat_edge *e);
/**
 * @param e  borrowed
 * @return a state-state edge's relationship status as most recently stated, or NULL (borrowed from
 *         the model)
 * @since 0.1
 */
BILAT_API const char *bilat_edge_status (const bilat_edge *e);
/**
 * @param e  borrowed
 * @return the number of cooperation areas of a state-state edge.
 * @since 0.1
 */
BILAT_API size_t bilat_edge_n_areas (const bilat_edge *e);
/**
 * @param e  borrowed
 * @param i  index, from 0
 * @return area @i, heaviest first, or NULL (borrowed from the model)
 * @since 0.1
 */
BILAT_API const char *bilat_edge_area (const bilat_edge *e, size_t i);
/**
 * @param e  borrowed
 * @param i  index, from 0
 * @return area @i's weight: the number of documents naming the pair and the area.
 * @since 0.1
 */
BILAT_API uint64_t bilat_edge_area_weight (const bilat_edge *e, size_t i);
/**
 * @param e  borrowed
 * @return a person-state edge's person, borrowed; NULL for other kinds.
 * @since 0.1
 */
BILAT_API const bilat_official *bilat_edge_official (const bilat_edge *e);

/* ---- filters and queries ---------------------------------------------------------------- */

/**
 * bilat_filter_new:
 * A filter of events; every setter narrows it, and an unset criterion matches everything.
 * @param out  caller owns; free with bilat_filter_free()
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_filter_new (bilat_filter **out, bilat_error **error);
/** @param f  caller-owned filter, or NULL. @since 0.1 */
BILAT_API void bilat_filter_free (bilat_filter *f);
/**
 * bilat_filter_set_type:
 * @param type  a bilat_event_type, or 0 for any
 * @param f     borrowed
 * @return BILAT_OK, BILAT_EINVAL
 * @since 0.1
 */
BILAT_API int bilat_filter_set_type (bilat_filter *f, int type, bilat_error **error);
/**
 * bilat_filter_set_state:
 * Events in which this state takes part.
 * @param state  an alpha-3 code (copied), or NULL for any
 * @param f     borrowed
 * @return BILAT_OK, BILAT_EINVAL
 * @since 0.1
 */
BILAT_API int bilat_filter_set_state (bilat_filter *f, const char *state, bilat_error **error);
/**
 * bilat_filter_set_pair:
 * Events in which both states take part.
 * @param a, b  alpha-3 codes (copied), or both NULL for any
 * @param f     borrowed
 * @return BILAT_OK, BILAT_EINVAL
 * @since 0.1
 */
BILAT_API int bilat_filter_set_pair (bilat_filter *f, const char *a, const char *b,
                                     bilat_error **error);
/**
 * bilat_filter_set_person:
 * Events in which a person of this name takes part: a person id, a full name, or part of
 * one ("Tokayev"), compared without case and accents.
 * @param name  copied; NULL for anyone
 * @param f     borrowed
 * @return BILAT_OK, BILAT_EINVAL
 * @since 0.1
 */
BILAT_API int bilat_filter_set_person (bilat_filter *f, const char *name, bilat_error **error);
/**
 * bilat_filter_set_area:
 * Events reported by a document naming this cooperation area ("energy").
 * @param area  copied; NULL for any
 * @param f     borrowed
 * @return BILAT_OK, BILAT_EINVAL
 * @since 0.1
 */
BILAT_API int bilat_filter_set_area (bilat_filter *f, const char *area, bilat_error **error);
/**
 * bilat_filter_set_since:
 * Events on or after a date (an event with a month or year date matches when its period
 * reaches the bound; an undated event is placed at its first report's document date).
 * @param date  "YYYY", "YYYY-MM" or "YYYY-MM-DD", or NULL to clear
 * @param f     borrowed
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EPARSE
 * @since 0.1
 */
BILAT_API int bilat_filter_set_since (bilat_filter *f, const char *date, bilat_error **error);
/**
 * bilat_filter_set_until:
 * Events on or before a date (inclusive; "2023" reaches to the end of 2023).
 * @param f     borrowed
 * @param date  "YYYY", "YYYY-MM" or "YYYY-MM-DD", or NULL to clear
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EPARSE
 * @since 0.1
 */
BILAT_API int bilat_filter_set_until (bilat_filter *f, const char *date, bilat_error **error);

/**
 * bilat_query_relation:
 * The relation between two states: the state-state edge (counts by event type and
 * direction, areas ranked, status, first and last contact) and the pair's events in date
 * order, agreements with their titles among them. An unknown state gives an empty result.
 * @param out   caller owns; free with bilat_result_free(); its items are borrowed from @m
 *              and valid until @m is changed or freed
 * @param a, b  alpha-3 codes, case-insensitive
 * @param m     borrowed
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_query_relation (bilat_result **out, const bilat_model *m, const char *a,
                                    const char *b, bilat_error **error);
/**
 * bilat_query_partners:
 * The states @state has relations with, most active first (events within the range, then
 * documents, then code). Items: BILAT_ITEM_STATE (the partner) and BILAT_ITEM_EDGE (the
 * whole edge) at the same index; bilat_result_score() is the number of events in range.
 * @param since, until  a date range as for bilat_filter_set_since(), or NULL
 * @param out  caller owns; free with bilat_result_free(); items borrowed from @m
 * @param m     borrowed
 * @param state an alpha-3 code, case-insensitive
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EPARSE, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_query_partners (bilat_result **out, const bilat_model *m,
                                    const char *state, const char *since, const char *until,
                                    bilat_error **error);
/**
 * bilat_query_events:
 * The events matching @f (NULL for all), in date order.
 * @param out  caller owns; free with bilat_result_free(); items borrowed from @m
 * @param m     borrowed
 * @param f     borrowed
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_query_events (bilat_result **out, const bilat_model *m,
                                  const bilat_filter *f, bilat_error **error);
/**
 * bilat_query_timeline:
 * The events between two states in date order.
 * @param out  caller owns; free with bilat_result_free(); items borrowed from @m
 * @param m     borrowed
 * @param a     an alpha-3 code, case-insensitive
 * @param b     the other state
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_query_timeline (bilat_result **out, const bilat_model *m, const char *a,
                                    const char *b, bilat_error **error);
/**
 * bilat_query_people:
 * The people serving @state with their offices, most often named first.
 * @param out  caller owns; free with bilat_result_free(); items borrowed from @m
 * @param m     borrowed
 * @param state an alpha-3 code, case-insensitive
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_query_people (bilat_result **out, const bilat_model *m, const char *state,
                                  bilat_error **error);
/**
 * bilat_query_path:
 * The shortest chain of state-state relations from @from to @to (breadth first; among
 * equally short chains the one through the lowest codes). Items: BILAT_ITEM_STATE for the
 * states from @from to @to, BILAT_ITEM_EDGE for the edges between them; empty when there is
 * no chain.
 * @param out  caller owns; free with bilat_result_free(); items borrowed from @m
 * @param m     borrowed
 * @param from  alpha-3 code of the first state
 * @param to    alpha-3 code of the last state
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_query_path (bilat_result **out, const bilat_model *m, const char *from,
                                const char *to, bilat_error **error);

/** @param r  caller-owned result, or NULL. @since 0.1 */
BILAT_API void bilat_result_free (bilat_result *r);
/**
 * @param r  borrowed result
 * @return the bilat_query_kind that made @r, 0 for NULL.
 * @since 0.1
 */
BILAT_API int bilat_result_kind (const bilat_result *r);
/**
 * @param r  borrowed result
 * @param item  a bilat_item
 * @return the number of items of a bilat_item kind.
 * @since 0.1
 */
BILAT_API size_t bilat_result_n (const bilat_result *r, int item);
/**
 * @param r  borrowed result
 * @param i  index, from 0
 * @return state @i (alpha-3), borrowed, or NULL.
 * @since 0.1
 */
BILAT_API const char *bilat_result_state (const bilat_result *r, size_t i);
/**
 * @param r  borrowed result
 * @param i  index, from 0
 * @return event @i, borrowed, or NULL.
 * @since 0.1
 */
BILAT_API const bilat_event *bilat_result_event (const bilat_result *r, size_t i);
/**
 * @param r  borrowed result
 * @param i  index, from 0
 * @return edge @i, borrowed, or NULL.
 * @since 0.1
 */
BILAT_API const bilat_edge *bilat_result_edge (const bilat_result *r, size_t i);
/**
 * @param r  borrowed result
 * @param i  index, from 0
 * @return person @i, borrowed, or NULL.
 * @since 0.1
 */
BILAT_API const bilat_official *bilat_result_official (const bilat_result *r, size_t i);
/**
 * @param r  borrowed result
 * @param i  index, from 0
 * @return the score of state @i (bilat_query_partners()), 0 otherwise.
 * @since 0.1
 */
BILAT_API uint64_t bilat_result_score (const bilat_result *r, size_t i);
/**
 * bilat_result_to_json:
 * The result as one JSON object ({"query": ..., ...}; the keys are in the README).
 * @param out    caller owns; free with bilat_free()
 * @param flags  BILAT_JSON_PRETTY
 * @param r     borrowed
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_result_to_json (char **out, const bilat_result *r, unsigned flags,
                                    bilat_error **error);

/**
 * bilat_extractor_state_code:
 * Resolve a state's name as the extractor's dictionaries know it ("Kazakhstan", "Kazakh",
 * "Astana", "kaz") to its alpha-3 code, so that queries can take names.
 * @param ex    borrowed
 * @param name  UTF-8
 * @return the alpha-3 code, borrowed from @ex; NULL when the name is unknown
 * @since 0.1
 */
BILAT_API const char *bilat_extractor_state_code (const bilat_extractor *ex, const char *name);

/* ---- formats ---------------------------------------------------------------------------- */

/**
 * bilat_model_to_json:
 * The model as versioned JSON ("format": "libbilat-model", "version": 1): the documents'
 * facts, from which bilat_model_from_json() rebuilds an equal model, and, for readers, the
 * resolved states, people, organizations, events with evidence and relations. Everything is
 * in a fixed order, so equal models give equal text.
 * @param out    caller owns; free with bilat_free()
 * @param flags  BILAT_JSON_PRETTY
 * @param m     borrowed
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_to_json (char **out, const bilat_model *m, unsigned flags,
                                   bilat_error **error);

/**
 * bilat_model_from_json:
 * Rebuild a model from bilat_model_to_json() output. The input is untrusted: malformed or
 * truncated JSON, invalid UTF-8, wrong types, numbers that are not integers of at most 18
 * digits or are out of range, nesting deeper than 64 and input denser than a model's fail
 * with BILAT_EPARSE, a message naming the place ("documents[3].events[0].span: ...") and
 * the byte offset of the offending value in bilat_error_offset(); input larger than the
 * options' size limit (64 MiB by default, bilat_options_set_max_size()) fails with
 * BILAT_ELIMIT before it is parsed. The derived sections (states, people, events,
 * relations) are recomputed from the documents, not read.
 * @param out   caller owns; free with bilat_model_free(); stays NULL on failure
 * @param opts  borrowed, may be NULL for the defaults; only the size limit is used
 * @param json  UTF-8, borrowed; need not be NUL-terminated
 * @param len   length in bytes
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EPARSE, BILAT_ELIMIT, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_from_json (bilat_model **out, const bilat_options *opts,
                                     const char *json, size_t len, bilat_error **error);

/**
 * bilat_model_save:
 * Write bilat_model_to_json() to a file (through a temporary file renamed into place).
 * @param m     borrowed
 * @param path  file name (UTF-8 or the system encoding)
 * @param flags BILAT_JSON_PRETTY
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EIO, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_save (const bilat_model *m, const char *path, unsigned flags,
                                bilat_error **error);

/**
 * bilat_model_load:
 * Read a file written by bilat_model_save() (see bilat_model_from_json(); a regular file
 * over the size limit is refused by its size, unread, and a pipe or device is read no
 * further than one byte past the limit).
 * @param out   caller owns; free with bilat_model_free(); stays NULL on failure
 * @param opts  borrowed, may be NULL for the defaults
 * @param path  file name (UTF-8 or the system encoding)
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EIO, BILAT_EPARSE, BILAT_ELIMIT, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_load (bilat_model **out, const bilat_options *opts, const char *path,
                                bilat_error **error);

/**
 * bilat_model_to_graphml:
 * The graph as GraphML (undirected; node attributes kind, label, state, offices, documents,
 * first, last; edge attributes kind, weight, events, documents, visits_out, visits_in,
 * meetings, agreements, first, last, status, areas), as networkx, igraph and Gephi read it.
 * @param out    caller owns; free with bilat_free()
 * @param flags  BILAT_EXPORT_STATES_ONLY
 * @param m     borrowed
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_to_graphml (char **out, const bilat_model *m, unsigned flags,
                                      bilat_error **error);

/**
 * bilat_model_to_dot:
 * The graph in graphviz DOT (an undirected graph; states as boxes, people as ellipses,
 * organizations as hexagons; edge labels give the counts).
 * @param flags  BILAT_EXPORT_STATES_ONLY
 * @param out  caller owns; free with bilat_free()
 * @param m     borrowed
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_to_dot (char **out, const bilat_model *m, unsigned flags,
                                  bilat_error **error);

/**
 * bilat_model_to_csv:
 * The events as RFC 4180 CSV (CRLF line ends, a header row), one row per event in date
 * order: id, date, type, actor, target, cameo, plover, persons, place, title, document, span.
 * date is the event's date, else its first report's document date (bilat_event_when()). A
 * meeting's or agreement's parties are actor (the first) and target (the rest, joined with
 * ";"); persons are joined with ";"; document and span list the reports in the same order,
 * joined with ";" ("a-03;a-07" and "115-137;88-120").
 * @param out  caller owns; free with bilat_free()
 * @param m     borrowed
 * @param flags none defined yet: pass 0
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_to_csv (char **out, const bilat_model *m, unsigned flags,
                                  bilat_error **error);

/**
 * bilat_model_to_jsonl:
 * The events as PLOVER-style JSON lines, one object per event in date order (id, date,
 * event, mode, context, actor, recipient, cameo, location, persons, title, sources).
 * @param out  caller owns; free with bilat_free()
 * @param m     borrowed
 * @param flags none defined yet: pass 0
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_model_to_jsonl (char **out, const bilat_model *m, unsigned flags,
                                    bilat_error **error);

BILAT_END_DECLS

#endif /* BILAT_MODEL_H */
