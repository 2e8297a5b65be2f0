/* SPDX-License-Identifier: MIT */
/* bilat: command-line front end to libbilat (public API only). */
#include <bilat/bilat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Exit codes: 0 success, 1 the input could not be processed, 2 usage error. */
enum { EXIT_INPUT = 1, EXIT_USAGE = 2 };

static void
usage (FILE *out)
{
    fputs ("usage: bilat facts [--date YYYY-MM-DD] [--plain] [--pretty] [--repair] FILE|-\n"
           "       bilat --help | --version\n"
           "\n"
           "  facts   print the bilateral-facts/1 JSON record of one article\n"
           "  --date  the article's date, for relative dates (\"yesterday\", \"last June\")\n"
           "  --plain only the record's keys: no spans, rule ids or event codes\n"
           "  --pretty indent the JSON\n"
           "  --repair read invalid UTF-8 as U+FFFD instead of failing\n",
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
    fprintf (stderr, "bilat: unknown command \"%s\" (try --help)\n", argv[1]);
    return EXIT_USAGE;
}
