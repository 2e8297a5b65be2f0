/* SPDX-License-Identifier: MIT */
/* People and their offices, in the shapes releases use:
 *   OFFICE [of STATE] [, OFFICE [of STATE]]* NAME
 *                               "Minister of Foreign Affairs of Turkmenistan Rashid Meredov"
 *   STATE-ADJ OFFICE NAME / STATE's OFFICE NAME     "Kazakh Foreign Minister Murat Nurtleu"
 *   NAME, [the] OFFICE [of STATE]                    "Rashid Meredov, Minister of ..."
 *   his STATE-ADJ counterpart NAME                   "his Turkmen counterpart Rashid Meredov"
 * and later mentions by full name or surname. */
#include "extract-private.h"

#include <string.h>

static const bilat_mention *
mention_starting (const bilat_ctx *c, size_t i, int kind)
{
    const bilat_mention *m = ctx_mention_at (c, i);
    return (m && m->tb == i && (kind == 0 || m->kind == kind)) ? m : NULL;
}

/* memcpy, in line for the lengths of most words: two moves that may overlap. */
static inline void
copy_short (char *dst, const char *src, size_t n)
{
    if (n >= 8 && n <= 16) {
        memcpy (dst, src, 8);
        memcpy (dst + n - 8, src + n - 8, 8);
    } else if (n >= 4 && n < 8) {
        memcpy (dst, src, 4);
        memcpy (dst + n - 4, src + n - 4, 4);
    } else if (n < 4) {
        for (size_t k = 0; k < n; k++)
            dst[k] = src[k];
    } else {
        memcpy (dst, src, n);
    }
}

/* The text of tokens [tb, te) as bilat__fold_span writes it, in buf (cap bytes) or in a
 * block the caller frees; *len is its length. A token holds no white space, so the text is
 * the tokens' bytes with one space where white space parts two: copied token by token, not
 * byte by byte. A wider gap (two spaces, a blank line) goes to bilat__fold_span. */
static inline char *
fold_tokens (const bilat_ctx *c, size_t tb, size_t te, char *buf, size_t cap, size_t *len)
{
    const char *text = c->text.text;
    const bilat_token *t = ctx_tok (c, tb), *last = ctx_tok (c, te - 1);
    if ((size_t) (last->end - t->start) < cap) {
        size_t n = 0;
        for (uint32_t prev_end = t->start;; t++) {
            if (t->start != prev_end) {
                if (t->start - prev_end != 1 || (text[prev_end] != ' ' && text[prev_end] != '\n'))
                    goto wide;
                buf[n++] = ' ';
            }
            copy_short (buf + n, text + t->start, t->end - t->start);
            n += t->end - t->start;
            if (t == last)
                break;
            prev_end = t->end;
        }
        buf[n] = '\0';
        *len = n;
        return buf;
    }
wide:;
    char *s = bilat__fold_span (c, ctx_tok (c, tb)->start, last->end, buf, cap);
    *len = strlen (s);
    return s;
}

/* Lower-case words inside names: "Mohamed bin Zayed", "Pedro Passos Coelho", "Albert del
 * Rosario". */
static gboolean
is_particle (const bilat_ctx *c, size_t i)
{
    return bilat__tok_keyword (c, i) == KW_PARTICLE &&
           !(ctx_tok (c, i)->flags & BILAT_TOK_UPPER);
}

static gboolean
is_suffix (const bilat_ctx *c, size_t i)
{
    return bilat__tok_keyword (c, i) == KW_SUFFIX;
}

/* The flags of a token that may be part of a name: a capitalized word, not a possessive. Most
 * tokens fail this test, which needs no lookup. */
static inline gboolean
may_be_name_word (const bilat_token *t)
{
    return (t->flags & (BILAT_TOK_WORD | BILAT_TOK_UPPER | BILAT_TOK_POSS)) ==
           (BILAT_TOK_WORD | BILAT_TOK_UPPER);
}

/* A token that can be part of a name: a capitalized word no dictionary claims but the
 * people's and the particles' (BILAT_TOK_CLAIMED); t is its record. */
static inline gboolean
is_name_word_at (const bilat_ctx *c, const bilat_token *t)
{
    if (!may_be_name_word (t) || (t->flags & BILAT_TOK_CLAIMED))
        return FALSE;
    /* Acronyms are not names, but "Kh.Battulga" and single initials are. */
    if ((t->flags & BILAT_TOK_ALLCAPS) && t->end - t->start > 1 &&
        !memchr (c->text.text + t->start, '.', t->end - t->start))
        return FALSE;
    return TRUE;
}

static inline gboolean
is_name_word (const bilat_ctx *c, size_t i)
{
    return is_name_word_at (c, ctx_tok (c, i));
}

/* An initial: one capital followed by a dot ("S. Jaishankar", "Benigno S. Aquino"). */
static gboolean
is_initial (const bilat_ctx *c, size_t i, size_t limit)
{
    const bilat_token *t = ctx_tok (c, i);
    return i + 1 < limit && t->end - t->start == 1 && (t->flags & BILAT_TOK_UPPER) &&
           bilat__tok_punct (c, i + 1, '.');
}

/* "Luis Montenegro": token j, of mention m, is a one-word state name that ends a name. */
static gboolean
is_surname_state (const bilat_ctx *c, const bilat_mention *m, size_t j, size_t limit)
{
    if (m == NULL || m->kind != GZ_STATE || m->form != GZ_FORM_NAME || m->te != j + 1)
        return FALSE;
    if (ctx_tok (c, j)->flags & BILAT_TOK_NEWLINE)
        return FALSE;
    return j + 1 >= limit || !(ctx_tok (c, j + 1)->flags & BILAT_TOK_UPPER) ||
           (ctx_tok (c, j + 1)->flags & BILAT_TOK_PUNCT);
}

/* read_name past its first test. */
static size_t read_name_on (const bilat_ctx *c, size_t i, size_t limit);

/* The name starting at token i: returns its end (exclusive), or i when there is none. Most
 * tokens start none, having no capital and no known person, which is told in line. */
static inline size_t
read_name (const bilat_ctx *c, size_t i, size_t limit)
{
    if (i >= limit)
        return i;
    if (!(ctx_tok (c, i)->flags & BILAT_TOK_UPPER)) {
        /* Only a known person's name is taken whole (read_name_on) without a capital. */
        const bilat_mention *m = ctx_mention_at (c, i);
        if (!(m && m->kind == GZ_PERSON && m->tb == i && m->te <= limit))
            return i;
    }
    return read_name_on (c, i, limit);
}

/* Each token's record and mention are read once. */
static size_t
read_name_on (const bilat_ctx *c, size_t i, size_t limit)
{
    size_t j = i, last = i, words = 0;
    while (j < limit && words < 6) {
        const bilat_token *t = ctx_tok (c, j);
        const bilat_mention *m = ctx_mention_at (c, j);
        /* A name the people dictionary knows is taken whole ("Cho Tae-yul"). */
        if (m && m->kind == GZ_PERSON && m->tb == j && m->te <= limit) {
            words += m->te - m->tb;
            j = last = m->te;
            continue;
        }
        if (is_initial (c, j, limit)) {
            j += 2;
            words++;
            continue;
        }
        if (is_name_word_at (c, t)) {
            j++;
            last = j;
            words++;
            /* "Kassym-Jomart", "Sahle-Work": a hyphen with no space on either side. */
            if (j + 1 < limit && bilat__tok_punct (c, j, '-') &&
                !(ctx_tok (c, j)->flags & BILAT_TOK_SPACE) &&
                !(ctx_tok (c, j + 1)->flags & BILAT_TOK_SPACE)) {
                /* "Cho Tae-yul": the second half of a hyphenated given name may be lower
                 * case. */
                if (is_name_word (c, j + 1))
                    j++;
                else if ((ctx_tok (c, j + 1)->flags & BILAT_TOK_WORD) &&
                         !ctx_covered (c, j + 1)) {
                    j += 2;
                    last = j;
                }
            }
            continue;
        }
        if (words == 0)
            break;
        if (is_particle (c, j) && j + 1 < limit && is_name_word (c, j + 1)) {
            j++;
            continue;
        }
        if (is_suffix (c, j)) {
            j++;
            last = j;
            continue;
        }
        /* "Luis Montenegro", "Michael Jordan": a one-word state name right after a given
         * name, ending the name, is a surname. */
        if (words == 1 && last == j && is_surname_state (c, m, j, limit)) {
            j++;
            last = j;
            words++;
        }
        break;
    }
    return last;
}

/* The name ending just before token end, read backwards; returns its start or end. */
static size_t
read_name_back (const bilat_ctx *c, size_t end, size_t floor)
{
    size_t j = end, start = end, words = 0;
    while (j > floor && words < 6) {
        size_t k = j - 1;
        if (is_name_word (c, k) || is_suffix (c, k)) {
            j = k;
            if (is_name_word (c, k))
                start = j, words++;
            if (j > floor + 1 && bilat__tok_punct (c, j - 1, '-') &&
                !(ctx_tok (c, j - 1)->flags & BILAT_TOK_SPACE) &&
                !(ctx_tok (c, j)->flags & BILAT_TOK_SPACE) && is_name_word (c, j - 2))
                j--;
            continue;
        }
        if (k > floor && bilat__tok_punct (c, k, '.') && is_initial (c, k - 1, end)) {
            j = k - 1;
            start = j;
            words++;
            continue;
        }
        if (words > 0 && is_particle (c, k)) {
            j = k;
            continue;
        }
        break;
    }
    return start;
}

/* The next word of s (separated by spaces, hyphens or commas), skipping "of", "the" and
 * "for"; returns its length and sets *w, or 0 at the end. */
static size_t
next_word (const char **s, const char **w)
{
    for (;;) {
        const char *p = *s;
        while (*p == ' ' || *p == '-' || *p == ',')
            p++;
        const char *q = p;
        while (*q && *q != ' ' && *q != '-' && *q != ',')
            q++;
        *s = q;
        size_t n = (size_t) (q - p);
        if (n == 0)
            return 0;
        if ((n == 2 && bilat__same_word (p, "of", 2)) ||
            (n == 3 && (bilat__same_word (p, "the", 3) || bilat__same_word (p, "for", 3))))
            continue;
        *w = p;
        return n;
    }
}

/* Does every word of a occur in b? */
static gboolean
words_within (const char *a, const char *b)
{
    const char *w, *v;
    size_t n, m;
    while ((n = next_word (&a, &w)) > 0) {
        const char *bb = b;
        gboolean found = FALSE;
        while (!found && (m = next_word (&bb, &v)) > 0)
            found = m == n && bilat__same_word (w, v, n);
        if (!found)
            return FALSE;
    }
    return TRUE;
}

/* Does s hold a word next_word gives, not only "of", "the" and "for"? Most offices start
 * with one, which the first byte tells. */
static inline gboolean
has_word (const char *s)
{
    unsigned char ch = (unsigned char) *s, low = ch | 0x20;
    if (ch != '\0' && ch != ' ' && ch != '-' && ch != ',' && low != 'o' && low != 't' &&
        low != 'f')
        return TRUE;
    const char *w;
    return next_word (&s, &w) > 0;
}

/* How add_office keeps an office it adds: the pointer given (a doc string already), or
 * the doc's plain copy. Offices are compared by their text, never by pointer (the model
 * interns them by value), so they need not be interned like names. */
typedef enum { OFFICE_AS_IS, OFFICE_COPY } office_keep;

/* Keep the longest forms: an office whose words another office holds adds nothing
 * ("Minister" beside "Minister of Foreign Affairs"). office may be a scratch buffer: the
 * doc's copy (of len bytes) is made only when it is added. */
static inline void
add_office (bilat_ctx *c, bilat_person *p, const char *office, size_t len, office_keep keep)
{
    if (!has_word (office))
        return;
    for (guint i = 0; i < p->offices->len;) {
        const char *have = g_ptr_array_index (p->offices, i);
        /* Most often the person is named with the same title again. */
        if (strcmp (have, office) == 0 || words_within (office, have))
            return;
        if (words_within (have, office))
            g_ptr_array_remove_index (p->offices, i);
        else
            i++;
    }
    /* bilat__ctx_copy, with the length known. */
    if (keep == OFFICE_COPY)
        office = bilat__doc_copy_len (c->doc, office, len);
    g_ptr_array_add (p->offices, (gpointer) office);
}

static inline uint64_t
surname_of (const bilat_ctx *c, size_t tb, size_t te)
{
    for (size_t k = te; k-- > tb;) {
        const bilat_token *t = ctx_tok (c, k);
        if ((t->flags & BILAT_TOK_WORD) && !is_suffix (c, k) && t->end - t->start > 1) {
            /* "Kh.Battulga" is filed under "Battulga". Few words hold a dot: memchr tells. */
            const char *w = c->text.text + t->start, *e = c->text.text + t->end;
            if (memchr (w, '.', (size_t) (e - w)) == NULL)
                return t->hash;
            const char *dot = e;
            while (*--dot != '.')
                ;
            if ((size_t) (e - (dot + 1)) > 1)
                return bilat__token_hash (dot + 1, (size_t) (e - (dot + 1)));
            return t->hash;
        }
    }
    return ctx_tok (c, te - 1)->hash;
}

#define NAME_WORDS_MAX 32
/* How many of the people filed under a word a name is compared with (the latest). */
#define NAMESAKES_MAX 64

/* The parts of a name between " ", "-" and ".", empty ones included (as g_strsplit_set
 * gives them); -1 when there are more than NAME_WORDS_MAX. */
static int
name_parts (const char *s, const char **w, size_t *n)
{
    int k = 0;
    for (;;) {
        size_t len = strcspn (s, " -.");
        if (k == NAME_WORDS_MAX)
            return -1;
        w[k] = s;
        n[k++] = len;
        if (s[len] == '\0')
            return k;
        s += len + 1;
    }
}

/* Bytes that end a part of a name: space, hyphen, dot, and the end. */
static const unsigned char name_part_end[256] = { [0] = 1, [' '] = 1, ['-'] = 1, ['.'] = 1 };

/* A bit per non-empty part of a name, and the number of parts (as name_parts counts them):
 * if a part of the shorter name sets a bit the longer lacks, the names cannot agree
 * (names_agree), and the bytes need no comparing. One pass, a multiplicative hash per part. */
static void
name_sketch (const char *name, uint64_t *bloom, int *parts)
{
    uint64_t b = 0;
    int k = 0;
    uint32_t h = 0;
    const unsigned char *s = (const unsigned char *) name, *part = s;
    for (;; s++) {
        unsigned char ch = *s;
        if (!name_part_end[ch]) {
            h = (h + ch) * 0x9e3779b1u;
            continue;
        }
        if (s > part)
            b |= 1ULL << (h >> 26);
        k++;
        if (ch == '\0')
            break;
        part = s + 1;
        h = 0;
    }
    *bloom = b;
    *parts = k;
}

/* A person's sketch is worked out when the person is first compared (0 parts until then):
 * most people are never compared with another. */
static void
set_person_name (bilat_person *p, const char *name)
{
    p->name = name;
    p->name_parts = 0;
}

static inline void
sketch_person (bilat_person *p)
{
    if (p->name_parts == 0)
        name_sketch (p->name, &p->name_bloom, &p->name_parts);
}

/* Is every word of the shorter name in the longer one? ("Tokayev" in "Kassym-Jomart
 * Tokayev"; "Jeyhun Bayramov" in "Jeyhun Bayramov"). Words are compared in place: this
 * runs for every earlier person filed under a word of the name. */
static gboolean
names_agree (const char *a, const char *b)
{
    /* Most often the same name again. */
    if (strcmp (a, b) == 0)
        return TRUE;
    const char *wa[NAME_WORDS_MAX], *wb[NAME_WORDS_MAX];
    size_t na[NAME_WORDS_MAX], nb[NAME_WORDS_MAX];
    int ka = name_parts (a, wa, na), kb = name_parts (b, wb, nb);
    if (ka < 0 || kb < 0)
        return strcmp (a, b) == 0;
    gboolean a_shorter = ka <= kb;
    const char **ws = a_shorter ? wa : wb, **wl = a_shorter ? wb : wa;
    const size_t *ns = a_shorter ? na : nb, *nl = a_shorter ? nb : na;
    int ks = a_shorter ? ka : kb, kl = a_shorter ? kb : ka;
    for (int p = 0; p < ks; p++) {
        if (ns[p] == 0)
            continue;
        gboolean found = FALSE;
        for (int q = 0; q < kl && !found; q++)
            found = nl[q] == ns[p] && memcmp (ws[p], wl[q], ns[p]) == 0;
        if (!found)
            return FALSE;
    }
    return TRUE;
}

/* The people filed under each name word: person_at and later mentions look only there, so
 * that a document naming thousands of people stays linear. A table open-addressed by the
 * word's token hash; a word's people are a chain of filings, newest first. A release naming
 * a few people fits the arrays inside the struct, on the stack, small so that clearing them
 * costs little: no allocation per word, and none per document but for long lists of names. */
typedef struct {
    uint64_t word;
    int32_t last;           /* the newest filing under the word; -1: the slot is empty */
    int32_t first_surname;  /* the first person whose surname the word is, or -1 */
} name_slot;

typedef struct {
    int32_t person;
    int32_t older;          /* the filing before it under the same word, or -1 */
} name_filing;

#define INDEX_SLOTS 16      /* a power of two */
#define INDEX_FILINGS 128

#define REF_BATCH 32

typedef struct {
    name_slot *slots;
    size_t mask, used;
    name_filing *filings;
    size_t n_filings, cap_filings;
    uint64_t surnames[4];   /* a bit per word some person is first filed under as surname */
    /* References made and not yet in c->person_refs (add_ref): they go a batch at a time,
     * one call for a few dozen. */
    guint n_refs;
    bilat_person_ref refs[REF_BATCH];
    /* The states of the last few dictionary people (state_of_known): the gazetteer finds a
     * state by its name, and a document names the same people again. */
    guint n_known;
    const gz_entity *known[4];
    int known_state[4];
    name_slot slots0[INDEX_SLOTS];
    name_filing filings0[INDEX_FILINGS];
} name_index;

static void
index_init (name_index *ix)
{
    ix->slots = NULL;  /* the tables are cleared on first use (index_ready) */
    ix->mask = INDEX_SLOTS - 1;
    ix->used = 0;
    ix->filings = ix->filings0;
    ix->n_filings = 0;
    ix->cap_filings = INDEX_FILINGS;
    memset (ix->surnames, 0, sizeof ix->surnames);
    ix->n_refs = 0;
    ix->n_known = 0;
}

/* Clear the tables before the first person is filed: many documents name no one. */
static inline void
index_ready (name_index *ix)
{
    if (G_LIKELY (ix->slots != NULL))
        return;
    ix->slots = ix->slots0;
    /* All bits set: every slot's last is -1. */
    memset (ix->slots0, 0xff, sizeof ix->slots0);
}

static void
index_clear (name_index *ix)
{
    if (ix->slots != ix->slots0)
        g_free (ix->slots);
    if (ix->filings != ix->filings0)
        g_free (ix->filings);
}

/* The slot of word: its own, or the empty one where it would go. */
static name_slot *
index_slot (const name_index *ix, uint64_t word)
{
    for (size_t h = (size_t) (word ^ (word >> 32)) & ix->mask;; h = (h + 1) & ix->mask) {
        name_slot *s = &ix->slots[h];
        if (s->last < 0 || s->word == word)
            return s;
    }
}

/* The people filed under word, or NULL. */
static const name_slot *
same_surname (const name_index *ix, uint64_t word)
{
    const name_slot *s = index_slot (ix, word);
    return s->last >= 0 ? s : NULL;
}

static void
index_grow (name_index *ix)
{
    size_t n = (ix->mask + 1) * 2;
    name_slot *old = ix->slots;
    size_t old_n = ix->mask + 1;
    ix->slots = g_new (name_slot, n);
    ix->mask = n - 1;
    memset (ix->slots, 0xff, n * sizeof *ix->slots);
    for (size_t h = 0; h < old_n; h++)
        if (old[h].last >= 0)
            *index_slot (ix, old[h].word) = old[h];
    if (old != ix->slots0)
        g_free (old);
}

static inline void
file_person (name_index *ix, uint64_t word, int32_t person, uint64_t surname)
{
    name_slot *s = index_slot (ix, word);
    if (s->last < 0) {
        /* At most half full, so that a probe ends soon. */
        if (2 * (ix->used + 1) > ix->mask + 1) {
            index_grow (ix);
            s = index_slot (ix, word);
        }
        s->word = word;
        s->first_surname = -1;
        ix->used++;
    }
    if (ix->n_filings == ix->cap_filings) {
        ix->cap_filings *= 2;
        if (ix->filings == ix->filings0)
            ix->filings = g_memdup2 (ix->filings0, sizeof ix->filings0);
        ix->filings = g_renew (name_filing, ix->filings, ix->cap_filings);
    }
    ix->filings[ix->n_filings] = (name_filing) { .person = person, .older = s->last };
    s->last = (int32_t) ix->n_filings++;
    if (word == surname && s->first_surname < 0) {
        s->first_surname = person;
        ix->surnames[word >> 62] |= 1ULL << ((word >> 56) & 63);
    }
}

/* Append the references add_ref has made to c->person_refs. */
static void
flush_refs (bilat_ctx *c, name_index *ix)
{
    if (ix->n_refs > 0)
        g_array_append_vals (c->person_refs, ix->refs, ix->n_refs);
    ix->n_refs = 0;
}

static void
add_ref (bilat_ctx *c, name_index *ix, size_t tb, size_t te, int person)
{
    if (ix->n_refs == REF_BATCH)
        flush_refs (c, ix);
    ix->refs[ix->n_refs++] = (bilat_person_ref) { .tb = (uint32_t) tb, .te = (uint32_t) te,
                                                  .person = person, .sent = c->tok_sent[tb] };
    for (size_t k = tb; k < te; k++)
        c->tok_person[k] = person;
}

/* The person named by tokens [tb, te), merged with an earlier one when the names agree and
 * the states do not conflict. */
static int
person_at (bilat_ctx *c, name_index *ix, size_t tb, size_t te, int state, const char *rule)
{
    index_ready (ix);
    /* The name is compared in a buffer and interned when a person keeps it. */
    char buf[128];
    size_t name_len;
    char *name = fold_tokens (c, tb, te, buf, sizeof buf, &name_len);
    uint64_t bloom = 0;
    int parts = 0;  /* the name's sketch, worked out for the first candidate */
    int found = -1;
    /* Candidates are the people filed under any word of this name ("Xi" finds "Xi
     * Jinping", "Mohamed bin Zayed" finds "Mohamed bin Zayed Al Nahyan"). */
    for (size_t w = tb; w < te && found < 0; w++) {
        const bilat_token *t = ctx_tok (c, w);
        if (!(t->flags & BILAT_TOK_WORD) || t->end - t->start < 2)
            continue;
        const name_slot *nw = same_surname (ix, t->hash);
        if (nw == NULL)
            continue;
        /* A name refers back to one of the last people filed under its words: in a text of
         * thousands of people ("Ali", "Khan") older namesakes are not looked at. They are
         * tried oldest first. */
        int32_t recent[NAMESAKES_MAX];
        int n = 0;
        for (int32_t f = nw->last; f >= 0 && n < NAMESAKES_MAX; f = ix->filings[f].older)
            recent[n++] = ix->filings[f].person;
        if (parts == 0)
            name_sketch (name, &bloom, &parts);
        while (n-- > 0) {
            int32_t i = recent[n];
            bilat_person *p = &g_array_index (c->persons, bilat_person, i);
            sketch_person (p);
            gboolean p_shorter = p->name_parts <= parts;
            uint64_t need = p_shorter ? p->name_bloom : bloom;
            uint64_t have = p_shorter ? bloom : p->name_bloom;
            if ((need & ~have) || !names_agree (p->name, name))
                continue;
            if (state >= 0 && p->state >= 0 && p->state != state)
                continue;
            found = (int) i;
            if (name_len > strlen (p->name))
                set_person_name (p, bilat__scratch_intern (c, name, name_len));
            if (p->state < 0)
                p->state = state;
            break;
        }
    }
    if (found < 0) {
        uint64_t sur = surname_of (c, tb, te);
        found = (int) c->persons->len;
        g_array_set_size (c->persons, c->persons->len + 1);
        g_array_index (c->persons, bilat_person, found) = (bilat_person) {
            .name = bilat__scratch_intern (c, name, name_len), .name_bloom = bloom,
            .name_parts = parts, .state = state, .offices = g_ptr_array_new (),
            .start = ctx_tok (c, tb)->start, .end = ctx_tok (c, te - 1)->end,
            .sent = c->tok_sent[tb], .rule = rule, .surname = sur, .counterpart_of = -1
        };
        /* Filed under every word of the name, and under the surname proper. */
        int32_t idx = found;
        gboolean filed = FALSE;
        for (size_t w = tb; w < te; w++) {
            const bilat_token *t = ctx_tok (c, w);
            if ((t->flags & BILAT_TOK_WORD) && t->end - t->start >= 2) {
                file_person (ix, t->hash, idx, sur);
                filed |= t->hash == sur;
            }
        }
        if (!filed)
            file_person (ix, sur, idx, sur);
    }
    if (name != buf)
        g_free (name);
    add_ref (c, ix, tb, te, found);
    return found;
}

static size_t
skip_the (const bilat_ctx *c, size_t i, size_t limit)
{
    return (i < limit && bilat__tok_is (c, i, "the")) ? i + 1 : i;
}

/* Honorifics before a name are not part of it: "H.E. Mr.", "Dr.", "Sheikh". */
static inline size_t
skip_honorifics (const bilat_ctx *c, size_t i, size_t limit)
{
    while (i < limit && ctx_keyword_only_at (c, i) == KW_HONORIFIC) {
        i += c->tok_kw_len[i];
        if (i < limit && bilat__tok_punct (c, i, '.'))
            i++;
    }
    return i;
}

/* A state named as the holder of an office: "Kazakh", "Benin's", "of (the) Turkmenistan". */
static int
state_before (const bilat_ctx *c, size_t i, size_t floor, size_t *start)
{
    if (i > floor && ctx_tok (c, i - 1)->flags & BILAT_TOK_POSS)
        i--;
    if (i == floor)
        return -1;
    const bilat_mention *m = ctx_mention_at (c, i - 1);
    if (m && m->kind == GZ_STATE && m->te == i && m->form != GZ_FORM_CAPITAL) {
        *start = m->tb;
        return m->id;
    }
    return -1;
}

static gboolean
is_portfolio_word (const bilat_ctx *c, size_t k)
{
    if (bilat__tok_keyword (c, k) == KW_PORTFOLIO)
        return TRUE;
    /* Capitalized area words ("Energy", "Infrastructure") are portfolios too. */
    const bilat_mention *m = ctx_mention_at (c, k);
    return m && m->kind == GZ_AREA && (ctx_tok (c, k)->flags & BILAT_TOK_UPPER);
}

/* A capitalized word that leads into a portfolio word: "African" in "Minister of African
 * Integration and Foreign Affairs". A name never does, so a name after the office stays. */
static gboolean
leads_portfolio (const bilat_ctx *c, size_t k, size_t limit)
{
    const bilat_token *t = ctx_tok (c, k);
    if (!(t->flags & BILAT_TOK_WORD) || !(t->flags & BILAT_TOK_UPPER) || k + 1 >= limit)
        return FALSE;
    const bilat_mention *m = ctx_mention_at (c, k);
    if (ctx_covered (c, k) && !(m && m->kind == GZ_STATE && m->form == GZ_FORM_DEMONYM))
        return FALSE;
    return is_portfolio_word (c, k + 1);
}

/* Extend an office over its portfolio: "Minister of Infrastructure and Regional Development". */
static size_t
portfolio_end (const bilat_ctx *c, size_t j, size_t limit)
{
    if (j + 1 < limit && bilat__tok_is (c, j, "and") &&
        (is_portfolio_word (c, j + 1) || leads_portfolio (c, j + 1, limit)) &&
        !mention_starting (c, j + 1, GZ_OFFICE)) {
        /* "Minister of Economy and Sustainable Development". */
        size_t k = j + 1;
        while (k < limit && (is_portfolio_word (c, k) || leads_portfolio (c, k, limit)))
            k++;
        return k;
    }
    if (j + 1 >= limit || !(bilat__tok_is (c, j, "of") || bilat__tok_is (c, j, "for")))
        return j;
    size_t k = skip_the (c, j + 1, limit), end = j;
    while (k < limit && (is_portfolio_word (c, k) || leads_portfolio (c, k, limit))) {
        k++;
        end = k;
        if (k + 1 < limit && (bilat__tok_is (c, k, "and") || bilat__tok_punct (c, k, ',')) &&
            (is_portfolio_word (c, k + 1) || leads_portfolio (c, k + 1, limit)))
            k++;
    }
    if (end > j)
        return end;
    /* "Director General of the Agency for Transport and Communications under the Cabinet
     * of Ministers (of Turkmenistan)": an institution's name belongs to the office. */
    gboolean institution = FALSE;
    size_t last = j;
    for (k = j; k < limit && k < j + 16; k++) {
        const bilat_mention *m = ctx_mention_at (c, k);
        if (m && m->kind == GZ_STATE)
            break;
        int kw = bilat__tok_keyword (c, k);
        const bilat_token *t = ctx_tok (c, k);
        gboolean joiner = bilat__tok_is (c, k, "of") || bilat__tok_is (c, k, "for") ||
                          bilat__tok_is (c, k, "and") || bilat__tok_is (c, k, "the") ||
                          bilat__tok_is (c, k, "under") || bilat__tok_is (c, k, "on");
        if (kw == KW_INSTITUTION || kw == KW_NAME_NOUN)
            institution = TRUE;
        if (joiner)
            continue;
        if (!(t->flags & BILAT_TOK_WORD) || !(t->flags & BILAT_TOK_UPPER))
            break;
        last = k + 1;
    }
    if (!institution || last == j)
        return j;
    /* A trailing "of" or "the" before the state stays outside. */
    return last;
}

typedef struct {
    size_t tb, te;
    int state;
    int klass;
    uint32_t office_tb[8], office_te[8];  /* each office's tokens: its text is made on use */
    int n;
} office_chain;

/* Read a chain of offices starting at office mention om. */
static void
read_chain (bilat_ctx *c, const bilat_mention *om, size_t floor, size_t limit, office_chain *ch)
{
    size_t i = om->tb;
    /* Only the first n offices are read: the arrays need no clearing. */
    ch->n = 0;
    ch->klass = 0;
    ch->state = -1;
    /* "International Relations Minister": portfolio words before a bare title. */
    size_t lead = i;
    if (om->te == i + 1)
        while (lead > floor && lead + 3 > i && is_portfolio_word (c, lead - 1) &&
               (ctx_tok (c, lead - 1)->flags & BILAT_TOK_UPPER))
            lead--;
    ch->tb = lead;
    size_t st;
    int s = state_before (c, lead, floor, &st);
    if (s >= 0) {
        ch->state = s;
        ch->tb = st;
    }
    size_t j = i;
    for (const bilat_mention *m = om; m != NULL; m = mention_starting (c, j, GZ_OFFICE)) {
        size_t oe = portfolio_end (c, m->te, limit);
        size_t ob = (j == i) ? lead : m->tb;
        if (ch->n < 8) {
            ch->office_tb[ch->n] = (uint32_t) ob;
            ch->office_te[ch->n++] = (uint32_t) oe;
        }
        const gz_entity *ent = bilat__gazetteer_entity (c->ex->gz, GZ_OFFICE, m->id);
        if (ent && (ch->klass == 0 || ent->klass < ch->klass))
            ch->klass = ent->klass;
        j = oe;
        /* "of (the Republic of) Kazakhstan" names the state; "to Kazakhstan" the host. */
        /* "Ambassador of Spain to Cairo": up to two such phrases follow a title. */
        for (int round = 0; round < 2; round++) {
            if (!(j + 1 < limit && (bilat__tok_is (c, j, "of") || bilat__tok_is (c, j, "to") ||
                                    bilat__tok_is (c, j, "in"))))
                break;
            size_t k = skip_the (c, j + 1, limit);
            if (k + 1 < limit && bilat__tok_is (c, k, "Republic") &&
                !mention_starting (c, k, GZ_STATE))
                k++;
            const bilat_mention *sm = k < limit ? mention_starting (c, k, GZ_STATE) : NULL;
            /* A capital names the host ("to Cairo"), never the office holder's state. */
            if (!sm || (sm->form != GZ_FORM_NAME && bilat__tok_is (c, j, "of")))
                break;
            if (bilat__tok_is (c, j, "of") && ch->state < 0)
                ch->state = sm->id;
            j = sm->te;
        }
        /* Offices joined by "-", ",", "and": "Deputy Prime Minister - Minister of ...". */
        if (j + 1 < limit && (bilat__tok_punct (c, j, '-') || bilat__tok_punct (c, j, ',') ||
                              bilat__tok_is (c, j, "and") || bilat__tok_punct (c, j, '&'))) {
            size_t k = skip_the (c, j + 1, limit);
            if (k < limit && mention_starting (c, k, GZ_OFFICE)) {
                j = k;
                continue;
            }
        }
        break;
    }
    ch->te = j;
}

/* The text of office k of a chain, in buf or in a block the caller frees (fold_tokens). */
static char *
office_text (const bilat_ctx *c, const office_chain *ch, int k, char *buf, size_t cap,
             size_t *len)
{
    return fold_tokens (c, ch->office_tb[k], ch->office_te[k], buf, cap, len);
}

/* "Cabinet Secretaries", "Foreign Ministers": a title written for several people. Its text
 * ends with its last token, which tells when it has three bytes or more. */
static gboolean
is_plural_office (const bilat_ctx *c, const office_chain *ch)
{
    if (ch->n == 0)
        return FALSE;
    const bilat_token *last = ctx_tok (c, ch->office_te[ch->n - 1] - 1);
    if (last->end - last->start >= 3) {
        const char *e = c->text.text + last->end;
        return e[-1] == 's' && e[-2] != 's';
    }
    char buf[128];
    size_t n;
    const char *o = office_text (c, ch, ch->n - 1, buf, sizeof buf, &n);
    gboolean plural = n > 2 && o[n - 1] == 's' && o[n - 2] != 's';
    if (o != buf)
        g_free ((char *) o);
    return plural;
}

static void
give_offices (bilat_ctx *c, int pi, const office_chain *ch)
{
    bilat_person *p = &g_array_index (c->persons, bilat_person, pi);
    for (int k = 0; k < ch->n; k++) {
        char buf[128];
        size_t len;
        char *o = office_text (c, ch, k, buf, sizeof buf, &len);
        add_office (c, p, o, len, OFFICE_COPY);
        if (o != buf)
            g_free (o);
    }
}

/* A headline in title case ("Iranian FM Hails Longstanding Ties") capitalizes every word, so
 * a capitalized run after an office there is no evidence of a name. */
static inline gboolean
is_title_case (const bilat_ctx *c, const bilat_sentence *s)
{
    int upper = 0, lower = 0;
    const bilat_token *last = ctx_tok (c, s->te - 1);
    /* Headlines carry no final stop; a long sentence full of titles does. */
    char end = c->text.text[last->start];
    if ((last->flags & BILAT_TOK_PUNCT) &&
        (end == '.' || end == '!' || end == '?' || end == '"' || end == '\0'))
        return FALSE;
    for (size_t i = s->tb; i < s->te; i++) {
        const bilat_token *t = ctx_tok (c, i);
        if (!(t->flags & BILAT_TOK_WORD) || t->end - t->start < 4)
            continue;
        if (t->flags & BILAT_TOK_UPPER)
            upper++;
        else
            lower++;
    }
    return upper >= 4 && upper >= 4 * lower;
}

/* is_title_case of s, worked out on first use: most sentences never ask. */
static gboolean
is_headline (const bilat_ctx *c, const bilat_sentence *s, int *memo)
{
    if (*memo < 0)
        *memo = is_title_case (c, s);
    return *memo;
}

/* The mentions the walk starts from: a person, an office, "counterpart" (the only keyword
 * with a mention). */
static inline gboolean
starts_person (const bilat_mention *m)
{
    return (((1u << GZ_OFFICE) | (1u << GZ_PERSON) | (1u << GZ_KEYWORD)) >> m->kind) & 1;
}

/* The walk's state: the sentence it is in and its headline test, worked out on first use;
 * the office references made and not yet in c->office_refs, which go a batch at a time. */
typedef struct {
    const bilat_sentence *s;
    int headline;
    guint n_offices;
    bilat_office_ref offices[REF_BATCH];
} walk_state;

static void
flush_office_refs (bilat_ctx *c, walk_state *ws)
{
    if (ws->n_offices > 0)
        g_array_append_vals (c->office_refs, ws->offices, ws->n_offices);
    ws->n_offices = 0;
}

static void
note_office_ref (bilat_ctx *c, walk_state *ws, const office_chain *ch, int person)
{
    if (ws->n_offices == REF_BATCH)
        flush_office_refs (c, ws);
    ws->offices[ws->n_offices++] =
        (bilat_office_ref) { .tb = (uint32_t) ch->tb, .te = (uint32_t) ch->te,
                             .state = ch->state, .person = person,
                             .sent = c->tok_sent[ch->tb], .klass = ch->klass };
}

/* The last office reference made, or NULL: the batch is flushed only to take a new one, so
 * it holds the newest. */
static const bilat_office_ref *
last_office_ref (const walk_state *ws)
{
    return ws->n_offices > 0 ? &ws->offices[ws->n_offices - 1] : NULL;
}

/* The state of a person of the dictionary, or -1. */
static int
state_of_known (bilat_ctx *c, name_index *ix, const gz_entity *ent)
{
    if (ent->extra == NULL)
        return -1;
    guint n = MIN (ix->n_known, G_N_ELEMENTS (ix->known));
    for (guint k = 0; k < n; k++)
        if (ix->known[k] == ent)
            return ix->known_state[k];
    int st = bilat__gazetteer_find_state (c->ex->gz, ent->extra);
    guint k = ix->n_known++ % G_N_ELEMENTS (ix->known);
    ix->known[k] = ent;
    ix->known_state[k] = st;
    return st;
}

/* A person the dictionary knows, named at m. Returns the last token used. */
static size_t
name_from_dictionary (bilat_ctx *c, name_index *ix, const bilat_mention *m)
{
    const gz_entity *ent = bilat__gazetteer_entity (c->ex->gz, GZ_PERSON, m->id);
    int st = state_of_known (c, ix, ent);
    int pi = person_at (c, ix, m->tb, m->te, st, m->entry->rule);
    bilat_person *p = &g_array_index (c->persons, bilat_person, pi);
    /* Names are reported as the text writes them; a lone surname ("Lula") is completed from
     * the dictionary. */
    if (m->te - m->tb == 1 && strchr (p->name, ' ') == NULL)
        set_person_name (p, bilat__scratch_intern (c, ent->name, strlen (ent->name)));
    if (ent->office)
        add_office (c, p, ent->office, strlen (ent->office), OFFICE_COPY);
    return m->te - 1;
}

/* "his Turkmen counterpart Rashid Meredov", at the mention m of "counterpart". Returns the
 * last token used. */
static size_t
name_after_counterpart (bilat_ctx *c, name_index *ix, walk_state *ws, const bilat_mention *m)
{
    const bilat_sentence *s = ws->s;
    size_t i = m->tb, st;
    int state = state_before (c, i, s->tb, &st);
    size_t ns = m->te;
    /* "her Ethiopian counterpart to Kenya Meles Alem Tikea". */
    if (ns + 1 < s->te && (bilat__tok_is (c, ns, "to") || bilat__tok_is (c, ns, "from") ||
                           bilat__tok_is (c, ns, "in"))) {
        const bilat_mention *sm = mention_starting (c, skip_the (c, ns + 1, s->te), GZ_STATE);
        if (sm) {
            if (state < 0 && bilat__tok_is (c, ns, "from"))
                state = sm->id;
            ns = sm->te;
        }
    }
    ns = skip_honorifics (c, ns, s->te);
    if (ns < s->te && bilat__tok_punct (c, ns, ','))
        ns++;
    size_t ne = is_headline (c, s, &ws->headline) ? ns : read_name (c, ns, s->te);
    if (ne <= ns)
        return i;
    int pi = person_at (c, ix, ns, ne, state, "person:counterpart");
    bilat_person *p = &g_array_index (c->persons, bilat_person, pi);
    flush_refs (c, ix);
    /* A counterpart holds the same office as the person it answers to: the last person named
     * before it in the sentence. */
    for (guint r = c->person_refs->len - 1; r-- > 0;) {
        const bilat_person_ref *ref = &g_array_index (c->person_refs, bilat_person_ref, r);
        if (ref->sent != (int32_t) (s - (const bilat_sentence *) c->sents->data))
            break;
        if (ref->person != pi) {
            p->counterpart_of = ref->person;
            break;
        }
    }
    return ne - 1;
}

/* The offices starting at mention m and the people they name. Returns the last token used. */
static size_t
names_of_office (bilat_ctx *c, name_index *ix, walk_state *ws, const bilat_mention *m)
{
    const bilat_sentence *s = ws->s;
    office_chain ch;
    read_chain (c, m, s->tb, s->te, &ch);
    size_t j = ch.te;
    if (j < s->te && bilat__tok_punct (c, j, ','))
        j++;
    j = skip_honorifics (c, j, s->te);
    size_t ne = read_name (c, j, s->te);
    int pi = -1;
    if (ne > j && is_headline (c, s, &ws->headline))
        ne = j;
    if (ne > j) {
        /* A known person brings a state the title may not name. */
        const bilat_mention *pm = mention_starting (c, j, GZ_PERSON);
        if (ch.state < 0 && pm) {
            const gz_entity *ent = bilat__gazetteer_entity (c->ex->gz, GZ_PERSON, pm->id);
            if (ent->extra)
                ch.state = state_of_known (c, ix, ent);
        }
        /* "President Serdar Berdimuhamedov of Turkmenistan". */
        if (ch.state < 0 && ne + 1 < s->te && bilat__tok_is (c, ne, "of")) {
            const bilat_mention *sm = mention_starting (c, skip_the (c, ne + 1, s->te), GZ_STATE);
            if (sm && sm->form == GZ_FORM_NAME)
                ch.state = sm->id;
        }
        /* "Samoa's Head of State X and Prime Minister Y": the second office belongs to the
         * same state as the first. */
        if (ch.state < 0 && ch.tb > s->tb + 1 && bilat__tok_is (c, ch.tb - 1, "and")) {
            const bilat_office_ref *prev = last_office_ref (ws);
            if (prev && prev->sent == c->tok_sent[ch.tb] && prev->person >= 0 &&
                prev->state >= 0 && prev->te + 4 >= ch.tb)
                ch.state = prev->state;
        }
        pi = person_at (c, ix, j, ne, ch.state, "person:office-name");
        give_offices (c, pi, &ch);
        /* "Cabinet Secretaries Raychelle Omamo and Sicily Kariuki". */
        size_t k = ne;
        while (k + 1 < s->te && (bilat__tok_is (c, k, "and") || bilat__tok_punct (c, k, ',')) &&
               is_plural_office (c, &ch)) {
            size_t n2 = read_name (c, k + 1, s->te);
            if (n2 <= k + 1)
                break;
            int p2 = person_at (c, ix, k + 1, n2, ch.state, "person:office-names");
            give_offices (c, p2, &ch);
            ne = k = n2;
        }
    } else {
        /* "Rashid Meredov, Minister of Foreign Affairs of Turkmenistan": the name before. */
        size_t k = ch.tb;
        static bilat_word_set adjectives = { .words = { "newly", "appointed", "new", "current",
                                                        "incoming", "outgoing", "acting" } };
        while (k > s->tb && bilat__word_in (&adjectives, c, k - 1))
            k--;
        if (k > s->tb && (bilat__tok_is (c, k - 1, "the") || bilat__tok_is (c, k - 1, "a")))
            k--;
        if (k > s->tb + 1 && bilat__tok_punct (c, k - 1, ',') &&
            !is_headline (c, s, &ws->headline)) {
            size_t nb = read_name_back (c, k - 1, s->tb);
            if (nb < k - 1) {
                pi = person_at (c, ix, nb, k - 1, ch.state, "person:name-comma-office");
                give_offices (c, pi, &ch);
            }
        }
    }
    note_office_ref (c, ws, &ch, pi);
    size_t last = (ne > j ? ne : ch.te) - 1;
    return last < ch.tb ? ch.tb : last;
}

/* First pass: people named with a title, as "counterpart", or known to the dictionary. Only a
 * mention starts anything here, so the walk goes from one to the next, not token by token;
 * the mentions are in token order and do not overlap, and the sentences split the tokens in
 * order, so one walk serves the whole document. */
static void
find_named (bilat_ctx *c, name_index *ix)
{
    const bilat_mention *ms = (const bilat_mention *) (void *) c->mentions->data;
    size_t next = 0;  /* the first token no starter has used */
    walk_state ws;  /* its batch is not cleared: only n_offices entries are read */
    ws.s = NULL;
    ws.headline = -1;
    ws.n_offices = 0;
    int32_t sent = -1;
    for (guint k = 0; k < c->mentions->len; k++) {
        const bilat_mention *m = &ms[k];
        if (!starts_person (m) || m->tb < next)
            continue;
        if (m->sent != sent) {
            sent = m->sent;
            ws.s = &g_array_index (c->sents, bilat_sentence, sent);
            ws.headline = -1;
        }
        size_t last;
        if (m->kind == GZ_PERSON)
            last = name_from_dictionary (c, ix, m);
        else if (m->kind == GZ_KEYWORD)
            last = name_after_counterpart (c, ix, &ws, m);
        else
            last = names_of_office (c, ix, &ws, m);
        next = last + 1;
    }
    flush_office_refs (c, &ws);
}

/* Can token k be inside a name that starts before it? A superset of what read_name takes
 * past a name's first token: a capitalized token (a name word, an initial, a state as
 * surname), the dot of an initial, a hyphen and the word after it, a particle, a suffix, any
 * token of a known person or of a state. */
static inline gboolean
may_continue_name (const bilat_ctx *c, size_t k)
{
    const bilat_token *t = ctx_tok (c, k);
    if (t->flags & BILAT_TOK_UPPER)
        return TRUE;
    if (t->flags & BILAT_TOK_PUNCT) {
        char ch = c->text.text[t->start];
        return ch == '.' || ch == '-';
    }
    if (bilat__tok_punct (c, k - 1, '-'))
        return TRUE;
    int kw = bilat__tok_keyword (c, k);
    if (kw == KW_PARTICLE || kw == KW_SUFFIX)
        return TRUE;
    const bilat_mention *m = ctx_mention_at (c, k);
    return m && (m->kind == GZ_PERSON || m->kind == GZ_STATE);
}

/* Might a word of tokens [i, end) give a surname after a dot ("Kh.Battulga", surname_of)?
 * Few runs hold a dot at all: one memchr over the run tells, before its words are looked at
 * one by one. */
static gboolean
run_has_dotted_word (const bilat_ctx *c, size_t i, size_t end)
{
    const char *text = c->text.text;
    uint32_t start = ctx_tok (c, i)->start;
    if (!memchr (text + start, '.', ctx_tok (c, end - 1)->end - start))
        return FALSE;
    for (size_t k = i; k < end; k++) {
        const bilat_token *t = ctx_tok (c, k);
        if ((t->flags & BILAT_TOK_WORD) && t->end - t->start > 2 &&
            memchr (text + t->start, '.', t->end - t->start - 2))
            return TRUE;
    }
    return FALSE;
}

/* Can a name read from a token of the run that starts at i be a later mention? The run is i
 * and the tokens after it that may continue a name: every name read from inside it ends
 * inside it. A later mention must start at a token no one is named at (a person's first
 * naming is a run of its own), and needs a token that may give a surname the index holds:
 * one whose hash passes the filter, or a word with a dot, whose surname follows the dot.
 * When none can be, *end is where the run ends, and the walk may go on from there as
 * reading the names in it would have. */
static gboolean
run_may_refer (const bilat_ctx *c, const name_index *ix, size_t i, size_t limit, size_t *end)
{
    gboolean known = FALSE, unnamed = FALSE;
    size_t k = i;
    do {
        const bilat_token *t = ctx_tok (c, k);
        unnamed |= c->tok_person[k] < 0;
        known |= (ix->surnames[t->hash >> 62] >> ((t->hash >> 56) & 63)) & 1;
        if (known && unnamed)
            return TRUE;
        k++;
    } while (k < limit && may_continue_name (c, k));
    if (unnamed && run_has_dotted_word (c, i, k))
        return TRUE;
    *end = k;
    return FALSE;
}

/* The first token from i on, before n, with a capital that no dictionary entry claims but a
 * person's or a particle's (the cheap half of is_name_word; the mention pass marked the
 * others BILAT_TOK_CLAIMED), or n. Eight tokens a round, one test each: this loop sees
 * every token of the document, and most have no capital; most capitals open a dictionary
 * entry ("The", "Foreign Minister"). */
static size_t
next_name_candidate (const bilat_ctx *c, size_t i, size_t n)
{
    const bilat_token *toks = c->toks.data, *t = toks + i, *end = toks + n;
#define CANDIDATE(k)                                                              \
    if ((t[k].flags & (BILAT_TOK_UPPER | BILAT_TOK_CLAIMED)) == BILAT_TOK_UPPER) \
        return (size_t) (t - toks) + (k);
    for (size_t rounds = (size_t) (end - t) / 8; rounds > 0; rounds--, t += 8) {
        CANDIDATE (0)
        CANDIDATE (1)
        CANDIDATE (2)
        CANDIDATE (3)
        CANDIDATE (4)
        CANDIDATE (5)
        CANDIDATE (6)
        CANDIDATE (7)
    }
    for (; t < end; t++) {
        CANDIDATE (0)
    }
#undef CANDIDATE
    return n;
}

/* Second pass: later mentions by surname or full name ("Nurtleu noted ..."). A name starts at
 * a name word after none; the sentences split the tokens in order, so one walk serves the
 * whole document. */
static void
find_later_mentions (bilat_ctx *c, name_index *ix)
{
    const bilat_sentence *sents = (const bilat_sentence *) (void *) c->sents->data;
    size_t n = c->toks.len;
    for (size_t i = 0, from; (i = next_name_candidate (c, from = i, n)) < n;) {
        const bilat_sentence *s = &sents[c->tok_sent[i]];
        /* A token the walk passed over is no name word either. */
        if (!is_name_word_at (c, ctx_tok (c, i)) ||
            (i == from && i > s->tb && is_name_word (c, i - 1))) {
            i++;
            continue;
        }
        size_t run_end;
        if (!run_may_refer (c, ix, i, s->te, &run_end)) {
            i = run_end;
            continue;
        }
        /* A name word no token after it may continue is a name of one word, as read_name
         * would find ("Meredov said"). */
        size_t ne = i + 1 < s->te && may_continue_name (c, i + 1) ? read_name (c, i, s->te)
                                                                  : i + 1;
        if (ne <= i) {
            i++;
            continue;
        }
        if (c->tok_person[i] < 0) {
            uint64_t sur = surname_of (c, i, ne);
            /* The first person of that surname, kept by the index. */
            const name_slot *nw = same_surname (ix, sur);
            if (nw && nw->first_surname >= 0)
                add_ref (c, ix, i, ne, nw->first_surname);
        }
        i = ne;
    }
}

/* Titles keyed without case, for resolve_bare_offices. A key is the title itself, compared
 * and hashed without ASCII case; a title with other bytes is first lower-cased by Unicode's
 * rules (the key is then that copy). An open-addressed table on the stack, grown on the heap
 * only by a document with more than eight titles. */
typedef struct {
    const char *key;  /* NULL: the slot is empty */
    uint64_t hash;    /* title_key's hash of the key: blind to ASCII case */
    int holder;       /* the one person holding the title, plus one; -1 once two do */
    gboolean owned;   /* key is a copy to free */
} title_slot;

#define TITLE_SLOTS 16  /* a power of two */

typedef struct {
    title_slot *slots;
    size_t mask, used, owned;
    title_slot slots0[TITLE_SLOTS];
} title_table;

/* A hash of n bytes, eight at a time (the last eight read as such, some twice): for keys
 * already lower-cased, so no case folding. */
static uint64_t
bytes_hash (const char *s, size_t n)
{
    uint64_t h = n * 0x9e3779b97f4a7c15u, w;
    if (n < 8) {
        for (size_t k = 0; k < n; k++)
            h = (h ^ (unsigned char) s[k]) * 0x100000001b3u;
        return h ^ (h >> 31);
    }
    for (size_t k = 0; k + 8 <= n; k += 8) {
        memcpy (&w, s + k, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdu;
        h ^= h >> 29;
    }
    memcpy (&w, s + n - 8, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdu;
    return h ^ (h >> 31);
}

/* The key of title: title, or its Unicode lower case (a copy, *owned set); and its hash,
 * blind to ASCII case, worked out in the same pass, eight bytes at a time. */
static inline const char *
title_key (const char *title, gboolean *owned, uint64_t *hash)
{
    size_t len = strlen (title), n = len;
    uint64_t h = len * 0x9e3779b97f4a7c15u;
    const char *p = title;
    uint64_t x;
    for (; n >= 8; p += 8, n -= 8) {
        memcpy (&x, p, 8);
        if (x & 0x8080808080808080u)
            goto unicode;
        h = (h ^ bilat__ascii_lower8 (x)) * 0xff51afd7ed558ccdu;
        h ^= h >> 29;
    }
    if (len >= 8) {
        /* The last bytes, as the eight that end the title: some read twice. */
        memcpy (&x, title + len - 8, 8);
        if (x & 0x8080808080808080u)
            goto unicode;
    } else {
        x = 0;
        for (size_t k = 0; k < n; k++) {
            unsigned char ch = (unsigned char) p[k];
            if (ch >= 0x80)
                goto unicode;
            x |= (uint64_t) ch << (8 * k);
        }
    }
    h = (h ^ bilat__ascii_lower8 (x)) * 0xff51afd7ed558ccdu;
    *hash = h ^ (h >> 29);
    *owned = FALSE;
    return title;
unicode:;
    /* Lower-cased whole, so its bytes are the key: no two such keys differ in ASCII case,
     * and none equals a key of ASCII alone. */
    char *low = g_utf8_strdown (title, -1);
    *owned = TRUE;
    *hash = bytes_hash (low, strlen (low));
    return low;
}

/* a and b are equal but for ASCII case (g_ascii_strcasecmp () == 0, without its calls). */
static gboolean
same_title (const char *a, const char *b)
{
    /* Most titles that meet are written alike: strcmp tells at once. */
    if (strcmp (a, b) == 0)
        return TRUE;
    for (;; a++, b++) {
        unsigned char x = (unsigned char) *a, y = (unsigned char) *b;
        if (x != y) {
            x = (x >= 'A' && x <= 'Z') ? (unsigned char) (x + 32) : x;
            y = (y >= 'A' && y <= 'Z') ? (unsigned char) (y + 32) : y;
            if (x != y)
                return FALSE;
        }
        if (x == '\0')
            return TRUE;
    }
}

/* The slot of key: its own, or the empty one where it would go. */
static inline title_slot *
title_slot_of (const title_table *tt, const char *key, uint64_t hash)
{
    for (size_t h = (size_t) (hash ^ (hash >> 32)) & tt->mask;; h = (h + 1) & tt->mask) {
        title_slot *s = &tt->slots[h];
        if (s->key == NULL || (s->hash == hash && same_title (s->key, key)))
            return s;
    }
}

static void
title_grow (title_table *tt)
{
    size_t old_n = tt->mask + 1;
    title_slot *old = tt->slots;
    tt->slots = g_new0 (title_slot, 2 * old_n);
    tt->mask = 2 * old_n - 1;
    for (size_t h = 0; h < old_n; h++)
        if (old[h].key)
            *title_slot_of (tt, old[h].key, old[h].hash) = old[h];
    if (old != tt->slots0)
        g_free (old);
}

/* Note that person p holds title. */
static void
title_held (title_table *tt, const char *title, int p)
{
    gboolean owned;
    uint64_t hash;
    const char *key = title_key (title, &owned, &hash);
    title_slot *s = title_slot_of (tt, key, hash);
    if (s->key) {
        if (s->holder != p + 1)
            s->holder = -1;
        if (owned)
            g_free ((char *) key);
        return;
    }
    /* At most half full, so that a probe ends soon. */
    if (2 * (tt->used + 1) > tt->mask + 1) {
        title_grow (tt);
        s = title_slot_of (tt, key, hash);
    }
    *s = (title_slot) { .key = key, .hash = hash, .holder = p + 1, .owned = owned };
    tt->used++;
    tt->owned += owned;
}

/* The holder of title plus one, 0 if no one holds it, -1 if several do. */
static int
title_holder (const title_table *tt, const char *title)
{
    gboolean owned;
    uint64_t hash;
    const char *key = title_key (title, &owned, &hash);
    const title_slot *s = title_slot_of (tt, key, hash);
    if (owned)
        g_free ((char *) key);
    return s->key ? s->holder : 0;
}

/* Only "the President", not "a minister" or "ministers", with no name or state of its own. */
static gboolean
is_bare_office (const bilat_ctx *c, const bilat_office_ref *o)
{
    return o->person < 0 && o->state < 0 && o->tb > 0 && bilat__tok_is (c, o->tb - 1, "the");
}

/* "The President will visit ...": a title alone stands for the last person named with it. */
static void
resolve_bare_offices (bilat_ctx *c)
{
    guint first = 0;
    while (first < c->office_refs->len &&
           !is_bare_office (c, &g_array_index (c->office_refs, bilat_office_ref, first)))
        first++;
    if (first == c->office_refs->len)
        return;
    /* Title -> its one holder, or -1 once two people hold it ("President X met President Y":
     * no telling which). One pass over people, one over titles. */
    title_table tt = { .slots = tt.slots0, .mask = TITLE_SLOTS - 1 };
    for (guint p = 0; p < c->persons->len; p++) {
        const bilat_person *pp = &g_array_index (c->persons, bilat_person, p);
        for (guint k = 0; k < pp->offices->len; k++)
            title_held (&tt, g_ptr_array_index (pp->offices, k), (int) p);
    }
    for (guint r = first; r < c->office_refs->len; r++) {
        bilat_office_ref *o = &g_array_index (c->office_refs, bilat_office_ref, r);
        if (!is_bare_office (c, o))
            continue;
        char buf[128];
        size_t len;
        char *title = fold_tokens (c, o->tb, o->te, buf, sizeof buf, &len);
        int v = title_holder (&tt, title);
        if (title != buf)
            g_free (title);
        if (v <= 0)
            continue;
        int best = v - 1;
        const bilat_person *pp = &g_array_index (c->persons, bilat_person, best);
        if (pp->start >= ctx_tok (c, o->tb)->start)
            continue;
        o->person = best;
        bilat_person_ref ref = { .tb = o->tb, .te = o->te, .person = best, .sent = o->sent };
        g_array_append_val (c->person_refs, ref);
    }
    for (size_t h = 0; tt.owned > 0 && h <= tt.mask; h++)
        if (tt.slots[h].owned)
            g_free ((char *) tt.slots[h].key);
    if (tt.slots != tt.slots0)
        g_free (tt.slots);
}

/* Sort the references by their first token, stably, as g_array_sort did. They come as a
 * few runs already in order (names with titles, later mentions, bare titles), so runs are
 * merged pairwise, each pass halving them; a document in order costs one look. */
static void
sort_refs (GArray *refs)
{
    bilat_person_ref *a = (bilat_person_ref *) (void *) refs->data;
    size_t n = refs->len, i = 1;
    while (i < n && a[i - 1].tb <= a[i].tb)
        i++;
    if (i >= n)
        return;
    bilat_person_ref stack[128];
    bilat_person_ref *b = n <= G_N_ELEMENTS (stack) ? stack : g_new (bilat_person_ref, n);
    bilat_person_ref *src = a, *dst = b;
    for (size_t runs = 0; runs != 1;) {
        runs = 0;
        for (size_t lo = 0; lo < n; runs++) {
            size_t mid = lo + 1, hi;
            while (mid < n && src[mid - 1].tb <= src[mid].tb)
                mid++;
            for (hi = MIN (mid + 1, n); hi < n && src[hi - 1].tb <= src[hi].tb;)
                hi++;
            /* Ties go to the left run: the order of equal references stays. */
            size_t x = lo, y = mid, o = lo;
            while (x < mid && y < hi)
                dst[o++] = src[y].tb < src[x].tb ? src[y++] : src[x++];
            while (x < mid)
                dst[o++] = src[x++];
            while (y < hi)
                dst[o++] = src[y++];
            lo = hi;
        }
        bilat_person_ref *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy (a, src, n * sizeof *a);
    if (b != stack)
        g_free (b);
}

void
bilat__find_people (bilat_ctx *c)
{
    name_index ix;
    index_init (&ix);
    find_named (c, &ix);
    /* A later mention is one of someone already named: with no one, there is none. */
    if (ix.used > 0)
        find_later_mentions (c, &ix);
    flush_refs (c, &ix);
    index_clear (&ix);
    resolve_bare_offices (c);
    sort_refs (c->person_refs);
    /* Counterparts take the office of the person they answer to. */
    for (guint i = 0; i < c->persons->len; i++) {
        bilat_person *p = &g_array_index (c->persons, bilat_person, i);
        if (p->counterpart_of >= 0 && p->offices->len == 0) {
            const bilat_person *q = &g_array_index (c->persons, bilat_person, p->counterpart_of);
            for (guint k = 0; k < q->offices->len; k++)
                add_office (c, p, g_ptr_array_index (q->offices, k), 0, OFFICE_AS_IS);
        }
    }
}
