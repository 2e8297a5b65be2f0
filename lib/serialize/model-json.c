/* SPDX-License-Identifier: MIT */
/* The model as versioned JSON (json-glib): writing, and reading untrusted input back into a
 * new model with errors that name the place and the byte offset. */
#include "../query/query-private.h"
#include "../extract/extract-private.h"

#include <json-glib/json-glib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MODEL_FORMAT "libbilat-model"
#define MODEL_VERSION 1
/* Deeper nesting is refused before json-glib, whose parser recurses. The format needs 5. */
#define MAX_DEPTH 64
/* Integers need at most 18 digits to stay exact in 64 bits; json-glib wraps longer ones. */
#define MAX_DIGITS 18
/* A model's JSON spends about 14 bytes per value; input that packs values denser (a
 * hundred megabytes of "[0,0,0,...") would cost json-glib tens of bytes per input byte. */
#define MIN_BYTES_PER_VALUE 8

/* ---- writing ---------------------------------------------------------------------------- */

static void
json_list (bilat_jw *w, const char *key, const bilat_model *m, mlist l)
{
    /* An empty list may sit in an empty pool, whose pdata is NULL: no pointer arithmetic. */
    const char *const *pool = (const char *const *) m->strs->pdata;
    bilat__json_strv (w, key, l.n ? pool + l.off : NULL, l.n);
}

static void
json_span (bilat_jw *w, uint32_t start, uint32_t end)
{
    bilat__jw_key (w, "span");
    bilat__jw_begin_array (w);
    bilat__jw_int (w, start);
    bilat__jw_int (w, end);
    bilat__jw_end_array (w);
}

static void
json_document (bilat_jw *w, const bilat_model *m, const mdoc *d)
{
    const char *const *pool = (const char *const *) m->strs->pdata;
    bilat__jw_begin_object (w);
    bilat__json_str (w, "id", d->id);
    bilat__json_str (w, "date", d->date);
    bilat__json_int (w, "sentences", d->n_sentences);
    json_list (w, "states", m, d->states);
    bilat__jw_key (w, "pairs");
    bilat__jw_begin_array (w);
    for (uint32_t i = 0; i + 1 < d->pairs.n; i += 2)
        bilat__json_strv (w, NULL, pool + d->pairs.off + i, 2);  /* an element, no key */
    bilat__jw_end_array (w);
    json_list (w, "organizations", m, d->orgs);
    json_list (w, "areas", m, d->areas);
    json_list (w, "status", m, d->status);
    bilat__jw_key (w, "persons");
    bilat__jw_begin_array (w);
    for (uint32_t i = 0; i < d->persons.n; i++) {
        const pmention *pm = &g_array_index (m->pmentions, pmention, d->persons.off + i);
        const mvariant *v = &g_array_index (m->variants, mvariant, pm->variant);
        bilat__jw_begin_object (w);
        bilat__json_str (w, "name", v->name);
        bilat__json_str (w, "state", v->state);
        json_list (w, "offices", m, pm->offices);
        bilat__json_int (w, "sentence", pm->sentence);
        json_span (w, pm->start, pm->end);
        bilat__json_str (w, "rule", pm->rule);
        bilat__jw_end_object (w);
    }
    bilat__jw_end_array (w);
    bilat__jw_key (w, "events");
    bilat__jw_begin_array (w);
    static const char *const types[] = { NULL, "visit", "meeting", "agreement" };
    for (uint32_t i = 0; i < d->events.n; i++) {
        const emention *em = &g_array_index (m->ementions, emention, d->events.off + i);
        bilat__jw_begin_object (w);
        bilat__json_str (w, "type", types[em->type]);
        bilat__json_str (w, "actor", em->actor);
        bilat__json_str (w, "target", em->target);
        json_list (w, "parties", m, em->parties);
        bilat__json_str (w, "level", em->level);
        bilat__json_str (w, "mode", em->mode);
        bilat__json_str (w, "place", em->place);
        bilat__json_str (w, "date", em->date);
        bilat__json_str (w, "title", em->title);
        bilat__jw_key (w, "persons");
        bilat__jw_begin_array (w);
        for (uint32_t k = 0; k < em->persons.n; k++) {
            uint32_t vi = g_array_index (m->vrefs, uint32_t, em->persons.off + k);
            bilat__jw_string (w, g_array_index (m->variants, mvariant, vi).name);
        }
        bilat__jw_end_array (w);
        bilat__json_str (w, "cameo", em->cameo);
        bilat__json_str (w, "plover", em->plover);
        bilat__json_int (w, "sentence", em->sentence);
        json_span (w, em->start, em->end);
        bilat__json_str (w, "rule", em->rule);
        bilat__jw_end_object (w);
    }
    bilat__jw_end_array (w);
    bilat__jw_end_object (w);
}

int
bilat_model_to_json (char **out, const bilat_model *m, unsigned flags, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (m == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "model is NULL");
    bilat__model_sync (m);
    GString *text = g_string_sized_new (1 << 20);
    bilat_jw jw, *w = &jw;
    bilat__jw_init (w, text, (flags & BILAT_JSON_PRETTY) != 0);
    bilat__jw_begin_object (w);
    bilat__json_str (w, "format", MODEL_FORMAT);
    bilat__json_int (w, "version", MODEL_VERSION);
    bilat__json_str (w, "library", bilat_version_string ());

    bilat__jw_key (w, "documents");
    bilat__jw_begin_array (w);
    for (guint i = 0; i < m->docs->len; i++)
        json_document (w, m, bilat__model_doc (m, i));
    bilat__jw_end_array (w);

    bilat__jw_key (w, "states");
    bilat__jw_begin_array (w);
    GPtrArray *states = bilat__model_states_sorted (m);
    for (guint i = 0; i < states->len; i++) {
        const mstate *s = g_ptr_array_index (states, i);
        bilat__jw_begin_object (w);
        bilat__json_str (w, "code", s->code);
        bilat__json_int (w, "documents", (int64_t) s->documents);
        bilat__json_int (w, "events", (int64_t) s->events);
        bilat__json_str (w, "first", s->first);
        bilat__json_str (w, "last", s->last);
        bilat__jw_end_object (w);
    }
    bilat__jw_end_array (w);

    bilat__jw_key (w, "organizations");
    bilat__jw_begin_array (w);
    GPtrArray *orgs = bilat__model_orgs_sorted (m);
    for (guint i = 0; i < orgs->len; i++) {
        const morg *o = g_ptr_array_index (orgs, i);
        bilat__jw_begin_object (w);
        bilat__json_str (w, "id", o->key);
        bilat__json_str (w, "name", o->name);
        bilat__json_int (w, "documents", (int64_t) o->documents);
        bilat__json_str (w, "first", o->first);
        bilat__json_str (w, "last", o->last);
        bilat__jw_end_object (w);
    }
    bilat__jw_end_array (w);

    bilat__jw_key (w, "people");
    bilat__jw_begin_array (w);
    for (GSequenceIter *it = g_sequence_get_begin_iter (m->people);
         !g_sequence_iter_is_end (it); it = g_sequence_iter_next (it))
        bilat__json_official (w, g_sequence_get (it));
    bilat__jw_end_array (w);

    bilat__jw_key (w, "events");
    bilat__jw_begin_array (w);
    for (GSequenceIter *it = g_sequence_get_begin_iter (m->events);
         !g_sequence_iter_is_end (it); it = g_sequence_iter_next (it))
        bilat__json_event (w, m, g_sequence_get (it));
    bilat__jw_end_array (w);

    bilat__jw_key (w, "relations");
    bilat__jw_begin_array (w);
    for (int kind = BILAT_EDGE_STATE_STATE; kind <= BILAT_EDGE_STATE_ORGANIZATION; kind++) {
        GPtrArray *edges = bilat__model_edges (m, kind);
        for (guint i = 0; i < edges->len; i++)
            bilat__json_edge (w, g_ptr_array_index (edges, i));
    }
    bilat__jw_end_array (w);
    bilat__jw_end_object (w);
    *out = g_string_free (text, FALSE);
    return BILAT_OK;
}

int
bilat_model_save (const bilat_model *m, const char *path, unsigned flags, bilat_error **error)
{
    if (m == NULL || path == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "model or path is NULL");
    char *json = NULL;
    int rc = bilat_model_to_json (&json, m, flags, error);
    if (rc != BILAT_OK)
        return rc;
    GError *gerr = NULL;
    /* g_file_set_contents writes a temporary file and renames it into place. */
    if (!g_file_set_contents (path, json, (gssize) strlen (json), &gerr)) {
        rc = bilat__error_set (error, BILAT_EIO, -1, "%s", gerr->message);
        g_error_free (gerr);
    }
    g_free (json);
    return rc;
}

/* ---- checking the text before json-glib ------------------------------------------------- */

/* Where the members of the root object are, and the elements of its "documents" array:
 * each document is then parsed on its own, so no tree of the whole input is ever built. */
enum { MEMBER_OTHER, MEMBER_FORMAT, MEMBER_VERSION, MEMBER_DOCUMENTS, N_MEMBERS };

typedef struct {
    size_t start, end;
} span;

typedef struct {
    const char *s;
    size_t len, pos;
    uint64_t values;
    const char *why;
    int member;                     /* which root member the value being read belongs to */
    gboolean has[N_MEMBERS];
    span members[N_MEMBERS];
    GArray *docs;                   /* span of each element of "documents" */
    size_t starts[MAX_DEPTH + 1];   /* where the container open at each depth began */
} scan;

static gboolean
scan_fail (scan *c, const char *why)
{
    c->why = why;
    return FALSE;
}

static void
skip_ws (scan *c)
{
    while (c->pos < c->len && (c->s[c->pos] == ' ' || c->s[c->pos] == '\t' ||
                               c->s[c->pos] == '\n' || c->s[c->pos] == '\r'))
        c->pos++;
}

static gboolean
scan_string (scan *c)
{
    c->pos++;  /* the opening quote */
    while (c->pos < c->len) {
        unsigned char ch = (unsigned char) c->s[c->pos];
        if (ch == '"') {
            c->pos++;
            return TRUE;
        }
        if (ch < 0x20)
            return scan_fail (c, "control character in a string");
        if (ch == '\\') {
            if (++c->pos >= c->len)
                break;
            char e = c->s[c->pos];
            if (e == 'u') {
                if (c->pos + 4 >= c->len)
                    break;
                unsigned v = 0;
                for (int k = 1; k <= 4; k++) {
                    int d = g_ascii_xdigit_value (c->s[c->pos + k]);
                    if (d < 0)
                        return scan_fail (c, "bad \\u escape");
                    v = v * 16 + (unsigned) d;
                }
                /* Surrogates must come in pairs to be a character. */
                if (v >= 0xDC00 && v <= 0xDFFF)
                    return scan_fail (c, "lone low surrogate in a \\u escape");
                if (v >= 0xD800 && v <= 0xDBFF) {
                    size_t q = c->pos + 5;
                    if (q + 5 >= c->len || c->s[q] != '\\' || c->s[q + 1] != 'u')
                        return scan_fail (c, "lone high surrogate in a \\u escape");
                    unsigned w = 0;
                    for (int k = 2; k <= 5; k++) {
                        int d = g_ascii_xdigit_value (c->s[q + k]);
                        if (d < 0)
                            return scan_fail (c, "bad \\u escape");
                        w = w * 16 + (unsigned) d;
                    }
                    if (w < 0xDC00 || w > 0xDFFF)
                        return scan_fail (c, "lone high surrogate in a \\u escape");
                    c->pos += 6;
                }
                c->pos += 5;
                continue;
            }
            if (!strchr ("\"\\/bfnrt", e) || e == '\0')
                return scan_fail (c, "bad escape in a string");
        }
        c->pos++;
    }
    c->pos = c->len;
    return scan_fail (c, "unterminated string");
}

static gboolean
scan_number (scan *c)
{
    size_t start = c->pos;
    if (c->s[c->pos] == '-')
        c->pos++;
    size_t digits = c->pos;
    while (c->pos < c->len && g_ascii_isdigit (c->s[c->pos]))
        c->pos++;
    size_t n = c->pos - digits;
    if (n == 0) {
        c->pos = start;
        return scan_fail (c, "expected a value");
    }
    if (n > 1 && c->s[digits] == '0') {
        c->pos = start;
        return scan_fail (c, "a number has a leading zero");
    }
    if (c->pos < c->len && (c->s[c->pos] == '.' || c->s[c->pos] == 'e' || c->s[c->pos] == 'E')) {
        c->pos = start;
        return scan_fail (c, "a number that is not an integer (the format has only integers)");
    }
    if (n > MAX_DIGITS) {
        c->pos = start;
        return scan_fail (c, "a number out of range");
    }
    return TRUE;
}

static gboolean
scan_literal (scan *c, const char *word)
{
    size_t n = strlen (word);
    if (c->len - c->pos < n || memcmp (c->s + c->pos, word, n) != 0)
        return scan_fail (c, "expected a value");
    c->pos += n;
    return TRUE;
}

/* A value at depth d ended: note root members and documents. */
static void
value_done (scan *c, int d, size_t start, const char *stack)
{
    if (d == 1) {
        c->has[c->member] = TRUE;
        c->members[c->member] = (span) { start, c->pos };
    } else if (d == 2 && c->member == MEMBER_DOCUMENTS && stack[1] == '[') {
        span sp = { start, c->pos };
        g_array_append_val (c->docs, sp);
    }
}

static int
member_of (const char *key, size_t len)
{
    static const char *const names[] = { NULL, "\"format\"", "\"version\"", "\"documents\"" };
    for (int i = 1; i < N_MEMBERS; i++)
        if (len == strlen (names[i]) && memcmp (key, names[i], len) == 0)
            return i;
    return MEMBER_OTHER;
}

/* Check the grammar, the depth, the numbers and the density, iteratively, and find the
 * root's members. On failure c->pos is where the problem is. */
static gboolean
scan_json (scan *c)
{
    char stack[MAX_DEPTH + 1];
    int depth = 0;
    enum { VALUE, AFTER_VALUE, KEY_OR_END, KEY, COLON, VALUE_OR_END } want = VALUE;
    for (;;) {
        skip_ws (c);
        if (c->pos >= c->len) {
            if (depth == 0 && want == AFTER_VALUE)
                return TRUE;
            return scan_fail (c, "unexpected end of input (truncated?)");
        }
        char ch = c->s[c->pos];
        switch (want) {
        case VALUE_OR_END:
            if (ch == ']') {
                c->pos++;
                depth--;
                value_done (c, depth, c->starts[depth], stack);
                want = AFTER_VALUE;
                break;
            }
            G_GNUC_FALLTHROUGH;
        case VALUE:
            c->values++;
            if (ch == '{' || ch == '[') {
                if (depth == MAX_DEPTH)
                    return scan_fail (c, "nesting deeper than 64");
                c->starts[depth] = c->pos;
                if (depth == 1 && c->member == MEMBER_DOCUMENTS)
                    g_array_set_size (c->docs, 0);
                stack[depth++] = ch;
                c->pos++;
                want = ch == '{' ? KEY_OR_END : VALUE_OR_END;
                break;
            }
            size_t vstart = c->pos;
            if (ch == '"' ? !scan_string (c)
                : ch == 't' ? !scan_literal (c, "true")
                : ch == 'f' ? !scan_literal (c, "false")
                : ch == 'n' ? !scan_literal (c, "null")
                : !scan_number (c))
                return FALSE;
            value_done (c, depth, vstart, stack);
            want = AFTER_VALUE;
            break;
        case AFTER_VALUE:
            if (depth == 0)
                return scan_fail (c, "text after the end of the JSON value");
            if (ch == ',') {
                c->pos++;
                want = stack[depth - 1] == '{' ? KEY : VALUE;
            } else if (ch == (stack[depth - 1] == '{' ? '}' : ']')) {
                c->pos++;
                depth--;
                value_done (c, depth, c->starts[depth], stack);
            } else {
                return scan_fail (c, stack[depth - 1] == '{' ? "expected ',' or '}'"
                                                             : "expected ',' or ']'");
            }
            break;
        case KEY_OR_END:
            if (ch == '}') {
                c->pos++;
                depth--;
                value_done (c, depth, c->starts[depth], stack);
                want = AFTER_VALUE;
                break;
            }
            G_GNUC_FALLTHROUGH;
        case KEY: {
            if (ch != '"')
                return scan_fail (c, "expected a member name in quotes");
            size_t key = c->pos;
            if (!scan_string (c))
                return FALSE;
            if (depth == 1)
                c->member = member_of (c->s + key, c->pos - key);
            want = COLON;
            break;
        }
        case COLON:
            if (ch != ':')
                return scan_fail (c, "expected ':'");
            c->pos++;
            want = VALUE;
            break;
        }
        if (c->values > 65536 && c->values > c->len / MIN_BYTES_PER_VALUE)
            return scan_fail (c, "too many values for the size of the input");
    }
}

/* ---- locating a path in checked text ------------------------------------------------------ */

typedef struct {
    const char *key;      /* member name, or NULL for an array index */
    guint index;
} seg;

/* Skip one value starting at p (text already checked); returns the position after it. */
static size_t
skip_value (const char *s, size_t len, size_t p)
{
    int depth = 0;
    do {
        while (p < len && strchr (" \t\r\n,:", s[p]))
            p++;
        if (p >= len)
            return len;
        char ch = s[p];
        if (ch == '{' || ch == '[') {
            depth++;
            p++;
        } else if (ch == '}' || ch == ']') {
            depth--;
            p++;
        } else if (ch == '"') {
            for (p++; p < len && s[p] != '"'; p++)
                if (s[p] == '\\')
                    p++;
            p++;
        } else {
            while (p < len && !strchr (" \t\r\n,:]}", s[p]))
                p++;
        }
    } while (depth > 0 && p < len);
    return p;
}

static size_t
skip_ws_at (const char *s, size_t len, size_t p)
{
    while (p < len && strchr (" \t\r\n", s[p]))
        p++;
    return p;
}

/* Byte offset of the value at path (as far as it can be followed). */
static size_t
locate (const char *s, size_t len, const seg *path, int n)
{
    size_t p = skip_ws_at (s, len, 0);
    for (int i = 0; i < n && p < len; i++) {
        if (path[i].key) {
            if (s[p] != '{')
                return p;
            size_t q = skip_ws_at (s, len, p + 1);
            size_t klen = strlen (path[i].key);
            gboolean found = FALSE;
            while (q < len && s[q] == '"') {
                size_t kend = skip_value (s, len, q);
                gboolean match = kend - q == klen + 2 && memcmp (s + q + 1, path[i].key, klen) == 0;
                q = skip_ws_at (s, len, kend);
                q = skip_ws_at (s, len, q + 1);  /* the colon */
                if (match) {
                    found = TRUE;
                    break;
                }
                q = skip_ws_at (s, len, skip_value (s, len, q));
                if (q < len && s[q] == ',')
                    q = skip_ws_at (s, len, q + 1);
            }
            if (!found)
                return p;
            p = q;
        } else {
            if (s[p] != '[')
                return p;
            size_t q = skip_ws_at (s, len, p + 1);
            for (guint k = 0; k < path[i].index && q < len && s[q] != ']'; k++) {
                q = skip_ws_at (s, len, skip_value (s, len, q));
                if (q < len && s[q] == ',')
                    q = skip_ws_at (s, len, q + 1);
            }
            if (q >= len || s[q] == ']')
                return p;
            p = q;
        }
    }
    return p;
}

/* ---- reading --------------------------------------------------------------------------------- */

#define MAX_PATH 12

typedef struct {
    const char *json;
    size_t len;
    seg path[MAX_PATH];
    int depth;
    bilat_error **error;
} loader;

static void
push_key (loader *l, const char *key)
{
    if (l->depth < MAX_PATH)
        l->path[l->depth] = (seg) { key, 0 };
    l->depth++;
}

static void
push_index (loader *l, guint i)
{
    if (l->depth < MAX_PATH)
        l->path[l->depth] = (seg) { NULL, i };
    l->depth++;
}

static void
pop (loader *l)
{
    l->depth--;
}

static int G_GNUC_PRINTF (2, 3)
load_fail (loader *l, const char *fmt, ...)
{
    int n = MIN (l->depth, MAX_PATH);
    GString *where = g_string_new ("");
    for (int i = 0; i < n; i++) {
        if (l->path[i].key)
            g_string_append_printf (where, "%s%s", i ? "." : "", l->path[i].key);
        else
            g_string_append_printf (where, "[%u]", l->path[i].index);
    }
    va_list ap;
    va_start (ap, fmt);
    char *msg = g_strdup_vprintf (fmt, ap);
    va_end (ap);
    size_t off = locate (l->json, l->len, l->path, n);
    int rc = bilat__error_set (l->error, BILAT_EPARSE, (int64_t) off,
                               "model JSON: %s%s%s (byte %zu)", where->str, where->len ? ": " : "",
                               msg, off);
    g_free (msg);
    g_string_free (where, TRUE);
    return rc;
}

static const char *
node_kind (JsonNode *n)
{
    if (n == NULL || JSON_NODE_HOLDS_NULL (n))
        return "null";
    if (JSON_NODE_HOLDS_OBJECT (n))
        return "an object";
    if (JSON_NODE_HOLDS_ARRAY (n))
        return "an array";
    GType t = json_node_get_value_type (n);
    return t == G_TYPE_STRING ? "a string" : t == G_TYPE_BOOLEAN ? "a boolean" : "a number";
}

/* A string member: required or not, null allowed or not. */
static int
get_str (loader *l, JsonObject *o, const char *key, gboolean required, gboolean nullable,
         const char **out)
{
    *out = NULL;
    JsonNode *n = json_object_get_member (o, key);
    push_key (l, key);
    int rc = BILAT_OK;
    if (n == NULL) {
        if (required)
            rc = load_fail (l, "missing");
    } else if (JSON_NODE_HOLDS_NULL (n)) {
        if (!nullable)
            rc = load_fail (l, "expected a string, not null");
    } else if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING) {
        rc = load_fail (l, "expected a string, not %s", node_kind (n));
    } else {
        *out = json_node_get_string (n);
    }
    pop (l);
    return rc;
}

static int
int_node (loader *l, JsonNode *n, int64_t min, int64_t max, int64_t *out)
{
    if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
        return load_fail (l, "expected an integer, not %s", node_kind (n));
    int64_t v = json_node_get_int (n);
    if (v < min || v > max)
        return load_fail (l, "%" G_GINT64_FORMAT " is out of range [%" G_GINT64_FORMAT ", %"
                          G_GINT64_FORMAT "]", v, min, max);
    *out = v;
    return BILAT_OK;
}

static int
get_int (loader *l, JsonObject *o, const char *key, int64_t min, int64_t max, int64_t dflt,
         int64_t *out)
{
    *out = dflt;
    JsonNode *n = json_object_get_member (o, key);
    if (n == NULL)
        return BILAT_OK;
    push_key (l, key);
    int rc = int_node (l, n, min, max, out);
    pop (l);
    return rc;
}

static int
get_array (loader *l, JsonObject *o, const char *key, gboolean required, JsonArray **out)
{
    *out = NULL;
    JsonNode *n = json_object_get_member (o, key);
    if (n == NULL || (!required && JSON_NODE_HOLDS_NULL (n)))
        return required ? (push_key (l, key), load_fail (l, "missing")) : BILAT_OK;
    if (!JSON_NODE_HOLDS_ARRAY (n)) {
        push_key (l, key);
        return load_fail (l, "expected an array, not %s", node_kind (n));
    }
    *out = json_node_get_array (n);
    return BILAT_OK;
}

/* An array of strings into r->strs. */
static int
get_strings (loader *l, JsonObject *o, const char *key, mrec *r, mlist *out)
{
    JsonArray *a;
    int rc = get_array (l, o, key, FALSE, &a);
    out->off = r->strs->len;
    out->n = 0;
    if (rc != BILAT_OK || a == NULL)
        return rc;
    push_key (l, key);
    for (guint i = 0; i < json_array_get_length (a); i++) {
        JsonNode *n = json_array_get_element (a, i);
        if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING) {
            push_index (l, i);
            return load_fail (l, "expected a string, not %s", node_kind (n));
        }
        g_ptr_array_add (r->strs, (gpointer) json_node_get_string (n));
        out->n++;
    }
    pop (l);
    return BILAT_OK;
}

static int
get_span (loader *l, JsonObject *o, uint32_t *start, uint32_t *end)
{
    JsonArray *a;
    int rc = get_array (l, o, "span", TRUE, &a);
    if (rc != BILAT_OK)
        return rc;
    push_key (l, "span");
    if (json_array_get_length (a) != 2)
        return load_fail (l, "expected [start, end]");
    int64_t v[2];
    for (guint i = 0; i < 2; i++) {
        push_index (l, i);
        if ((rc = int_node (l, json_array_get_element (a, i), 0, G_MAXUINT32, &v[i])) != BILAT_OK)
            return rc;
        pop (l);
    }
    if (v[0] > v[1])
        return load_fail (l, "start %" G_GINT64_FORMAT " is after end %" G_GINT64_FORMAT,
                          v[0], v[1]);
    pop (l);
    *start = (uint32_t) v[0];
    *end = (uint32_t) v[1];
    return BILAT_OK;
}

static int
element_object (loader *l, JsonArray *a, guint i, JsonObject **out)
{
    JsonNode *n = json_array_get_element (a, i);
    if (!JSON_NODE_HOLDS_OBJECT (n))
        return load_fail (l, "expected an object, not %s", node_kind (n));
    *out = json_node_get_object (n);
    return BILAT_OK;
}

static int
load_person (loader *l, JsonObject *o, mrec *r)
{
    rec_person p = { 0 };
    int64_t sentence;
    int rc;
    if ((rc = get_str (l, o, "name", TRUE, FALSE, &p.name)) ||
        (rc = get_str (l, o, "state", FALSE, TRUE, &p.state)) ||
        (rc = get_strings (l, o, "offices", r, &p.offices)) ||
        (rc = get_int (l, o, "sentence", -1, G_MAXINT32, -1, &sentence)) ||
        (rc = get_span (l, o, &p.start, &p.end)) ||
        (rc = get_str (l, o, "rule", FALSE, TRUE, &p.rule)))
        return rc;
    p.sentence = (int32_t) sentence;
    g_array_append_val (r->persons, p);
    return BILAT_OK;
}

static int
load_event (loader *l, JsonObject *o, mrec *r)
{
    rec_event e = { 0 };
    const char *type;
    int64_t sentence;
    int rc;
    if ((rc = get_str (l, o, "type", TRUE, FALSE, &type)))
        return rc;
    e.type = strcmp (type, "visit") == 0 ? BILAT_EVENT_VISIT
             : strcmp (type, "meeting") == 0 ? BILAT_EVENT_MEETING
             : strcmp (type, "agreement") == 0 ? BILAT_EVENT_AGREEMENT : 0;
    if (e.type == 0) {
        push_key (l, "type");
        return load_fail (l, "\"%s\" is not visit, meeting or agreement", type);
    }
    if ((rc = get_str (l, o, "actor", FALSE, TRUE, &e.actor)) ||
        (rc = get_str (l, o, "target", FALSE, TRUE, &e.target)) ||
        (rc = get_strings (l, o, "parties", r, &e.parties)) ||
        (rc = get_str (l, o, "level", FALSE, TRUE, &e.level)) ||
        (rc = get_str (l, o, "mode", FALSE, TRUE, &e.mode)) ||
        (rc = get_str (l, o, "place", FALSE, TRUE, &e.place)) ||
        (rc = get_str (l, o, "date", FALSE, TRUE, &e.date)) ||
        (rc = get_str (l, o, "title", FALSE, TRUE, &e.title)) ||
        (rc = get_strings (l, o, "persons", r, &e.persons)) ||
        (rc = get_str (l, o, "cameo", FALSE, TRUE, &e.cameo)) ||
        (rc = get_str (l, o, "plover", FALSE, TRUE, &e.plover)) ||
        (rc = get_int (l, o, "sentence", -1, G_MAXINT32, -1, &sentence)) ||
        (rc = get_span (l, o, &e.start, &e.end)) ||
        (rc = get_str (l, o, "rule", FALSE, TRUE, &e.rule)))
        return rc;
    e.sentence = (int32_t) sentence;
    g_array_append_val (r->events, e);
    return BILAT_OK;
}

static int
load_objects (loader *l, JsonObject *o, const char *key, mrec *r,
              int (*each) (loader *, JsonObject *, mrec *))
{
    JsonArray *a;
    int rc = get_array (l, o, key, FALSE, &a);
    if (rc != BILAT_OK || a == NULL)
        return rc;
    push_key (l, key);
    for (guint i = 0; i < json_array_get_length (a); i++) {
        JsonObject *eo = NULL;
        push_index (l, i);
        if ((rc = element_object (l, a, i, &eo)) || (rc = each (l, eo, r)))
            return rc;
        pop (l);
    }
    pop (l);
    return BILAT_OK;
}

static int
load_document (loader *l, bilat_model *m, JsonObject *o)
{
    mrec r;
    bilat__mrec_init (&r);
    int64_t sentences;
    JsonArray *pairs;
    int rc;
    if ((rc = get_str (l, o, "id", TRUE, FALSE, &r.id)) ||
        (rc = get_str (l, o, "date", FALSE, TRUE, &r.date)) ||
        (rc = get_int (l, o, "sentences", 0, G_MAXUINT32, 0, &sentences)) ||
        (rc = get_strings (l, o, "states", &r, &r.states)) ||
        (rc = get_array (l, o, "pairs", FALSE, &pairs)) ||
        (rc = get_strings (l, o, "organizations", &r, &r.orgs)) ||
        (rc = get_strings (l, o, "areas", &r, &r.areas)) ||
        (rc = get_strings (l, o, "status", &r, &r.status)))
        goto out;
    r.n_sentences = (uint32_t) sentences;
    r.pairs.off = r.strs->len;
    push_key (l, "pairs");
    for (guint i = 0; pairs && i < json_array_get_length (pairs); i++) {
        JsonNode *n = json_array_get_element (pairs, i);
        push_index (l, i);
        JsonArray *pa = JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
        if (pa == NULL || json_array_get_length (pa) != 2) {
            rc = load_fail (l, "expected a pair of state codes");
            goto out;
        }
        for (guint k = 0; k < 2; k++) {
            JsonNode *s = json_array_get_element (pa, k);
            if (!JSON_NODE_HOLDS_VALUE (s) || json_node_get_value_type (s) != G_TYPE_STRING) {
                push_index (l, k);
                rc = load_fail (l, "expected a string, not %s", node_kind (s));
                goto out;
            }
            g_ptr_array_add (r.strs, (gpointer) json_node_get_string (s));
        }
        pop (l);
    }
    pop (l);
    r.pairs.n = r.strs->len - r.pairs.off;
    if ((rc = load_objects (l, o, "persons", &r, load_person)) ||
        (rc = load_objects (l, o, "events", &r, load_event)))
        goto out;
    /* What the model itself checks (dates, duplicate ids) is a parse error here. */
    bilat_error *inner = NULL;
    rc = bilat__model_add_record (m, &r, &inner);
    if (rc != BILAT_OK) {
        rc = load_fail (l, "%s", bilat_error_message (inner));
        bilat_error_free (inner);
    }
out:
    bilat__mrec_clear (&r);
    return rc;
}

/* Parse one checked span with json-glib. It does not fail on checked text; if it does, the
 * failure is reported at the span. */
static JsonNode *
parse_span (loader *l, JsonParser *parser, span sp)
{
    GError *gerr = NULL;
    if (!json_parser_load_from_data (parser, l->json + sp.start, (gssize) (sp.end - sp.start),
                                     &gerr)) {
        bilat__error_set (l->error, BILAT_EPARSE, (int64_t) sp.start, "model JSON: %s (byte %zu)",
                          gerr->message, sp.start);
        g_error_free (gerr);
        return NULL;
    }
    return json_parser_get_root (parser);
}

static size_t
max_size (const bilat_options *opts)
{
    return opts ? opts->max_size : BILAT_DEFAULT_MAX_SIZE;
}

int
bilat_model_from_json (bilat_model **out, const bilat_options *opts, const char *json,
                       size_t len, bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (json == NULL && len > 0)
        return bilat__error_set (error, BILAT_EINVAL, -1, "json is NULL");
    if (len > max_size (opts))
        return bilat__error_set (error, BILAT_ELIMIT, (int64_t) max_size (opts),
                                 "model JSON of %zu bytes is over the limit of %zu bytes "
                                 "(bilat_options_set_max_size)", len, max_size (opts));
    const char *bad = NULL;
    if (!g_utf8_validate_len (json ? json : "", len, &bad))
        return bilat__error_set (error, BILAT_EPARSE, bad - json,
                                 "model JSON: invalid UTF-8 or a NUL byte (byte %td)", bad - json);
    scan c = { 0 };
    c.s = json ? json : "";
    c.len = len;
    c.docs = g_array_new (FALSE, FALSE, sizeof (span));
    if (!scan_json (&c)) {
        g_array_free (c.docs, TRUE);
        return bilat__error_set (error, BILAT_EPARSE, (int64_t) c.pos,
                                 "model JSON: %s (byte %zu)", c.why, c.pos);
    }
    loader l = { json, len, { { 0 } }, 0, error };
    JsonParser *parser = json_parser_new_immutable ();
    bilat_model *m = NULL;
    int rc = BILAT_OK;
    JsonNode *node;
    const char *format;
    int64_t version = 0;
    size_t root = 0;
    while (root < len && strchr (" \t\r\n", json[root]))
        root++;
    if (json[root] != '{') {
        node = parse_span (&l, parser, (span) { root, len });
        rc = node ? load_fail (&l, "expected an object, not %s", node_kind (node)) : BILAT_EPARSE;
        goto out;
    }
    push_key (&l, "format");
    if (!c.has[MEMBER_FORMAT]) {
        rc = load_fail (&l, "missing");
        goto out;
    }
    if ((node = parse_span (&l, parser, c.members[MEMBER_FORMAT])) == NULL) {
        rc = BILAT_EPARSE;
        goto out;
    }
    if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING) {
        rc = load_fail (&l, "expected a string, not %s", node_kind (node));
        goto out;
    }
    format = json_node_get_string (node);
    if (strcmp (format, MODEL_FORMAT) != 0) {
        rc = load_fail (&l, "\"%s\" is not \"" MODEL_FORMAT "\"", format);
        goto out;
    }
    pop (&l);
    push_key (&l, "version");
    if (!c.has[MEMBER_VERSION]) {
        rc = load_fail (&l, "missing");
        goto out;
    }
    if ((node = parse_span (&l, parser, c.members[MEMBER_VERSION])) == NULL) {
        rc = BILAT_EPARSE;
        goto out;
    }
    if ((rc = int_node (&l, node, 0, G_MAXINT64, &version)))
        goto out;
    if (version != MODEL_VERSION) {
        rc = load_fail (&l, "version %" G_GINT64_FORMAT " is not supported (this library reads "
                        "version %d)", version, MODEL_VERSION);
        goto out;
    }
    pop (&l);
    push_key (&l, "documents");
    if (!c.has[MEMBER_DOCUMENTS]) {
        rc = load_fail (&l, "missing");
        goto out;
    }
    if (json[c.members[MEMBER_DOCUMENTS].start] != '[') {
        node = parse_span (&l, parser, c.members[MEMBER_DOCUMENTS]);
        rc = node ? load_fail (&l, "expected an array, not %s", node_kind (node)) : BILAT_EPARSE;
        goto out;
    }
    bilat_model_new (&m, NULL);
    for (guint i = 0; i < c.docs->len; i++) {
        push_index (&l, i);
        if ((node = parse_span (&l, parser, g_array_index (c.docs, span, i))) == NULL) {
            rc = BILAT_EPARSE;
            goto out;
        }
        if (!JSON_NODE_HOLDS_OBJECT (node)) {
            rc = load_fail (&l, "expected an object, not %s", node_kind (node));
            goto out;
        }
        if ((rc = load_document (&l, m, json_node_get_object (node))))
            goto out;
        pop (&l);
    }
    pop (&l);
out:
    g_object_unref (parser);
    g_array_free (c.docs, TRUE);
    if (rc != BILAT_OK) {
        bilat_model_free (m);
        return rc;
    }
    *out = m;
    return BILAT_OK;
}

int
bilat_model_load (bilat_model **out, const bilat_options *opts, const char *path,
                  bilat_error **error)
{
    if (out == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "out is NULL");
    *out = NULL;
    if (path == NULL)
        return bilat__error_set (error, BILAT_EINVAL, -1, "path is NULL");
    int fd = open (path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat (fd, &st) != 0) {
        int e = errno;
        if (fd >= 0)
            close (fd);
        return bilat__error_set (error, BILAT_EIO, -1, "%s: %s", path, g_strerror (e));
    }
    /* A regular file over the limit is refused by its size, before a byte is read. */
    size_t limit = max_size (opts);
    if (S_ISREG (st.st_mode) && (guint64) st.st_size > limit) {
        close (fd);
        return bilat__error_set (error, BILAT_ELIMIT, (int64_t) limit,
                                 "%s: %" G_GINT64_FORMAT " bytes, over the limit of %zu bytes "
                                 "(bilat_options_set_max_size)", path, (gint64) st.st_size,
                                 limit);
    }
    /* Anything else (a pipe, a device, a file that grows as it is read) is read up to one
     * byte past the limit and no further. */
    int rc = BILAT_OK;
    char *buf = NULL;
    size_t len = 0, cap = S_ISREG (st.st_mode) ? (size_t) st.st_size + 1 : 0;
    cap = MIN (MAX (cap, (size_t) 1 << 16), limit + 1);
    for (;;) {
        if (buf == NULL || len == cap) {
            if (len > limit) {
                rc = bilat__error_set (error, BILAT_ELIMIT, (int64_t) limit,
                                       "%s: over the limit of %zu bytes "
                                       "(bilat_options_set_max_size)", path, limit);
                break;
            }
            if (buf != NULL)
                cap = MIN (cap * 2, limit + 1);
            char *grown = g_try_realloc (buf, cap);
            if (grown == NULL) {
                rc = bilat__error_set (error, BILAT_ENOMEM, -1, "%s: cannot allocate %zu bytes",
                                       path, cap);
                break;
            }
            buf = grown;
        }
        ssize_t got = read (fd, buf + len, cap - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            rc = bilat__error_set (error, BILAT_EIO, -1, "%s: %s", path, g_strerror (errno));
            break;
        }
        if (got == 0)
            break;
        len += (size_t) got;
    }
    close (fd);
    if (rc == BILAT_OK)
        rc = bilat_model_from_json (out, opts, buf, len, error);
    g_free (buf);
    return rc;
}
