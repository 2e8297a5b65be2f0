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
/* A keyword the extractor keys its rules on ("visit", "telephone conversation"). */
void bilat__gazetteer_add_keyword (bilat_gazetteer *gz, int id, const char *variant);
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
/* As bilat__gazetteer_match, among entries of one kind only. */
const gz_entry *bilat__gazetteer_match_kind (const bilat_gazetteer *gz, const char *text,
                                             const bilat_token *toks, size_t i, size_t limit,
                                             int kind);

const gz_entity *bilat__gazetteer_entity (const bilat_gazetteer *gz, int kind, int id);
size_t bilat__gazetteer_n_entities (const bilat_gazetteer *gz, int kind);
/* Index of the state with this alpha-3 code or any known name, or -1. */
int bilat__gazetteer_find_state (const bilat_gazetteer *gz, const char *name);
/* Intern a string in the gazetteer's chunk (during building only). */
const char *bilat__gazetteer_intern (bilat_gazetteer *gz, const char *s);

#endif /* BILAT_GAZETTEER_PRIVATE_H */
