/* SPDX-License-Identifier: MIT */
/* Replays a fuzz target's corpus without libFuzzer: each argument is a file or a directory
 * of files, each file one input to LLVMFuzzerTestOneInput, in name order. A crash or a broken
 * invariant ends the run; replaying nothing is a failure too (a mistyped corpus path). */
#include "fuzz-common.h"

static gint
by_name (gconstpointer a, gconstpointer b)
{
    return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static size_t
replay_file (const char *path)
{
    char *data = NULL;
    gsize len = 0;
    GError *gerr = NULL;
    if (!g_file_get_contents (path, &data, &len, &gerr)) {
        fprintf (stderr, "%s\n", gerr->message);
        exit (1);
    }
    /* Exact size, so that ASan sees a read past the end of the input. */
    uint8_t *exact = g_memdup2 (data, len);
    g_free (data);
    fprintf (stderr, "%s (%zu bytes)\n", path, (size_t) len);
    LLVMFuzzerTestOneInput (exact, len);
    g_free (exact);
    return 1;
}

static size_t
replay (const char *path)
{
    if (!g_file_test (path, G_FILE_TEST_IS_DIR))
        return replay_file (path);
    GError *gerr = NULL;
    GDir *dir = g_dir_open (path, 0, &gerr);
    if (dir == NULL) {
        fprintf (stderr, "%s\n", gerr->message);
        exit (1);
    }
    GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
    for (const char *n; (n = g_dir_read_name (dir)) != NULL;)
        if (n[0] != '.')
            g_ptr_array_add (names, g_build_filename (path, n, NULL));
    g_dir_close (dir);
    g_ptr_array_sort (names, by_name);
    size_t count = 0;
    for (guint i = 0; i < names->len; i++)
        count += replay (g_ptr_array_index (names, i));
    g_ptr_array_free (names, TRUE);
    return count;
}

int
main (int argc, char **argv)
{
    size_t count = 0;
    for (int i = 1; i < argc; i++)
        count += replay (argv[i]);
    printf ("replayed %zu inputs\n", count);
    return count > 0 ? 0 : 1;
}
