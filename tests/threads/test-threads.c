/* SPDX-License-Identifier: MIT */
/* One extractor shared by eight threads, each extracting different documents at the same
 * time into its own results (records, and models): every one is byte-identical to a serial
 * run's.
 *
 * Plain C with TAP output, not Criterion: Criterion's process arena cannot be set up under
 * ThreadSanitizer ("Could not initialize inheritable arena"), and this test exists to run
 * under it (-Db_sanitize=thread). */
#include <bilat/bilat.h>

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A failed check: report it as TAP and stop (a later check would only add noise). */
#define CHECK(cond, ...)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            printf ("not ok %d - %s\n# %s:%d: ", test_no, test_name, __FILE__, __LINE__);   \
            printf (__VA_ARGS__);                                                          \
            printf ("\n");                                                                 \
            exit (1);                                                                      \
        }                                                                                  \
    } while (0)

static int test_no;
static const char *test_name;

#define N_THREADS 8
#define ROUNDS 6  /* each thread goes through every document this many times */

typedef struct {
    char *name;
    char *text;
    gsize len;
    char *date;    /* from expected.json, or NULL */
    char *serial;  /* the record of the serial run */
} fixture;

static GPtrArray *fixtures;  /* fixture * */

static void
fixture_free (gpointer p)
{
    fixture *f = p;
    g_free (f->name);
    g_free (f->text);
    g_free (f->date);
    g_free (f->serial);
    g_free (f);
}

static char *
date_of (const char *expected_path)
{
    JsonParser *p = json_parser_new ();
    char *date = NULL;
    if (json_parser_load_from_file (p, expected_path, NULL)) {
        JsonNode *root = json_parser_get_root (p);
        if (root && JSON_NODE_HOLDS_OBJECT (root)) {
            JsonNode *d = json_object_get_member (json_node_get_object (root), "date");
            if (d && JSON_NODE_HOLDS_VALUE (d) && json_node_get_value_type (d) == G_TYPE_STRING)
                date = g_strdup (json_node_get_string (d));
        }
    }
    g_object_unref (p);
    return date;
}

static gint
by_name (gconstpointer a, gconstpointer b)
{
    return strcmp ((*(fixture *const *) a)->name, (*(fixture *const *) b)->name);
}

static void
load_fixtures (void)
{
    const char *root = g_getenv ("BILAT_TEST_DATA");
    CHECK (root != NULL, "BILAT_TEST_DATA is not set");
    GDir *dir = g_dir_open (root, 0, NULL);
    CHECK (dir != NULL, "cannot open %s", root);
    fixtures = g_ptr_array_new_with_free_func (fixture_free);
    for (const char *n; (n = g_dir_read_name (dir)) != NULL;) {
        char *input = g_build_filename (root, n, "input.txt", NULL);
        char *expected = g_build_filename (root, n, "expected.json", NULL);
        fixture *f = g_new0 (fixture, 1);
        if (g_file_get_contents (input, &f->text, &f->len, NULL)) {
            f->name = g_strdup (n);
            f->date = date_of (expected);
            g_ptr_array_add (fixtures, f);
        } else {
            g_free (f);
        }
        g_free (input);
        g_free (expected);
    }
    g_dir_close (dir);
    g_ptr_array_sort (fixtures, by_name);
    CHECK (fixtures->len > 8, "too few fixtures in %s", root);
}

static char *
record_of (const bilat_extractor *ex, const fixture *f)
{
    bilat_doc *doc = NULL;
    bilat_error *err = NULL;
    char *json = NULL;
    if (bilat_extract_dated (&doc, ex, f->text, f->len, f->date, &err) != BILAT_OK ||
        bilat_doc_to_json (&json, doc, 0, f->name, &err) != BILAT_OK) {
        /* Not a CHECK: this may run in a worker thread; the caller compares. */
        json = g_strdup_printf ("error: %s", bilat_error_message (err));
        bilat_error_free (err);
    }
    bilat_doc_free (doc);
    return json;
}

typedef struct {
    const bilat_extractor *ex;
    int index;
    gint *go;          /* released together, so that the threads overlap */
    char **records;    /* this thread's own results: ROUNDS * n entries */
} worker;

static gpointer
work (gpointer data)
{
    worker *w = data;
    while (!g_atomic_int_get (w->go))
        g_thread_yield ();
    guint n = fixtures->len;
    /* Thread t starts at document t * n / 8, so that at any moment the threads are on
     * different documents. */
    for (guint k = 0; k < ROUNDS * n; k++) {
        guint doc = (k + (guint) w->index * n / N_THREADS) % n;
        w->records[k] = record_of (w->ex, g_ptr_array_index (fixtures, doc));
    }
    return NULL;
}

static void
run_shared (const bilat_extractor *ex)
{
    load_fixtures ();
    guint n = fixtures->len;
    for (guint i = 0; i < n; i++) {
        fixture *f = g_ptr_array_index (fixtures, i);
        f->serial = record_of (ex, f);
        CHECK (strncmp (f->serial, "error", 5) != 0, "%s: %s", f->name, f->serial);
    }
    gint go = 0;
    worker w[N_THREADS];
    GThread *th[N_THREADS];
    for (int t = 0; t < N_THREADS; t++) {
        w[t] = (worker) { .ex = ex, .index = t, .go = &go,
                          .records = g_new0 (char *, ROUNDS * n) };
        th[t] = g_thread_new ("extract", work, &w[t]);
    }
    g_atomic_int_set (&go, 1);
    for (int t = 0; t < N_THREADS; t++)
        g_thread_join (th[t]);
    size_t compared = 0;
    for (int t = 0; t < N_THREADS; t++) {
        for (guint k = 0; k < ROUNDS * n; k++) {
            const fixture *f = g_ptr_array_index (fixtures, (k + (guint) t * n / N_THREADS) % n);
            CHECK (strcmp (w[t].records[k], f->serial) == 0, "thread %d, round %u, %s differs",
                   t, k / n, f->name);
            g_free (w[t].records[k]);
            compared++;
        }
        g_free (w[t].records);
    }
    CHECK (compared == (size_t) N_THREADS * ROUNDS * n, "compared %zu records", compared);
    g_ptr_array_free (fixtures, TRUE);
    fixtures = NULL;
}

/* Models: thread t builds a model of every eighth document (t, t + 8, ...) with the shared
 * extractor; the serial run builds the same eight models one after another. */
typedef struct {
    const bilat_extractor *ex;
    int index;
    gint *go;
    char *json;
} model_worker;

static char *
model_of (const bilat_extractor *ex, int index)
{
    bilat_model *m = NULL;
    char *json = NULL;
    if (bilat_model_new (&m, NULL) != BILAT_OK)
        return g_strdup ("error: bilat_model_new");
    for (guint i = (guint) index; i < fixtures->len; i += N_THREADS) {
        const fixture *f = g_ptr_array_index (fixtures, i);
        bilat_error *err = NULL;
        if (bilat_model_add_text (m, ex, f->name, f->date, f->text, f->len, &err) != BILAT_OK) {
            json = g_strdup_printf ("error: %s: %s", f->name, bilat_error_message (err));
            bilat_error_free (err);
            break;
        }
    }
    if (json == NULL && bilat_model_to_json (&json, m, 0, NULL) != BILAT_OK)
        json = g_strdup ("error: bilat_model_to_json");
    bilat_model_free (m);
    return json;
}

static gpointer
model_work (gpointer data)
{
    model_worker *w = data;
    while (!g_atomic_int_get (w->go))
        g_thread_yield ();
    w->json = model_of (w->ex, w->index);
    return NULL;
}

static void
eight_threads_building_separate_models_match_a_serial_run (void)
{
    bilat_extractor *ex = NULL;
    CHECK (bilat_extractor_new (&ex, NULL, NULL) == BILAT_OK, "bilat_extractor_new");
    load_fixtures ();
    char *serial[N_THREADS];
    for (int t = 0; t < N_THREADS; t++) {
        serial[t] = model_of (ex, t);
        CHECK (strncmp (serial[t], "error", 5) != 0, "%s", serial[t]);
    }
    gint go = 0;
    model_worker w[N_THREADS];
    GThread *th[N_THREADS];
    for (int t = 0; t < N_THREADS; t++) {
        w[t] = (model_worker) { .ex = ex, .index = t, .go = &go };
        th[t] = g_thread_new ("model", model_work, &w[t]);
    }
    g_atomic_int_set (&go, 1);
    for (int t = 0; t < N_THREADS; t++)
        g_thread_join (th[t]);
    for (int t = 0; t < N_THREADS; t++) {
        CHECK (strcmp (w[t].json, serial[t]) == 0, "model %d differs from the serial run", t);
        g_free (w[t].json);
        g_free (serial[t]);
    }
    g_ptr_array_free (fixtures, TRUE);
    fixtures = NULL;
    bilat_extractor_free (ex);
}

static void
eight_threads_sharing_one_extractor_match_a_serial_run (void)
{
    bilat_extractor *ex = NULL;
    CHECK (bilat_extractor_new (&ex, NULL, NULL) == BILAT_OK, "bilat_extractor_new");
    run_shared (ex);
    bilat_extractor_free (ex);
}

static void
shared_extractor_with_options_and_a_user_dictionary_matches_a_serial_run (void)
{
    static const char orgs[] = "Caspian Littoral Forum\tCLF\n";
    static const char areas[] = "water\twater resources|irrigation\n";
    bilat_options *o = NULL;
    bilat_extractor *ex = NULL;
    CHECK (bilat_options_new (&o, NULL) == BILAT_OK, "bilat_options_new");
    CHECK (bilat_options_set_repair_utf8 (o, true, NULL) == BILAT_OK, "repair");
    CHECK (bilat_options_set_date (o, "2024-03-05", NULL) == BILAT_OK, "date");
    CHECK (bilat_options_add_dictionary (o, BILAT_DICT_ORGANIZATIONS, orgs, strlen (orgs),
                                         NULL) == BILAT_OK, "organizations");
    CHECK (bilat_options_add_dictionary (o, BILAT_DICT_AREAS, areas, strlen (areas),
                                         NULL) == BILAT_OK, "areas");
    CHECK (bilat_extractor_new (&ex, o, NULL) == BILAT_OK, "bilat_extractor_new");
    bilat_options_free (o);
    run_shared (ex);
    bilat_extractor_free (ex);
}

int
main (void)
{
    static const struct {
        const char *name;
        void (*fn) (void);
    } tests[] = {
        { "eight_threads_sharing_one_extractor_match_a_serial_run",
          eight_threads_sharing_one_extractor_match_a_serial_run },
        { "shared_extractor_with_options_and_a_user_dictionary_matches_a_serial_run",
          shared_extractor_with_options_and_a_user_dictionary_matches_a_serial_run },
        { "eight_threads_building_separate_models_match_a_serial_run",
          eight_threads_building_separate_models_match_a_serial_run },
    };
    printf ("1..%zu\n", G_N_ELEMENTS (tests));
    for (size_t i = 0; i < G_N_ELEMENTS (tests); i++) {
        test_no = (int) i + 1;
        test_name = tests[i].name;
        tests[i].fn ();
        printf ("ok %d - %s\n", test_no, test_name);
    }
    return 0;
}
