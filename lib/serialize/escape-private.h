/* SPDX-License-Identifier: MIT */
/* Quoting for the text formats: XML (GraphML), graphviz DOT and RFC 4180 CSV. */
#ifndef BILAT_ESCAPE_PRIVATE_H
#define BILAT_ESCAPE_PRIVATE_H

#include <glib.h>

/* Append s as XML character data or attribute text: &, <, >, " and ' as entities; control
 * characters XML 1.0 does not allow (all below U+0020 but tab, LF, CR) left out; CR and
 * tab as character references, so that attribute values keep them. */
void bilat__xml_escape (GString *out, const char *s);

/* Append s as a DOT quoted string, quotes included: " and \ escaped, line breaks as \n. */
void bilat__dot_quote (GString *out, const char *s);

/* Append s as one CSV field: quoted (with quotes doubled) when it holds a comma, a quote, a
 * line break or leading or trailing space; NULL is an empty field. */
void bilat__csv_field (GString *out, const char *s);

#endif /* BILAT_ESCAPE_PRIVATE_H */
