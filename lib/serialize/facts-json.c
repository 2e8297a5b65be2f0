/* SPDX-License-Identifier: MIT */
/* A document's facts as a bilateral-facts/1 record, with spans and rule ids. */
#include "../extract/extract-private.h"

/* The record is written straight into a GString: json-glib's builder and generator made
 * serializing cost as much as extracting (bench/README.md), and writing a fixed shape with
 * correct string escaping needs no tree. Model JSON, which is also read back, uses
 * json-glib (lib/serialize/model-json.c). */

typedef struct {
    GString *s;
    gboolean pretty;
    int depth;
    gboolean first;  /* no comma before the next member or element */
} writer;

static void
newline (writer *w)
{
    if (!w->pretty)
        return;
    g_string_append_c (w->s, '\n');
    for (int i = 0; i < w->depth; i++)
        g_string_append (w->s, "  ");
}

static void
separator (writer *w)
{
    if (!w->first)
        g_string_append_c (w->s, ',');
    w->first = FALSE;
    newline (w);
}

/* JSON string escaping: quotes, backslashes and control characters; the text is valid
 * UTF-8 already, so every other byte is copied. */
static void
string (writer *w, const char *v)
{
    if (v == NULL) {
        g_string_append (w->s, "null");
        return;
    }
    g_string_append_c (w->s, '"');
    const char *run = v;
    for (const char *p = v; *p; p++) {
        unsigned char ch = (unsigned char) *p;
        if (ch >= 0x20 && ch != '"' && ch != '\\')
            continue;
        g_string_append_len (w->s, run, p - run);
        run = p + 1;
        switch (ch) {
        case '"': g_string_append (w->s, "\\\""); break;
        case '\\': g_string_append (w->s, "\\\\"); break;
        case '\n': g_string_append (w->s, "\\n"); break;
        case '\t': g_string_append (w->s, "\\t"); break;
        case '\r': g_string_append (w->s, "\\r"); break;
        default: g_string_append_printf (w->s, "\\u%04x", ch); break;
        }
    }
    g_string_append (w->s, run);
    g_string_append_c (w->s, '"');
}

/* A decimal integer without printf: spans and sentence numbers are most of a record's
 * numbers, and the format machinery cost more than the rest of the writer. */
static void
integer (writer *w, gint64 v)
{
    char buf[24];
    char *p = buf + sizeof buf;
    guint64 u = v < 0 ? (guint64) 0 - (guint64) v : (guint64) v;
    do {
        *--p = (char) ('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    g_string_append_len (w->s, p, buf + sizeof buf - p);
}

/* Keys are the schema's own names: nothing in them needs escaping. */
static void
key (writer *w, const char *k)
{
    separator (w);
    g_string_append_c (w->s, '"');
    g_string_append (w->s, k);
    g_string_append_len (w->s, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
}

static void
open_ (writer *w, char ch)
{
    g_string_append_c (w->s, ch);
    w->depth++;
    w->first = TRUE;
}

static void
close_ (writer *w, char ch)
{
    w->depth--;
    if (!w->first)
        newline (w);
    g_string_append_c (w->s, ch);
    w->first = FALSE;
}

static void
member_str (writer *w, const char *k, const char *v)
{
    key (w, k);
    string (w, v);
}

static void
member_int (writer *w, const char *k, gint64 v)
{
    key (w, k);
    integer (w, v);
}

static void
str_array (writer *w, const char *k, const GPtrArray *a)
{
    key (w, k);
    open_ (w, '[');
    for (guint i = 0; a && i < a->len; i++) {
        separator (w);
        string (w, g_ptr_array_index (a, i));
    }
    close_ (w, ']');
}

static void
provenance (writer *w, const bilat_fact *f)
{
    key (w, "span");
    g_string_append_c (w->s, '[');
    integer (w, (gint64) f->start);
    g_string_append_c (w->s, ',');
    integer (w, (gint64) f->end);
    g_string_append_c (w->s, ']');
    member_int (w, "sentence", f->sentence);
    member_str (w, "rule", f->rule);
}

static void
text_list (writer *w, const bilat_doc *d, const char *k, int kind)
{
    key (w, k);
    open_ (w, '[');
    for (guint i = 0; i < d->facts[kind]->len; i++) {
        separator (w);
        string (w, ((bilat_fact *) g_ptr_array_index (d->facts[kind], i))->text);
    }
    close_ (w, ']');
}

static void
detail_list (writer *w, const bilat_doc *d, const char *k, int kind)
{
    key (w, k);
    open_ (w, '[');
    for (guint i = 0; i < d->facts[kind]->len; i++) {
        const bilat_fact *f = g_ptr_array_index (d->facts[kind], i);
        separator (w);
        open_ (w, '{');
        member_str (w, "value", f->text);
        provenance (w, f);
        close_ (w, '}');
    }
    close_ (w, ']');
}

static void
event (writer *w, const bilat_fact *f, gboolean extras)
{
    open_ (w, '{');
    member_str (w, "type", f->text);
    if (f->event_type == BILAT_EVENT_VISIT) {
        member_str (w, "actor", f->actor);
        member_str (w, "target", f->target);
        member_str (w, "level", f->level);
    } else {
        str_array (w, "parties", f->parties);
    }
    if (f->event_type == BILAT_EVENT_MEETING)
        member_str (w, "mode", f->mode);
    if (f->event_type == BILAT_EVENT_AGREEMENT)
        member_str (w, "title", f->title);
    str_array (w, "persons", f->persons);
    member_str (w, "place", f->place);
    member_str (w, "date", f->date);
    if (extras) {
        member_str (w, "cameo", f->cameo);
        member_str (w, "plover", f->plover);
        provenance (w, f);
    }
    close_ (w, '}');
}

int
bilat_doc_to_json (char **out, const bilat_doc *d, unsigned flags, const char *docid,
                   bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (d == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "document is NULL");
    if (docid && !g_utf8_validate (docid, -1, NULL))
        return bilat__error_set (error, BILAT_EINVAL, -1, "document id is not UTF-8");
    gboolean extras = !(flags & BILAT_JSON_PLAIN);
    writer w = { .s = g_string_sized_new (2048), .pretty = (flags & BILAT_JSON_PRETTY) != 0,
                 .first = TRUE };
    open_ (&w, '{');
    member_str (&w, "schema", "bilateral-facts/1");
    member_str (&w, "doc", docid);
    member_str (&w, "date", d->date[0] ? d->date : NULL);
    text_list (&w, d, "countries", BILAT_FACT_STATE);

    key (&w, "pairs");
    open_ (&w, '[');
    for (guint i = 0; i < d->facts[BILAT_FACT_PAIR]->len; i++) {
        const bilat_fact *f = g_ptr_array_index (d->facts[BILAT_FACT_PAIR], i);
        separator (&w);
        g_string_append_c (w.s, '[');
        for (guint k = 0; k < f->parties->len; k++) {
            if (k)
                g_string_append_c (w.s, ',');
            string (&w, g_ptr_array_index (f->parties, k));
        }
        g_string_append_c (w.s, ']');
    }
    close_ (&w, ']');

    key (&w, "persons");
    open_ (&w, '[');
    for (guint i = 0; i < d->facts[BILAT_FACT_PERSON]->len; i++) {
        const bilat_fact *f = g_ptr_array_index (d->facts[BILAT_FACT_PERSON], i);
        separator (&w);
        open_ (&w, '{');
        member_str (&w, "name", f->text);
        member_str (&w, "country", f->state);
        str_array (&w, "offices", f->offices);
        if (extras)
            provenance (&w, f);
        close_ (&w, '}');
    }
    close_ (&w, ']');

    text_list (&w, d, "organizations", BILAT_FACT_ORGANIZATION);

    key (&w, "events");
    open_ (&w, '[');
    for (guint i = 0; i < d->facts[BILAT_FACT_EVENT]->len; i++) {
        separator (&w);
        event (&w, g_ptr_array_index (d->facts[BILAT_FACT_EVENT], i), extras);
    }
    close_ (&w, ']');

    text_list (&w, d, "areas", BILAT_FACT_AREA);
    text_list (&w, d, "status", BILAT_FACT_STATUS);
    if (extras) {
        /* Where each state, organization, area and status was first read. */
        key (&w, "evidence");
        open_ (&w, '{');
        detail_list (&w, d, "countries", BILAT_FACT_STATE);
        detail_list (&w, d, "organizations", BILAT_FACT_ORGANIZATION);
        detail_list (&w, d, "areas", BILAT_FACT_AREA);
        detail_list (&w, d, "status", BILAT_FACT_STATUS);
        close_ (&w, '}');
    }
    close_ (&w, '}');
    *out = g_string_free (w.s, FALSE);
    return BILAT_OK;
}
