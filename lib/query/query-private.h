/* SPDX-License-Identifier: MIT */
/* Query internals: filters, results, and the JSON shapes of events, edges and officials that
 * the serializers share. */
#ifndef BILAT_QUERY_PRIVATE_H
#define BILAT_QUERY_PRIVATE_H

#include "../model/model-private.h"


struct bilat_filter {
    int type;
    char *state, *pair_a, *pair_b, *person, *area;
    char *since, *until;
    int32_t lo, hi;       /* day bounds of since and until */
};

struct bilat_result {
    int kind;
    const struct bilat_model *model;
    char *a, *b, *since, *until;  /* the question, for JSON */
    struct bilat_filter *filter;  /* events: a copy */
    GPtrArray *states;            /* const char * */
    GArray *scores;               /* uint64_t, parallel to states */
    GPtrArray *events;
    GPtrArray *edges;
    GPtrArray *officials;
};

/* True when event e passes f (NULL passes everything); keys are the official ids matching
 * f's person, or NULL when f names none. */
gboolean bilat__filter_match (const struct bilat_filter *f, const struct bilat_event *e,
                              GHashTable *keys);
/* The ids of the officials f->person may name (a set), or NULL when f names no person. */
GHashTable *bilat__filter_people (const struct bilat_filter *f, const struct bilat_model *m);

/* A streaming JSON writer (json-writer.c). */
#define BILAT_JW_MAX_DEPTH 32
typedef struct {
    GString *s;
    gboolean pretty;
    gboolean after_key;
    int depth;
    gboolean items[BILAT_JW_MAX_DEPTH];  /* a value was written at this depth */
} bilat_jw;

void bilat__jw_init (bilat_jw *w, GString *s, gboolean pretty);
void bilat__jw_begin_object (bilat_jw *w);
void bilat__jw_end_object (bilat_jw *w);
void bilat__jw_begin_array (bilat_jw *w);
void bilat__jw_end_array (bilat_jw *w);
void bilat__jw_key (bilat_jw *w, const char *key);
/* A string value; NULL writes null. */
void bilat__jw_string (bilat_jw *w, const char *v);
void bilat__jw_int (bilat_jw *w, int64_t v);
void bilat__jw_bool (bilat_jw *w, gboolean v);
void bilat__jw_null (bilat_jw *w);

/* Members shared by query results and the model's formats. */
void bilat__json_str (bilat_jw *w, const char *key, const char *val);
void bilat__json_int (bilat_jw *w, const char *key, int64_t val);
/* An array of strings as member key (or, with key NULL, as the next array element). */
void bilat__json_strv (bilat_jw *w, const char *key, const char *const *v, size_t n);
void bilat__json_event (bilat_jw *w, const struct bilat_model *m, const struct bilat_event *e);
/* The reports of event e as an array member key: document, sentence, span, and the rule
 * when with_rule. */
void bilat__json_reports (bilat_jw *w, const char *key, const struct bilat_model *m,
                          const struct bilat_event *e, gboolean with_rule);
void bilat__json_edge (bilat_jw *w, const struct bilat_edge *e);
void bilat__json_official (bilat_jw *w, const struct bilat_official *p);

#endif /* BILAT_QUERY_PRIVATE_H */
