/* SPDX-License-Identifier: MIT */
/* bilat-gen: write a seeded corpus of synthetic press releases to stdout or to a directory. */
#include "gen-lib.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
usage (FILE *f)
{
    fputs ("usage: bilat-gen --bytes N [--seed S] [--docs-dir DIR]\n"
           "  --bytes N       write documents until N bytes are written (suffix k, M, G:\n"
           "                  powers of 1000); the last document may go past N\n"
           "  --seed S        seed of the generator (default 1); the same seed gives the\n"
           "                  same documents, and the same ones bilat-bench measures\n"
           "  --docs-dir DIR  write DIR/doc-000001.txt, ... instead of one stream; without it\n"
           "                  documents go to stdout, separated by a line holding only \\f\n",
           f);
}

static gboolean
parse_u64 (const char *text, uint64_t *out)
{
    char *end = NULL;
    if (text == NULL || *text < '0' || *text > '9')
        return FALSE;
    errno = 0;
    unsigned long long v = strtoull (text, &end, 0);
    if (errno != 0 || *end != '\0')
        return FALSE;
    *out = (uint64_t) v;
    return TRUE;
}

static int
write_stream (size_t bytes, uint64_t seed)
{
    gen_rng rng;
    GString *doc = g_string_sized_new (8192);
    size_t written = 0;
    gen_rng_init (&rng, seed);
    while (written < bytes) {
        g_string_truncate (doc, 0);
        /* The separator goes between documents, so the stream splits back into exactly the
         * documents bilat-bench generates. */
        if (written > 0)
            g_string_append (doc, "\f\n");
        gen_document (doc, &rng);
        if (fwrite (doc->str, 1, doc->len, stdout) != doc->len) {
            fprintf (stderr, "bilat-gen: write error: %s\n", g_strerror (errno));
            g_string_free (doc, TRUE);
            return 1;
        }
        written += doc->len;
    }
    g_string_free (doc, TRUE);
    if (fflush (stdout) != 0) {
        fprintf (stderr, "bilat-gen: write error: %s\n", g_strerror (errno));
        return 1;
    }
    return 0;
}

static int
write_files (size_t bytes, uint64_t seed, const char *dir)
{
    gen_rng rng;
    GString *doc = g_string_sized_new (8192);
    size_t written = 0, n = 0;
    if (g_mkdir_with_parents (dir, 0755) != 0) {
        fprintf (stderr, "bilat-gen: cannot create %s: %s\n", dir, g_strerror (errno));
        g_string_free (doc, TRUE);
        return 1;
    }
    gen_rng_init (&rng, seed);
    while (written < bytes) {
        GError *err = NULL;
        g_string_truncate (doc, 0);
        gen_document (doc, &rng);
        n++;
        char name[32];
        g_snprintf (name, sizeof name, "doc-%06zu.txt", n);
        char *path = g_build_filename (dir, name, NULL);
        if (!g_file_set_contents (path, doc->str, (gssize) doc->len, &err)) {
            fprintf (stderr, "bilat-gen: %s\n", err->message);
            g_error_free (err);
            g_free (path);
            g_string_free (doc, TRUE);
            return 1;
        }
        g_free (path);
        written += doc->len;
    }
    g_string_free (doc, TRUE);
    fprintf (stderr, "bilat-gen: %zu documents, %zu bytes in %s\n", n, written, dir);
    return 0;
}

int
main (int argc, char **argv)
{
    size_t bytes = 0;
    uint64_t seed = GEN_DEFAULT_SEED;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0) {
            usage (stdout);
            return 0;
        } else if (strcmp (arg, "--bytes") == 0) {
            if (!gen_parse_size (val, &bytes)) {
                fprintf (stderr, "bilat-gen: --bytes needs a positive count\n");
                return 2;
            }
            i++;
        } else if (strcmp (arg, "--seed") == 0) {
            if (!parse_u64 (val, &seed)) {
                fprintf (stderr, "bilat-gen: --seed needs an unsigned integer\n");
                return 2;
            }
            i++;
        } else if (strcmp (arg, "--docs-dir") == 0) {
            if (val == NULL || *val == '\0') {
                fprintf (stderr, "bilat-gen: --docs-dir needs a directory\n");
                return 2;
            }
            dir = val;
            i++;
        } else {
            fprintf (stderr, "bilat-gen: unknown argument '%s'\n", arg);
            usage (stderr);
            return 2;
        }
    }
    if (bytes == 0) {
        usage (stderr);
        return 2;
    }
    return dir ? write_files (bytes, seed, dir) : write_stream (bytes, seed);
}
