/* SPDX-License-Identifier: MIT */
/* The document of facts: the blocks its facts and strings are carved from, and its read-only
 * accessors. */
#include "extract-private.h"

#include <string.h>

/* Blocks after the first double, up to this. */
#define DOC_BLOCK_MAX ((size_t) 256 * 1024)

struct bilat_doc_block {
    bilat_doc_block *next;
    max_align_t data[];
};

bilat_doc *
bilat__doc_new (void)
{
    bilat_doc *d = g_malloc (sizeof *d);
    memset (d, 0, offsetof (bilat_doc, first));
    for (int k = BILAT_FACT_STATE; k <= BILAT_FACT_STATUS; k++)
        d->facts[k] = k == BILAT_FACT_EVENT ? g_ptr_array_new () : &d->lists[k];
    d->room = (char *) d->first;
    d->room_end = d->room + sizeof d->first;
    d->next_block = 2 * sizeof d->first;
    return d;
}

/* size bytes aligned to align (a power of two) from the doc's blocks. */
static void *
doc_alloc (bilat_doc *d, size_t size, size_t align)
{
    uintptr_t at = ((uintptr_t) d->room + align - 1) & ~(uintptr_t) (align - 1);
    if (at > (uintptr_t) d->room_end || size > (uintptr_t) d->room_end - at) {
        /* The rest of the block is left: what is asked is mostly small, and the blocks
         * double. */
        size_t n = MAX (d->next_block, size + align);
        bilat_doc_block *b = g_malloc (sizeof *b + n);
        b->next = d->blocks;
        d->blocks = b;
        d->room = (char *) b->data;
        d->room_end = d->room + n;
        d->next_block = MIN (d->next_block * 2, DOC_BLOCK_MAX);
        at = ((uintptr_t) d->room + align - 1) & ~(uintptr_t) (align - 1);
    }
    d->room = (char *) (at + size);
    return (void *) at;
}

/* What a fact holds that is not the doc's: a person's offices (the person's array, taken
 * over). */
static void
fact_free (bilat_fact *f)
{
    if (f->offices)
        g_ptr_array_free (f->offices, TRUE);
}

GPtrArray *
bilat__doc_list (bilat_doc *doc, guint n)
{
    GPtrArray *a = doc_alloc (doc, sizeof *a, _Alignof (GPtrArray));
    a->pdata = doc_alloc (doc, n * sizeof (gpointer), _Alignof (gpointer));
    a->len = 0;
    return a;
}

/* Append p to a, a list in the doc's blocks that only this function fills (pdata NULL
 * while it is empty). Its room is LIST_FIRST entries, doubled each time its length reaches
 * a power of two past that, so the room is known from the length. The old room stays in the
 * block: the lists are short. */
enum { LIST_FIRST = 8 };
static void
list_push (bilat_doc *doc, GPtrArray *a, gpointer p)
{
    if (a->pdata == NULL || (a->len >= LIST_FIRST && (a->len & (a->len - 1)) == 0)) {
        guint cap = a->pdata == NULL ? LIST_FIRST : 2 * a->len;
        gpointer *room = doc_alloc (doc, cap * sizeof *room, _Alignof (gpointer));
        if (a->len)
            memcpy (room, a->pdata, a->len * sizeof *room);
        a->pdata = room;
    }
    a->pdata[a->len++] = p;
}

void
bilat__doc_list_add (bilat_doc *doc, GPtrArray **list, gpointer p)
{
    if (*list == NULL) {
        *list = doc_alloc (doc, sizeof **list, _Alignof (GPtrArray));
        **list = (GPtrArray) { .pdata = NULL, .len = 0 };
    }
    list_push (doc, *list, p);
}

bilat_fact *
bilat__doc_add (bilat_doc *doc, int kind)
{
    bilat_fact *f = doc_alloc (doc, sizeof *f, _Alignof (bilat_fact));
    /* The events' list is GLib's: the event stage sets its size. */
    if (kind == BILAT_FACT_EVENT)
        g_ptr_array_add (doc->facts[kind], f);
    else
        list_push (doc, &doc->lists[kind], f);
    *f = (bilat_fact) { .kind = kind, .sentence = -1 };
    return f;
}

char *
bilat__doc_copy_len (bilat_doc *doc, const char *s, size_t n)
{
    char *r = doc_alloc (doc, n + 1, 1);
    memcpy (r, s, n);
    r[n] = '\0';
    return r;
}

const char *
bilat__doc_copy (bilat_doc *doc, const char *s)
{
    return s ? bilat__doc_copy_len (doc, s, strlen (s)) : NULL;
}

void
bilat_doc_free (bilat_doc *doc)
{
    if (doc == NULL)
        return;
    for (int k = BILAT_FACT_STATE; k <= BILAT_FACT_STATUS; k++)
        for (guint i = 0; i < doc->facts[k]->len; i++)
            fact_free (g_ptr_array_index (doc->facts[k], i));
    g_ptr_array_free (doc->facts[BILAT_FACT_EVENT], TRUE);
    for (bilat_doc_block *b = doc->blocks, *next; b; b = next) {
        next = b->next;
        g_free (b);
    }
    g_free (doc);
}

const char *
bilat_doc_date (const bilat_doc *doc)
{
    return doc && doc->date[0] ? doc->date : NULL;
}

size_t
bilat_doc_n_sentences (const bilat_doc *doc)
{
    return doc ? doc->n_sentences : 0;
}

size_t
bilat_doc_n_facts (const bilat_doc *doc, int kind)
{
    if (doc == NULL || kind < BILAT_FACT_STATE || kind > BILAT_FACT_STATUS)
        return 0;
    return doc->facts[kind]->len;
}

const bilat_fact *
bilat_doc_fact (const bilat_doc *doc, int kind, size_t i)
{
    if (i >= bilat_doc_n_facts (doc, kind))
        return NULL;
    return g_ptr_array_index (doc->facts[kind], i);
}

static const char *
at (const GPtrArray *a, size_t i)
{
    return a && i < a->len ? g_ptr_array_index (a, i) : NULL;
}

int bilat_fact_kind (const bilat_fact *f) { return f ? f->kind : 0; }
size_t bilat_fact_start (const bilat_fact *f) { return f ? f->start : 0; }
size_t bilat_fact_end (const bilat_fact *f) { return f ? f->end : 0; }
int bilat_fact_sentence (const bilat_fact *f) { return f ? f->sentence : -1; }
const char *bilat_fact_rule (const bilat_fact *f) { return f ? f->rule : NULL; }
const char *bilat_fact_text (const bilat_fact *f) { return f ? f->text : NULL; }
const char *bilat_fact_state (const bilat_fact *f) { return f ? f->state : NULL; }
size_t bilat_fact_n_parties (const bilat_fact *f) { return f && f->parties ? f->parties->len : 0; }
const char *
bilat_fact_party (const bilat_fact *f, size_t i)
{
    return f ? at (f->parties, i) : NULL;
}
size_t bilat_fact_n_offices (const bilat_fact *f) { return f && f->offices ? f->offices->len : 0; }
const char *
bilat_fact_office (const bilat_fact *f, size_t i)
{
    return f ? at (f->offices, i) : NULL;
}
int bilat_fact_event_type (const bilat_fact *f) { return f ? f->event_type : 0; }
const char *bilat_fact_actor (const bilat_fact *f) { return f ? f->actor : NULL; }
const char *bilat_fact_target (const bilat_fact *f) { return f ? f->target : NULL; }
const char *bilat_fact_level (const bilat_fact *f) { return f ? f->level : NULL; }
const char *bilat_fact_mode (const bilat_fact *f) { return f ? f->mode : NULL; }
const char *bilat_fact_place (const bilat_fact *f) { return f ? f->place : NULL; }
const char *bilat_fact_date (const bilat_fact *f) { return f ? f->date : NULL; }
const char *bilat_fact_title (const bilat_fact *f) { return f ? f->title : NULL; }
size_t bilat_fact_n_persons (const bilat_fact *f) { return f && f->persons ? f->persons->len : 0; }
const char *
bilat_fact_person (const bilat_fact *f, size_t i)
{
    return f ? at (f->persons, i) : NULL;
}
const char *bilat_fact_cameo (const bilat_fact *f) { return f ? f->cameo : NULL; }
const char *bilat_fact_plover (const bilat_fact *f) { return f ? f->plover : NULL; }
