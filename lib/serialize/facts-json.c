/* SPDX-License-Identifier: MIT */
/* A document's facts as a bilateral-facts/1 record, with spans and rule ids. */
#include "../extract/extract-private.h"

#include <string.h>

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

/* Append n bytes. Most appends are a few bytes into room the string already has: written in
 * place, they skip GLib's out-of-line g_string_insert_len, which cost a third of the
 * record. The room always keeps a byte for the NUL, which is written once, at the end
 * (finish). */
static inline void
put (writer *w, const char *p, size_t n)
{
    GString *s = w->s;
    if (G_UNLIKELY (n >= s->allocated_len - s->len)) {
        g_string_append_len (s, p, (gssize) n);
        return;
    }
    memcpy (s->str + s->len, p, n);
    s->len += n;
}

/* The record's text, NUL-terminated. */
static char *
finish (writer *w)
{
    w->s->str[w->s->len] = '\0';
    return g_string_free (w->s, FALSE);
}

static inline void
put_c (writer *w, char ch)
{
    put (w, &ch, 1);
}

/* A string literal: its length known at compile time. */
#define PUT_LITERAL(w, lit) put ((w), "" lit, sizeof (lit) - 1)

static void
newline (writer *w)
{
    if (!w->pretty)
        return;
    put_c (w, '\n');
    for (int i = 0; i < w->depth; i++)
        PUT_LITERAL (w, "  ");
}

static void
separator (writer *w)
{
    if (!w->first)
        put_c (w, ',');
    w->first = FALSE;
    newline (w);
}

/* Does any of the eight bytes of x need escaping: a control character, '"' or '\\'? The
 * tests of "Bit Twiddling Hacks" (Anderson) for a byte below n and a byte equal to n: exact
 * as a yes or no, which is all that is asked. */
static inline gboolean
needs_escape8 (uint64_t x)
{
    const uint64_t ones = UINT64_C (0x0101010101010101), highs = ones * 0x80;
    uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');
    uint64_t below_space = (x - ones * 0x20) & ~x;
    uint64_t is_quote = (quote - ones) & ~quote, is_backslash = (backslash - ones) & ~backslash;
    return ((below_space | is_quote | is_backslash) & highs) != 0;
}

/* JSON string escaping: quotes, backslashes and control characters; the text is valid
 * UTF-8 already, so every other byte is copied. Most strings need none: they are tested
 * eight bytes at a time and copied whole. */
static void
string (writer *w, const char *v)
{
    if (v == NULL) {
        PUT_LITERAL (w, "null");
        return;
    }
    size_t n = strlen (v);
    gboolean plain = TRUE;
    uint64_t x;
    if (n >= 8) {
        /* Blocks of eight, the last one overlapping the one before. */
        for (size_t i = 0; plain && i + 8 <= n; i += 8) {
            memcpy (&x, v + i, 8);
            plain = !needs_escape8 (x);
        }
        memcpy (&x, v + n - 8, 8);
        plain = plain && !needs_escape8 (x);
    } else {
        for (size_t i = 0; i < n; i++)
            plain = plain && (unsigned char) v[i] >= 0x20 && v[i] != '"' && v[i] != '\\';
    }
    GString *s = w->s;
    if (plain && n + 2 < s->allocated_len - s->len) {
        char *at = s->str + s->len;
        at[0] = '"';
        memcpy (at + 1, v, n);
        at[n + 1] = '"';
        s->len += n + 2;
        return;
    }
    put_c (w, '"');
    const char *run = v, *p = v;
    for (;; p++) {
        unsigned char ch = (unsigned char) *p;
        if (ch >= 0x20 && ch != '"' && ch != '\\')
            continue;
        put (w, run, (size_t) (p - run));
        if (ch == 0)
            break;
        run = p + 1;
        switch (ch) {
        case '"': PUT_LITERAL (w, "\\\""); break;
        case '\\': PUT_LITERAL (w, "\\\\"); break;
        case '\n': PUT_LITERAL (w, "\\n"); break;
        case '\t': PUT_LITERAL (w, "\\t"); break;
        case '\r': PUT_LITERAL (w, "\\r"); break;
        default: g_string_append_printf (w->s, "\\u%04x", ch); break;
        }
    }
    put_c (w, '"');
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
    put (w, p, (size_t) (buf + sizeof buf - p));
}

/* Keys are the schema's own names: nothing in them needs escaping. Inline, so that a
 * literal's length is known when it is written. */
static inline void
key (writer *w, const char *k)
{
    separator (w);
    put_c (w, '"');
    put (w, k, strlen (k));
    put (w, w->pretty ? "\": " : "\":", w->pretty ? 3 : 2);
}

static void
open_ (writer *w, char ch)
{
    put_c (w, ch);
    w->depth++;
    w->first = TRUE;
}

static void
close_ (writer *w, char ch)
{
    w->depth--;
    if (!w->first)
        newline (w);
    put_c (w, ch);
    w->first = FALSE;
}

static inline void
member_str (writer *w, const char *k, const char *v)
{
    key (w, k);
    string (w, v);
}

static inline void
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
    put_c (w, '[');
    integer (w, (gint64) f->start);
    put_c (w, ',');
    integer (w, (gint64) f->end);
    put_c (w, ']');
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
        put_c (&w, '[');
        for (guint k = 0; k < f->parties->len; k++) {
            if (k)
                put_c (&w, ',');
            string (&w, g_ptr_array_index (f->parties, k));
        }
        put_c (&w, ']');
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
    *out = finish (&w);
    return BILAT_OK;
}
