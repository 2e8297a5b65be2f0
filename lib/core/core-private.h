/* SPDX-License-Identifier: MIT */
/* Core internals shared by every module: errors, text normalization. */
#ifndef BILAT_CORE_PRIVATE_H
#define BILAT_CORE_PRIVATE_H

#include <bilat/bilat.h>
#include <glib.h>

struct bilat_error {
    int code;
    int64_t offset;
    char *message;
};

/* Set *error (when error is non-NULL and not yet set) and return code. */
int bilat__error_set (bilat_error **error, int code, int64_t offset, const char *fmt, ...)
    G_GNUC_PRINTF (4, 5);

/* Where the offset map changes: normalized byte off comes from the caller's byte orig, and
 * the bytes after it from the bytes after orig, up to the next shift. The one exception is
 * a U+FFFD that stands for an invalid byte: its three bytes all map to that byte, which the
 * next shift, always at the end of the U+FFFD and at the byte after, tells. */
typedef struct {
    uint32_t off;
    uint32_t orig;
} bilat_text_shift;

/* Text after normalization: typographic quotes, dashes and odd spaces folded to ASCII, CR to
 * LF, invalid UTF-8 (when repaired) to U+FFFD. The offset map is sparse: most texts change a
 * few characters, and between changes normalized and caller offsets differ by a constant. */
typedef struct {
    char *text;     /* NUL-terminated, owned (or borrowed when owned_text is false) */
    size_t len;
    bilat_text_shift *shifts;  /* n_shifts entries sorted by off, or NULL: identity */
    size_t n_shifts;
    size_t orig_len;
    const char *src;  /* the caller's text, borrowed while the call runs */
    gboolean owned_text;
} bilat_text;

int bilat__text_init (bilat_text *t, const char *src, size_t len, gboolean repair,
                      bilat_error **error);
/* As bilat__text_init, written into buf (borrowed, not freed by bilat__text_clear) when
 * buf_cap is at least bilat__text_capacity (len, repair); else into a buffer of its own. */
int bilat__text_init_in (bilat_text *t, const char *src, size_t len, gboolean repair, char *buf,
                         size_t buf_cap, bilat_error **error);
/* The bytes normalizing len bytes may take, the NUL included. */
size_t bilat__text_capacity (size_t len, gboolean repair);
void bilat__text_clear (bilat_text *t);
size_t bilat__text_orig_shifted (const bilat_text *t, size_t off);

/* The caller's byte offset of normalized byte off, for off in [0, len]; len maps to orig_len. */
static inline size_t
bilat__text_orig (const bilat_text *t, size_t off)
{
    return t->n_shifts ? bilat__text_orig_shifted (t, off) : off;
}

/* The caller's offset just past normalized byte off - 1: the end of a span. Not orig (off),
 * which would swallow characters dropped after the span (a zero-width space). off is a
 * character boundary of the normalized text. */
size_t bilat__text_orig_end (const bilat_text *t, size_t off);

/* Parse "YYYY-MM-DD" into a GDate; FALSE when malformed. */
gboolean bilat__date_parse (const char *s, GDate *out);


/* ---- memory (alloc.c) ---------------------------------------------------------------- */

/* Blocks from this size up are worth backing with huge pages. */
#define BILAT_HUGE_MIN ((size_t) 4 << 20)

/* Ask that the whole huge pages inside the n bytes at p be backed by huge pages when first
 * touched (madvise MADV_HUGEPAGE; nothing for blocks under BILAT_HUGE_MIN or where the
 * system has no such advice). A document of megabytes has working arrays of tens of them,
 * allocated and freed with it: in 4 KiB pages their page faults cost about a fifth of its
 * extraction time. Call it before the block is written. */
void bilat__advise_huge (void *p, size_t n);

/* old (a g_malloc block, or NULL) grown to n bytes, its first used bytes kept, as
 * g_try_realloc; when it grows past BILAT_HUGE_MIN, the new block is advised before the
 * copy touches it. NULL when memory ran out: old is then untouched. */
void *bilat__try_regrow (void *old, size_t used, size_t n);


/* ---- tokens (tokens.c) ---------------------------------------------------------------- */

/* One token of normalized text. Words keep internal apostrophes and dots ("Va'aletoa",
 * "U.S.", "Kh.Battulga"); hyphens, "'s" and other punctuation are tokens of their own, so
 * "Kazakh-Turkmen" is three tokens and a dictionary variant is tokenized the same way. */
typedef struct {
    uint32_t start, end;  /* byte offsets into the normalized text */
    uint32_t flags;       /* BILAT_TOK_* */
    uint32_t pad;
    uint64_t hash;        /* FNV-1a of the ASCII-lowercased bytes */
} bilat_token;

enum {
    BILAT_TOK_WORD = 1 << 0,
    BILAT_TOK_PUNCT = 1 << 1,
    BILAT_TOK_UPPER = 1 << 2,     /* first letter upper case */
    BILAT_TOK_ALLCAPS = 1 << 3,   /* every letter upper case (and at least one letter) */
    BILAT_TOK_DIGIT = 1 << 4,     /* starts with a digit */
    BILAT_TOK_SPACE = 1 << 5,     /* white space before it */
    BILAT_TOK_NEWLINE = 1 << 6,   /* a line break before it */
    BILAT_TOK_PARA = 1 << 7,      /* a blank line before it */
    BILAT_TOK_POSS = 1 << 8,      /* the possessive "'s" */
    BILAT_TOK_NONASCII = 1 << 9   /* holds bytes >= 0x80 */
};

/* Append the tokens of text[0..len) to out (a GArray of bilat_token). text[len] is read
 * and must be NUL, as in every caller's string (a '.' or an apostrophe there would have
 * the byte after it read too). */
void bilat__tokenize (GArray *out, const char *text, size_t len);

/* A document's tokens: data and len as in a GArray (g_array_index reads it), grown by
 * bilat__tokenize_try with allocations that may fail. Free data with g_free. */
typedef struct {
    bilat_token *data;
    guint len;
    size_t cap;
} bilat_tokens;

/* As bilat__tokenize, into out; FALSE when memory for the tokens ran out (out then holds
 * the tokens read so far). A document's tokens are its largest allocation. */
gboolean bilat__tokenize_try (bilat_tokens *out, const char *text, size_t len);

/* The hash the tokenizer gives a word (for building lexicons in code). */
uint64_t bilat__token_hash (const char *s, size_t len);

/* Each byte of w from 'A'-'Z' to 'a'-'z'; other bytes, those >= 0x80 too, as they are. */
static inline uint64_t
bilat__ascii_lower8 (uint64_t w)
{
    const uint64_t high = 0x8080808080808080ULL;
    uint64_t seven = w & ~high;
    uint64_t from_a = seven + 0x3f3f3f3f3f3f3f3fULL;  /* high bit set from 'A' up */
    uint64_t past_z = seven + 0x2525252525252525ULL;  /* high bit set past 'Z' */
    return w | (((from_a & ~past_z & ~w) & high) >> 2);
}

#endif /* BILAT_CORE_PRIVATE_H */
