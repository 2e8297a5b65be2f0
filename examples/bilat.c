/* SPDX-License-Identifier: MIT */
/* bilat: command-line front end to libbilat (public API only). */
#include <bilat/bilat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Exit codes: 0 success, 1 the input could not be processed, 2 usage error. */
enum { EXIT_INPUT = 1, EXIT_USAGE = 2 };

static void
usage (FILE *out)
{
    fputs ("usage: bilat facts [--date YYYY-MM-DD] [--plain] [--pretty] [--repair] FILE|-\n"
           "       bilat graph [--format json|graphml|dot|csv|jsonl] [--since D] [--until D]\n"
           "                   [--states-only] [--pretty] [--repair] FILE|DIR...\n"
           "       bilat query [--json] [--pretty] [--max-size BYTES] MODEL.json QUESTION\n"
           "       bilat --help | --version\n"
           "\n"
           "  facts   print the bilateral-facts/1 JSON record of one article\n"
           "  --date  the article's date, for relative dates (\"yesterday\", \"last June\")\n"
           "  --plain only the record's keys: no spans, rule ids or event codes\n"
           "  --pretty indent the JSON\n"
           "  --repair read invalid UTF-8 as U+FFFD instead of failing\n"
           "\n"
           "  graph   build one model from many articles and print it (default: model JSON,\n"
           "          which bilat query reads). A file's name without its extension is its\n"
           "          document id; NAME.meta.json beside it gives its date (key \"date\"). In a\n"
           "          directory every file but *.json and hidden ones is read.\n"
           "  --since, --until  keep only documents and events within these dates\n"
           "                    (YYYY, YYYY-MM or YYYY-MM-DD, inclusive)\n"
           "  --states-only     graphml, dot: leave out people and organizations\n"
           "\n"
           "  query   answer a question about a model made by bilat graph:\n"
           "            relation A B        what two states did together\n"
           "            partners S [--since D] [--until D]   S's partners, most active first\n"
           "            events [--type visit|meeting|agreement] [--state S] [--pair A B]\n"
           "                   [--person NAME] [--area AREA] [--since D] [--until D]\n"
           "            timeline A B        the pair's events in date order\n"
           "            people S            S's officials with their offices\n"
           "            path A B            the shortest chain of relations from A to B\n"
           "          States by alpha-3 code or any name the dictionaries know (\"Kazakhstan\",\n"
           "          \"Kazakh\", \"Astana\"). Text by default; --json for JSON.\n"
           "  --max-size        the largest model file read (default 64 MiB)\n",
           out);
}

/* Read a whole file (or stdin for "-") into memory. */
static char *
read_all (const char *path, size_t *len)
{
    FILE *f = strcmp (path, "-") == 0 ? stdin : fopen (path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc (cap);
    while (buf) {
        size_t got = fread (buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) {
            if (ferror (f)) {
                free (buf);
                buf = NULL;
            }
            break;
        }
        char *nb = realloc (buf, cap * 2);
        if (nb == NULL) {
            free (buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    if (f != stdin)
        fclose (f);
    *len = n;
    return buf;
}

static const char *
doc_id (const char *path)
{
    const char *base = strrchr (path, '/');
    return base ? base + 1 : path;
}

static int
cmd_facts (int argc, char **argv)
{
    const char *date = NULL, *path = NULL;
    unsigned flags = 0;
    bool repair = false;
    for (int i = 0; i < argc; i++) {
        if (strcmp (argv[i], "--date") == 0 && i + 1 < argc)
            date = argv[++i];
        else if (strncmp (argv[i], "--date=", 7) == 0)
            date = argv[i] + 7;
        else if (strcmp (argv[i], "--plain") == 0)
            flags |= BILAT_JSON_PLAIN;
        else if (strcmp (argv[i], "--pretty") == 0)
            flags |= BILAT_JSON_PRETTY;
        else if (strcmp (argv[i], "--repair") == 0)
            repair = true;
        else if (strcmp (argv[i], "--help") == 0) {
            usage (stdout);
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf (stderr, "bilat facts: unknown option %s\n", argv[i]);
            return EXIT_USAGE;
        } else if (path == NULL)
            path = argv[i];
        else {
            fprintf (stderr, "bilat facts: one file at a time\n");
            return EXIT_USAGE;
        }
    }
    if (path == NULL) {
        usage (stderr);
        return EXIT_USAGE;
    }
    size_t len;
    char *text = read_all (path, &len);
    if (text == NULL) {
        fprintf (stderr, "bilat: %s: %s\n", path, strerror (errno));
        return EXIT_INPUT;
    }
    bilat_error *err = NULL;
    bilat_options *opts = NULL;
    bilat_extractor *ex = NULL;
    bilat_doc *doc = NULL;
    char *json = NULL;
    int rc = bilat_options_new (&opts, &err);
    if (rc == BILAT_OK && date)
        rc = bilat_options_set_date (opts, date, &err);
    if (rc == BILAT_OK)
        rc = bilat_options_set_repair_utf8 (opts, repair, &err);
    if (rc == BILAT_OK)
        rc = bilat_extractor_new (&ex, opts, &err);
    if (rc == BILAT_OK)
        rc = bilat_extract (&doc, ex, text, len, &err);
    if (rc == BILAT_OK)
        rc = bilat_doc_to_json (&json, doc, flags, doc_id (path), &err);
    if (rc == BILAT_OK)
        printf ("%s\n", json);
    else
        fprintf (stderr, "bilat: %s: %s\n", path, bilat_error_message (err));
    bilat_free (json);
    bilat_doc_free (doc);
    bilat_extractor_free (ex);
    bilat_options_free (opts);
    bilat_error_free (err);
    free (text);
    return rc == BILAT_OK ? 0 : (rc == BILAT_EINVAL ? EXIT_USAGE : EXIT_INPUT);
}

/* ---- graph: many articles, one model ------------------------------------------------------ */

static int
cmp_str (const void *a, const void *b)
{
    return strcmp (*(char *const *) a, *(char *const *) b);
}

static bool
has_suffix (const char *s, const char *suffix)
{
    size_t n = strlen (s), k = strlen (suffix);
    return n >= k && strcmp (s + n - k, suffix) == 0;
}

/* Add path, or the files of a directory in name order, to a list. */
static int
collect_inputs (const char *path, char ***list, size_t *n, size_t *cap)
{
    struct stat st;
    if (stat (path, &st) != 0) {
        fprintf (stderr, "bilat: %s: %s\n", path, strerror (errno));
        return -1;
    }
    char **names = NULL;
    size_t nn = 0, ncap = 0;
    if (S_ISDIR (st.st_mode)) {
        DIR *d = opendir (path);
        if (d == NULL) {
            fprintf (stderr, "bilat: %s: %s\n", path, strerror (errno));
            return -1;
        }
        for (struct dirent *e; (e = readdir (d)) != NULL;) {
            if (e->d_name[0] == '.' || has_suffix (e->d_name, ".json"))
                continue;
            size_t len = strlen (path) + strlen (e->d_name) + 2;
            char *full = malloc (len);
            snprintf (full, len, "%s/%s", path, e->d_name);
            struct stat fs;
            if (stat (full, &fs) != 0 || !S_ISREG (fs.st_mode)) {
                free (full);
                continue;
            }
            if (nn == ncap) {
                ncap = ncap ? ncap * 2 : 64;
                names = realloc (names, ncap * sizeof *names);
            }
            names[nn++] = full;
        }
        closedir (d);
        qsort (names, nn, sizeof *names, cmp_str);
    } else {
        names = malloc (sizeof *names);
        names[nn++] = strdup (path);
    }
    for (size_t i = 0; i < nn; i++) {
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 64;
            *list = realloc (*list, *cap * sizeof **list);
        }
        (*list)[(*n)++] = names[i];
    }
    free (names);
    return 0;
}

/* The document id: the file's name without its last extension ("a-03.txt" -> "a-03"). */
static char *
document_id (const char *path)
{
    char *id = strdup (doc_id (path));
    char *dot = strrchr (id, '.');
    if (dot && dot != id)
        *dot = '\0';
    return id;
}

/* The value of the top-level "date" member of a small JSON object, when it starts with a
 * YYYY-MM-DD date (a timestamp's date part is taken). A deliberately small reader: the CLI
 * uses the public API only, and a meta file is a flat object. */
static bool
meta_date (const char *text, size_t len, char out[11])
{
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            depth--;
        } else if (c == '"') {
            size_t start = ++i;
            while (i < len && text[i] != '"')
                i += text[i] == '\\' ? 2 : 1;
            if (i >= len)
                return false;
            size_t klen = i - start;
            size_t j = i + 1;
            while (j < len && strchr (" \t\r\n", text[j]))
                j++;
            bool is_key = j < len && text[j] == ':';
            if (depth == 1 && is_key && klen == 4 && memcmp (text + start, "date", 4) == 0) {
                j++;
                while (j < len && strchr (" \t\r\n", text[j]))
                    j++;
                if (j + 11 > len || text[j] != '"')
                    return false;
                const char *v = text + j + 1;
                for (int k = 0; k < 10; k++)
                    if ((k == 4 || k == 7) ? v[k] != '-' : (v[k] < '0' || v[k] > '9'))
                        return false;
                memcpy (out, v, 10);
                out[10] = '\0';
                return true;
            }
        }
    }
    return false;
}

/* NAME.meta.json beside the file, if any, for its date. */
static bool
read_meta_date (const char *path, const char *id, char date[11])
{
    const char *base = strrchr (path, '/');
    size_t dirlen = base ? (size_t) (base - path) + 1 : 0;
    size_t len = dirlen + strlen (id) + sizeof ".meta.json";
    char *meta = malloc (len);
    snprintf (meta, len, "%.*s%s.meta.json", (int) dirlen, path, id);
    bool ok = false;
    FILE *f = fopen (meta, "rb");
    if (f) {
        fclose (f);
        size_t n;
        char *text = read_all (meta, &n);
        ok = text && meta_date (text, n, date);
        free (text);
    }
    free (meta);
    return ok;
}

static double
now_seconds (void)
{
    struct timespec ts;
    clock_gettime (CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

static int
write_out (const char *text)
{
    size_t n = strlen (text);
    if (fwrite (text, 1, n, stdout) != n || fflush (stdout) != 0) {
        fprintf (stderr, "bilat: writing the output: %s\n", strerror (errno));
        return EXIT_INPUT;
    }
    return 0;
}

static int
cmd_graph (int argc, char **argv)
{
    const char *format = "json", *since = NULL, *until = NULL;
    unsigned flags = 0;
    bool repair = false;
    char **inputs = NULL;
    size_t n_inputs = 0, cap = 0;
    int status = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp (argv[i], "--format") == 0 && i + 1 < argc)
            format = argv[++i];
        else if (strncmp (argv[i], "--format=", 9) == 0)
            format = argv[i] + 9;
        else if (strcmp (argv[i], "--since") == 0 && i + 1 < argc)
            since = argv[++i];
        else if (strcmp (argv[i], "--until") == 0 && i + 1 < argc)
            until = argv[++i];
        else if (strcmp (argv[i], "--pretty") == 0)
            flags |= BILAT_JSON_PRETTY;
        else if (strcmp (argv[i], "--states-only") == 0)
            flags |= BILAT_EXPORT_STATES_ONLY;
        else if (strcmp (argv[i], "--repair") == 0)
            repair = true;
        else if (strcmp (argv[i], "--help") == 0) {
            usage (stdout);
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf (stderr, "bilat graph: unknown option %s\n", argv[i]);
            status = EXIT_USAGE;
        } else if (collect_inputs (argv[i], &inputs, &n_inputs, &cap) != 0) {
            status = EXIT_INPUT;
        }
    }
    if (strcmp (format, "json") && strcmp (format, "graphml") && strcmp (format, "dot") &&
        strcmp (format, "csv") && strcmp (format, "jsonl")) {
        fprintf (stderr, "bilat graph: unknown format \"%s\" (json, graphml, dot, csv, jsonl)\n",
                 format);
        status = EXIT_USAGE;
    }
    if (status == 0 && n_inputs == 0) {
        fprintf (stderr, "bilat graph: no input files\n");
        status = EXIT_USAGE;
    }
    bilat_error *err = NULL;
    bilat_options *opts = NULL;
    bilat_extractor *ex = NULL;
    bilat_model *m = NULL;
    if (status == 0 && (bilat_options_new (&opts, &err) != BILAT_OK ||
                        bilat_options_set_repair_utf8 (opts, repair, &err) != BILAT_OK ||
                        bilat_extractor_new (&ex, opts, &err) != BILAT_OK ||
                        bilat_model_new (&m, &err) != BILAT_OK)) {
        fprintf (stderr, "bilat: %s\n", bilat_error_message (err));
        status = EXIT_INPUT;
    }
    /* A progress line only for a person watching: never into a file or a pipe. */
    bool progress = isatty (STDERR_FILENO);
    double last_shown = 0;
    size_t bytes = 0, failed = 0;
    for (size_t i = 0; status == 0 && i < n_inputs; i++) {
        const char *path = inputs[i];
        size_t len;
        char *text = read_all (path, &len);
        if (text == NULL) {
            fprintf (stderr, "%sbilat: %s: %s\n", progress ? "\r\033[K" : "", path,
                     strerror (errno));
            failed++;
            continue;
        }
        char *id = document_id (path);
        char date[11];
        bool dated = read_meta_date (path, id, date);
        bilat_error *e = NULL;
        if (bilat_model_add_text (m, ex, id, dated ? date : NULL, text, len, &e) != BILAT_OK) {
            fprintf (stderr, "%sbilat: %s: %s\n", progress ? "\r\033[K" : "", path,
                     bilat_error_message (e));
            bilat_error_free (e);
            failed++;
        }
        bytes += len;
        free (id);
        free (text);
        double t = now_seconds ();
        if (progress && (t - last_shown > 0.1 || i + 1 == n_inputs)) {
            fprintf (stderr, "\r\033[Kbilat graph: %zu/%zu documents, %.1f MB", i + 1, n_inputs,
                     (double) bytes / 1e6);
            last_shown = t;
        }
    }
    if (progress && status == 0)
        fputs ("\r\033[K", stderr);
    if (status == 0 && (since || until)) {
        bilat_model *r = NULL;
        if (bilat_model_range (&r, m, since, until, &err) != BILAT_OK) {
            fprintf (stderr, "bilat graph: %s\n", bilat_error_message (err));
            status = EXIT_USAGE;
        } else {
            bilat_model_free (m);
            m = r;
        }
    }
    if (status == 0) {
        char *out = NULL;
        int rc = strcmp (format, "graphml") == 0 ? bilat_model_to_graphml (&out, m, flags, &err)
               : strcmp (format, "dot") == 0 ? bilat_model_to_dot (&out, m, flags, &err)
               : strcmp (format, "csv") == 0 ? bilat_model_to_csv (&out, m, flags, &err)
               : strcmp (format, "jsonl") == 0 ? bilat_model_to_jsonl (&out, m, flags, &err)
               : bilat_model_to_json (&out, m, flags, &err);
        if (rc != BILAT_OK) {
            fprintf (stderr, "bilat: %s\n", bilat_error_message (err));
            status = EXIT_INPUT;
        } else {
            status = write_out (out);
            if (strcmp (format, "json") == 0 && status == 0)
                status = write_out ("\n");
        }
        bilat_free (out);
    }
    if (status == 0 && failed > 0) {
        fprintf (stderr, "bilat graph: %zu of %zu files could not be read\n", failed, n_inputs);
        status = EXIT_INPUT;
    }
    for (size_t i = 0; i < n_inputs; i++)
        free (inputs[i]);
    free (inputs);
    bilat_model_free (m);
    bilat_extractor_free (ex);
    bilat_options_free (opts);
    bilat_error_free (err);
    return status;
}

/* ---- query: questions about a model ----------------------------------------------------- */

typedef struct {
    const bilat_model *m;
    bilat_extractor *ex;   /* made on first need, to read state names */
} resolver;

/* A state's code from a code or any name the dictionaries know; NULL when unknown. */
static const char *
state_code (resolver *r, const char *name)
{
    for (size_t i = 0; i < bilat_model_n_states (r->m); i++)
        if (strcasecmp (bilat_model_state (r->m, i), name) == 0)
            return bilat_model_state (r->m, i);
    if (r->ex == NULL && bilat_extractor_new (&r->ex, NULL, NULL) != BILAT_OK)
        return NULL;
    return bilat_extractor_state_code (r->ex, name);
}

static const char *
or_dash (const char *s)
{
    return s ? s : "-";
}

static void
print_event (const bilat_event *e)
{
    printf ("  %-10s  %-9s ", or_dash (bilat_event_when (e)), bilat_event_kind_name (e));
    if (bilat_event_kind (e) == BILAT_EVENT_VISIT) {
        printf ("%s -> %s", or_dash (bilat_event_actor (e)), or_dash (bilat_event_target (e)));
    } else {
        for (size_t i = 0; i < bilat_event_n_parties (e); i++)
            printf ("%s%s", i ? "-" : "", bilat_event_party (e, i));
    }
    if (bilat_event_level (e))
        printf (", %s", bilat_event_level (e));
    if (bilat_event_mode (e))
        printf (", %s", bilat_event_mode (e));
    if (bilat_event_place (e))
        printf (", in %s", bilat_event_place (e));
    if (bilat_event_title (e))
        printf (": %s", bilat_event_title (e));
    for (size_t i = 0; i < bilat_event_n_persons (e); i++)
        printf ("%s%s", i ? ", " : "; ", bilat_event_person (e, i));
    printf ("  [");
    for (size_t i = 0; i < bilat_event_n_evidence (e); i++)
        printf ("%s%s:%zu-%zu", i ? " " : "", bilat_event_evidence_doc (e, i),
                bilat_event_evidence_start (e, i), bilat_event_evidence_end (e, i));
    printf ("]\n");
}

static void
print_edge_summary (const bilat_edge *e)
{
    printf ("visits %s->%s %llu, %s->%s %llu; meetings %llu; agreements %llu; documents %llu",
            bilat_edge_source (e), bilat_edge_target (e),
            (unsigned long long) bilat_edge_count (e, BILAT_COUNT_VISITS_OUT),
            bilat_edge_target (e), bilat_edge_source (e),
            (unsigned long long) bilat_edge_count (e, BILAT_COUNT_VISITS_IN),
            (unsigned long long) bilat_edge_count (e, BILAT_COUNT_MEETINGS),
            (unsigned long long) bilat_edge_count (e, BILAT_COUNT_AGREEMENTS),
            (unsigned long long) bilat_edge_count (e, BILAT_COUNT_DOCUMENTS));
    if (bilat_edge_first (e))
        printf ("; %s .. %s", bilat_edge_first (e), bilat_edge_last (e));
}

static void
print_result (const bilat_result *r)
{
    size_t ne = bilat_result_n (r, BILAT_ITEM_EVENT);
    switch (bilat_result_kind (r)) {
    case BILAT_QUERY_RELATION: {
        const bilat_edge *e = bilat_result_edge (r, 0);
        if (e == NULL) {
            printf ("no relation recorded\n");
            return;
        }
        printf ("%s - %s: %llu events, %llu documents\n", bilat_edge_source (e),
                bilat_edge_target (e),
                (unsigned long long) bilat_edge_count (e, BILAT_COUNT_EVENTS),
                (unsigned long long) bilat_edge_count (e, BILAT_COUNT_DOCUMENTS));
        printf ("  visits      %s -> %s: %llu, %s -> %s: %llu\n", bilat_edge_source (e),
                bilat_edge_target (e),
                (unsigned long long) bilat_edge_count (e, BILAT_COUNT_VISITS_OUT),
                bilat_edge_target (e), bilat_edge_source (e),
                (unsigned long long) bilat_edge_count (e, BILAT_COUNT_VISITS_IN));
        printf ("  meetings    %llu\n  agreements  %llu\n",
                (unsigned long long) bilat_edge_count (e, BILAT_COUNT_MEETINGS),
                (unsigned long long) bilat_edge_count (e, BILAT_COUNT_AGREEMENTS));
        printf ("  first       %s\n  last        %s\n", or_dash (bilat_edge_first (e)),
                or_dash (bilat_edge_last (e)));
        printf ("  status      %s\n  areas       ", or_dash (bilat_edge_status (e)));
        for (size_t i = 0; i < bilat_edge_n_areas (e); i++)
            printf ("%s%s (%llu)", i ? ", " : "", bilat_edge_area (e, i),
                    (unsigned long long) bilat_edge_area_weight (e, i));
        printf ("%s\n", bilat_edge_n_areas (e) ? "" : "-");
        printf ("agreements:\n");
        for (size_t i = 0; i < ne; i++)
            if (bilat_event_kind (bilat_result_event (r, i)) == BILAT_EVENT_AGREEMENT)
                print_event (bilat_result_event (r, i));
        printf ("events:\n");
        for (size_t i = 0; i < ne; i++)
            print_event (bilat_result_event (r, i));
        return;
    }
    case BILAT_QUERY_PARTNERS:
        for (size_t i = 0; i < bilat_result_n (r, BILAT_ITEM_STATE); i++) {
            printf ("%5llu  %s  ", (unsigned long long) bilat_result_score (r, i),
                    bilat_result_state (r, i));
            print_edge_summary (bilat_result_edge (r, i));
            printf ("\n");
        }
        return;
    case BILAT_QUERY_EVENTS:
    case BILAT_QUERY_TIMELINE:
        for (size_t i = 0; i < ne; i++)
            print_event (bilat_result_event (r, i));
        return;
    case BILAT_QUERY_PEOPLE:
        for (size_t i = 0; i < bilat_result_n (r, BILAT_ITEM_OFFICIAL); i++) {
            const bilat_official *p = bilat_result_official (r, i);
            printf ("%s", bilat_official_name (p));
            for (size_t k = 0; k < bilat_official_n_offices (p); k++)
                printf ("%s%s", k ? "; " : ", ", bilat_official_office (p, k));
            printf ("  (%zu documents, %s .. %s)", bilat_official_n_documents (p),
                    or_dash (bilat_official_first_seen (p)),
                    or_dash (bilat_official_last_seen (p)));
            for (size_t k = 0; k < bilat_official_n_aliases (p); k++)
                printf ("%s%s", k ? ", " : "  also ", bilat_official_alias (p, k));
            printf ("\n");
        }
        return;
    case BILAT_QUERY_PATH: {
        size_t n = bilat_result_n (r, BILAT_ITEM_STATE);
        if (n == 0) {
            printf ("no chain of relations\n");
            return;
        }
        for (size_t i = 0; i < n; i++)
            printf ("%s%s", i ? " - " : "", bilat_result_state (r, i));
        printf ("\n");
        for (size_t i = 0; i < bilat_result_n (r, BILAT_ITEM_EDGE); i++) {
            printf ("  ");
            print_edge_summary (bilat_result_edge (r, i));
            printf ("\n");
        }
        return;
    }
    default:
        return;
    }
}

static int
cmd_query (int argc, char **argv)
{
    bool json = false;
    unsigned flags = 0;
    const char *pos[8];
    int npos = 0;
    const char *since = NULL, *until = NULL, *type = NULL, *state = NULL, *person = NULL,
               *area = NULL, *pair[2] = { NULL, NULL };
    unsigned long long max_size = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        bool more = i + 1 < argc;
        if (strcmp (a, "--json") == 0)
            json = true;
        else if (strcmp (a, "--pretty") == 0)
            flags |= BILAT_JSON_PRETTY;
        else if (strcmp (a, "--since") == 0 && more)
            since = argv[++i];
        else if (strcmp (a, "--until") == 0 && more)
            until = argv[++i];
        else if (strcmp (a, "--type") == 0 && more)
            type = argv[++i];
        else if (strcmp (a, "--state") == 0 && more)
            state = argv[++i];
        else if (strcmp (a, "--person") == 0 && more)
            person = argv[++i];
        else if (strcmp (a, "--area") == 0 && more)
            area = argv[++i];
        else if (strcmp (a, "--pair") == 0 && i + 2 < argc) {
            pair[0] = argv[++i];
            pair[1] = argv[++i];
        } else if (strcmp (a, "--max-size") == 0 && more)
            max_size = strtoull (argv[++i], NULL, 10);
        else if (strcmp (a, "--help") == 0) {
            usage (stdout);
            return 0;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf (stderr, "bilat query: unknown option %s\n", a);
            return EXIT_USAGE;
        } else if (npos < 8)
            pos[npos++] = a;
        else {
            fprintf (stderr, "bilat query: too many arguments\n");
            return EXIT_USAGE;
        }
    }
    static const struct {
        const char *name;
        int args;
    } questions[] = { { "relation", 2 }, { "partners", 1 }, { "events", 0 },
                      { "timeline", 2 }, { "people", 1 }, { "path", 2 } };
    int q = -1;
    for (int i = 0; npos >= 2 && i < 6; i++)
        if (strcmp (pos[1], questions[i].name) == 0)
            q = i;
    if (q < 0 || npos - 2 != questions[q].args) {
        fprintf (stderr, "bilat query: expected MODEL.json and one of: relation A B, partners S, "
                         "events [options], timeline A B, people S, path A B\n");
        return EXIT_USAGE;
    }
    bilat_error *err = NULL;
    bilat_options *opts = NULL;
    bilat_model *m = NULL;
    bilat_filter *f = NULL;
    bilat_result *r = NULL;
    resolver res = { NULL, NULL };
    int status = 0;
    if (bilat_options_new (&opts, &err) != BILAT_OK ||
        (max_size && bilat_options_set_max_size (opts, (size_t) max_size, &err) != BILAT_OK)) {
        fprintf (stderr, "bilat query: %s\n", bilat_error_message (err));
        status = EXIT_USAGE;
    } else if (bilat_model_load (&m, opts, pos[0], &err) != BILAT_OK) {
        fprintf (stderr, "bilat: %s\n", bilat_error_message (err));
        if (bilat_error_code (err) == BILAT_ELIMIT)
            fprintf (stderr, "bilat: a larger limit can be given with --max-size BYTES\n");
        status = EXIT_INPUT;
    }
    res.m = m;
    /* States by code or name; an unknown one is an empty answer, said on stderr. */
    const char *codes[2] = { NULL, NULL };
    for (int i = 0; status == 0 && i < npos - 2; i++) {
        codes[i] = state_code (&res, pos[2 + i]);
        if (codes[i] == NULL) {
            fprintf (stderr, "bilat query: no state is known as \"%s\"\n", pos[2 + i]);
            codes[i] = pos[2 + i];
        }
    }
    int rc = BILAT_OK;
    if (status == 0) {
        switch (q) {
        case 0: rc = bilat_query_relation (&r, m, codes[0], codes[1], &err); break;
        case 1: rc = bilat_query_partners (&r, m, codes[0], since, until, &err); break;
        case 3: rc = bilat_query_timeline (&r, m, codes[0], codes[1], &err); break;
        case 4: rc = bilat_query_people (&r, m, codes[0], &err); break;
        case 5: rc = bilat_query_path (&r, m, codes[0], codes[1], &err); break;
        default: {
            int t = type == NULL ? 0 : strcmp (type, "visit") == 0 ? BILAT_EVENT_VISIT
                    : strcmp (type, "meeting") == 0 ? BILAT_EVENT_MEETING
                    : strcmp (type, "agreement") == 0 ? BILAT_EVENT_AGREEMENT : -1;
            const char *sc = state ? state_code (&res, state) : NULL;
            const char *pa = pair[0] ? state_code (&res, pair[0]) : NULL;
            const char *pb = pair[1] ? state_code (&res, pair[1]) : NULL;
            if (t < 0) {
                fprintf (stderr, "bilat query: --type is visit, meeting or agreement\n");
                status = EXIT_USAGE;
                break;
            }
            rc = bilat_filter_new (&f, &err);
            if (rc == BILAT_OK)
                rc = bilat_filter_set_type (f, t, &err);
            if (rc == BILAT_OK && state)
                rc = bilat_filter_set_state (f, sc ? sc : state, &err);
            if (rc == BILAT_OK && pair[0])
                rc = bilat_filter_set_pair (f, pa ? pa : pair[0], pb ? pb : pair[1], &err);
            if (rc == BILAT_OK && person)
                rc = bilat_filter_set_person (f, person, &err);
            if (rc == BILAT_OK && area)
                rc = bilat_filter_set_area (f, area, &err);
            if (rc == BILAT_OK && since)
                rc = bilat_filter_set_since (f, since, &err);
            if (rc == BILAT_OK && until)
                rc = bilat_filter_set_until (f, until, &err);
            if (rc == BILAT_OK)
                rc = bilat_query_events (&r, m, f, &err);
        }
        }
        if (status == 0 && rc != BILAT_OK) {
            fprintf (stderr, "bilat query: %s\n", bilat_error_message (err));
            status = EXIT_USAGE;
        }
    }
    if (status == 0) {
        if (json) {
            char *out = NULL;
            if (bilat_result_to_json (&out, r, flags, &err) == BILAT_OK) {
                status = write_out (out);
                if (status == 0)
                    status = write_out ("\n");
            } else {
                fprintf (stderr, "bilat: %s\n", bilat_error_message (err));
                status = EXIT_INPUT;
            }
            bilat_free (out);
        } else {
            print_result (r);
            if (fflush (stdout) != 0)
                status = EXIT_INPUT;
        }
    }
    bilat_result_free (r);
    bilat_filter_free (f);
    bilat_model_free (m);
    bilat_extractor_free (res.ex);
    bilat_options_free (opts);
    bilat_error_free (err);
    return status;
}

int
main (int argc, char **argv)
{
    if (argc < 2) {
        usage (stderr);
        return EXIT_USAGE;
    }
    if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0) {
        usage (stdout);
        return 0;
    }
    if (strcmp (argv[1], "--version") == 0) {
        printf ("bilat %s (libbilat %s)\n", BILAT_VERSION_STRING, bilat_version_string ());
        return 0;
    }
    if (strcmp (argv[1], "facts") == 0)
        return cmd_facts (argc - 2, argv + 2);
    if (strcmp (argv[1], "graph") == 0)
        return cmd_graph (argc - 2, argv + 2);
    if (strcmp (argv[1], "query") == 0)
        return cmd_query (argc - 2, argv + 2);
    fprintf (stderr, "bilat: unknown command \"%s\" (try --help)\n", argv[1]);
    return EXIT_USAGE;
}
