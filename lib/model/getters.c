/* SPDX-License-Identifier: MIT */
/* Read-only getters of the model's events and people. */
#include "model-private.h"

const char *
bilat_event_id (const bilat_event *e)
{
    return e ? e->id : NULL;
}

int
bilat_event_kind (const bilat_event *e)
{
    return e ? e->type : 0;
}

const char *
bilat_event_kind_name (const bilat_event *e)
{
    if (e == NULL)
        return NULL;
    return e->type == BILAT_EVENT_VISIT ? "visit"
           : e->type == BILAT_EVENT_MEETING ? "meeting" : "agreement";
}

const char *
bilat_event_actor (const bilat_event *e)
{
    return e ? e->bucket->actor : NULL;
}

const char *
bilat_event_target (const bilat_event *e)
{
    return e ? e->bucket->target : NULL;
}

size_t
bilat_event_n_parties (const bilat_event *e)
{
    return e ? e->bucket->n_parties : 0;
}

const char *
bilat_event_party (const bilat_event *e, size_t i)
{
    return e && i < e->bucket->n_parties ? e->bucket->parties[i] : NULL;
}

const char *
bilat_event_date (const bilat_event *e)
{
    return e ? e->date : NULL;
}

const char *
bilat_event_when (const bilat_event *e)
{
    return e ? e->when : NULL;
}

const char *
bilat_event_level (const bilat_event *e)
{
    return e ? e->level : NULL;
}

const char *
bilat_event_mode (const bilat_event *e)
{
    return e ? e->mode : NULL;
}

const char *
bilat_event_place (const bilat_event *e)
{
    return e ? e->place : NULL;
}

const char *
bilat_event_title (const bilat_event *e)
{
    return e ? e->title : NULL;
}

const char *
bilat_event_cameo (const bilat_event *e)
{
    return e ? e->cameo : NULL;
}

const char *
bilat_event_plover (const bilat_event *e)
{
    return e ? e->plover : NULL;
}

size_t
bilat_event_n_persons (const bilat_event *e)
{
    return e ? e->n_persons : 0;
}

const char *
bilat_event_person (const bilat_event *e, size_t i)
{
    return e && i < e->n_persons ? e->persons[i] : NULL;
}

size_t
bilat_event_n_areas (const bilat_event *e)
{
    return e ? e->n_areas : 0;
}

const char *
bilat_event_area (const bilat_event *e, size_t i)
{
    return e && i < e->n_areas ? e->areas[i] : NULL;
}

size_t
bilat_event_n_evidence (const bilat_event *e)
{
    return e ? e->n_mentions : 0;
}

static const emention *
evidence (const bilat_event *e, size_t i)
{
    if (e == NULL || i >= e->n_mentions)
        return NULL;
    const bilat_model *m = e->bucket->model;
    return &g_array_index (m->ementions, emention, e->mentions[i]);
}

const char *
bilat_event_evidence_doc (const bilat_event *e, size_t i)
{
    const emention *em = evidence (e, i);
    return em ? g_array_index (e->bucket->model->docs, mdoc, em->doc).id : NULL;
}

int
bilat_event_evidence_sentence (const bilat_event *e, size_t i)
{
    const emention *em = evidence (e, i);
    return em ? em->sentence : -1;
}

size_t
bilat_event_evidence_start (const bilat_event *e, size_t i)
{
    const emention *em = evidence (e, i);
    return em ? em->start : 0;
}

size_t
bilat_event_evidence_end (const bilat_event *e, size_t i)
{
    const emention *em = evidence (e, i);
    return em ? em->end : 0;
}

const char *
bilat_official_id (const bilat_official *p)
{
    return p ? p->key : NULL;
}

const char *
bilat_official_name (const bilat_official *p)
{
    return p ? p->name : NULL;
}

const char *
bilat_official_state (const bilat_official *p)
{
    return p ? p->state : NULL;
}

size_t
bilat_official_n_aliases (const bilat_official *p)
{
    return p ? p->aliases->len : 0;
}

const char *
bilat_official_alias (const bilat_official *p, size_t i)
{
    return p && i < p->aliases->len ? g_ptr_array_index (p->aliases, i) : NULL;
}

size_t
bilat_official_n_offices (const bilat_official *p)
{
    return p ? p->offices->len : 0;
}

const char *
bilat_official_office (const bilat_official *p, size_t i)
{
    return p && i < p->offices->len ? g_array_index (p->offices, moffice, i).office : NULL;
}

const char *
bilat_official_first_seen (const bilat_official *p)
{
    return p ? p->first : NULL;
}

const char *
bilat_official_last_seen (const bilat_official *p)
{
    return p ? p->last : NULL;
}

size_t
bilat_official_n_documents (const bilat_official *p)
{
    return p ? p->n_documents : 0;
}
