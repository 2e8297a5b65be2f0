/* SPDX-License-Identifier: MIT */
/* Quoting for the text formats: XML (GraphML), graphviz DOT and RFC 4180 CSV. */
#include "escape-private.h"

#include <string.h>

void
bilat__xml_escape (GString *out, const char *s)
{
    for (const char *p = s; p && *p; p++) {
        unsigned char c = (unsigned char) *p;
        switch (c) {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        case '\t': g_string_append (out, "&#9;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        case '\n': g_string_append (out, "&#10;"); break;
        default:
            if (c >= 0x20)
                g_string_append_c (out, (char) c);
            break;
        }
    }
}

void
bilat__dot_quote (GString *out, const char *s)
{
    g_string_append_c (out, '"');
    for (const char *p = s; p && *p; p++) {
        switch (*p) {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': break;
        default: g_string_append_c (out, *p); break;
        }
    }
    g_string_append_c (out, '"');
}

void
bilat__csv_field (GString *out, const char *s)
{
    if (s == NULL || *s == '\0')
        return;
    size_t n = strlen (s);
    gboolean quote = strpbrk (s, ",\"\r\n") != NULL || s[0] == ' ' || s[0] == '\t' ||
                     s[n - 1] == ' ' || s[n - 1] == '\t';
    if (!quote) {
        g_string_append_len (out, s, (gssize) n);
        return;
    }
    g_string_append_c (out, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            g_string_append_c (out, '"');
        g_string_append_c (out, *p);
    }
    g_string_append_c (out, '"');
}
