/* SPDX-License-Identifier: MIT */
/* The public header compiles on its own as strict C99 (-pedantic -Werror) and as C++. */
#include <bilat/bilat.h>

/* Every public type and constant is reachable through the one header. */
static int
header_is_complete (void)
{
    bilat_options *opts = 0;
    bilat_extractor *ex = 0;
    bilat_doc *doc = 0;
    const bilat_fact *fact = 0;
    bilat_error *err = 0;
    int kinds = BILAT_FACT_STATE + BILAT_FACT_PAIR + BILAT_FACT_PERSON +
                BILAT_FACT_ORGANIZATION + BILAT_FACT_EVENT + BILAT_FACT_AREA +
                BILAT_FACT_STATUS;
    int dicts = BILAT_DICT_STATES + BILAT_DICT_ORGANIZATIONS + BILAT_DICT_OFFICES +
                BILAT_DICT_AREAS + BILAT_DICT_STATUS + BILAT_DICT_PEOPLE;
    int events = BILAT_EVENT_VISIT + BILAT_EVENT_MEETING + BILAT_EVENT_AGREEMENT;
    unsigned flags = BILAT_JSON_PRETTY | BILAT_JSON_PLAIN;
    int codes = BILAT_OK + BILAT_EINVAL + BILAT_ENOMEM + BILAT_EIO + BILAT_EPARSE +
                BILAT_ENOTFOUND + BILAT_ELIMIT;
    size_t n = bilat_doc_n_facts (doc, BILAT_FACT_STATE) + bilat_fact_start (fact);
    bool ok = BILAT_CHECK_VERSION (0, 1, 0);
    int64_t off = bilat_error_offset (err);
    uint32_t u = 0;

    (void) opts;
    (void) ex;
    if (kinds != 28 || dicts != 21 || events != 6 || flags != 3u || codes != -21 || n != 0 ||
        !ok || off != -1 || u != 0)
        return 1;
    if (bilat_version () != BILAT_VERSION_MAJOR * 10000 + BILAT_VERSION_MINOR * 100 +
                            BILAT_VERSION_MICRO)
        return 1;
    return 0;
}

int
main (void)
{
    return header_is_complete ();
}
