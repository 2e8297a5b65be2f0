/* SPDX-License-Identifier: MIT */
/* Dictionary loading and the one-pass longest-match lookup over token sequences. */
#include "gazetteer-private.h"

#include <string.h>

extern const char bilat__data_states[], bilat__data_organizations[], bilat__data_offices[],
    bilat__data_areas[], bilat__data_status[], bilat__data_people[];
extern const size_t bilat__data_states_len, bilat__data_organizations_len,
    bilat__data_offices_len, bilat__data_areas_len, bilat__data_status_len,
    bilat__data_people_len;

/* How a dictionary token must match a text token. Acronyms ("UN", "U.S.") match only in
 * capitals, so that "us" is never the United States; capitalized names need a capital in
 * the text ("Turkey", not "turkey"); lower-case words match in any case. */
enum { CASE_ANY = 0, CASE_INITIAL = 1, CASE_EXACT = 2 };

typedef struct {
    uint64_t hash;
    const char *bytes;  /* for CASE_EXACT */
    uint32_t len;
    uint8_t mode;
} gz_token;

/* What a lookup reads of an entry while walking a chain, 32 bytes: the walk touches one
 * small record per entry instead of the entry and its first two dictionary tokens, which
 * are far apart in memory (most entries are one or two words long). */
typedef struct {
    uint64_t hash0;   /* hash of the first token */
    uint64_t hash1;   /* of the second, 0 for an entry of one word */
    int32_t next;     /* as gz_entry.next */
    uint32_t tok;     /* as gz_entry.tok */
    uint16_t ntok;
    uint8_t kind;
    uint8_t mode0;    /* case mode of the first token */
    uint8_t mode1;    /* of the second */
} gz_hot;

typedef struct {
    uint32_t key;   /* high half of the 64-bit key */
    int32_t head;   /* first entry of the chain, -1 when the slot is free */
} gz_slot;


struct bilat_gazetteer {
    GStringChunk *strings;
    GArray *entities[8];  /* gz_entity per kind */
    GArray *entries;      /* gz_entry */
    GArray *tokens;       /* gz_token */
    /* Open-addressing index: key (first-token hash, or first-two-token hash) -> head entry
     * of its chain. A slot keeps 32 bits of the key: two keys that share them share a
     * chain, which costs a longer walk, never a wrong match, since the walk compares every
     * token's full hash. Eight bytes a slot keep the index within a core's L2 cache. */
    gz_slot *slots;
    gz_hot *hot;      /* per entry, built by freeze */
    size_t cap;
    gz_one *ones;     /* a record per first word of any entry: its one-word results (freeze) */
    size_t ones_cap;
    /* Per record, the entry of its best keyword: [2 * record + up] holds kw[up]'s entry, for
     * the lookups that give entries rather than ids. */
    int32_t *ones_kw;
    /* Bloom-style filters, 8 KiB each, that let most tokens skip the longer probes: a bit
     * per first two words of every entry of two words or more, [1] for entries whose first
     * word needs a capital ("United States"), [0] for the rest; and a bit per first three
     * words of entries of three or more. Nine in ten tokens start no two-word entry.
     * two_bits has a bit per first two words of entries of exactly two: many pairs begin
     * only longer entries ("Minister of"), and their two-word probe would find nothing.
     * first_bits has a bit per first word of any entry, [1] for capitalized text words,
     * [0] for the others, which need an entry whose first word matches in lower case: they
     * turn away the words that start nothing (names, numbers, most verbs, and "the", "of"
     * or "in", which start only capitalized entries) before they probe the records. */
    uint64_t pair_bits[2][1024];
    uint64_t triple_bits[1024];
    uint64_t two_bits[1024];
    uint64_t first_bits[2][1024];
    GHashTable *state_names;  /* lower-case name or code -> state id + 1 */
    GArray *scratch;
    gboolean out_of_memory;   /* a variant could not be folded: the dictionary is incomplete */
};

static const int kind_rank[8] = { 0, 6, 7, 4, 1, 3, 5, 0 };

bilat_gazetteer *
bilat__gazetteer_new (void)
{
    bilat_gazetteer *gz = g_new0 (bilat_gazetteer, 1);
    gz->strings = g_string_chunk_new (64 * 1024);
    for (int k = 0; k < 8; k++)
        gz->entities[k] = g_array_new (FALSE, TRUE, sizeof (gz_entity));
    gz->entries = g_array_new (FALSE, TRUE, sizeof (gz_entry));
    gz->tokens = g_array_new (FALSE, TRUE, sizeof (gz_token));
    gz->state_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    gz->scratch = g_array_new (FALSE, FALSE, sizeof (bilat_token));
    return gz;
}

void
bilat__gazetteer_free (bilat_gazetteer *gz)
{
    if (gz == NULL)
        return;
    g_string_chunk_free (gz->strings);
    for (int k = 0; k < 8; k++)
        g_array_free (gz->entities[k], TRUE);
    g_array_free (gz->entries, TRUE);
    g_array_free (gz->tokens, TRUE);
    g_hash_table_destroy (gz->state_names);
    g_array_free (gz->scratch, TRUE);
    g_free (gz->slots);
    g_free (gz->hot);
    g_free (gz->ones);
    g_free (gz->ones_kw);
    g_free (gz);
}

const char *
bilat__gazetteer_intern (bilat_gazetteer *gz, const char *s)
{
    return g_string_chunk_insert_const (gz->strings, s);
}

/* Add one variant of entity id; with relaxed, its words match in any case but for those
 * in capitals (acronyms), else a capitalized word needs a capital in the text. */
static void
add_variant_cased (bilat_gazetteer *gz, int kind, int form, int id, const char *variant,
                   const char *rule, gboolean relaxed)
{
    /* Variants are folded like texts are ("India–Central Asia" matches "India-Central
     * Asia"), so the dictionary and the text agree on every token. */
    bilat_text folded;
    if (bilat__text_init (&folded, variant, strlen (variant), TRUE, NULL) != BILAT_OK) {
        /* Only memory can fail here; a dictionary silently missing an entry would extract
         * differently, so the failure is kept and reported by the caller. */
        gz->out_of_memory = TRUE;
        return;
    }
    const char *v = bilat__gazetteer_intern (gz, folded.text);
    bilat__text_clear (&folded);
    g_array_set_size (gz->scratch, 0);
    bilat__tokenize (gz->scratch, v, strlen (v));
    size_t n = gz->scratch->len;
    const bilat_token *t = (const bilat_token *) gz->scratch->data;
    /* A leading "the" is skipped by the matcher, so it is dropped here. */
    size_t first = 0;
    if (n > 1 && t[0].hash == bilat__token_hash ("the", 3))
        first = 1;
    if (n - first == 0 || n - first > 0xffff)
        return;
    gz_entry e = { .kind = (uint8_t) kind, .form = (uint8_t) form,
                   .ntok = (uint16_t) (n - first), .id = id, .tok = gz->tokens->len,
                   .next = -1, .variant = v, .rule = rule };
    for (size_t i = first; i < n; i++) {
        gz_token dt = { .hash = t[i].hash, .bytes = v + t[i].start,
                        .len = t[i].end - t[i].start, .mode = CASE_ANY };
        gboolean letters = FALSE;
        for (uint32_t k = 0; k < dt.len; k++)
            if (g_ascii_isalpha (dt.bytes[k]) || (unsigned char) dt.bytes[k] >= 0x80)
                letters = TRUE;
        if ((t[i].flags & BILAT_TOK_ALLCAPS) && (dt.len >= 2 || !relaxed) && letters)
            dt.mode = CASE_EXACT;
        else if ((t[i].flags & BILAT_TOK_UPPER) && !relaxed)
            dt.mode = CASE_INITIAL;
        g_array_append_val (gz->tokens, dt);
    }
    g_array_append_val (gz->entries, e);
}

/* Add one variant of entity id; kinds whose words are common nouns match in any case. */
static void
add_variant (bilat_gazetteer *gz, int kind, int form, int id, const char *variant,
             const char *rule)
{
    add_variant_cased (gz, kind, form, id, variant, rule,
                       kind == GZ_OFFICE || kind == GZ_AREA || kind == GZ_KEYWORD ||
                           kind == GZ_STATUS);
}

/* "Cabinet Secretaries", "Foreign Ministers": offices written for several people. Only a
 * title ending in its noun takes a plural ("Minister of Foreign Affairs" does not). */
static void
add_plural (bilat_gazetteer *gz, int id, const char *office, const char *rule)
{
    size_t n = strlen (office);
    if (n < 3 || strchr (office, ' ') == NULL || strstr (office, " of ") ||
        strstr (office, " for "))
        return;
    char *pl;
    if (office[n - 1] == 'y' && !strchr ("aeiou", office[n - 2]))
        pl = g_strdup_printf ("%.*sies", (int) (n - 1), office);
    else if (office[n - 1] == 's')
        return;
    else
        pl = g_strdup_printf ("%ss", office);
    add_variant (gz, GZ_OFFICE, 0, id, pl, rule);
    g_free (pl);
}

static int
add_entity (bilat_gazetteer *gz, int kind, const gz_entity *ent)
{
    g_array_append_val (gz->entities[kind], *ent);
    return (int) gz->entities[kind]->len - 1;
}

/* Split a "|"-separated column and add each variant. */
static void
add_variants (bilat_gazetteer *gz, int kind, int form, int id, const char *col,
              const char *rule)
{
    if (col == NULL || strcmp (col, "-") == 0 || *col == '\0')
        return;
    char **parts = g_strsplit (col, "|", -1);
    for (char **p = parts; *p; p++) {
        char *v = g_strstrip (*p);
        if (*v)
            add_variant (gz, kind, form, id, v, rule);
    }
    g_strfreev (parts);
}

static void
remember_state_name (bilat_gazetteer *gz, const char *name, int id)
{
    g_hash_table_insert (gz->state_names, g_utf8_strdown (name, -1), GINT_TO_POINTER (id + 1));
}

static int
office_class (const char *s)
{
    static const char *const names[] = {
        "other", "head_of_state", "head_of_government", "deputy_head", "minister",
        "deputy_minister", "diplomat", "royal", "legislator", "official", "military",
        "international",
    };
    for (size_t i = 0; i < G_N_ELEMENTS (names); i++)
        if (strcmp (s, names[i]) == 0)
            return (int) i;
    return -1;
}

static int
columns_wanted (int kind)
{
    switch (kind) {
    case GZ_STATE: return 4;
    case GZ_OFFICE: return 3;
    case GZ_PERSON: return 6;
    default: return 2;
    }
}

/* Each line: columns separated by tabs; "#" starts a comment line. */
static int
load_line (bilat_gazetteer *gz, int kind, char **col, int ncol, const char *rule,
           GString *why)
{
    gz_entity ent = { 0 };
    g_date_clear (&ent.from, 1);
    g_date_clear (&ent.to, 1);
    if (ncol != columns_wanted (kind)) {
        g_string_printf (why, "expected %d tab-separated columns, found %d",
                         columns_wanted (kind), ncol);
        return -1;
    }
    for (int i = 0; i < ncol; i++)
        g_strstrip (col[i]);
    if (*col[0] == '\0') {
        g_string_assign (why, "the first column is empty");
        return -1;
    }
    switch (kind) {
    case GZ_STATE: {
        if (strlen (col[0]) != 3 || !g_ascii_isupper (col[0][0]) ||
            !g_ascii_isupper (col[0][1]) || !g_ascii_isupper (col[0][2])) {
            g_string_printf (why, "\"%s\" is not an ISO 3166-1 alpha-3 code", col[0]);
            return -1;
        }
        /* A user line for a known code adds variants to that state. */
        int id = bilat__gazetteer_find_state (gz, col[0]);
        if (id < 0) {
            ent.name = bilat__gazetteer_intern (gz, col[0]);
            char **names = g_strsplit (col[1], "|", 2);
            ent.extra = bilat__gazetteer_intern (gz, names[0] ? g_strstrip (names[0]) : col[0]);
            g_strfreev (names);
            id = add_entity (gz, kind, &ent);
            remember_state_name (gz, col[0], id);
        }
        char **names = g_strsplit (col[1], "|", -1);
        for (char **p = names; *p; p++)
            if (*g_strstrip (*p) && strcmp (*p, "-") != 0)
                remember_state_name (gz, *p, id);
        g_strfreev (names);
        add_variants (gz, kind, GZ_FORM_NAME, id, col[1], rule);
        add_variants (gz, kind, GZ_FORM_DEMONYM, id, col[2], rule);
        add_variants (gz, kind, GZ_FORM_CAPITAL, id, col[3], rule);
        return 0;
    }
    case GZ_OFFICE: {
        int k = office_class (col[1]);
        if (k < 0) {
            g_string_printf (why, "unknown office class \"%s\"", col[1]);
            return -1;
        }
        ent.name = bilat__gazetteer_intern (gz, col[0]);
        ent.klass = k;
        int id = add_entity (gz, kind, &ent);
        add_variant (gz, kind, 0, id, col[0], rule);
        add_variants (gz, kind, 0, id, col[2], rule);
        add_plural (gz, id, col[0], rule);
        return 0;
    }
    case GZ_PERSON: {
        int sid = strcmp (col[1], "-") == 0 ? -1 : bilat__gazetteer_find_state (gz, col[1]);
        if (sid < 0 && strcmp (col[1], "-") != 0) {
            g_string_printf (why, "unknown state \"%s\"", col[1]);
            return -1;
        }
        ent.name = bilat__gazetteer_intern (gz, col[0]);
        ent.extra = sid >= 0 ? bilat__gazetteer_entity (gz, GZ_STATE, sid)->name : NULL;
        ent.office = strcmp (col[2], "-") == 0 ? NULL : bilat__gazetteer_intern (gz, col[2]);
        if (strcmp (col[3], "-") != 0 && !bilat__date_parse (col[3], &ent.from)) {
            g_string_printf (why, "\"%s\" is not a YYYY-MM-DD date", col[3]);
            return -1;
        }
        if (strcmp (col[4], "-") != 0 && !bilat__date_parse (col[4], &ent.to)) {
            g_string_printf (why, "\"%s\" is not a YYYY-MM-DD date", col[4]);
            return -1;
        }
        int id = add_entity (gz, kind, &ent);
        add_variant (gz, kind, 0, id, col[0], rule);
        add_variants (gz, kind, 0, id, col[5], rule);
        return 0;
    }
    default: {
        ent.name = bilat__gazetteer_intern (gz, col[0]);
        int id = add_entity (gz, kind, &ent);
        /* Areas are keys, not phrases; every other kind's canonical is also a variant. */
        if (kind != GZ_AREA)
            add_variant (gz, kind, 0, id, col[0], rule);
        add_variants (gz, kind, 0, id, col[1], rule);
        return 0;
    }
    }
}

static gboolean
is_blank (const char *s)
{
    for (; *s; s++)
        if (!g_ascii_isspace (*s))
            return FALSE;
    return TRUE;
}

int
bilat__gazetteer_load (bilat_gazetteer *gz, int kind, const char *text, size_t len,
                       const char *origin, bilat_error **error)
{
    if (kind < GZ_STATE || kind > GZ_PERSON)
        return bilat__error_set (error, BILAT_EINVAL, -1, "unknown dictionary kind %d", kind);
    if (text == NULL && len > 0)
        return bilat__error_set (error, BILAT_EINVAL, -1, "dictionary text is NULL");
    const char *bad = NULL;
    if (!g_utf8_validate_len (text ? text : "", len, &bad))
        return bilat__error_set (error, BILAT_EPARSE, bad - text,
                                 "%s: invalid UTF-8 or NUL byte at offset %td", origin,
                                 bad - text);
    GString *why = g_string_new (NULL);
    size_t pos = 0, lineno = 0;
    int rc = BILAT_OK;
    while (pos < len) {
        const char *start = text + pos;
        const char *nl = memchr (start, '\n', len - pos);
        size_t l = nl ? (size_t) (nl - start) : len - pos;
        lineno++;
        char *line = g_strndup (start, l);
        if (l && line[l - 1] == '\r')
            line[l - 1] = '\0';
        if (line[0] != '#' && !is_blank (line)) {
            char *rule = g_strdup_printf ("%s:%zu", origin, lineno);
            const char *r = bilat__gazetteer_intern (gz, rule);
            g_free (rule);
            char **col = g_strsplit (line, "\t", -1);
            int rcl = load_line (gz, kind, col, (int) g_strv_length (col), r, why);
            g_strfreev (col);
            if (rcl < 0) {
                rc = bilat__error_set (error, BILAT_EPARSE, (int64_t) pos,
                                       "%s line %zu: %s", origin, lineno, why->str);
                g_free (line);
                break;
            }
        }
        g_free (line);
        pos += l + 1;
    }
    g_string_free (why, TRUE);
    if (rc == BILAT_OK && gz->out_of_memory)
        rc = bilat__error_set (error, BILAT_ENOMEM, -1, "%s: out of memory", origin);
    return rc;
}

gboolean
bilat__gazetteer_out_of_memory (const bilat_gazetteer *gz)
{
    return gz->out_of_memory;
}

int
bilat__gazetteer_load_builtin (bilat_gazetteer *gz, bilat_error **error)
{
    /* States first: people name their state by code. */
    static const struct { int kind; const char *name; } order[] = {
        { GZ_STATE, "states.tsv" }, { GZ_ORG, "organizations.tsv" },
        { GZ_OFFICE, "offices.tsv" }, { GZ_AREA, "areas.tsv" }, { GZ_STATUS, "status.tsv" },
        { GZ_PERSON, "people.tsv" },
    };
    const char *data[] = { bilat__data_states, bilat__data_organizations, bilat__data_offices,
                           bilat__data_areas, bilat__data_status, bilat__data_people };
    const size_t lens[] = { bilat__data_states_len, bilat__data_organizations_len,
                            bilat__data_offices_len, bilat__data_areas_len,
                            bilat__data_status_len, bilat__data_people_len };
    for (size_t i = 0; i < G_N_ELEMENTS (order); i++) {
        int rc = bilat__gazetteer_load (gz, order[i].kind, data[i], lens[i], order[i].name,
                                        error);
        if (rc != BILAT_OK)
            return rc;
    }
    return BILAT_OK;
}

void
bilat__gazetteer_add_keyword (bilat_gazetteer *gz, int id, const char *variant,
                              gboolean capitalized)
{
    /* The one-word records keep a keyword's id in 16 bits. */
    g_return_if_fail (id >= 0 && id <= INT16_MAX);
    add_variant_cased (gz, GZ_KEYWORD, 0, id, variant, "keyword", !capitalized);
}

static uint64_t
entry_key (const bilat_gazetteer *gz, const gz_entry *e)
{
    const gz_token *t = &g_array_index (gz->tokens, gz_token, e->tok);
    uint64_t h = (uint64_t) e->kind * 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < e->ntok; i++)
        h = (h ^ t[i].hash) * 0x100000001b3ULL;
    return h;
}

static inline size_t
slot_of (const bilat_gazetteer *gz, uint64_t key)
{
    size_t mask = gz->cap - 1;
    size_t i = (size_t) (key ^ (key >> 29)) & mask;
    uint32_t k = (uint32_t) (key >> 32);
    while (gz->slots[i].head >= 0 && gz->slots[i].key != k)
        i = (i + 1) & mask;
    return i;
}

static inline void
filter_set (uint64_t *bits, uint64_t h)
{
    bits[GZ_FILTER_BIT (h) >> 6] |= 1ULL << (GZ_FILTER_BIT (h) & 63);
}

/* Does dictionary token t match only a text token with a capital? A capitalized word does,
 * and an exact one that starts with a capital. */
static gboolean
needs_capital (const gz_token *t)
{
    return t->mode == CASE_INITIAL || (t->mode == CASE_EXACT && g_ascii_isupper (t->bytes[0]));
}

static inline const gz_one *
one_of (const bilat_gazetteer *gz, uint64_t hash)
{
    return bilat__gz_one_of (gz->ones, gz->ones_cap - 1, hash);
}

/* The one-word walk of match() below for a word of this hash, lower case ([0]) or
 * capitalized ([1]): the same rules, on entries of one word only. */
static void
summarize_one (const bilat_gazetteer *gz, int32_t head, uint64_t hash, gz_one *o,
               int32_t kw_entry[2])
{
    o->hash = hash;
    for (int up = 0; up < 2; up++) {
        int32_t best = -1, kw = -1;
        for (int32_t j = head; j >= 0; j = gz->hot[j].next) {
            const gz_hot *e = &gz->hot[j];
            if (e->ntok != 1 || e->hash0 != hash)
                continue;
            gboolean want_kw = e->kind == GZ_KEYWORD && kw < 0;
            gboolean want_best = best < 0 || kind_rank[e->kind] > kind_rank[gz->hot[best].kind];
            if (!want_best && !want_kw)
                continue;
            if (e->mode0 == CASE_INITIAL && !up)
                continue;
            if (e->mode0 == CASE_EXACT) {
                o->best[0] = o->best[1] = GZ_ONE_WALK;
                return;
            }
            if (want_best)
                best = j;
            if (want_kw)
                kw = j;
        }
        const gz_entry *es = (const gz_entry *) gz->entries->data;
        o->best[up] = best;
        o->id[up] = best >= 0 ? es[best].id : -1;
        o->kind[up] = best >= 0 ? es[best].kind : 0;
        o->form[up] = best >= 0 ? es[best].form : 0;
        o->kw[up] = (int16_t) (kw >= 0 ? es[kw].id : -1);
        kw_entry[up] = kw;
    }
}

static void
build_ones (bilat_gazetteer *gz)
{
    /* Distinct first words, for the size: at most half full, so that a probe ends at the
     * first or second record. */
    GHashTable *firsts = g_hash_table_new (g_int64_hash, g_int64_equal);
    for (size_t j = 0; j < gz->entries->len; j++)
        if (gz->hot[j].ntok > 0)
            g_hash_table_add (firsts, &gz->hot[j].hash0);
    size_t n = g_hash_table_size (firsts);
    g_hash_table_destroy (firsts);
    gz->ones_cap = 16;
    while (gz->ones_cap < 2 * n + 16)
        gz->ones_cap <<= 1;
    g_free (gz->ones);
    gz->ones = g_new0 (gz_one, gz->ones_cap);
    g_free (gz->ones_kw);
    gz->ones_kw = g_new (int32_t, 2 * gz->ones_cap);
    for (size_t i = 0; i < gz->ones_cap; i++)
        gz->ones[i].best[0] = GZ_ONE_FREE;
    memset (gz->first_bits, 0, sizeof gz->first_bits);
    size_t mask = gz->ones_cap - 1;
    /* A record for every first word; one-word entries fill in its results. */
    for (size_t j = 0; j < gz->entries->len; j++) {
        if (gz->hot[j].ntok == 0)
            continue;
        uint64_t h = gz->hot[j].hash0;
        gz_one *o = (gz_one *) one_of (gz, h);
        if (o == NULL) {
            size_t i = GZ_ONE_SLOT (h) & mask;
            while (gz->ones[i].best[0] != GZ_ONE_FREE)
                i = (i + 1) & mask;
            o = &gz->ones[i];
            summarize_one (gz, gz->slots[slot_of (gz, h)].head, h, o, &gz->ones_kw[2 * i]);
        }
        filter_set (gz->first_bits[1], h);
        if (!needs_capital (&g_array_index (gz->tokens, gz_token, gz->hot[j].tok)))
            filter_set (gz->first_bits[0], h);
        if (gz->hot[j].ntok > 1)
            o->longer = 1;
    }
}

static gint
by_length (gconstpointer a, gconstpointer b, gpointer data)
{
    const gz_entry *es = data;
    guint x = *(const guint *) a, y = *(const guint *) b;
    if (es[x].ntok != es[y].ntok)
        return es[x].ntok > es[y].ntok ? -1 : 1;
    return x < y ? -1 : x > y;
}

void
bilat__gazetteer_freeze (bilat_gazetteer *gz)
{
    size_t n = gz->entries->len;
    gz_entry *es = (gz_entry *) gz->entries->data;
    /* A later entry with the same kind and tokens overrides an earlier one: that is how a
     * user dictionary re-points a built-in variant. */
    GHashTable *seen = g_hash_table_new (g_int64_hash, g_int64_equal);
    uint64_t *keys = g_new (uint64_t, n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        keys[i] = entry_key (gz, &es[i]);
        gpointer prev;
        if (g_hash_table_lookup_extended (seen, &keys[i], NULL, &prev))
            es[GPOINTER_TO_SIZE (prev)].ntok = 0;
        g_hash_table_insert (seen, &keys[i], GSIZE_TO_POINTER (i));
    }
    g_hash_table_destroy (seen);
    g_free (keys);

    /* At most two thirds full: short probes. */
    gz->cap = 16;
    while (gz->cap < n + n / 2 + 16)
        gz->cap <<= 1;
    g_free (gz->slots);
    gz->slots = g_new (gz_slot, gz->cap);
    for (size_t i = 0; i < gz->cap; i++)
        gz->slots[i] = (gz_slot) { 0, -1 };
    /* Each chain lists longer entries first (file order among equals), so that a lookup
     * can stop at the first entry shorter than its best match. */
    memset (gz->pair_bits, 0, sizeof gz->pair_bits);
    memset (gz->triple_bits, 0, sizeof gz->triple_bits);
    memset (gz->two_bits, 0, sizeof gz->two_bits);
    guint *order = g_new (guint, n ? n : 1);
    for (size_t j = 0; j < n; j++)
        order[j] = (guint) j;
    g_qsort_with_data (order, (gint) n, sizeof (guint), by_length, es);
    for (size_t r = n; r-- > 0;) {
        size_t j = order[r];
        if (es[j].ntok == 0)
            continue;
        const gz_token *t = &g_array_index (gz->tokens, gz_token, es[j].tok);
        /* One-word entries are keyed by their word, two-word ones by both words, longer
         * ones by their first three words, so that a lookup at "Minister" does not walk a
         * hundred "Minister of ..." titles, nor one at "Minister of" the "Minister of
         * Foreign ..." ones. */
        uint64_t h = t[0].hash;
        if (es[j].ntok > 1) {
            h = bilat__gz_pair_key (t[0].hash, t[1].hash);
            filter_set (gz->pair_bits[needs_capital (&t[0])], h);
            if (es[j].ntok == 2)
                filter_set (gz->two_bits, h);
            if (es[j].ntok > 2) {
                h = bilat__gz_pair_key (h, t[2].hash);
                filter_set (gz->triple_bits, h);
            }
        }
        size_t s = slot_of (gz, h);
        es[j].next = gz->slots[s].head;
        gz->slots[s] = (gz_slot) { (uint32_t) (h >> 32), (int32_t) j };
    }
    g_free (order);
    g_free (gz->hot);
    gz->hot = g_new (gz_hot, n ? n : 1);
    for (size_t j = 0; j < n; j++) {
        const gz_token *t = &g_array_index (gz->tokens, gz_token, es[j].tok);
        gz->hot[j] = (gz_hot) { .hash0 = es[j].ntok ? t[0].hash : 0,
                                .hash1 = es[j].ntok > 1 ? t[1].hash : 0, .next = es[j].next,
                                .tok = es[j].tok, .ntok = es[j].ntok, .kind = es[j].kind,
                                .mode0 = es[j].ntok ? t[0].mode : 0,
                                .mode1 = es[j].ntok > 1 ? t[1].mode : 0 };
    }
    build_ones (gz);
}

static inline gboolean
token_fits (const gz_token *dt, const bilat_token *t, const char *text)
{
    if (dt->hash != t->hash)
        return FALSE;
    switch (dt->mode) {
    case CASE_EXACT:
        return t->end - t->start == dt->len && memcmp (text + t->start, dt->bytes, dt->len) == 0;
    case CASE_INITIAL:
        return (t->flags & BILAT_TOK_UPPER) != 0;
    default:
        return TRUE;
    }
}

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__ ((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* A lookup at one token: what its walks read, and what they have found so far. */
typedef struct {
    const gz_hot *hot;
    const gz_entry *es;
    const gz_token *dts;
    const char *text;
    const bilat_token *t;   /* the tokens from the one looked up */
    size_t room;            /* how many of them the lookup may use */
    int kind;               /* 0: any */
    gboolean want_kw;       /* the caller asks for the keyword, and none is found yet */
    const gz_entry *best, *kw;
    unsigned best_ntok, best_kind;  /* best's, kept here: the entry is far away */
} gz_lookup;

/* Walk one chain from entry j, keeping in l what beats what it has found. */
static ALWAYS_INLINE void
walk_chain (gz_lookup *l, int32_t j)
{
    const bilat_token *t = l->t;
    for (; j >= 0; j = l->hot[j].next) {
        const gz_hot *e = &l->hot[j];
        gboolean want_kw = l->want_kw && e->kind == GZ_KEYWORD;
        if (l->best && e->ntok < l->best_ntok && !l->want_kw)
            break;
        if (e->ntok > l->room || (l->kind && e->kind != l->kind))
            continue;
        gboolean want_best = !l->best || (e->ntok == l->best_ntok &&
                                          kind_rank[e->kind] > kind_rank[l->best_kind]);
        if (!want_best && !want_kw)
            continue;
        /* The first two tokens from the hot record; the others, rarer, and exact-case
         * bytes from the dictionary's tokens. */
        if (e->hash0 != t[0].hash ||
            (e->mode0 == CASE_INITIAL && !(t[0].flags & BILAT_TOK_UPPER)))
            continue;
        const gz_token *dt = &l->dts[e->tok];
        if (e->mode0 == CASE_EXACT && !token_fits (dt, &t[0], l->text))
            continue;
        unsigned k = 1;
        if (e->ntok > 1) {
            /* Words of a name are not split across a line break. */
            if (e->hash1 != t[1].hash || (t[1].flags & BILAT_TOK_NEWLINE) ||
                (e->mode1 == CASE_INITIAL && !(t[1].flags & BILAT_TOK_UPPER)) ||
                (e->mode1 == CASE_EXACT && !token_fits (&dt[1], &t[1], l->text)))
                continue;
            k = 2;
        }
        while (k < e->ntok && !(t[k].flags & BILAT_TOK_NEWLINE) &&
               token_fits (&dt[k], &t[k], l->text))
            k++;
        if (k != e->ntok)
            continue;
        const gz_entry *full = &l->es[j];
        if (want_best) {
            l->best = full;
            l->best_ntok = e->ntok;
            l->best_kind = e->kind;
        }
        if (want_kw) {
            l->kw = full;
            l->want_kw = FALSE;
        }
    }
}

/* The longest entry of `kind` (0: any) at token i, and through best_kw (when not NULL) the
 * best keyword. Inlined into each caller, so that the lookup of the mention pass (any kind,
 * keywords too) is compiled for its constant arguments. */
static ALWAYS_INLINE const gz_entry *
match (const bilat_gazetteer *gz, const char *text, const bilat_token *toks, size_t i,
       size_t limit, int kind, const gz_entry **best_kw)
{
    if (best_kw)
        *best_kw = NULL;
    if (gz->cap == 0 || i >= limit)
        return NULL;
    const bilat_token *t0 = &toks[i];
    /* Every word that starts an entry has a record: a word without one starts nothing. */
    const gz_one *o = one_of (gz, t0->hash);
    if (o == NULL)
        return NULL;
    gz_lookup l = { .hot = gz->hot, .es = (const gz_entry *) gz->entries->data,
                    .dts = (const gz_token *) gz->tokens->data, .text = text, .t = t0,
                    .room = limit - i, .kind = kind, .want_kw = best_kw != NULL };
    gboolean upper = (t0->flags & BILAT_TOK_UPPER) != 0;
    /* Entries of three words or more first (keyed by their first three), then those of two
     * words, then one-word entries: longest first, as within each chain. Each probe is
     * made only when a filter says its chain may hold an entry. */
    if (o->longer && l.room > 1 && !(t0[1].flags & BILAT_TOK_NEWLINE)) {
        uint64_t pk = bilat__gz_pair_key (t0[0].hash, t0[1].hash);
        if (bilat__gz_filter_has (gz->pair_bits[0], pk) ||
            (upper && bilat__gz_filter_has (gz->pair_bits[1], pk))) {
            if (l.room > 2 && !(t0[2].flags & BILAT_TOK_NEWLINE)) {
                uint64_t tk = bilat__gz_pair_key (pk, t0[2].hash);
                if (bilat__gz_filter_has (gz->triple_bits, tk))
                    walk_chain (&l, gz->slots[slot_of (gz, tk)].head);
            }
            if (bilat__gz_filter_has (gz->two_bits, pk))
                walk_chain (&l, gz->slots[slot_of (gz, pk)].head);
        }
    }
    /* One-word entries: what their walk would add was worked out at the freeze, unless the
     * chain holds an exact-case entry or the kind is one the record does not keep. A longer
     * best hides them; a one-word best found above can only come from this same chain
     * (sharing a slot with a longer key), walked already. So the record fills in only what
     * is still missing. */
    if (o->best[0] != GZ_ONE_WALK && (kind == 0 || kind == GZ_KEYWORD)) {
        const int32_t *kw_entry = &gz->ones_kw[2 * (o - gz->ones)];
        if (kind == GZ_KEYWORD) {
            if (!l.best && o->kw[upper] >= 0)
                l.best = &l.es[kw_entry[upper]];
        } else {
            if (!l.best && o->best[upper] >= 0)
                l.best = &l.es[o->best[upper]];
            if (l.want_kw && o->kw[upper] >= 0)
                l.kw = &l.es[kw_entry[upper]];
        }
    } else {
        walk_chain (&l, gz->slots[slot_of (gz, t0->hash)].head);
    }
    if (best_kw)
        *best_kw = l.kw;
    return l.best;
}

const gz_entry *
bilat__gazetteer_match2 (const bilat_gazetteer *gz, const char *text, const bilat_token *toks,
                         size_t i, size_t limit, const gz_entry **keyword)
{
    return match (gz, text, toks, i, limit, 0, keyword);
}

void
bilat__gazetteer_view (const bilat_gazetteer *gz, gz_view *v)
{
    *v = (gz_view) { .gz = gz, .entries = (const gz_entry *) gz->entries->data,
                     .ones = gz->ones, .ones_mask = gz->ones_cap ? gz->ones_cap - 1 : 0,
                     .pair_bits = { gz->pair_bits[0], gz->pair_bits[1] },
                     .first_bits = { gz->first_bits[0], gz->first_bits[1] } };
}

const gz_entry *
bilat__gazetteer_match (const bilat_gazetteer *gz, const char *text, const bilat_token *toks,
                        size_t i, size_t limit)
{
    return match (gz, text, toks, i, limit, 0, NULL);
}

const gz_entry *
bilat__gazetteer_match_kind (const bilat_gazetteer *gz, const char *text,
                             const bilat_token *toks, size_t i, size_t limit, int kind)
{
    return match (gz, text, toks, i, limit, kind, NULL);
}

const gz_entity *
bilat__gazetteer_entity (const bilat_gazetteer *gz, int kind, int id)
{
    if (kind < 1 || kind > 7 || id < 0 || (guint) id >= gz->entities[kind]->len)
        return NULL;
    return &g_array_index (gz->entities[kind], gz_entity, id);
}

size_t
bilat__gazetteer_n_entities (const bilat_gazetteer *gz, int kind)
{
    return kind >= 1 && kind <= 7 ? gz->entities[kind]->len : 0;
}

int
bilat__gazetteer_find_state (const bilat_gazetteer *gz, const char *name)
{
    if (name == NULL)
        return -1;
    /* Codes and most names are short ASCII: folded on the stack, as g_utf8_strdown would. */
    char buf[64];
    size_t n = 0;
    for (; name[n] && n < sizeof buf - 1 && (unsigned char) name[n] < 0x80; n++)
        buf[n] = g_ascii_tolower (name[n]);
    if (name[n] == '\0') {
        buf[n] = '\0';
        gpointer v = g_hash_table_lookup (gz->state_names, buf);
        return v ? GPOINTER_TO_INT (v) - 1 : -1;
    }
    char *low = g_utf8_strdown (name, -1);
    gpointer v = g_hash_table_lookup (gz->state_names, low);
    g_free (low);
    return v ? GPOINTER_TO_INT (v) - 1 : -1;
}
