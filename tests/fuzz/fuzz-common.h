/* SPDX-License-Identifier: MIT */
/* What every fuzz target checks about a result: the error contract, fact invariants and
 * JSON that parses. A broken invariant aborts, which libFuzzer and the replay driver both
 * report as a crash with the input that caused it. */
#ifndef BILAT_FUZZ_COMMON_H
#define BILAT_FUZZ_COMMON_H

#include <bilat/bilat.h>

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf (stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond);  \
            abort ();                                                                      \
        }                                                                                  \
    } while (0)

/* A failed call: no result, an error object that agrees with the code and says something,
 * and a code from @allowed (a list ending in BILAT_OK). Frees the error. */
static inline void
fuzz_check_failure (int rc, const void *result, bilat_error *err, const int *allowed)
{
    FUZZ_CHECK (rc < 0);
    FUZZ_CHECK (result == NULL);
    FUZZ_CHECK (err != NULL);
    FUZZ_CHECK (bilat_error_code (err) == rc);
    FUZZ_CHECK (bilat_error_message (err)[0] != '\0');
    FUZZ_CHECK (g_utf8_validate (bilat_error_message (err), -1, NULL) ||
                rc == BILAT_EPARSE);
    gboolean known = FALSE;
    for (const int *a = allowed; *a != BILAT_OK; a++)
        known |= *a == rc;
    if (!known)
        fprintf (stderr, "unexpected code %d: %s\n", rc, bilat_error_message (err));
    FUZZ_CHECK (known);
    bilat_error_free (err);
}

/* A borrowed string from a fact: NULL or NUL-terminated UTF-8 (reading it all lets ASan see
 * a dangling pointer). */
static inline void
fuzz_check_string (const char *s)
{
    if (s)
        FUZZ_CHECK (g_utf8_validate (s, (gssize) strlen (s), NULL));
}

/* Every getter of every fact, and the spans within the caller's text. */
static inline void
fuzz_check_doc (const bilat_doc *doc, size_t len)
{
    FUZZ_CHECK (doc != NULL);
    fuzz_check_string (bilat_doc_date (doc));
    (void) bilat_doc_n_sentences (doc);
    FUZZ_CHECK (bilat_doc_n_facts (doc, 0) == 0);
    FUZZ_CHECK (bilat_doc_n_facts (doc, 8) == 0);
    for (int kind = BILAT_FACT_STATE; kind <= BILAT_FACT_STATUS; kind++) {
        size_t n = bilat_doc_n_facts (doc, kind);
        FUZZ_CHECK (bilat_doc_fact (doc, kind, n) == NULL);
        for (size_t i = 0; i < n; i++) {
            const bilat_fact *f = bilat_doc_fact (doc, kind, i);
            FUZZ_CHECK (f != NULL);
            FUZZ_CHECK (bilat_fact_kind (f) == kind);
            FUZZ_CHECK (bilat_fact_start (f) <= bilat_fact_end (f));
            FUZZ_CHECK (bilat_fact_end (f) <= len);
            FUZZ_CHECK (bilat_fact_sentence (f) < (int) bilat_doc_n_sentences (doc));
            FUZZ_CHECK (bilat_fact_text (f) != NULL);
            fuzz_check_string (bilat_fact_text (f));
            fuzz_check_string (bilat_fact_rule (f));
            fuzz_check_string (bilat_fact_state (f));
            size_t np = bilat_fact_n_parties (f);
            for (size_t k = 0; k < np; k++) {
                FUZZ_CHECK (bilat_fact_party (f, k) != NULL);
                fuzz_check_string (bilat_fact_party (f, k));
            }
            FUZZ_CHECK (bilat_fact_party (f, np) == NULL);
            size_t no = bilat_fact_n_offices (f);
            for (size_t k = 0; k < no; k++)
                fuzz_check_string (bilat_fact_office (f, k));
            FUZZ_CHECK (bilat_fact_office (f, no) == NULL);
            size_t nq = bilat_fact_n_persons (f);
            for (size_t k = 0; k < nq; k++)
                fuzz_check_string (bilat_fact_person (f, k));
            FUZZ_CHECK (bilat_fact_person (f, nq) == NULL);
            if (kind == BILAT_FACT_PAIR)
                FUZZ_CHECK (np == 2);
            if (kind == BILAT_FACT_EVENT) {
                int t = bilat_fact_event_type (f);
                FUZZ_CHECK (t >= BILAT_EVENT_VISIT && t <= BILAT_EVENT_AGREEMENT);
            }
            const char *more[] = { bilat_fact_actor (f), bilat_fact_target (f),
                                   bilat_fact_level (f), bilat_fact_mode (f),
                                   bilat_fact_place (f), bilat_fact_date (f),
                                   bilat_fact_title (f), bilat_fact_cameo (f),
                                   bilat_fact_plover (f) };
            for (size_t k = 0; k < G_N_ELEMENTS (more); k++)
                fuzz_check_string (more[k]);
        }
    }
}

/* The record serializes to UTF-8 that a JSON parser reads back as one object. */
static inline void
fuzz_check_json (const bilat_doc *doc, unsigned flags, const char *docid)
{
    char *json = NULL;
    bilat_error *err = NULL;
    int rc = bilat_doc_to_json (&json, doc, flags, docid, &err);
    if (rc != BILAT_OK) {
        /* Only a document id that is not UTF-8 may be refused. */
        FUZZ_CHECK (docid != NULL && !g_utf8_validate (docid, -1, NULL));
        static const int allowed[] = { BILAT_EINVAL, BILAT_OK };
        fuzz_check_failure (rc, json, err, allowed);
        return;
    }
    FUZZ_CHECK (err == NULL);
    FUZZ_CHECK (json != NULL);
    size_t n = strlen (json);
    FUZZ_CHECK (g_utf8_validate (json, (gssize) n, NULL));
    JsonParser *p = json_parser_new ();
    GError *gerr = NULL;
    gboolean ok = json_parser_load_from_data (p, json, (gssize) n, &gerr);
    if (!ok)
        fprintf (stderr, "JSON does not parse: %s\n%s\n", gerr->message, json);
    FUZZ_CHECK (ok);
    JsonNode *root = json_parser_get_root (p);
    FUZZ_CHECK (root != NULL && JSON_NODE_HOLDS_OBJECT (root));
    FUZZ_CHECK (json_object_has_member (json_node_get_object (root), "events"));
    g_object_unref (p);
    bilat_free (json);
}

#endif /* BILAT_FUZZ_COMMON_H */
