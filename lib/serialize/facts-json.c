/* SPDX-License-Identifier: MIT */
/* A document's facts as a bilateral-facts/1 record (json-glib), with spans and rule ids. */
#include "../extract/extract-private.h"

#include <json-glib/json-glib.h>

static void
member_str (JsonBuilder *b, const char *key, const char *val)
{
    json_builder_set_member_name (b, key);
    if (val)
        json_builder_add_string_value (b, val);
    else
        json_builder_add_null_value (b);
}

static void
str_array (JsonBuilder *b, const char *key, const GPtrArray *a)
{
    json_builder_set_member_name (b, key);
    json_builder_begin_array (b);
    for (guint i = 0; a && i < a->len; i++)
        json_builder_add_string_value (b, g_ptr_array_index (a, i));
    json_builder_end_array (b);
}

static void
provenance (JsonBuilder *b, const bilat_fact *f)
{
    json_builder_set_member_name (b, "span");
    json_builder_begin_array (b);
    json_builder_add_int_value (b, (gint64) f->start);
    json_builder_add_int_value (b, (gint64) f->end);
    json_builder_end_array (b);
    json_builder_set_member_name (b, "sentence");
    json_builder_add_int_value (b, f->sentence);
    member_str (b, "rule", f->rule);
}

static void
text_list (JsonBuilder *b, const bilat_doc *d, const char *key, int kind)
{
    json_builder_set_member_name (b, key);
    json_builder_begin_array (b);
    for (guint i = 0; i < d->facts[kind]->len; i++)
        json_builder_add_string_value (b, ((bilat_fact *) g_ptr_array_index (d->facts[kind], i))->text);
    json_builder_end_array (b);
}

static void
detail_list (JsonBuilder *b, const bilat_doc *d, const char *key, int kind)
{
    json_builder_set_member_name (b, key);
    json_builder_begin_array (b);
    for (guint i = 0; i < d->facts[kind]->len; i++) {
        const bilat_fact *f = g_ptr_array_index (d->facts[kind], i);
        json_builder_begin_object (b);
        member_str (b, "value", f->text);
        provenance (b, f);
        json_builder_end_object (b);
    }
    json_builder_end_array (b);
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
    gboolean extras = !(flags & BILAT_JSON_PLAIN);
    JsonBuilder *b = json_builder_new ();
    json_builder_begin_object (b);
    member_str (b, "schema", "bilateral-facts/1");
    member_str (b, "doc", docid);
    member_str (b, "date", d->date[0] ? d->date : NULL);
    text_list (b, d, "countries", BILAT_FACT_STATE);

    json_builder_set_member_name (b, "pairs");
    json_builder_begin_array (b);
    for (guint i = 0; i < d->facts[BILAT_FACT_PAIR]->len; i++) {
        const bilat_fact *f = g_ptr_array_index (d->facts[BILAT_FACT_PAIR], i);
        json_builder_begin_array (b);
        for (guint k = 0; k < f->parties->len; k++)
            json_builder_add_string_value (b, g_ptr_array_index (f->parties, k));
        json_builder_end_array (b);
    }
    json_builder_end_array (b);

    json_builder_set_member_name (b, "persons");
    json_builder_begin_array (b);
    for (guint i = 0; i < d->facts[BILAT_FACT_PERSON]->len; i++) {
        const bilat_fact *f = g_ptr_array_index (d->facts[BILAT_FACT_PERSON], i);
        json_builder_begin_object (b);
        member_str (b, "name", f->text);
        member_str (b, "country", f->state);
        str_array (b, "offices", f->offices);
        if (extras)
            provenance (b, f);
        json_builder_end_object (b);
    }
    json_builder_end_array (b);

    text_list (b, d, "organizations", BILAT_FACT_ORGANIZATION);

    json_builder_set_member_name (b, "events");
    json_builder_begin_array (b);
    for (guint i = 0; i < d->facts[BILAT_FACT_EVENT]->len; i++) {
        const bilat_fact *f = g_ptr_array_index (d->facts[BILAT_FACT_EVENT], i);
        json_builder_begin_object (b);
        member_str (b, "type", f->text);
        if (f->event_type == BILAT_EVENT_VISIT) {
            member_str (b, "actor", f->actor);
            member_str (b, "target", f->target);
            member_str (b, "level", f->level);
        } else {
            str_array (b, "parties", f->parties);
        }
        if (f->event_type == BILAT_EVENT_MEETING)
            member_str (b, "mode", f->mode);
        if (f->event_type == BILAT_EVENT_AGREEMENT)
            member_str (b, "title", f->title);
        str_array (b, "persons", f->persons);
        member_str (b, "place", f->place);
        member_str (b, "date", f->date);
        if (extras) {
            member_str (b, "cameo", f->cameo);
            member_str (b, "plover", f->plover);
            provenance (b, f);
        }
        json_builder_end_object (b);
    }
    json_builder_end_array (b);

    text_list (b, d, "areas", BILAT_FACT_AREA);
    text_list (b, d, "status", BILAT_FACT_STATUS);
    if (extras) {
        /* Where each state, organization, area and status was first read. */
        json_builder_set_member_name (b, "evidence");
        json_builder_begin_object (b);
        detail_list (b, d, "countries", BILAT_FACT_STATE);
        detail_list (b, d, "organizations", BILAT_FACT_ORGANIZATION);
        detail_list (b, d, "areas", BILAT_FACT_AREA);
        detail_list (b, d, "status", BILAT_FACT_STATUS);
        json_builder_end_object (b);
    }
    json_builder_end_object (b);

    JsonGenerator *gen = json_generator_new ();
    JsonNode *root = json_builder_get_root (b);
    json_generator_set_root (gen, root);
    json_generator_set_pretty (gen, (flags & BILAT_JSON_PRETTY) != 0);
    *out = json_generator_to_data (gen, NULL);
    json_node_unref (root);
    g_object_unref (gen);
    g_object_unref (b);
    return BILAT_OK;
}
