/* SPDX-License-Identifier: MIT */
/* A streaming JSON writer into a GString: the model's JSON runs to hundreds of megabytes,
 * and building a json-glib tree of it first costs more than the model itself. */
#include "query-private.h"

#include <string.h>

void
bilat__jw_init (bilat_jw *w, GString *s, gboolean pretty)
{
    memset (w, 0, sizeof *w);
    w->s = s;
    w->pretty = pretty;
}

static void
newline (bilat_jw *w)
{
    g_string_append_c (w->s, '\n');
    for (int i = 0; i < w->depth; i++)
        g_string_append (w->s, "  ");
}

/* What goes before a key or a value: a comma after a sibling, a line break when pretty. */
static void
separate (bilat_jw *w)
{
    if (w->after_key) {
        w->after_key = FALSE;
        return;
    }
    int d = MIN (w->depth, BILAT_JW_MAX_DEPTH - 1);
    if (w->items[d])
        g_string_append_c (w->s, ',');
    if (w->pretty && w->depth > 0)
        newline (w);
    w->items[d] = TRUE;
}

static void
jw_open (bilat_jw *w, char c)
{
    separate (w);
    g_string_append_c (w->s, c);
    w->depth++;
    w->items[MIN (w->depth, BILAT_JW_MAX_DEPTH - 1)] = FALSE;
}

static void
jw_close (bilat_jw *w, char c)
{
    gboolean had = w->items[MIN (w->depth, BILAT_JW_MAX_DEPTH - 1)];
    w->depth--;
    if (w->pretty && had)
        newline (w);
    g_string_append_c (w->s, c);
}

void
bilat__jw_begin_object (bilat_jw *w)
{
    jw_open (w, '{');
}

void
bilat__jw_end_object (bilat_jw *w)
{
    jw_close (w, '}');
}

void
bilat__jw_begin_array (bilat_jw *w)
{
    jw_open (w, '[');
}

void
bilat__jw_end_array (bilat_jw *w)
{
    jw_close (w, ']');
}

static void
quoted (GString *s, const char *v)
{
    static const char hex[] = "0123456789abcdef";
    g_string_append_c (s, '"');
    const char *run = v;
    for (const char *p = v;; p++) {
        unsigned char c = (unsigned char) *p;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        g_string_append_len (s, run, p - run);
        if (c == 0)
            break;
        switch (c) {
        case '"': g_string_append (s, "\\\""); break;
        case '\\': g_string_append (s, "\\\\"); break;
        case '\n': g_string_append (s, "\\n"); break;
        case '\r': g_string_append (s, "\\r"); break;
        case '\t': g_string_append (s, "\\t"); break;
        default: {
            char u[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0 };
            g_string_append (s, u);
        }
        }
        run = p + 1;
    }
    g_string_append_c (s, '"');
}

void
bilat__jw_key (bilat_jw *w, const char *key)
{
    separate (w);
    quoted (w->s, key);
    g_string_append (w->s, w->pretty ? ": " : ":");
    w->after_key = TRUE;
}

void
bilat__jw_string (bilat_jw *w, const char *v)
{
    separate (w);
    if (v)
        quoted (w->s, v);
    else
        g_string_append (w->s, "null");
}

void
bilat__jw_int (bilat_jw *w, int64_t v)
{
    separate (w);
    g_string_append_printf (w->s, "%" G_GINT64_FORMAT, v);
}

void
bilat__jw_bool (bilat_jw *w, gboolean v)
{
    separate (w);
    g_string_append (w->s, v ? "true" : "false");
}

void
bilat__jw_null (bilat_jw *w)
{
    separate (w);
    g_string_append (w->s, "null");
}
