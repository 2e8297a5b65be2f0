/* SPDX-License-Identifier: MIT */
/* Untrusted model files: truncated, bit-flipped, type-confused, huge declared numbers and
 * sizes, deep nesting. Every load either gives a model that writes itself back unchanged
 * or fails with a clear error and no model; a model the caller already has is untouched. */
#include <bilat/bilat.h>

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

/* A model of a few of our fixtures, and its JSON: the file every mutation starts from. */
static bilat_model *model;
static char *model_json;
static size_t model_len;

static void
make_model (void)
{
    static const char *const fixtures[] = { "01-kaz-tkm-official-visit", "03-uzb-aze-phone-call",
                                            "22-tur-mex-non-ascii" };
    const char *root = g_getenv ("BILAT_TEST_DATA");
    cr_assert (not (zero (ptr, (void *) root)), "BILAT_TEST_DATA is not set");
    bilat_extractor *ex = NULL;
    cr_assert (eq (int, bilat_extractor_new (&ex, NULL, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_model_new (&model, NULL), BILAT_OK));
    for (size_t i = 0; i < G_N_ELEMENTS (fixtures); i++) {
        char *path = g_build_filename (root, fixtures[i], "input.txt", NULL);
        char *text = NULL;
        gsize len = 0;
        cr_assert (g_file_get_contents (path, &text, &len, NULL), "cannot read %s", path);
        cr_assert (eq (int, bilat_model_add_text (model, ex, fixtures[i], "2024-03-05", text,
                                                  len, NULL), BILAT_OK));
        g_free (text);
        g_free (path);
    }
    bilat_extractor_free (ex);
    cr_assert (eq (int, bilat_model_to_json (&model_json, model, 0, NULL), BILAT_OK));
    model_len = strlen (model_json);
}

static void
free_model (void)
{
    bilat_model_free (model);
    bilat_free (model_json);
    model = NULL;
    model_json = NULL;
}

TestSuite (model_files, .init = make_model, .fini = free_model, .timeout = 300);

/* Load json[0, len): OK with a model that round-trips, or a clear error and no model.
 * Returns the code. */
static int
load (const char *json, size_t len)
{
    /* An exact-size copy, so that a read past the end is caught by sanitizers and valgrind. */
    char *copy = g_malloc (len ? len : 1);
    memcpy (copy, json, len);
    bilat_model *m = NULL;
    bilat_error *err = NULL;
    int rc = bilat_model_from_json (&m, NULL, copy, len, &err);
    if (rc == BILAT_OK) {
        cr_assert (not (zero (ptr, m)));
        cr_assert (zero (ptr, err));
        char *once = NULL, *twice = NULL;
        bilat_model *again = NULL;
        cr_assert (eq (int, bilat_model_to_json (&once, m, 0, NULL), BILAT_OK));
        cr_assert (eq (int, bilat_model_from_json (&again, NULL, once, strlen (once), NULL),
                       BILAT_OK));
        cr_assert (eq (int, bilat_model_to_json (&twice, again, 0, NULL), BILAT_OK));
        cr_assert (eq (str, once, twice), "a loaded model does not write itself back");
        bilat_free (once);
        bilat_free (twice);
        bilat_model_free (again);
        bilat_model_free (m);
    } else {
        cr_assert (zero (ptr, m), "a failed load left a model");
        cr_assert (not (zero (ptr, err)));
        cr_assert (eq (int, bilat_error_code (err), rc));
        cr_assert (not (eq (str, (char *) bilat_error_message (err), "")));
        cr_assert (rc == BILAT_EPARSE || rc == BILAT_ELIMIT, "code %d: %s", rc,
                   bilat_error_message (err));
        cr_assert (le (i64, bilat_error_offset (err), (int64_t) len));
        bilat_error_free (err);
    }
    g_free (copy);
    return rc;
}

static void
assert_parse_error (const char *json, size_t len, const char *needle)
{
    bilat_model *m = NULL;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_model_from_json (&m, NULL, json, len, &err), BILAT_EPARSE),
               "%s", bilat_error_message (err));
    cr_assert (zero (ptr, m));
    if (needle)
        cr_assert (not (zero (ptr, strstr (bilat_error_message (err), needle))),
                   "message \"%s\" lacks \"%s\"", bilat_error_message (err), needle);
    bilat_error_free (err);
}

/* The JSON of a model of one short document: a few kilobytes, so that mutating every byte
 * or every value stays quick. */
static char *
one_document_json (void)
{
    static const char text[] =
        "Foreign Minister of Kazakhstan Murat Nurtleu paid an official visit to Ashgabat on "
        "5 November 2023 and held talks with his Turkmen counterpart Rashid Meredov. The "
        "sides signed a Programme of Cooperation for 2024-2026 on trade and energy.";
    bilat_model *one = NULL;
    bilat_extractor *ex = NULL;
    char *json = NULL;
    cr_assert (eq (int, bilat_extractor_new (&ex, NULL, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_model_new (&one, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_model_add_text (one, ex, "d1", "2023-11-06", text, strlen (text),
                                              NULL), BILAT_OK));
    cr_assert (eq (int, bilat_model_to_json (&json, one, 0, NULL), BILAT_OK));
    bilat_model_free (one);
    bilat_extractor_free (ex);
    return json;
}

/* Under valgrind or a sanitizer each load costs far more: mutate every n-th place only. */
static size_t
stride (void)
{
    const char *pre = g_getenv ("LD_PRELOAD");
    if (pre && strstr (pre, "vgpreload"))
        return 61;
#if defined(__SANITIZE_ADDRESS__)
    return 3;
#else
    return 1;
#endif
}

Test (model_files, the_unmutated_file_loads_and_round_trips)
{
    cr_assert (eq (int, load (model_json, model_len), BILAT_OK));
}

Test (model_files, every_truncation_is_a_parse_error)
{
    /* Every prefix that stops before the closing brace. */
    const char *close = strrchr (model_json, '}');
    size_t whole = (size_t) (close - model_json) + 1;
    for (size_t n = 0; n < whole; n++) {
        bilat_model *m = NULL;
        bilat_error *err = NULL;
        char *copy = g_memdup2 (model_json, n ? n : 1);
        int rc = bilat_model_from_json (&m, NULL, copy, n, &err);
        cr_assert (eq (int, rc, BILAT_EPARSE), "prefix of %zu bytes: rc %d", n, rc);
        cr_assert (zero (ptr, m));
        cr_assert (le (i64, bilat_error_offset (err), (int64_t) n));
        bilat_error_free (err);
        g_free (copy);
    }
}

Test (model_files, every_byte_with_a_flipped_bit_loads_or_fails_cleanly)
{
    /* Each byte once, the bit chosen by its position, and once more with the top bit (which
     * makes invalid UTF-8 or changes a character). */
    char *json = one_document_json ();
    size_t len = strlen (json);
    char *buf = g_memdup2 (json, len);
    size_t failed = 0, cases = 0;
    for (size_t i = 0; i < len; i += stride ()) {
        const unsigned char masks[2] = { (unsigned char) (1u << (i % 7)), 0x80 };
        for (int k = 0; k < 2; k++) {
            buf[i] ^= (char) masks[k];
            failed += load (buf, len) != BILAT_OK;
            cases++;
            buf[i] ^= (char) masks[k];
        }
    }
    /* Most flips break the grammar or a value's type. */
    cr_assert (gt (sz, failed, cases / 2), "%zu of %zu loaded", cases - failed, cases);
    g_free (buf);
    bilat_free (json);
}

/* ---- type confusion: every value of the file replaced by every other kind of value --- */

static const char *const replacements[] = {
    "null", "true", "0", "-1", "1.5", "1e308", "123456789012345678901234567890", "\"\"",
    "\"x\"", "\"\\u0000\"", "[]", "[null]", "{}", "{\"a\":1}",
};

/* The byte span of every value of a compact JSON text (the library's own output), found by
 * a small scanner: json-glib cannot replace a value in place. Arrays contribute their first
 * two elements, which stand for the rest; of the top level, only format, version and the
 * documents (the derived sections are not read). */
typedef struct {
    size_t start, end;
} span;

static size_t scan_value (const char *j, size_t p, GArray *spans, gboolean keep);

static size_t
scan_string (const char *j, size_t p)
{
    cr_assert (eq (chr, j[p], '"'));
    for (p++; j[p] != '"'; p++)
        if (j[p] == '\\')
            p++;
    return p + 1;
}

static size_t
scan_value (const char *j, size_t p, GArray *spans, gboolean keep)
{
    size_t start = p;
    if (j[p] == '{') {
        p++;
        while (j[p] != '}') {
            size_t k = p;
            p = scan_string (j, p);
            cr_assert (eq (chr, j[p], ':'));
            gboolean sub = keep;
            if (start == 0) {
                /* Top level: which sections to mutate. */
                sub = strncmp (j + k, "\"documents\"", 11) == 0 ||
                      strncmp (j + k, "\"format\"", 8) == 0 ||
                      strncmp (j + k, "\"version\"", 9) == 0;
            }
            p = scan_value (j, p + 1, spans, sub);
            if (j[p] == ',')
                p++;
        }
        p++;
    } else if (j[p] == '[') {
        p++;
        for (int i = 0; j[p] != ']'; i++) {
            p = scan_value (j, p, spans, keep && i < 2);
            if (j[p] == ',')
                p++;
        }
        p++;
    } else if (j[p] == '"') {
        p = scan_string (j, p);
    } else {
        while (j[p] && !strchr (",]}", j[p]))
            p++;
    }
    if (keep && start > 0) {
        span sp = { start, p };
        g_array_append_val (spans, sp);
    }
    return p;
}

Test (model_files, every_value_replaced_by_every_type_loads_or_fails_cleanly)
{
    char *json = one_document_json ();
    GArray *spans = g_array_new (FALSE, FALSE, sizeof (span));
    cr_assert (eq (sz, scan_value (json, 0, spans, FALSE), strlen (json)));
    size_t cases = 0, loaded = 0;
    for (guint i = 0; i < spans->len; i += (guint) stride ()) {
        const span *sp = &g_array_index (spans, span, i);
        for (size_t r = 0; r < G_N_ELEMENTS (replacements); r++) {
            char *text = g_strdup_printf ("%.*s%s%s", (int) sp->start, json, replacements[r],
                                          json + sp->end);
            loaded += load (text, strlen (text)) == BILAT_OK;
            cases++;
            g_free (text);
        }
    }
    cr_assert (gt (sz, cases * stride (), 500), "only %zu cases", cases);
    cr_assert (lt (sz, loaded, cases));
    g_array_free (spans, TRUE);
    bilat_free (json);
}

/* ---- huge numbers and sizes -------------------------------------------------------------- */

static char *
document_with (const char *member, const char *value)
{
    return g_strdup_printf (
        "{\"format\":\"libbilat-model\",\"version\":1,\"documents\":[{\"id\":\"d\","
        "\"date\":\"2024-03-05\",\"sentences\":2,\"states\":[\"KAZ\",\"TKM\"],"
        "\"pairs\":[[\"KAZ\",\"TKM\"]],\"organizations\":[],\"areas\":[],\"status\":[],"
        "\"persons\":[],\"events\":[{\"type\":\"visit\",\"actor\":\"KAZ\",\"target\":\"TKM\","
        "\"parties\":[\"KAZ\",\"TKM\"],\"level\":null,\"mode\":null,\"place\":null,"
        "\"date\":null,\"title\":null,\"persons\":[],\"cameo\":\"042\",\"plover\":\"CONSULT\","
        "\"sentence\":0,\"span\":[0,10],\"rule\":\"r\"}],\"%s\":%s}]}",
        member, value);
}

Test (model_files, gigabyte_declared_counts_and_offsets_fail_or_load_without_allocating_them)
{
    /* Numbers that an allocation might be sized by: the sentence count, spans, the sentence
     * of an event. Loading must neither allocate them nor take long. */
    static const char *const values[] = { "1073741824", "4294967296", "999999999999999999",
                                          "-1073741824", "9223372036854775807" };
    size_t n = 0;
    gint64 t0 = g_get_monotonic_time ();
    for (size_t i = 0; i < G_N_ELEMENTS (values); i++) {
        char *json = document_with ("sentences", values[i]);
        load (json, strlen (json));
        g_free (json);
        /* The same numbers in the event's span and sentence. */
        char *ev = g_strdup_printf ("\"span\":[0,%s]", values[i]);
        json = document_with ("sentences", "2");
        char *at = strstr (json, "\"span\":[0,10]");
        GString *s = g_string_new_len (json, at - json);
        g_string_append (s, ev);
        g_string_append (s, at + strlen ("\"span\":[0,10]"));
        load (s->str, s->len);
        char *sent = g_strdup_printf ("\"sentence\":%s,", values[i]);
        char *at2 = strstr (s->str, "\"sentence\":0,");
        GString *s2 = g_string_new_len (s->str, at2 - s->str);
        g_string_append (s2, sent);
        g_string_append (s2, at2 + strlen ("\"sentence\":0,"));
        load (s2->str, s2->len);
        g_string_free (s2, TRUE);
        g_free (sent);
        g_string_free (s, TRUE);
        g_free (ev);
        g_free (json);
        n += 3;
    }
    cr_assert (lt (dbl, (g_get_monotonic_time () - t0) / 1e6, 10.0 * (double) n));
}

Test (model_files, a_declared_length_over_the_limit_is_elimit_before_reading)
{
    /* The caller says the buffer holds 1 GiB; it holds 2 bytes. The size is refused before
     * a byte is read. */
    bilat_model *m = NULL;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_model_from_json (&m, NULL, "{}", (size_t) 1 << 30, &err),
                   BILAT_ELIMIT));
    cr_assert (zero (ptr, m));
    cr_assert (not (eq (str, (char *) bilat_error_message (err), "")));
    bilat_error_free (err);
}

/* Bytes this process has read so far (read() and friends, page cache included), or -1. */
static int64_t
bytes_read (void)
{
    char *io = NULL;
    int64_t n = -1;
    if (g_file_get_contents ("/proc/self/io", &io, NULL, NULL)) {
        const char *at = strstr (io, "rchar:");
        if (at)
            n = g_ascii_strtoll (at + 6, NULL, 10);
    }
    g_free (io);
    return n;
}

/* A failed load: the code, no model, the message, the offset. */
static void
assert_load_fails (const bilat_options *opts, const char *path, int code, const char *needle,
                   int64_t offset)
{
    bilat_model *m = NULL;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_model_load (&m, opts, path, &err), code),
               "%s", bilat_error_message (err));
    cr_assert (zero (ptr, m));
    cr_assert (eq (int, bilat_error_code (err), code));
    cr_assert (not (zero (ptr, strstr (bilat_error_message (err), needle))),
               "message \"%s\" lacks \"%s\"", bilat_error_message (err), needle);
    cr_assert (eq (i64, bilat_error_offset (err), offset));
    bilat_error_free (err);
}

Test (model_files, a_sparse_gigabyte_file_is_elimit_by_its_size_unread)
{
    char *dir = g_dir_make_tmp ("bilat-model-XXXXXX", NULL);
    cr_assert (not (zero (ptr, dir)));
    char *path = g_build_filename (dir, "huge.json", NULL);
    FILE *f = fopen (path, "w");
    cr_assert (not (zero (ptr, f)));
    /* A hole costs no disk. */
    cr_assert (eq (int, ftruncate (fileno (f), (off_t) 1 << 30), 0));
    fclose (f);
    /* Refused by its size: not one byte read (reading it stopped at twice the limit, 128 MiB
     * by default, until fstat was asked first). */
    int64_t before = bytes_read ();
    assert_load_fails (NULL, path, BILAT_ELIMIT,
                       "1073741824 bytes, over the limit of 67108864 bytes", 67108864);
    if (before >= 0)
        cr_assert (lt (i64, bytes_read () - before, 1 << 20), "the file was read");
    /* With a configured limit: a file of exactly the limit loads, one byte over is refused. */
    bilat_options *o = NULL;
    cr_assert (eq (int, bilat_options_new (&o, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_max_size (o, model_len, NULL), BILAT_OK));
    cr_assert (g_file_set_contents (path, model_json, (gssize) model_len, NULL));
    bilat_model *m = NULL;
    cr_assert (eq (int, bilat_model_load (&m, o, path, NULL), BILAT_OK));
    bilat_model_free (m);
    cr_assert (eq (int, bilat_options_set_max_size (o, model_len - 1, NULL), BILAT_OK));
    assert_load_fails (o, path, BILAT_ELIMIT, "over the limit", (int64_t) model_len - 1);
    bilat_options_free (o);
    g_unlink (path);
    g_rmdir (dir);
    g_free (path);
    g_free (dir);
}

Test (model_files, a_stream_over_the_limit_is_elimit_one_byte_past_it)
{
    /* A device has no size to check: it is read up to one byte past the limit, no further. */
    if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
        cr_skip_test ("no /dev/zero");
    bilat_options *o = NULL;
    cr_assert (eq (int, bilat_options_new (&o, NULL), BILAT_OK));
    cr_assert (eq (int, bilat_options_set_max_size (o, 1 << 20, NULL), BILAT_OK));
    int64_t before = bytes_read ();
    assert_load_fails (o, "/dev/zero", BILAT_ELIMIT, "over the limit of 1048576 bytes", 1 << 20);
    if (before >= 0)
        cr_assert (le (i64, bytes_read () - before, (1 << 20) + (1 << 16)),
                   "read %" G_GINT64_FORMAT " bytes for a limit of 1 MiB",
                   bytes_read () - before);
    bilat_options_free (o);
}

/* ---- nesting --------------------------------------------------------------------------- */

static char *
nested (const char *open, const char *close, size_t depth)
{
    GString *s = g_string_new ("{\"format\":\"libbilat-model\",\"version\":1,\"documents\":");
    for (size_t i = 0; i < depth; i++)
        g_string_append (s, open);
    g_string_append (s, "1");
    for (size_t i = 0; i < depth; i++)
        g_string_append (s, close);
    g_string_append (s, "}");
    return g_string_free (s, FALSE);
}

Test (model_files, hundred_thousand_nested_arrays_are_a_parse_error_not_a_stack_overflow)
{
    char *json = nested ("[", "]", 100000);
    assert_parse_error (json, strlen (json), "nesting");
    g_free (json);
}

Test (model_files, hundred_thousand_nested_objects_are_a_parse_error_not_a_stack_overflow)
{
    char *json = nested ("{\"a\":", "}", 100000);
    assert_parse_error (json, strlen (json), "nesting");
    g_free (json);
}

Test (model_files, hundred_thousand_unclosed_brackets_are_a_parse_error)
{
    char *json = nested ("[", "", 100000);
    assert_parse_error (json, strlen (json), NULL);
    g_free (json);
}

/* ---- files and the caller's model -------------------------------------------------------- */

Test (model_files, unreadable_empty_and_non_utf8_files_fail_cleanly)
{
    char *dir = g_dir_make_tmp ("bilat-model-XXXXXX", NULL);
    char *path = g_build_filename (dir, "m.json", NULL);
    bilat_model *m = NULL;
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_model_load (&m, NULL, path, &err), BILAT_EIO));  /* missing */
    cr_assert (zero (ptr, m));
    bilat_error_free (err);
    err = NULL;
    cr_assert (eq (int, bilat_model_load (&m, NULL, dir, &err), BILAT_EIO));  /* a directory */
    bilat_error_free (err);
    err = NULL;
    cr_assert (g_file_set_contents (path, "", 0, NULL));
    cr_assert (eq (int, bilat_model_load (&m, NULL, path, &err), BILAT_EPARSE));
    bilat_error_free (err);
    err = NULL;
    cr_assert (g_file_set_contents (path, "{\"format\":\"libbilat-\xff\"}", -1, NULL));
    cr_assert (eq (int, bilat_model_load (&m, NULL, path, &err), BILAT_EPARSE));
    cr_assert (eq (i64, bilat_error_offset (err), 20));
    bilat_error_free (err);
    cr_assert (zero (ptr, m));
    g_unlink (path);
    g_rmdir (dir);
    g_free (path);
    g_free (dir);
}

Test (model_files, a_failed_load_leaves_the_callers_models_as_they_were)
{
    /* The caller's model, and a merge target, before and after a load of a corrupt file. */
    char *before = NULL, *after = NULL;
    cr_assert (eq (int, bilat_model_to_json (&before, model, 0, NULL), BILAT_OK));
    char *bad = g_strndup (model_json, model_len / 2);
    bilat_model *loaded = (bilat_model *) model;  /* a non-NULL out must be cleared */
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_model_from_json (&loaded, NULL, bad, strlen (bad), &err),
                   BILAT_EPARSE));
    cr_assert (zero (ptr, loaded));
    bilat_error_free (err);
    cr_assert (eq (int, bilat_model_to_json (&after, model, 0, NULL), BILAT_OK));
    cr_assert (eq (str, before, after));
    bilat_free (before);
    bilat_free (after);
    g_free (bad);
}
