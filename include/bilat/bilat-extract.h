/* SPDX-License-Identifier: MIT */
/* Extraction: options, the extractor, and the facts of one document. */
#ifndef BILAT_EXTRACT_H
#define BILAT_EXTRACT_H

#if !defined(BILAT_INSIDE_BILAT_H) && !defined(BILAT_COMPILATION)
#error "Only <bilat/bilat.h> can be included directly."
#endif

#include "bilat-common.h"
#include "bilat-error.h"

BILAT_BEGIN_DECLS

typedef struct bilat_options bilat_options;
typedef struct bilat_extractor bilat_extractor;
typedef struct bilat_doc bilat_doc;
typedef struct bilat_fact bilat_fact;

/* Dictionaries a caller may extend or override; the line formats are in the README. */
typedef enum {
    BILAT_DICT_STATES = 1,        /* ALPHA3 \t names \t demonyms \t capitals */
    BILAT_DICT_ORGANIZATIONS = 2, /* canonical \t variant|variant */
    BILAT_DICT_OFFICES = 3,       /* office \t class \t variant|variant */
    BILAT_DICT_AREAS = 4,         /* area-key \t keyword|keyword */
    BILAT_DICT_STATUS = 5,        /* canonical \t variant|variant */
    BILAT_DICT_PEOPLE = 6         /* name \t ALPHA3 \t office \t from \t to \t alias|alias */
} bilat_dict_kind;

/* What a fact is about. */
typedef enum {
    BILAT_FACT_STATE = 1,
    BILAT_FACT_PAIR = 2,
    BILAT_FACT_PERSON = 3,
    BILAT_FACT_ORGANIZATION = 4,
    BILAT_FACT_EVENT = 5,
    BILAT_FACT_AREA = 6,
    BILAT_FACT_STATUS = 7
} bilat_kind;

typedef enum {
    BILAT_EVENT_VISIT = 1,
    BILAT_EVENT_MEETING = 2,
    BILAT_EVENT_AGREEMENT = 3
} bilat_event_type;

/* Flags for bilat_doc_to_json(). */
typedef enum {
    BILAT_JSON_PRETTY = 1 << 0,  /* indented output */
    BILAT_JSON_PLAIN = 1 << 1    /* only the bilateral-facts/1 keys: no spans, rules, codes */
} bilat_json_flags;

/* ---- options ---------------------------------------------------------------------------- */

/**
 * bilat_options_new:
 * Make a set of extraction options with the defaults (no document date, 64 MiB limit,
 * invalid UTF-8 rejected).
 * @param out    caller owns; free with bilat_options_free()
 * @param error  optional; set on failure
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_options_new (bilat_options **out, bilat_error **error);

/**
 * bilat_options_free:
 * @param opts  caller-owned options, or NULL
 * @since 0.1
 */
BILAT_API void bilat_options_free (bilat_options *opts);

/**
 * bilat_options_set_date:
 * The document date that relative dates ("yesterday", "last October") resolve against.
 * @param opts  borrowed
 * @param date  "YYYY-MM-DD", or NULL to clear
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EPARSE (not a valid date)
 * @since 0.1
 */
BILAT_API int bilat_options_set_date (bilat_options *opts, const char *date, bilat_error **error);

/**
 * bilat_options_set_max_size:
 * Largest document bilat_extract() accepts; larger input fails with BILAT_ELIMIT.
 * @param opts   borrowed
 * @param bytes  limit in bytes, at least 1 (default 64 MiB)
 * @return BILAT_OK, BILAT_EINVAL
 * @since 0.1
 */
BILAT_API int bilat_options_set_max_size (bilat_options *opts, size_t bytes, bilat_error **error);

/**
 * bilat_options_set_repair_utf8:
 * When true, invalid UTF-8 is read as U+FFFD instead of failing with BILAT_EPARSE.
 * @param opts    borrowed
 * @param repair  true to repair
 * @return BILAT_OK, BILAT_EINVAL
 * @since 0.1
 */
BILAT_API int bilat_options_set_repair_utf8 (bilat_options *opts, bool repair, bilat_error **error);

/**
 * bilat_options_add_dictionary:
 * Add or override dictionary entries from a buffer of lines in the format of @kind. An entry
 * whose name or variant is already known replaces the built-in meaning of that variant.
 * @param opts   borrowed
 * @param kind   a bilat_dict_kind
 * @param text   UTF-8 lines, borrowed (copied)
 * @param len    length of @text in bytes
 * @param error  on BILAT_EPARSE the message names the line and the offset points at it
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EPARSE, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_options_add_dictionary (bilat_options *opts, int kind, const char *text,
                                            size_t len, bilat_error **error);

/**
 * bilat_options_add_dictionary_file:
 * As bilat_options_add_dictionary(), reading the lines from a file.
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EIO, BILAT_EPARSE, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_options_add_dictionary_file (bilat_options *opts, int kind,
                                                 const char *path, bilat_error **error);

/* ---- extractor -------------------------------------------------------------------------- */

/**
 * bilat_extractor_new:
 * Compile dictionaries and patterns once. They are immutable afterwards, and the extractor
 * may be shared by any number of threads. It keeps the working memory of each finished
 * extraction for the next one (a set per thread extracting at once, at most 16 sets, each
 * kept only after documents of up to about 65,000 tokens, some 380 KB of text) until
 * bilat_extractor_free().
 * @param out    caller owns; free with bilat_extractor_free()
 * @param opts   borrowed, may be NULL for the defaults; not referenced after the call
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EPARSE (a user dictionary), BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_extractor_new (bilat_extractor **out, const bilat_options *opts,
                                   bilat_error **error);

/**
 * bilat_extractor_free:
 * @param ex  caller-owned extractor, or NULL
 * @since 0.1
 */
BILAT_API void bilat_extractor_free (bilat_extractor *ex);

/**
 * bilat_extract:
 * Read one press release or article and return the facts it states.
 * @param out    caller owns; free with bilat_doc_free()
 * @param ex     borrowed
 * @param text   UTF-8 text, borrowed; need not be NUL-terminated
 * @param len    length in bytes
 * @param error  on BILAT_EPARSE (invalid UTF-8, NUL byte) the offset is the bad byte's
 * @return BILAT_OK, BILAT_EINVAL, BILAT_EPARSE, BILAT_ELIMIT, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_extract (bilat_doc **out, const bilat_extractor *ex, const char *text,
                             size_t len, bilat_error **error);

/**
 * bilat_extract_dated:
 * As bilat_extract(), with this document's own date ("YYYY-MM-DD"; NULL uses the date in
 * the extractor's options, if any).
 * @return as bilat_extract(), and BILAT_EPARSE for a malformed date
 * @since 0.1
 */
BILAT_API int bilat_extract_dated (bilat_doc **out, const bilat_extractor *ex,
                                   const char *text, size_t len, const char *date,
                                   bilat_error **error);

/* ---- document facts ------------------------------------------------------------------- */

/**
 * bilat_doc_free:
 * @param doc  caller-owned document, or NULL
 * @since 0.1
 */
BILAT_API void bilat_doc_free (bilat_doc *doc);

/**
 * bilat_doc_date:
 * @return the document date used ("YYYY-MM-DD"), or NULL when none was known (borrowed)
 * @since 0.1
 */
BILAT_API const char *bilat_doc_date (const bilat_doc *doc);

/**
 * bilat_doc_n_sentences:
 * @return the number of sentences (headline and dateline included) the text was split into
 * @since 0.1
 */
BILAT_API size_t bilat_doc_n_sentences (const bilat_doc *doc);

/**
 * bilat_doc_n_facts:
 * @param kind  a bilat_kind
 * @return how many facts of @kind the document holds (0 for NULL or an unknown kind)
 * @since 0.1
 */
BILAT_API size_t bilat_doc_n_facts (const bilat_doc *doc, int kind);

/**
 * bilat_doc_fact:
 * @return fact @i of @kind, borrowed until bilat_doc_free(); NULL when out of range
 * @since 0.1
 */
BILAT_API const bilat_fact *bilat_doc_fact (const bilat_doc *doc, int kind, size_t i);

/**
 * bilat_doc_to_json:
 * Serialize the facts as a bilateral-facts/1 record (plus spans, rule ids, CAMEO and
 * PLOVER codes unless BILAT_JSON_PLAIN).
 * @param out    caller owns; free with bilat_free()
 * @param doc    borrowed
 * @param flags  bilat_json_flags
 * @param docid  the record's "doc" value, or NULL
 * @return BILAT_OK, BILAT_EINVAL, BILAT_ENOMEM
 * @since 0.1
 */
BILAT_API int bilat_doc_to_json (char **out, const bilat_doc *doc, unsigned flags,
                                 const char *docid, bilat_error **error);

/* ---- one fact: every getter takes a borrowed fact; strings are borrowed from the doc --- */

/** @return the bilat_kind of @f, 0 for NULL. @since 0.1 */
BILAT_API int bilat_fact_kind (const bilat_fact *f);
/** @return byte offset of the fact's first byte in the caller's text. @since 0.1 */
BILAT_API size_t bilat_fact_start (const bilat_fact *f);
/** @return byte offset just past the fact's last byte in the caller's text. @since 0.1 */
BILAT_API size_t bilat_fact_end (const bilat_fact *f);
/** @return index of the sentence the fact was read from (-1 for derived facts). @since 0.1 */
BILAT_API int bilat_fact_sentence (const bilat_fact *f);
/** @return id of the rule or dictionary entry that produced the fact. @since 0.1 */
BILAT_API const char *bilat_fact_rule (const bilat_fact *f);
/**
 * bilat_fact_text:
 * @return the fact's main string: a state's alpha-3 code, a person's or organization's name,
 *         an area key, a status phrase, an event's type ("visit", "meeting", "agreement")
 * @since 0.1
 */
BILAT_API const char *bilat_fact_text (const bilat_fact *f);
/** @return the alpha-3 code of the state a person serves, or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_state (const bilat_fact *f);
/** @return the number of states of a pair (2) or an event's parties. @since 0.1 */
BILAT_API size_t bilat_fact_n_parties (const bilat_fact *f);
/** @return party @i (alpha-3), or NULL out of range. @since 0.1 */
BILAT_API const char *bilat_fact_party (const bilat_fact *f, size_t i);
/** @return the number of offices of a person. @since 0.1 */
BILAT_API size_t bilat_fact_n_offices (const bilat_fact *f);
/** @return office @i as written (without the country), or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_office (const bilat_fact *f, size_t i);
/** @return the bilat_event_type of an event fact, 0 otherwise. @since 0.1 */
BILAT_API int bilat_fact_event_type (const bilat_fact *f);
/** @return a visit's travelling state (alpha-3) or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_actor (const bilat_fact *f);
/** @return a visit's host state (alpha-3) or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_target (const bilat_fact *f);
/** @return a visit's level ("state", "official", "working", "private") or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_level (const bilat_fact *f);
/** @return a meeting's mode ("in_person", "phone", "video") or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_mode (const bilat_fact *f);
/** @return the city where an event took place, or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_place (const bilat_fact *f);
/** @return an event's date ("YYYY", "YYYY-MM" or "YYYY-MM-DD") or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_date (const bilat_fact *f);
/** @return an agreement's title as written, or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_title (const bilat_fact *f);
/** @return the number of named people taking part in an event. @since 0.1 */
BILAT_API size_t bilat_fact_n_persons (const bilat_fact *f);
/** @return person @i's name, or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_person (const bilat_fact *f, size_t i);
/** @return an event's CAMEO code ("042", "043", "040", "057", ...) or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_cameo (const bilat_fact *f);
/** @return an event's PLOVER category ("CONSULT", "AGREE", ...) or NULL. @since 0.1 */
BILAT_API const char *bilat_fact_plover (const bilat_fact *f);

BILAT_END_DECLS

#endif /* BILAT_EXTRACT_H */
