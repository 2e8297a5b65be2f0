/* SPDX-License-Identifier: MIT */
/* Query internals: filters, results, and the JSON shapes of events, edges and officials that
 * the serializers share. */
#ifndef BILAT_QUERY_PRIVATE_H
#define BILAT_QUERY_PRIVATE_H

#include "../model/model-private.h"

#include <json-glib/json-glib.h>

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

/* JSON members shared by query results and the model's formats. */
void bilat__json_str (JsonBuilder *b, const char *key, const char *val);
void bilat__json_int (JsonBuilder *b, const char *key, int64_t val);
/* An array of strings as member key (or, with key NULL, as the next array element). */
void bilat__json_strv (JsonBuilder *b, const char *key, const char *const *v, size_t n);
void bilat__json_event (JsonBuilder *b, const struct bilat_model *m, const struct bilat_event *e);
void bilat__json_edge (JsonBuilder *b, const struct bilat_edge *e);
void bilat__json_official (JsonBuilder *b, const struct bilat_official *p);
/* Generate the builder's root as a string the caller frees with g_free(). */
char *bilat__json_finish (JsonBuilder *b, gboolean pretty);

#endif /* BILAT_QUERY_PRIVATE_H */
