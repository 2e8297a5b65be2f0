/* SPDX-License-Identifier: MIT */
/* Fuzz target: bilat_model_from_json on arbitrary bytes (the whole input is the file).
 *
 * A failure leaves no model and a clear error. A model that loads is walked through its
 * getters, written in every format, and must round-trip: its JSON loads again and writes the
 * same text, so whatever was accepted is a model the library itself would have written. */
#include "fuzz-common.h"

static void
check_model (const bilat_model *m)
{
    size_t nd = bilat_model_n_documents (m);
    for (size_t i = 0; i < nd; i++) {
        fuzz_check_string (bilat_model_document_id (m, i));
        fuzz_check_string (bilat_model_document_date (m, i));
    }
    FUZZ_CHECK (bilat_model_document_id (m, nd) == NULL);
    for (size_t i = 0; i < bilat_model_n_states (m); i++)
        fuzz_check_string (bilat_model_state (m, i));
    for (size_t i = 0; i < bilat_model_n_organizations (m); i++)
        fuzz_check_string (bilat_model_organization (m, i));
    for (size_t i = 0; i < bilat_model_n_officials (m); i++) {
        const bilat_official *p = bilat_model_official (m, i);
        FUZZ_CHECK (p != NULL);
        fuzz_check_string (bilat_official_id (p));
        fuzz_check_string (bilat_official_name (p));
        fuzz_check_string (bilat_official_state (p));
        for (size_t k = 0; k < bilat_official_n_aliases (p); k++)
            fuzz_check_string (bilat_official_alias (p, k));
        for (size_t k = 0; k < bilat_official_n_offices (p); k++)
            fuzz_check_string (bilat_official_office (p, k));
    }
    for (size_t i = 0; i < bilat_model_n_events (m); i++) {
        const bilat_event *e = bilat_model_event (m, i);
        FUZZ_CHECK (e != NULL);
        const char *s[] = { bilat_event_id (e), bilat_event_kind_name (e),
                            bilat_event_actor (e), bilat_event_target (e),
                            bilat_event_date (e), bilat_event_when (e), bilat_event_level (e),
                            bilat_event_mode (e), bilat_event_place (e), bilat_event_title (e),
                            bilat_event_cameo (e), bilat_event_plover (e) };
        for (size_t k = 0; k < G_N_ELEMENTS (s); k++)
            fuzz_check_string (s[k]);
        for (size_t k = 0; k < bilat_event_n_parties (e); k++)
            fuzz_check_string (bilat_event_party (e, k));
        for (size_t k = 0; k < bilat_event_n_persons (e); k++)
            fuzz_check_string (bilat_event_person (e, k));
        for (size_t k = 0; k < bilat_event_n_areas (e); k++)
            fuzz_check_string (bilat_event_area (e, k));
        for (size_t k = 0; k < bilat_event_n_evidence (e); k++) {
            fuzz_check_string (bilat_event_evidence_doc (e, k));
            FUZZ_CHECK (bilat_event_evidence_start (e, k) <= bilat_event_evidence_end (e, k));
        }
    }
}

/* Every exporter succeeds and writes UTF-8; JSON lines each parse. */
static void
check_exports (const bilat_model *m)
{
    int (*const writers[]) (char **, const bilat_model *, unsigned, bilat_error **) = {
        bilat_model_to_graphml, bilat_model_to_dot, bilat_model_to_csv, bilat_model_to_jsonl,
    };
    for (size_t w = 0; w < G_N_ELEMENTS (writers); w++) {
        char *out = NULL;
        bilat_error *err = NULL;
        int rc = writers[w](&out, m, 0, &err);
        if (rc != BILAT_OK)
            fprintf (stderr, "exporter %zu: %s\n", w, bilat_error_message (err));
        FUZZ_CHECK (rc == BILAT_OK);
        FUZZ_CHECK (out != NULL);
        FUZZ_CHECK (g_utf8_validate (out, -1, NULL));
        if (writers[w] == bilat_model_to_jsonl) {
            char **lines = g_strsplit (out, "\n", -1);
            for (char **l = lines; *l; l++) {
                if (**l == '\0')
                    continue;
                JsonParser *p = json_parser_new ();
                gboolean ok = json_parser_load_from_data (p, *l, -1, NULL);
                if (!ok)
                    fprintf (stderr, "JSON line does not parse: %s\n", *l);
                FUZZ_CHECK (ok);
                g_object_unref (p);
            }
            g_strfreev (lines);
        }
        bilat_free (out);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    /* An exact-size copy, so that ASan sees any read past the end. */
    char *copy = g_malloc (size ? size : 1);
    if (size)
        memcpy (copy, data, size);
    bilat_model *m = NULL;
    bilat_error *err = NULL;
    int rc = bilat_model_from_json (&m, NULL, copy, size, &err);
    if (rc != BILAT_OK) {
        FUZZ_CHECK (bilat_error_offset (err) <= (int64_t) size);
        static const int allowed[] = { BILAT_EPARSE, BILAT_ELIMIT, BILAT_ENOMEM, BILAT_OK };
        fuzz_check_failure (rc, m, err, allowed);
        g_free (copy);
        return 0;
    }
    FUZZ_CHECK (m != NULL);
    FUZZ_CHECK (err == NULL);
    check_model (m);
    check_exports (m);

    char *once = NULL, *twice = NULL;
    FUZZ_CHECK (bilat_model_to_json (&once, m, 0, NULL) == BILAT_OK);
    bilat_model *again = NULL;
    rc = bilat_model_from_json (&again, NULL, once, strlen (once), &err);
    if (rc != BILAT_OK)
        fprintf (stderr, "own JSON does not load: %s\n", bilat_error_message (err));
    FUZZ_CHECK (rc == BILAT_OK);
    FUZZ_CHECK (bilat_model_to_json (&twice, again, 0, NULL) == BILAT_OK);
    if (strcmp (once, twice) != 0)
        fprintf (stderr, "round trip changed the model:\n%s\n---\n%s\n", once, twice);
    FUZZ_CHECK (strcmp (once, twice) == 0);
    bilat_free (once);
    bilat_free (twice);
    bilat_model_free (again);
    bilat_model_free (m);
    g_free (copy);
    return 0;
}
