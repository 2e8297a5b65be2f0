/* SPDX-License-Identifier: MIT */
/* The libbilat API in thirty lines: extract one release, list its events. */
#include <bilat/bilat.h>
#include <stdio.h>
#include <string.h>

int
main (void)
{
    const char *text = "Foreign Minister of Kazakhstan Murat Nurtleu paid an official visit "
                       "to Ashgabat on 5 November 2023 and held talks with his Turkmen "
                       "counterpart Rashid Meredov. The sides signed a Programme of "
                       "Cooperation for 2024-2026.";
    bilat_extractor *ex = NULL;
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    if (bilat_extractor_new (&ex, NULL, &err) != BILAT_OK ||
        bilat_extract (&doc, ex, text, strlen (text), &err) != BILAT_OK) {
        fprintf (stderr, "bilat: %s\n", bilat_error_message (err));
        bilat_error_free (err);
        bilat_extractor_free (ex);
        return 1;
    }
    for (size_t i = 0; i < bilat_doc_n_facts (doc, BILAT_FACT_EVENT); i++) {
        const bilat_fact *e = bilat_doc_fact (doc, BILAT_FACT_EVENT, i);
        printf ("%s %s-%s %s\n", bilat_fact_text (e), bilat_fact_party (e, 0),
                bilat_fact_party (e, 1), bilat_fact_date (e) ? bilat_fact_date (e) : "");
    }
    bilat_doc_free (doc);
    bilat_extractor_free (ex);
    return 0;
}
