/* SPDX-License-Identifier: MIT */
/* Fuzz target: bilat_extract / bilat_extract_dated and bilat_doc_to_json on arbitrary bytes.
 *
 * Input: a 3-byte header, then the document.
 *   byte 0  flags: bit 0 repair UTF-8, bit 1 a 1 KiB size limit, bit 2 the extractor has a
 *           document date in its options; bits 3-4 the call's date: 0 none, 1 from bytes
 *           1-2 (days after 2000-01-01), 2 the first 10 bytes of the document as a raw date
 *           string, 3 none; bit 5 pretty JSON, bit 6 plain JSON, bit 7 a document id made
 *           of the first 16 bytes of the document (UTF-8 or not)
 *   bytes 1-2  little-endian day count for date mode 1
 * Inputs shorter than the header are extracted whole with the default extractor. */
#include "fuzz-common.h"

enum {
    F_REPAIR = 1 << 0,
    F_SMALL = 1 << 1,
    F_OPTS_DATE = 1 << 2,
    F_PRETTY = 1 << 5,
    F_PLAIN = 1 << 6,
    F_DOCID = 1 << 7
};

#define SMALL_LIMIT 1024

/* Eight extractors, one per combination of the first three flag bits, made once: making one
 * compiles every dictionary, which would dominate each run. */
static bilat_extractor *extractors[8];

static void
free_extractors (void)
{
    for (int i = 0; i < 8; i++)
        bilat_extractor_free (extractors[i]);
}

static const bilat_extractor *
extractor_for (unsigned bits)
{
    if (extractors[0] == NULL) {
        for (unsigned i = 0; i < 8; i++) {
            bilat_options *o = NULL;
            FUZZ_CHECK (bilat_options_new (&o, NULL) == BILAT_OK);
            FUZZ_CHECK (bilat_options_set_repair_utf8 (o, (i & F_REPAIR) != 0, NULL) == BILAT_OK);
            if (i & F_SMALL)
                FUZZ_CHECK (bilat_options_set_max_size (o, SMALL_LIMIT, NULL) == BILAT_OK);
            if (i & F_OPTS_DATE)
                FUZZ_CHECK (bilat_options_set_date (o, "2023-11-28", NULL) == BILAT_OK);
            FUZZ_CHECK (bilat_extractor_new (&extractors[i], o, NULL) == BILAT_OK);
            bilat_options_free (o);
        }
        atexit (free_extractors);
    }
    return extractors[bits & 7];
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    unsigned flags = 0;
    const char *text = (const char *) data;
    size_t len = size;
    char date[16] = "";
    const char *date_arg = NULL;
    if (size >= 3) {
        flags = data[0];
        text += 3;
        len -= 3;
        switch ((flags >> 3) & 3) {
        case 1: {
            GDate d;
            g_date_clear (&d, 1);
            g_date_set_dmy (&d, 1, G_DATE_JANUARY, 2000);
            g_date_add_days (&d, (guint) data[1] | ((guint) data[2] << 8));
            g_snprintf (date, sizeof date, "%04d-%02d-%02d", g_date_get_year (&d),
                        g_date_get_month (&d), g_date_get_day (&d));
            date_arg = date;
            break;
        }
        case 2: {
            size_t n = MIN (len, (size_t) 10);
            memcpy (date, text, n);
            date[n] = '\0';
            date_arg = date;
            break;
        }
        default:
            break;
        }
    }
    /* The library must not read past len: give it an exact-size copy, so that ASan sees any
     * read beyond the end (libFuzzer's buffer is exact too; the replay driver's is not). */
    char *copy = g_malloc (len ? len : 1);
    if (len)
        memcpy (copy, text, len);

    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    int rc = bilat_extract_dated (&doc, extractor_for (flags), copy, len, date_arg, &err);
    if (rc == BILAT_OK) {
        FUZZ_CHECK (err == NULL);
        FUZZ_CHECK (!(flags & F_SMALL) || len <= SMALL_LIMIT);
        fuzz_check_doc (doc, len);
        char docid[17] = "";
        if (flags & F_DOCID) {
            size_t n = MIN (len, (size_t) 16);
            memcpy (docid, copy, n);
            docid[n] = '\0';
        }
        unsigned jflags = ((flags & F_PRETTY) ? BILAT_JSON_PRETTY : 0) |
                          ((flags & F_PLAIN) ? BILAT_JSON_PLAIN : 0);
        fuzz_check_json (doc, jflags, (flags & F_DOCID) ? docid : NULL);
        bilat_doc_free (doc);
    } else {
        if ((flags & F_SMALL) && len > SMALL_LIMIT)
            FUZZ_CHECK (rc == BILAT_ELIMIT);
        if (rc == BILAT_EPARSE && bilat_error_offset (err) >= 0)
            FUZZ_CHECK ((size_t) bilat_error_offset (err) < len);
        if (rc == BILAT_EPARSE && bilat_error_offset (err) < 0)
            FUZZ_CHECK (date_arg != NULL);  /* only a bad date has no offset */
        static const int allowed[] = { BILAT_EPARSE, BILAT_ELIMIT, BILAT_ENOMEM, BILAT_OK };
        fuzz_check_failure (rc, doc, err, allowed);
    }
    g_free (copy);
    return 0;
}
