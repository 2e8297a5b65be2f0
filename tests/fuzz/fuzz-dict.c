/* SPDX-License-Identifier: MIT */
/* Fuzz target: user dictionaries. bilat_options_add_dictionary for each kind, then
 * bilat_extractor_new with what was accepted, then one extraction with that extractor.
 *
 * Input: up to seven parts separated by form feeds (0x0C): the lines of a STATES,
 * ORGANIZATIONS, OFFICES, AREAS, STATUS and PEOPLE dictionary, in that order, and then a
 * document to extract (a built-in sample when absent). An empty part adds nothing. */
#include "fuzz-common.h"

static const char sample[] =
    "Astana, 5 March 2024 - Foreign Minister of Kazakhstan Murat Nurtleu paid an official "
    "visit to Ashgabat and held talks with his Turkmen counterpart Rashid Meredov. The sides "
    "signed a Programme of Cooperation for 2024-2026 in trade, energy and transport.";

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    const char *in = (const char *) data;
    size_t pos = 0;
    gboolean more = TRUE;  /* another part follows */
    bilat_options *opts = NULL;
    FUZZ_CHECK (bilat_options_new (&opts, NULL) == BILAT_OK);
    for (int kind = BILAT_DICT_STATES; kind <= BILAT_DICT_PEOPLE && more; kind++) {
        const char *ff = pos < size ? memchr (in + pos, '\f', size - pos) : NULL;
        size_t n = ff ? (size_t) (ff - (in + pos)) : size - pos;
        if (n > 0) {
            /* An exact-size copy, so that ASan sees any read past the end. */
            char *copy = g_memdup2 (in + pos, n);
            bilat_error *err = NULL;
            int rc = bilat_options_add_dictionary (opts, kind, copy, n, &err);
            if (rc == BILAT_OK) {
                FUZZ_CHECK (err == NULL);
            } else {
                /* The offset points at the bad line (or byte) of this buffer. */
                FUZZ_CHECK (bilat_error_offset (err) >= 0);
                FUZZ_CHECK ((size_t) bilat_error_offset (err) <= n);
                static const int allowed[] = { BILAT_EPARSE, BILAT_ENOMEM, BILAT_OK };
                fuzz_check_failure (rc, NULL, err, allowed);
            }
            g_free (copy);
        }
        pos += n + (ff ? 1 : 0);
        more = ff != NULL;
    }
    const char *text = sample;
    size_t len = sizeof sample - 1;
    if (more) {
        text = in + pos;
        len = size - pos;
    }

    /* Every dictionary was checked when it was added, so making the extractor succeeds. */
    bilat_extractor *ex = NULL;
    bilat_error *err = NULL;
    int rc = bilat_extractor_new (&ex, opts, &err);
    if (rc != BILAT_OK)
        fprintf (stderr, "bilat_extractor_new: %s\n", bilat_error_message (err));
    FUZZ_CHECK (rc == BILAT_OK || rc == BILAT_ENOMEM);
    bilat_options_free (opts);
    if (rc != BILAT_OK) {
        bilat_error_free (err);
        return 0;
    }

    char *copy = g_malloc (len ? len : 1);
    if (len)
        memcpy (copy, text, len);
    bilat_doc *doc = NULL;
    rc = bilat_extract_dated (&doc, ex, copy, len, "2024-03-05", &err);
    if (rc == BILAT_OK) {
        fuzz_check_doc (doc, len);
        fuzz_check_json (doc, 0, NULL);
        bilat_doc_free (doc);
    } else {
        static const int allowed[] = { BILAT_EPARSE, BILAT_ELIMIT, BILAT_ENOMEM, BILAT_OK };
        fuzz_check_failure (rc, doc, err, allowed);
    }
    g_free (copy);
    bilat_extractor_free (ex);
    return 0;
}
