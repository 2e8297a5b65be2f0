/* SPDX-License-Identifier: MIT */
/* Extraction internals: the per-call context every stage reads and fills. */
#ifndef BILAT_EXTRACT_PRIVATE_H
#define BILAT_EXTRACT_PRIVATE_H

#include "../core/core-private.h"
#include "../gazetteer/gazetteer-private.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#define BILAT_DEFAULT_MAX_SIZE ((size_t) 64 * 1024 * 1024)

typedef struct {
    int kind;
    char *text;
    size_t len;
    char *origin;
} bilat_user_dict;

struct bilat_options {
    GDate date;
    gboolean has_date;
    size_t max_size;
    gboolean repair;
    GPtrArray *dicts;  /* bilat_user_dict */
};

/* Keywords the rules key on; each is a gazetteer entry of kind GZ_KEYWORD. */
typedef enum {
    KW_NONE = 0,
    KW_VISIT, KW_ARRIVE, KW_TRIP, KW_MEET, KW_RECEIVE, KW_PHONE, KW_VIDEO, KW_SIGN,
    KW_DOC, KW_DOCS, KW_INVITE, KW_ACCEPT, KW_MONTH, KW_WEEKDAY, KW_HONORIFIC,
    KW_COUNTERPART, KW_SIDES, KW_SIDE, KW_STOP, KW_INSTITUTION, KW_PORTFOLIO, KW_RELATIONS,
    KW_BETWEEN, KW_PARTICLE, KW_SUFFIX, KW_REACHED, KW_PRESENCE, KW_NAME_NOUN, KW_COOP
} bilat_keyword;

/* Working arrays kept between extractions (scratch.c). */
typedef struct bilat_scratch bilat_scratch;
typedef struct {
    /* A pthread mutex, not a GMutex: GLib's is built on futexes that ThreadSanitizer does
     * not see, and the threads test runs clean under it. */
    pthread_mutex_t lock;
    GPtrArray *free;  /* bilat_scratch *, ready for the next extraction */
} bilat_scratch_pool;

struct bilat_extractor {
    bilat_gazetteer *gz;
    bilat_scratch_pool *scratch;  /* changes under its lock: extractors are shared */
    GDate date;
    gboolean has_date;
    size_t max_size;
    gboolean repair;
    pcre2_code *date_re;
    pcre2_match_context *mctx_template;
};

/* Test hook (tests/limits): compile the date pattern again, with or without JIT (PCRE2's JIT
 * ignores the depth limit), and set the match and depth limits every call copies; 0 is the
 * default. Only on an extractor no other thread uses yet. */
int bilat__extractor_set_date_limits (bilat_extractor *ex, gboolean jit, uint32_t match_limit,
                                      uint32_t depth_limit);
/* Test hook (tests/unit): where the commonest dates are read by hand, and the pattern would
 * read something else, in text (see dates.c). */
size_t bilat__dates_check_plain (const char *text, size_t len, const GDate *date,
                                 size_t *n_plain);

/* A token flag of extraction's own, above the tokenizer's: set by the mention pass on the
 * tokens of a mention that cannot hold a person's name (all but people and particles), so
 * that the search for names tests one word per token. */
enum { BILAT_TOK_CLAIMED = 1u << 16 };

/* tok_mention of the tokens of a keyword that is nothing else (see ctx_mention_at). */
enum { BILAT_KEYWORD_SPAN = -2 };

/* A dictionary hit over tokens [tb, te). */
typedef struct {
    uint32_t tb, te;
    int32_t sent;
    uint8_t kind;      /* gz_kind */
    uint8_t form;      /* gz_form for states */
    uint8_t dateline;  /* inside a dateline, or part of a name ("Saudi Fund"): not an actor */
    uint8_t pad;
    int32_t id;        /* entity id or keyword */
    const gz_entry *entry;
} bilat_mention;

typedef struct {
    uint32_t tb, te;   /* tokens */
    uint32_t start, end;  /* normalized bytes */
} bilat_sentence;

/* A resolved date expression. */
typedef struct {
    uint32_t start, end;  /* normalized bytes */
    int32_t sent;
    char value[11];       /* "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" when unresolved */
    uint8_t is_range;     /* "for 2024-2026": a period, not an event date */
    uint8_t is_since;     /* "since 1992" */
} bilat_date_expr;

/* A person as read from the text. */
typedef struct {
    const char *name;
    int state;            /* gazetteer state id or -1 */
    GPtrArray *offices;   /* const char * (doc strings) */
    uint32_t start, end;  /* first naming, normalized bytes */
    int32_t sent;
    const char *rule;
    uint64_t surname;     /* token hash of the surname */
    int32_t counterpart_of;  /* person index whose office a "counterpart" shares, or -1 */
    gboolean from_counterpart;
    uint64_t name_bloom;  /* a bit per word of the name: a quick "cannot agree" */
    int name_parts;       /* parts of the name between " ", "-" and "."; 0 (and no bloom)
                           * until people.c first compares the name */
} bilat_person;

/* Where a person is named: token range and person index. */
typedef struct {
    uint32_t tb, te;
    int32_t person;
    int32_t sent;
} bilat_person_ref;

/* An office named with or without a person ("the Beninese Foreign Minister"). */
typedef struct {
    uint32_t tb, te;      /* the whole chain, state words included */
    int32_t state;
    int32_t person;       /* -1 when no name follows */
    int32_t sent;
    int klass;
} bilat_office_ref;

typedef struct bilat_fact_priv bilat_fact_priv;

/* Everything one call works on; freed when the call ends. */
typedef struct {
    const bilat_extractor *ex;
    bilat_text text;
    bilat_tokens toks;
    GArray *sents;      /* bilat_sentence */
    GArray *mentions;   /* bilat_mention */
    int32_t *tok_mention;  /* token -> mention index, BILAT_KEYWORD_SPAN or -1 */
    int32_t *tok_sent;     /* token -> sentence */
    uint8_t *tok_kw;       /* token -> keyword starting there (bilat_keyword), 0 if none */
    uint8_t *tok_kw_len;   /* its length in tokens */
    GArray *dates;      /* bilat_date_expr */
    GArray *persons;    /* bilat_person */
    GArray *person_refs;   /* bilat_person_ref */
    GArray *office_refs;   /* bilat_office_ref */
    GDate date;
    gboolean has_date;
    struct bilat_doc *doc;
    pcre2_match_data *md;        /* the scratch's */
    pcre2_match_context *mctx;   /* the extractor's: shared, never changed while in use */
    int main_a, main_b;    /* the pair the document is mostly about, or -1 */
    int traveller;         /* the state whose visits the document reports most, or -1 */
    int dateline_state;    /* the state of the dateline city, or -1 */
    int protagonist;       /* the state of the person named most often, or -1 */
    struct bilat_events *events;  /* events: the stage's working state (events.c) */
    const char **state_codes; /* state id -> its code interned in the doc, filled on use
                               * (the scratch's) */
    uint8_t *state_fact;      /* state id -> the doc has its state fact (while gathering) */
    size_t n_states;          /* entries of the two */
    int32_t *tok_person;      /* token -> person named there, or -1 */
    bilat_scratch *scratch;   /* owner of the arrays above, lent by the extractor */
} bilat_ctx;

void bilat__scratch_pool_init (bilat_scratch_pool *pool);
void bilat__scratch_pool_clear (bilat_scratch_pool *pool);
/* Lend c the working arrays: tokens (empty, with room), sentences, mentions, dates,
 * persons and references (empty). */
void bilat__scratch_take (bilat_scratch_pool *pool, bilat_ctx *c);
/* Size and reset the per-token indexes for n entries (all but tok_sent, which
 * bilat__split_sentences writes whole); FALSE when memory ran out. */
gboolean bilat__scratch_token_arrays (bilat_ctx *c, size_t n);
/* A buffer of at least cap bytes for the normalized text, or NULL when memory ran out. */
char *bilat__scratch_text (bilat_ctx *c, size_t cap);
/* Match data for the extractor's date pattern, or NULL when memory ran out. */
pcre2_match_data *bilat__scratch_match_data (bilat_ctx *c);
/* Set c's state tables (state_codes, state_fact) for n states: all NULL and 0. */
void bilat__scratch_state_tables (bilat_ctx *c, size_t n);
/* The doc's copy of s (n bytes), one per content in a document (bilat__ctx_intern_name). */
const char *bilat__scratch_intern (bilat_ctx *c, const char *s, size_t n);
/* TRUE when the pair (a, b) was shown before in this extraction; it is remembered. */
gboolean bilat__scratch_pair_seen (bilat_ctx *c, const void *a, const void *b);
/* Return what c borrowed (persons' office arrays are freed, unless gathering took them). */
void bilat__scratch_give_back (bilat_scratch_pool *pool, bilat_ctx *c);

/* Seconds spent in each stage of bilat_extract, summed over calls while bilat__stage_clock_on
 * is set. For the benchmark runner only: one process, one thread, no locking. */
enum {
    BILAT_STAGE_TEXT,       /* normalization and offset map */
    BILAT_STAGE_TOKENS,
    BILAT_STAGE_SENTENCES,
    BILAT_STAGE_MENTIONS,   /* the dictionary walk */
    BILAT_STAGE_DATES,
    BILAT_STAGE_PEOPLE,
    BILAT_STAGE_EVENTS,
    BILAT_STAGE_GATHER,     /* countries, persons and pairs into the document */
    BILAT_N_STAGES
};
extern gboolean bilat__stage_clock_on;
extern double bilat__stage_seconds[BILAT_N_STAGES];
extern const char *const bilat__stage_names[BILAT_N_STAGES];

/* Stages, in the order they run. */
void bilat__split_sentences (bilat_ctx *c);
void bilat__find_mentions (bilat_ctx *c);
int bilat__find_dates (bilat_ctx *c, bilat_error **error);
void bilat__find_people (bilat_ctx *c);
void bilat__find_events (bilat_ctx *c);

/* Helpers shared by the stages. */
static inline const bilat_token *
ctx_tok (const bilat_ctx *c, size_t i)
{
    return &c->toks.data[i];
}
/* The mention over token tok, or NULL. A keyword that is nothing else has no mention, only
 * its place in the keyword layer (tok_kw) and BILAT_KEYWORD_SPAN over its tokens: most
 * mentions would be keywords, which the walks never look at ("counterpart", which the
 * people walk starts from, keeps a mention). */
static inline const bilat_mention *
ctx_mention_at (const bilat_ctx *c, size_t tok)
{
    int32_t m = c->tok_mention[tok];
    return m >= 0 ? &g_array_index (c->mentions, bilat_mention, m) : NULL;
}
/* Does a mention or a keyword cover token tok? */
static inline gboolean
ctx_covered (const bilat_ctx *c, size_t tok)
{
    return c->tok_mention[tok] != -1;
}
/* The keyword that starts at token tok and is nothing else, or KW_NONE. */
static inline int
ctx_keyword_only_at (const bilat_ctx *c, size_t tok)
{
    return c->tok_mention[tok] == BILAT_KEYWORD_SPAN ? c->tok_kw[tok] : KW_NONE;
}
/* a and b, n bytes each, are equal but for ASCII case: g_ascii_strncasecmp () == 0 on words
 * of n bytes, in line (the call cost more than the short words it compares). */
static inline gboolean
bilat__same_word (const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char) a[i], y = (unsigned char) b[i];
        if (x == y)
            continue;
        x = (x >= 'A' && x <= 'Z') ? (unsigned char) (x + 32) : x;
        y = (y >= 'A' && y <= 'Z') ? (unsigned char) (y + 32) : y;
        if (x != y)
            return FALSE;
    }
    return TRUE;
}

/* True when token i is the word w (case-insensitive). Inline, so that the length of a
 * literal is known at compile time; most calls fail on the first letter. */
static inline gboolean
bilat__tok_is (const bilat_ctx *c, size_t i, const char *w)
{
    const bilat_token *t = ctx_tok (c, i);
    if (((unsigned char) c->text.text[t->start] | 0x20) != ((unsigned char) w[0] | 0x20))
        return FALSE;
    size_t n = strlen (w);
    return t->end - t->start == n && bilat__same_word (c->text.text + t->start, w, n);
}
/* True when token i is the punctuation mark ch. */
static inline gboolean
bilat__tok_punct (const bilat_ctx *c, size_t i, char ch)
{
    const bilat_token *t = ctx_tok (c, i);
    return (t->flags & BILAT_TOK_PUNCT) && c->text.text[t->start] == ch;
}
/* Keyword id of token i (0 if none): the token must be the start of a keyword mention. */
static inline int
bilat__tok_keyword (const bilat_ctx *c, size_t i)
{
    return c->tok_kw[i];
}
/* A fixed list of words ("to", "in", "at"), tested against a token by its hash: a 256-bit
 * filter over the words' hashes turns most tokens away at once, then the token's first
 * letter and length (a bit per length below 16 for each letter), and the rest compare one
 * hash per word of that letter where string compares cost a call each. Declare it static
 * with only .words set; the rest is filled on first use, once, safely across threads. */
typedef struct {
    const char *words[48];  /* NULL-terminated when shorter */
    uint64_t hash[48];
    uint64_t filter[4];
    size_t n;
    uint16_t lens[27];      /* per first letter (26: any other byte), a bit per length */
    uint8_t at[28];         /* the words of letter k are by_letter[at[k], at[k + 1]) */
    uint8_t by_letter[48];  /* indexes into words, in the list's order per letter */
    uint8_t len[48];        /* words[k] is len[k] bytes (at most 255) */
    gsize ready;
} bilat_word_set;
void bilat__word_set_fill (bilat_word_set *ws);
/* The index of a word's letter in bilat_word_set.lens: 0-25 for ASCII letters, else 26. */
static inline unsigned
bilat__word_letter (unsigned char ch)
{
    unsigned low = ch | 0x20u;
    return low >= 'a' && low <= 'z' ? low - 'a' : 26;
}
/* Which of the words token i is (case-insensitive), as an index into the list, or -1. Words
 * of fifteen bytes or more share one length bit, which only lets more tokens through. */
static inline int
bilat__word_find (bilat_word_set *ws, const bilat_ctx *c, size_t i)
{
    if (G_UNLIKELY (!g_atomic_pointer_get (&ws->ready)))
        bilat__word_set_fill (ws);
    const bilat_token *t = &c->toks.data[i];
    uint64_t h = t->hash;
    if (!((ws->filter[h >> 62] >> ((h >> 56) & 63)) & 1))
        return -1;
    size_t n = t->end - t->start;
    unsigned key = bilat__word_letter ((unsigned char) c->text.text[t->start]);
    if (!((ws->lens[key] >> MIN (n, 15)) & 1))
        return -1;
    for (unsigned k = ws->at[key]; k < ws->at[key + 1]; k++) {
        unsigned w = ws->by_letter[k];
        if (ws->hash[w] == h)
            return n == ws->len[w] && bilat__same_word (c->text.text + t->start, ws->words[w], n)
                       ? (int) w
                       : -1;
    }
    return -1;
}
/* TRUE when token i is one of the words (case-insensitive). */
static inline gboolean
bilat__word_in (bilat_word_set *ws, const bilat_ctx *c, size_t i)
{
    return bilat__word_find (ws, c, i) >= 0;
}
/* Which of the words token i is, as written in the list, or NULL. */
static inline const char *
bilat__word_which (bilat_word_set *ws, const bilat_ctx *c, size_t i)
{
    int k = bilat__word_find (ws, c, i);
    return k >= 0 ? ws->words[k] : NULL;
}
/* bilat__state_code for a code not yet made in this document. */
const char *bilat__state_code_slow (bilat_ctx *c, int state);
/* The doc's copy of the state's code, or NULL for no state. Inline: gathering asks for it
 * at every mention of a state. */
static inline const char *
bilat__state_code (bilat_ctx *c, int state)
{
    if ((size_t) state < c->n_states && c->state_codes[state])
        return c->state_codes[state];
    return bilat__state_code_slow (c, state);
}
/* The doc's copy of s (a rule, a dictionary name, a date value): a plain copy, since most
 * are copied once per document and hashing them to share copies cost more than it saved. */
const char *bilat__ctx_copy (bilat_ctx *c, const char *s);
/* The doc's copy of a name, interned by content: a person named twice, or from the text
 * and from the dictionary, is one pointer (events compare people by pointer). */
const char *bilat__ctx_intern_name (bilat_ctx *c, const char *s);
/* text[start, end) with each run of white space made one space: in buf when it fits (cap
 * bytes, the NUL included), else in a block the caller frees. */
char *bilat__fold_span (const bilat_ctx *c, uint32_t start, uint32_t end, char *buf,
                        size_t cap);
/* The doc's copy of text[start, end), whitespace folded, interned by content. */
const char *bilat__doc_strndup (bilat_ctx *c, uint32_t start, uint32_t end);

/* The document of facts (doc.c). */
struct bilat_fact {
    int kind;
    size_t start, end;    /* caller's byte offsets */
    int sentence;
    const char *rule;
    const char *text;
    const char *state;
    GPtrArray *parties;   /* const char * */
    GPtrArray *offices;
    GPtrArray *persons;
    int event_type;
    const char *actor, *target, *level, *mode, *place, *date, *title, *cameo, *plover;
};

/* A document's facts (all but events), their lists and its strings are carved from blocks
 * it owns, the first inside the document itself: a few dozen small blocks per document, each
 * allocated and freed on its own, cost more than gathering the facts. Events are in the
 * blocks too, with their parties and persons; only the list of events is GLib's: events.c
 * sets its size (an agreement it drops is never made; a NULL holds its place while the
 * stage runs).
 *
 * So every facts[kind] but facts[BILAT_FACT_EVENT], and the parties and persons of pairs and
 * events, are arrays the doc owns (pdata in its blocks): read their public fields (len,
 * pdata, g_ptr_array_index), never pass them to g_ptr_array_* functions. */
typedef struct bilat_doc_block bilat_doc_block;
#define BILAT_DOC_FIRST_BLOCK 3072
struct bilat_doc {
    GPtrArray *facts[8];  /* bilat_fact * per kind; [0], no kind, stays NULL */
    GPtrArray lists[8];   /* what facts[kind] points to, but for events */
    char date[11];
    size_t n_sentences;
    char *room, *room_end;     /* what is left of the newest block */
    bilat_doc_block *blocks;   /* blocks after the first, newest first */
    size_t next_block;         /* bytes of the next block */
    max_align_t first[BILAT_DOC_FIRST_BLOCK / sizeof (max_align_t)];
};

bilat_doc *bilat__doc_new (void);
/* A new fact of the kind, zeroed but for kind and sentence (-1), in doc->facts[kind]. */
bilat_fact *bilat__doc_add (bilat_doc *doc, int kind);
/* A list the doc owns, with room for n entries, empty (see above). */
GPtrArray *bilat__doc_list (bilat_doc *doc, guint n);
/* Append p to *list, a list the doc owns that only this function fills (made on the first
 * call, when *list is NULL), growing it. */
void bilat__doc_list_add (bilat_doc *doc, GPtrArray **list, gpointer p);
/* A copy of s (n bytes, no NUL among them) in the doc, NUL-terminated. */
char *bilat__doc_copy_len (bilat_doc *doc, const char *s, size_t n);
/* A copy of s in the doc; NULL for NULL. */
const char *bilat__doc_copy (bilat_doc *doc, const char *s);

#endif /* BILAT_EXTRACT_PRIVATE_H */
