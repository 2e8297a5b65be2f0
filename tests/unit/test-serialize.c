/* SPDX-License-Identifier: MIT */
/* The model's formats: JSON that loads back to an equal model and refuses hostile input
 * with a message and a position; CSV quoting; GraphML, DOT and JSONL well-formed. */
#include "test-model-util.h"

#include <criterion/new/assert.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

static char *
to_json (const bilat_model *m, unsigned flags)
{
    char *s = NULL;
    cr_assert (bilat_model_to_json (&s, m, flags, NULL) == BILAT_OK);
    return s;
}

static bilat_model *
random_model (uint64_t seed, size_t n)
{
    bilat_model *m = model_new ();
    for (size_t i = 0; i < n; i++) {
        char id[16];
        g_snprintf (id, sizeof id, "g%04zu", i);
        add (m, id, random_doc (&seed));
    }
    return m;
}

/* ---- round trips ---------------------------------------------------------------------------- */

static void
assert_round_trip (const bilat_model *m, unsigned flags)
{
    char *a = to_json (m, flags);
    bilat_model *back = NULL;
    bilat_error *err = NULL;
    int rc = bilat_model_from_json (&back, NULL, a, strlen (a), &err);
    cr_assert (eq (int, rc, BILAT_OK), "%s", bilat_error_message (err));
    char *b = to_json (back, flags);
    cr_assert (eq (str, b, a));
    cr_assert (eq (sz, bilat_model_n_events (back), bilat_model_n_events (m)));
    g_free (a);
    g_free (b);
    bilat_model_free (back);
}

Test (serialize, generated_models_load_back_equal)
{
    for (uint64_t seed = 1; seed <= 6; seed++) {
        bilat_model *m = random_model (seed, 20 * seed);
        assert_round_trip (m, seed % 2 ? 0 : BILAT_JSON_PRETTY);
        bilat_model_free (m);
    }
    bilat_model *empty = model_new ();
    assert_round_trip (empty, 0);
    bilat_model_free (empty);
}

Test (serialize, the_fixture_model_saves_and_loads_through_a_file)
{
    bilat_extractor *ex = NULL;
    cr_assert (bilat_extractor_new (&ex, NULL, NULL) == BILAT_OK);
    bilat_model *m = fixture_model (ex);
    char *dir = g_dir_make_tmp ("bilat-model-XXXXXX", NULL);
    char *path = g_build_filename (dir, "model.json", NULL);
    bilat_error *err = NULL;
    cr_assert (eq (int, bilat_model_save (m, path, BILAT_JSON_PRETTY, &err), BILAT_OK));
    bilat_model *back = NULL;
    cr_assert (eq (int, bilat_model_load (&back, NULL, path, &err), BILAT_OK), "%s",
               bilat_error_message (err));
    char *a = to_json (m, 0), *b = to_json (back, 0);
    cr_assert (eq (str, a, b));
    /* The derived sections are there for readers. */
    JsonParser *p = json_parser_new ();
    cr_assert (json_parser_load_from_data (p, a, -1, NULL));
    JsonObject *o = json_node_get_object (json_parser_get_root (p));
    cr_assert (eq (str, (char *) json_object_get_string_member (o, "format"), "libbilat-model"));
    cr_assert (eq (i64, json_object_get_int_member (o, "version"), 1));
    cr_assert (eq (u32, json_array_get_length (json_object_get_array_member (o, "documents")),
                   N_FIXTURES));
    cr_assert (eq (u32, json_array_get_length (json_object_get_array_member (o, "events")),
                   bilat_model_n_events (m)));
    g_object_unref (p);
    g_free (a);
    g_free (b);
    bilat_model_free (back);

    /* A file over the limit is refused before it is read; a missing file is EIO. */
    bilat_options *opts = NULL;
    bilat_options_new (&opts, NULL);
    bilat_options_set_max_size (opts, 100, NULL);
    back = (bilat_model *) 1;
    cr_assert (eq (int, bilat_model_load (&back, opts, path, &err), BILAT_ELIMIT));
    cr_assert (zero (ptr, back));
    bilat_error_free (err);
    err = NULL;
    char *missing = g_build_filename (dir, "missing.json", NULL);
    cr_assert (eq (int, bilat_model_load (&back, NULL, missing, &err), BILAT_EIO));
    bilat_error_free (err);
    cr_assert (eq (int, bilat_model_save (m, "/nonexistent-dir/x/model.json", 0, NULL), BILAT_EIO));
    g_unlink (path);
    g_rmdir (dir);
    g_free (missing);
    g_free (path);
    g_free (dir);
    bilat_options_free (opts);
    bilat_model_free (m);
    bilat_extractor_free (ex);
}

/* ---- hostile input --------------------------------------------------------------------------- */

#define HEAD "{\"format\":\"libbilat-model\",\"version\":1,\"documents\":"

/* Load text; it must fail with code, a message holding what, and an offset at which the
 * text starts with at (when at is given). */
static void
assert_refused (const char *text, size_t len, const bilat_options *opts, int code,
                const char *what, const char *at)
{
    bilat_model *m = (bilat_model *) 1;
    bilat_error *err = NULL;
    int rc = bilat_model_from_json (&m, opts, text, len, &err);
    cr_assert (eq (int, rc, code), "%.80s: %s", text, bilat_error_message (err));
    cr_assert (zero (ptr, m), "nothing is half-loaded");
    cr_assert (eq (int, bilat_error_code (err), code));
    const char *msg = bilat_error_message (err);
    cr_assert (not (zero (ptr, strstr (msg, what))), "\"%s\" lacks \"%s\"", msg, what);
    int64_t off = bilat_error_offset (err);
    cr_assert (ge (i64, off, 0), "%s", msg);
    if (at) {
        cr_assert (le (i64, off, (int64_t) len));
        cr_assert (eq (int, strncmp (text + off, at, strlen (at)), 0),
                   "offset %" PRId64 " of \"%s\" is at \"%.20s\", not \"%s\"", off, text,
                   text + off, at);
    }
    bilat_error_free (err);
}

static void
refused (const char *text, const char *what, const char *at)
{
    assert_refused (text, strlen (text), NULL, BILAT_EPARSE, what, at);
}

Test (serialize, every_truncation_of_a_model_is_refused_with_its_position)
{
    bilat_model *m = random_model (9, 6);
    char *json = to_json (m, 0);
    size_t len = strlen (json);
    for (size_t n = 0; n < len; n++) {
        bilat_model *out = (bilat_model *) 1;
        bilat_error *err = NULL;
        cr_assert (eq (int, bilat_model_from_json (&out, NULL, json, n, &err), BILAT_EPARSE),
                   "prefix of %zu bytes", n);
        cr_assert (zero (ptr, out));
        cr_assert (le (i64, bilat_error_offset (err), (int64_t) n));
        bilat_error_free (err);
    }
    g_free (json);
    bilat_model_free (m);
}

Test (serialize, wrong_types_are_named_by_path_and_offset)
{
    refused (HEAD "[{\"id\":5}]}", "documents[0].id: expected a string, not a number", "5}");
    refused (HEAD "[{\"id\":\"a\",\"states\":\"KAZ\"}]}", "documents[0].states: expected an array",
             "\"KAZ\"");
    refused (HEAD "[{\"id\":\"a\",\"states\":[\"KAZ\",7]}]}", "documents[0].states[1]", "7]");
    refused (HEAD "[{\"id\":\"a\",\"events\":[{\"type\":\"summit\",\"span\":[0,1]}]}]}",
             "\"summit\" is not visit, meeting or agreement", "\"summit\"");
    refused (HEAD "[{\"id\":\"a\",\"persons\":[{\"name\":\"X\",\"span\":[5,3]}]}]}",
             "documents[0].persons[0].span: start 5 is after end 3", "[5,3]");
    refused (HEAD "[{\"id\":\"a\",\"persons\":[{\"name\":\"X\"}]}]}",
             "documents[0].persons[0].span: missing", "{\"name\"");
    refused (HEAD "[{\"id\":\"a\",\"sentences\":-1}]}", "-1 is out of range", "-1}");
    refused (HEAD "[{\"id\":\"a\",\"pairs\":[[\"KAZ\"]]}]}",
             "documents[0].pairs[0]: expected a pair", "[\"KAZ\"]");
    refused (HEAD "[5]}", "documents[0]: expected an object, not a number", "5]");
    refused (HEAD "{}}", "documents: expected an array, not an object", "{}");
    refused ("[]", "expected an object, not an array", "[]");
    refused ("{\"format\":\"other\",\"version\":1,\"documents\":[]}", "format: \"other\" is not",
             "\"other\"");
    refused ("{\"format\":\"libbilat-model\",\"version\":2,\"documents\":[]}",
             "version 2 is not supported", "2,");
    refused ("{\"format\":\"libbilat-model\",\"version\":1}", "documents: missing", NULL);
    refused ("{\"version\":1}", "format: missing", NULL);
}

Test (serialize, what_the_model_refuses_is_a_parse_error_at_the_document)
{
    refused (HEAD "[{\"id\":\"a\"},{\"id\":\"a\"}]}", "documents[1]: document \"a\" is already",
             "{\"id\":\"a\"}]");
    refused (HEAD "[{\"id\":\"a\",\"date\":\"2023-02-30\"}]}", "is not YYYY-MM-DD", "{\"id\"");
    refused (HEAD "[{\"id\":\"\"}]}", "non-empty", "{\"id\"");
    refused (HEAD "[{\"id\":\"a\",\"events\":[{\"type\":\"visit\",\"date\":\"soon\","
                  "\"span\":[0,1]}]}]}", "\"soon\" is not YYYY", "{\"id\"");
}

Test (serialize, malformed_json_is_refused_where_it_goes_wrong)
{
    refused ("", "unexpected end of input", NULL);
    refused ("   ", "unexpected end of input", NULL);
    refused (HEAD "[]} x", "text after the end", "x");
    refused (HEAD "[],}", "expected a member name", "}");
    refused (HEAD "[{\"id\" \"a\"}]}", "expected ':'", "\"a\"");
    refused (HEAD "[{\"id\":\"a\"]}", "expected ',' or '}'", "]}");
    refused (HEAD "[tru]}", "expected a value", "tru]");
    refused (HEAD "[\"a\tb\"]}", "control character", "\tb");
    refused (HEAD "[\"\\q\"]}", "bad escape", "q\"");
    refused (HEAD "[\"\\ud800\"]}", "lone high surrogate", "u");
    refused (HEAD "[\"\\udc00x\"]}", "lone low surrogate", "u");
    refused (HEAD "[01]}", "leading zero", "01");
}

Test (serialize, huge_and_fractional_numbers_are_refused)
{
    refused (HEAD "[{\"id\":\"a\",\"sentences\":123456789012345678901}]}", "number out of range",
             "123456789012345678901");
    refused (HEAD "[{\"id\":\"a\",\"sentences\":1e999}]}", "not an integer", "1e999");
    refused (HEAD "[{\"id\":\"a\",\"sentences\":1.5}]}", "not an integer", "1.5");
    refused (HEAD "[{\"id\":\"a\",\"sentences\":-0.0}]}", "not an integer", "-0.0");
    refused (HEAD "[{\"id\":\"a\",\"persons\":[{\"name\":\"X\",\"span\":[0,4294967296]}]}]}",
             "4294967296 is out of range", "4294967296");
    refused (HEAD "[{\"id\":\"a\",\"events\":[{\"type\":\"visit\",\"sentence\":99999999999,"
                  "\"span\":[0,1]}]}]}", "out of range", "99999999999");
}

Test (serialize, deep_nesting_is_refused_before_it_is_parsed)
{
    size_t n = 100000;
    char *deep = g_malloc (n + 1);
    memset (deep, '[', n);
    deep[n] = '\0';
    assert_refused (deep, n, NULL, BILAT_EPARSE, "nesting deeper than 64", "[");
    bilat_error *err = NULL;
    bilat_model *m = NULL;
    bilat_model_from_json (&m, NULL, deep, n, &err);
    cr_assert (eq (i64, bilat_error_offset (err), 64));
    bilat_error_free (err);
    g_free (deep);
    char *nested = g_strdup (HEAD "[{\"id\":\"a\",\"x\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                             "[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
                             "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]}");
    refused (nested, "nesting deeper than 64", "[");
    g_free (nested);
}

Test (serialize, invalid_utf8_is_refused_at_its_byte)
{
    refused (HEAD "[{\"id\":\"a\xff\"}]}", "invalid UTF-8", "\xff");
    const char with_nul[] = HEAD "[{\"id\":\"a\0\"}]}";
    assert_refused (with_nul, sizeof with_nul - 1, NULL, BILAT_EPARSE, "NUL byte", "");
}

Test (serialize, a_hundred_megabytes_are_refused_quickly_and_without_blowing_up)
{
    size_t n = 100u * 1000 * 1000;
    char *big = g_malloc (n);
    /* "[0,0,0,...": a hundred megabytes of tiny values. */
    big[0] = '[';
    for (size_t i = 1; i + 1 < n; i += 2) {
        big[i] = '0';
        big[i + 1] = ',';
    }
    big[n - 1] = ']';
    /* Over the default 64 MiB limit: refused before parsing. */
    assert_refused (big, n, NULL, BILAT_ELIMIT, "over the limit", NULL);
    /* With a higher limit it is read, and refused as far denser than any model. */
    bilat_options *opts = NULL;
    bilat_options_new (&opts, NULL);
    bilat_options_set_max_size (opts, 200u * 1000 * 1000, NULL);
    assert_refused (big, n, opts, BILAT_EPARSE, "too many values", NULL);
    /* A hundred megabytes of white space after a valid prefix is a truncated document. */
    memcpy (big, HEAD, strlen (HEAD));
    memset (big + strlen (HEAD), ' ', n - strlen (HEAD));
    assert_refused (big, n, opts, BILAT_EPARSE, "unexpected end of input", NULL);
    bilat_options_free (opts);
    g_free (big);
}

Test (serialize, misuse_is_einval)
{
    bilat_model *m = NULL;
    cr_assert (eq (int, bilat_model_from_json (NULL, NULL, "{}", 2, NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_model_from_json (&m, NULL, NULL, 2, NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_model_to_json (NULL, m, 0, NULL), BILAT_EINVAL));
    char *s = (char *) 1;
    cr_assert (eq (int, bilat_model_to_csv (&s, NULL, 0, NULL), BILAT_EINVAL));
    cr_assert (zero (ptr, s));
    cr_assert (eq (int, bilat_model_load (&m, NULL, NULL, NULL), BILAT_EINVAL));
    cr_assert (eq (int, bilat_model_save (NULL, "x", 0, NULL), BILAT_EINVAL));
}

/* ---- CSV ------------------------------------------------------------------------------------- */

/* Split RFC 4180 text into rows of fields (a GPtrArray of GPtrArray of strings). */
static GPtrArray *
parse_csv (const char *s)
{
    GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
    GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
    GString *f = g_string_new ("");
    const char *p = s;
    while (*p) {
        if (*p == '"') {
            for (p++; *p; p++) {
                if (*p == '"' && p[1] == '"') {
                    g_string_append_c (f, '"');
                    p++;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    g_string_append_c (f, *p);
                }
            }
        }
        if (*p == ',') {
            g_ptr_array_add (row, g_strdup (f->str));
            g_string_truncate (f, 0);
            p++;
        } else if (*p == '\r' && p[1] == '\n') {
            g_ptr_array_add (row, g_strdup (f->str));
            g_string_truncate (f, 0);
            g_ptr_array_add (rows, row);
            row = g_ptr_array_new_with_free_func (g_free);
            p += 2;
        } else if (*p) {
            gboolean plain = *p != '"' && *p != '\n' && *p != '\r';
            cr_assert (plain, "bare %c in an unquoted field", *p);
            g_string_append_c (f, *p++);
        }
    }
    cr_assert (eq (sz, row->len, 0), "the last row ends with CRLF");
    g_ptr_array_unref (row);
    g_string_free (f, TRUE);
    return rows;
}

Test (serialize, csv_quotes_what_needs_quoting_and_reads_back)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2024-02-10");
    const char *title = "Agreement on \"Green\" Energy, Water\nand Transit";
    doc_person (d, "Saidov, Bakhtiyor", "UZB", NULL);
    bilat_fact *f = doc_between (d, BILAT_EVENT_AGREEMENT, "UZB|KAZ", "2024-02-10",
                                 "Saidov, Bakhtiyor", title);
    f->place = " Tashkent ";
    doc_visit (d, "KAZ", "UZB", "2024-02-09", NULL);
    add (m, "doc,1", d);
    char *csv = NULL;
    cr_assert (eq (int, bilat_model_to_csv (&csv, m, 0, NULL), BILAT_OK));
    GPtrArray *rows = parse_csv (csv);
    cr_assert (eq (sz, rows->len, 3));
    const char *header[] = { "id", "date", "type", "actor", "target", "cameo", "plover",
                             "persons", "place", "title", "document", "span" };
    for (guint r = 0; r < rows->len; r++)
        cr_assert (eq (sz, ((GPtrArray *) g_ptr_array_index (rows, r))->len, 12), "row %u", r);
    GPtrArray *h = g_ptr_array_index (rows, 0);
    for (size_t i = 0; i < 12; i++)
        cr_assert (eq (str, g_ptr_array_index (h, i), (char *) header[i]));
    GPtrArray *visit = g_ptr_array_index (rows, 1), *agr = g_ptr_array_index (rows, 2);
    cr_assert (eq (str, g_ptr_array_index (visit, 2), "visit"));
    cr_assert (eq (str, g_ptr_array_index (visit, 3), "KAZ"));
    cr_assert (eq (str, g_ptr_array_index (visit, 4), "UZB"));
    cr_assert (eq (str, g_ptr_array_index (visit, 7), ""));
    cr_assert (eq (str, g_ptr_array_index (agr, 1), "2024-02-10"));
    cr_assert (eq (str, g_ptr_array_index (agr, 3), "KAZ"));
    cr_assert (eq (str, g_ptr_array_index (agr, 4), "UZB"));
    cr_assert (eq (str, g_ptr_array_index (agr, 5), "057"));
    cr_assert (eq (str, g_ptr_array_index (agr, 7), "Saidov, Bakhtiyor"));
    cr_assert (eq (str, g_ptr_array_index (agr, 8), " Tashkent "));
    cr_assert (eq (str, g_ptr_array_index (agr, 9), (char *) title));
    cr_assert (eq (str, g_ptr_array_index (agr, 10), "doc,1"));
    cr_assert (eq (str, g_ptr_array_index (agr, 11), "100-140"));
    /* The raw text quotes exactly the fields that need it. */
    const char *quoted = "\"Agreement on \"\"Green\"\" Energy, Water\nand Transit\"";
    cr_assert (not (zero (ptr, strstr (csv, quoted))));
    cr_assert (not (zero (ptr, strstr (csv, ",\"doc,1\","))));
    cr_assert (not (zero (ptr, strstr (csv, ",visit,KAZ,UZB,"))));
    g_ptr_array_unref (rows);
    bilat_free (csv);
    bilat_model_free (m);
}

/* ---- GraphML, DOT, JSONL -------------------------------------------------------------------- */

typedef struct {
    int nodes, edges, keys;
    GString *labels;
    gboolean in_label;
} graphml_count;

static void
start_element (GMarkupParseContext *ctx, const char *name, const char **attr_names,
               const char **attr_values, gpointer data, GError **error)
{
    graphml_count *c = data;
    c->nodes += strcmp (name, "node") == 0;
    c->edges += strcmp (name, "edge") == 0;
    c->keys += strcmp (name, "key") == 0;
    c->in_label = FALSE;
    for (int i = 0; attr_names[i]; i++)
        if (strcmp (name, "data") == 0 && strcmp (attr_names[i], "key") == 0 &&
            strcmp (attr_values[i], "n_label") == 0)
            c->in_label = TRUE;
}

static void
text (GMarkupParseContext *ctx, const char *t, gsize len, gpointer data, GError **error)
{
    graphml_count *c = data;
    if (c->in_label) {
        g_string_append_len (c->labels, t, (gssize) len);
        g_string_append_c (c->labels, '|');
    }
    c->in_label = FALSE;
}

static bilat_model *
awkward_model (void)
{
    bilat_model *m = model_new ();
    bilat_doc *d = doc_new ("2024-01-01");
    doc_pair (d, "KAZ", "TKM");
    doc_text_fact (d, BILAT_FACT_ORGANIZATION, "Organisation for Security & Co-operation <OSCE>");
    doc_person (d, "Li \"the Elder\" Wei\\", "KAZ", "Envoy");
    doc_person (d, "Rashid Meredov", "TKM", NULL);
    doc_between (d, BILAT_EVENT_MEETING, "KAZ|TKM", "2024-01-01",
                 "Li \"the Elder\" Wei\\|Rashid Meredov", NULL);
    add (m, "a", d);
    return m;
}

Test (serialize, graphml_is_well_formed_xml_with_escaped_text)
{
    bilat_model *m = awkward_model ();
    char *xml = NULL;
    cr_assert (eq (int, bilat_model_to_graphml (&xml, m, 0, NULL), BILAT_OK));
    graphml_count c = { 0, 0, 0, g_string_new (""), FALSE };
    GMarkupParser parser = { start_element, NULL, text, NULL, NULL };
    GMarkupParseContext *ctx = g_markup_parse_context_new (&parser, 0, &c, NULL);
    GError *err = NULL;
    cr_assert (g_markup_parse_context_parse (ctx, xml, -1, &err) &&
               g_markup_parse_context_end_parse (ctx, &err), "%s", err ? err->message : "");
    g_markup_parse_context_free (ctx);
    /* Two states, two people, one organization; one state edge, two person-state edges, one
     * person-person edge, two state-organization edges. */
    cr_assert (eq (int, c.nodes, 5));
    cr_assert (eq (int, c.edges, 6));
    cr_assert (eq (int, c.keys, 20));
    const char *org = "|Organisation for Security & Co-operation <OSCE>|";
    cr_assert (not (zero (ptr, strstr (c.labels->str, org))));
    cr_assert (not (zero (ptr, strstr (c.labels->str, "Li \"the Elder\" Wei\\"))));
    g_string_free (c.labels, TRUE);
    bilat_free (xml);
    cr_assert (eq (int, bilat_model_to_graphml (&xml, m, BILAT_EXPORT_STATES_ONLY, NULL),
                   BILAT_OK));
    cr_assert (zero (ptr, strstr (xml, "person:")));
    cr_assert (not (zero (ptr, strstr (xml, "<edge id=\"e0\" source=\"KAZ\" target=\"TKM\">"))));
    bilat_free (xml);
    bilat_model_free (m);
}

Test (serialize, dot_quotes_names)
{
    bilat_model *m = awkward_model ();
    char *dot = NULL;
    cr_assert (eq (int, bilat_model_to_dot (&dot, m, 0, NULL), BILAT_OK));
    cr_assert (eq (int, strncmp (dot, "graph bilat {\n", 14), 0));
    cr_assert (not (zero (ptr, strstr (dot, "\"person:KAZ:Li \\\"the Elder\\\" Wei\\\\\""))));
    cr_assert (not (zero (ptr, strstr (dot, "\"KAZ\" -- \"TKM\""))));
    cr_assert (not (zero (ptr, strstr (dot, "label=\"meetings 1\""))));
    cr_assert (eq (int, dot[strlen (dot) - 2], '}'));
    bilat_free (dot);
    bilat_model_free (m);
}

Test (serialize, jsonl_is_one_plover_style_object_per_event)
{
    bilat_model *m = random_model (4, 40);
    char *jsonl = NULL;
    cr_assert (eq (int, bilat_model_to_jsonl (&jsonl, m, 0, NULL), BILAT_OK));
    char **lines = g_strsplit (jsonl, "\n", -1);
    size_t n = g_strv_length (lines);
    cr_assert (eq (str, lines[n - 1], ""), "the last line ends with a line break");
    cr_assert (eq (sz, n - 1, bilat_model_n_events (m)));
    JsonParser *p = json_parser_new ();
    for (size_t i = 0; i + 1 < n; i++) {
        cr_assert (json_parser_load_from_data (p, lines[i], -1, NULL), "%s", lines[i]);
        JsonObject *o = json_node_get_object (json_parser_get_root (p));
        const bilat_event *e = bilat_model_event (m, i);
        cr_assert (eq (str, (char *) json_object_get_string_member (o, "id"),
                       (char *) bilat_event_id (e)));
        cr_assert (eq (str, (char *) json_object_get_string_member (o, "event"),
                       (char *) bilat_event_plover (e)));
        JsonObject *actor = json_object_get_object_member (o, "actor");
        const char *first = bilat_event_kind (e) == BILAT_EVENT_VISIT ? bilat_event_actor (e)
                                                                     : bilat_event_party (e, 0);
        cr_assert (eq (str, (char *) json_object_get_string_member (actor, "country"),
                       (char *) first));
        cr_assert (eq (u32, json_array_get_length (json_object_get_array_member (o, "sources")),
                       bilat_event_n_evidence (e)));
    }
    g_object_unref (p);
    g_strfreev (lines);
    bilat_free (jsonl);
    bilat_model_free (m);
}
