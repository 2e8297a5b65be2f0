/* SPDX-License-Identifier: MIT */
/* Extraction options: document date, size limit, UTF-8 repair and user dictionaries. */
#include "extract-private.h"

#include <string.h>

static void
user_dict_free (gpointer p)
{
    bilat_user_dict *d = p;
    g_free (d->text);
    g_free (d->origin);
    g_free (d);
}

int
bilat_options_new (bilat_options **out, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    bilat_options *o = g_try_new0 (bilat_options, 1);
    if (o == NULL)
        return bilat__error_set (error, BILAT_ENOMEM, -1, "cannot allocate options");
    g_date_clear (&o->date, 1);
    o->max_size = BILAT_DEFAULT_MAX_SIZE;
    o->dicts = g_ptr_array_new_with_free_func (user_dict_free);
    *out = o;
    return BILAT_OK;
}

void
bilat_options_free (bilat_options *opts)
{
    if (opts == NULL)
        return;
    g_ptr_array_free (opts->dicts, TRUE);
    g_free (opts);
}

int
bilat_options_set_date (bilat_options *opts, const char *date, bilat_error **error)
{
    if (opts == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "options are NULL");
    if (date == NULL) {
        opts->has_date = FALSE;
        return BILAT_OK;
    }
    GDate d;
    if (!bilat__date_parse (date, &d))
        return bilat__error_set (error, BILAT_EPARSE, 0,
                                 "\"%s\" is not a valid YYYY-MM-DD date", date);
    opts->date = d;
    opts->has_date = TRUE;
    return BILAT_OK;
}

int
bilat_options_set_max_size (bilat_options *opts, size_t bytes, bilat_error **error)
{
    if (opts == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "options are NULL");
    if (bytes == 0 || bytes > (size_t) 1 << 30)
        return bilat__error_set (error, BILAT_EINVAL, -1,
                                 "size limit must be between 1 byte and 1 GiB");
    opts->max_size = bytes;
    return BILAT_OK;
}

int
bilat_options_set_repair_utf8 (bilat_options *opts, bool repair, bilat_error **error)
{
    if (opts == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "options are NULL");
    opts->repair = repair;
    return BILAT_OK;
}

static int
add_dict (bilat_options *opts, int kind, const char *text, size_t len, const char *origin,
          bilat_error **error)
{
    if (opts == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "options are NULL");
    if (kind < BILAT_DICT_STATES || kind > BILAT_DICT_PEOPLE)
        return bilat__error_set (error, BILAT_EINVAL, -1, "unknown dictionary kind %d", kind);
    if (text == NULL && len)
        return bilat__error_set (error, BILAT_EINVAL, -1, "dictionary text is NULL");
    /* Parse now into a scratch gazetteer so that a bad line fails here, naming its line,
     * rather than later when the extractor is made. States are loaded first so that a
     * people line can name a built-in state. */
    bilat_gazetteer *probe = bilat__gazetteer_new ();
    int rc = BILAT_OK;
    if (kind == BILAT_DICT_PEOPLE)
        rc = bilat__gazetteer_load_builtin (probe, error);
    if (rc == BILAT_OK)
        rc = bilat__gazetteer_load (probe, kind, text, len, origin, error);
    bilat__gazetteer_free (probe);
    if (rc != BILAT_OK)
        return rc;
    bilat_user_dict *d = g_new0 (bilat_user_dict, 1);
    d->kind = kind;
    d->text = g_malloc (len + 1);
    if (len)
        memcpy (d->text, text, len);
    d->text[len] = '\0';
    d->len = len;
    d->origin = g_strdup (origin);
    g_ptr_array_add (opts->dicts, d);
    return BILAT_OK;
}

int
bilat_options_add_dictionary (bilat_options *opts, int kind, const char *text, size_t len,
                              bilat_error **error)
{
    return add_dict (opts, kind, text, len, "user dictionary", error);
}

int
bilat_options_add_dictionary_file (bilat_options *opts, int kind, const char *path,
                                   bilat_error **error)
{
    if (opts == NULL || path == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "options or path is NULL");
    char *text = NULL;
    gsize len = 0;
    GError *gerr = NULL;
    if (!g_file_get_contents (path, &text, &len, &gerr)) {
        int rc = bilat__error_set (error, BILAT_EIO, -1, "%s", gerr->message);
        g_error_free (gerr);
        return rc;
    }
    char *base = g_path_get_basename (path);
    int rc = add_dict (opts, kind, text, len, base, error);
    g_free (base);
    g_free (text);
    return rc;
}
