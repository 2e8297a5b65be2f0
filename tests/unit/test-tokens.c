/* SPDX-License-Identifier: MIT */
/* Unit tests for the tokenizer: word boundaries, flags and case-insensitive hashes. */
#include "core/core-private.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>

static GArray *toks;
static const char *src;

static void
setup (void)
{
    toks = g_array_new (FALSE, FALSE, sizeof (bilat_token));
}

static void
teardown (void)
{
    g_array_free (toks, TRUE);
    toks = NULL;
}

TestSuite (tokens, .init = setup, .fini = teardown);

/* Tokenize s into the suite's array and return the token count. */
static size_t
tokenize (const char *s)
{
    src = s;
    g_array_set_size (toks, 0);
    bilat__tokenize (toks, s, strlen (s));
    return toks->len;
}

static const bilat_token *
tok (size_t i)
{
    cr_assert (lt (sz, i, (size_t) toks->len), "no token %zu", i);
    return &g_array_index (toks, bilat_token, i);
}

/* Assert that token i spells w. */
static void
assert_tok (size_t i, const char *w)
{
    const bilat_token *t = tok (i);
    char *got = g_strndup (src + t->start, t->end - t->start);
    cr_assert (eq (str, got, (char *) w), "token %zu", i);
    g_free (got);
}

static gboolean
has (size_t i, uint32_t flag)
{
    return (tok (i)->flags & flag) != 0;
}

/* ---- word boundaries ------------------------------------------------------------------------ */

Test (tokens, words_are_split_at_spaces_and_punctuation)
{
    cr_assert (eq (sz, tokenize ("The Ministers met, in Astana."), 7));
    assert_tok (0, "The");
    assert_tok (1, "Ministers");
    assert_tok (2, "met");
    assert_tok (3, ",");
    assert_tok (4, "in");
    assert_tok (5, "Astana");
    assert_tok (6, ".");
    cr_assert (has (0, BILAT_TOK_WORD));
    cr_assert (not (has (0, BILAT_TOK_PUNCT)));
    cr_assert (has (3, BILAT_TOK_PUNCT));
    cr_assert (not (has (3, BILAT_TOK_WORD)));
    cr_assert (has (6, BILAT_TOK_PUNCT));
}

Test (tokens, offsets_are_byte_offsets_into_the_text)
{
    cr_assert (eq (sz, tokenize ("  met  Baku"), 2));
    cr_assert (eq (u32, tok (0)->start, 2));
    cr_assert (eq (u32, tok (0)->end, 5));
    cr_assert (eq (u32, tok (1)->start, 7));
    cr_assert (eq (u32, tok (1)->end, 11));
}

Test (tokens, empty_and_blank_text_give_no_tokens)
{
    cr_assert (eq (sz, tokenize (""), 0));
    cr_assert (eq (sz, tokenize (" \n\t \n"), 0));
}

Test (tokens, dotted_acronym_is_one_token_with_its_final_dot)
{
    cr_assert (eq (sz, tokenize ("the U.S. delegation"), 3));
    assert_tok (1, "U.S.");
    cr_assert (has (1, BILAT_TOK_WORD));
    cr_assert (has (1, BILAT_TOK_ALLCAPS));
}

Test (tokens, dotted_acronym_before_a_comma_keeps_its_dot)
{
    cr_assert (eq (sz, tokenize ("U.N., and"), 3));
    assert_tok (0, "U.N.");
    assert_tok (1, ",");
}

Test (tokens, initial_joined_to_a_name_is_one_token)
{
    cr_assert (eq (sz, tokenize ("President Kh.Battulga said"), 3));
    assert_tok (1, "Kh.Battulga");
    cr_assert (has (1, BILAT_TOK_UPPER));
}

Test (tokens, sentence_final_dot_is_not_part_of_the_word)
{
    cr_assert (eq (sz, tokenize ("Kh.Battulga."), 2));
    assert_tok (0, "Kh.Battulga");
    assert_tok (1, ".");
}

Test (tokens, internal_apostrophe_stays_in_the_word)
{
    cr_assert (eq (sz, tokenize ("Minister Va'aletoa"), 2));
    assert_tok (1, "Va'aletoa");
}

Test (tokens, possessive_s_is_its_own_flagged_token)
{
    cr_assert (eq (sz, tokenize ("Benin's Foreign Minister"), 4));
    assert_tok (0, "Benin");
    assert_tok (1, "'s");
    cr_assert (has (1, BILAT_TOK_POSS));
    cr_assert (has (1, BILAT_TOK_WORD));
    cr_assert (not (has (0, BILAT_TOK_POSS)));
    cr_assert (not (has (1, BILAT_TOK_SPACE)), "the possessive is glued to its word");
    assert_tok (2, "Foreign");
}

Test (tokens, possessive_before_punctuation_is_still_split)
{
    cr_assert (eq (sz, tokenize ("of Ghana's."), 4));
    assert_tok (1, "Ghana");
    assert_tok (2, "'s");
    cr_assert (has (2, BILAT_TOK_POSS));
    assert_tok (3, ".");
}

Test (tokens, apostrophe_s_inside_a_word_is_not_a_possessive)
{
    cr_assert (eq (sz, tokenize ("Ma'sum"), 1));
    assert_tok (0, "Ma'sum");
    cr_assert (not (has (0, BILAT_TOK_POSS)));
}

Test (tokens, quote_s_without_a_word_before_it_is_not_a_possessive)
{
    tokenize (" 's");
    cr_assert (not (has (0, BILAT_TOK_POSS)));
}

Test (tokens, possessive_is_told_apart_from_longer_words_in_every_position)
{
    /* "'s" ends a word only before a byte that is no letter or digit; the word before it
     * is hashed as written. */
    tokenize ("Benin's2 and Benin's\xC3\xA9 and the Minister'S talks, and Benin's");
    assert_tok (0, "Benin's2");
    assert_tok (2, "Benin's\xC3\xA9");
    assert_tok (5, "Minister");
    assert_tok (6, "'S");
    cr_assert (has (6, BILAT_TOK_POSS));
    cr_assert (eq (u64, tok (5)->hash, bilat__token_hash ("minister", 8)));
    cr_assert (has (5, BILAT_TOK_UPPER));
    size_t n = toks->len;
    assert_tok (n - 2, "Benin");
    assert_tok (n - 1, "'s");
    cr_assert (has (n - 1, BILAT_TOK_POSS));
}

Test (tokens, hyphen_splits_words_into_three_tokens)
{
    cr_assert (eq (sz, tokenize ("Kazakh-Turkmen talks"), 4));
    assert_tok (0, "Kazakh");
    assert_tok (1, "-");
    assert_tok (2, "Turkmen");
    assert_tok (3, "talks");
    cr_assert (has (1, BILAT_TOK_PUNCT));
    cr_assert (not (has (1, BILAT_TOK_SPACE)));
    cr_assert (not (has (2, BILAT_TOK_SPACE)));
}

Test (tokens, non_ascii_letters_are_part_of_words)
{
    cr_assert (eq (sz, tokenize ("T\xC3\xBCrkiye and \xC3\x87" "ankaya"), 3));
    assert_tok (0, "T\xC3\xBCrkiye");
    cr_assert (has (0, BILAT_TOK_NONASCII));
    cr_assert (has (0, BILAT_TOK_UPPER));
    assert_tok (2, "\xC3\x87" "ankaya");
    cr_assert (has (2, BILAT_TOK_UPPER), "an upper-case non-ASCII initial counts");
    cr_assert (not (has (1, BILAT_TOK_NONASCII)));
}

Test (tokens, non_ascii_punctuation_is_a_punct_token)
{
    /* U+2022 BULLET is not a letter. */
    cr_assert (eq (sz, tokenize ("\xE2\x80\xA2 visit"), 2));
    assert_tok (0, "\xE2\x80\xA2");
    cr_assert (has (0, BILAT_TOK_PUNCT));
}

/* ---- flags ---------------------------------------------------------------------------------- */

Test (tokens, upper_flag_marks_a_capital_initial)
{
    tokenize ("Kazakhstan visit");
    cr_assert (has (0, BILAT_TOK_UPPER));
    cr_assert (not (has (0, BILAT_TOK_ALLCAPS)));
    cr_assert (not (has (1, BILAT_TOK_UPPER)));
}

Test (tokens, allcaps_flag_needs_every_letter_upper)
{
    tokenize ("UN ASTANA G20 Un 2023");
    cr_assert (has (0, BILAT_TOK_ALLCAPS));
    cr_assert (has (0, BILAT_TOK_UPPER));
    cr_assert (has (1, BILAT_TOK_ALLCAPS));
    cr_assert (has (2, BILAT_TOK_ALLCAPS), "digits do not break all-caps");
    cr_assert (not (has (3, BILAT_TOK_ALLCAPS)));
    cr_assert (not (has (4, BILAT_TOK_ALLCAPS)), "a number has no letter");
}

Test (tokens, non_ascii_allcaps_is_flagged)
{
    tokenize ("T\xC3\x9CRK\xC4\xB0YE");
    cr_assert (has (0, BILAT_TOK_ALLCAPS));
    cr_assert (has (0, BILAT_TOK_NONASCII));
}

Test (tokens, case_of_a_non_ascii_word_counts_its_ascii_letters)
{
    tokenize ("\xC3\xA9" "A \xC3\x89" "a \xC3\x89" "A 1\xC3\xA9 a\xC3\x89 A\xC3\x89");
    cr_assert (not (has (0, BILAT_TOK_UPPER)));
    cr_assert (not (has (0, BILAT_TOK_ALLCAPS)));
    cr_assert (has (1, BILAT_TOK_UPPER));
    cr_assert (not (has (1, BILAT_TOK_ALLCAPS)));
    cr_assert (has (2, BILAT_TOK_UPPER));
    cr_assert (has (2, BILAT_TOK_ALLCAPS));
    cr_assert (has (3, BILAT_TOK_DIGIT));
    cr_assert (not (has (4, BILAT_TOK_UPPER)));
    cr_assert (not (has (4, BILAT_TOK_ALLCAPS)));
    cr_assert (has (5, BILAT_TOK_UPPER));
    cr_assert (has (5, BILAT_TOK_ALLCAPS));
    for (size_t i = 0; i < 6; i++)
        cr_assert (has (i, BILAT_TOK_NONASCII), "token %zu", i);
}

Test (tokens, digit_flag_marks_a_leading_digit)
{
    tokenize ("5 November 2023 C5");
    cr_assert (has (0, BILAT_TOK_DIGIT));
    cr_assert (not (has (1, BILAT_TOK_DIGIT)));
    cr_assert (has (2, BILAT_TOK_DIGIT));
    cr_assert (not (has (3, BILAT_TOK_DIGIT)));
}

Test (tokens, space_flag_marks_white_space_before)
{
    tokenize ("a b,c\td");
    cr_assert (not (has (0, BILAT_TOK_SPACE)));
    cr_assert (has (1, BILAT_TOK_SPACE));
    cr_assert (not (has (2, BILAT_TOK_SPACE)));
    cr_assert (not (has (3, BILAT_TOK_SPACE)));
    cr_assert (has (4, BILAT_TOK_SPACE), "a tab is white space");
}

Test (tokens, newline_flag_marks_a_line_break_before)
{
    tokenize ("ASTANA\nThe talks");
    cr_assert (has (1, BILAT_TOK_NEWLINE));
    cr_assert (has (1, BILAT_TOK_SPACE));
    cr_assert (not (has (1, BILAT_TOK_PARA)));
    cr_assert (not (has (2, BILAT_TOK_NEWLINE)));
}

Test (tokens, para_flag_marks_a_blank_line_before)
{
    tokenize ("Headline\n\nBody text");
    cr_assert (has (1, BILAT_TOK_PARA));
    cr_assert (has (1, BILAT_TOK_NEWLINE));
    cr_assert (not (has (2, BILAT_TOK_PARA)));
}

Test (tokens, blank_line_with_spaces_is_still_a_paragraph_break)
{
    tokenize ("Headline\n   \nBody");
    cr_assert (has (1, BILAT_TOK_PARA));
}

Test (tokens, first_token_after_leading_newline_is_flagged)
{
    tokenize ("\nword");
    cr_assert (has (0, BILAT_TOK_NEWLINE));
    cr_assert (not (has (0, BILAT_TOK_PARA)));
}

/* ---- hashes --------------------------------------------------------------------------------- */

Test (tokens, hash_is_case_insensitive)
{
    tokenize ("Kazakhstan KAZAKHSTAN kazakhstan KaZaKhStAn");
    for (size_t i = 1; i < 4; i++)
        cr_assert (eq (u64, tok (i)->hash, tok (0)->hash), "token %zu", i);
}

Test (tokens, hash_equals_token_hash_of_the_lower_case_word)
{
    tokenize ("The Foreign Minister's U.S. Kazakh-Turkmen");
    cr_assert (eq (u64, tok (0)->hash, bilat__token_hash ("the", 3)));
    cr_assert (eq (u64, tok (1)->hash, bilat__token_hash ("foreign", 7)));
    cr_assert (eq (u64, tok (2)->hash, bilat__token_hash ("Minister", 8)));
    cr_assert (eq (u64, tok (3)->hash, bilat__token_hash ("'s", 2)));
    cr_assert (eq (u64, tok (4)->hash, bilat__token_hash ("u.s.", 4)));
    cr_assert (eq (u64, tok (6)->hash, bilat__token_hash ("-", 1)));
    for (size_t i = 0; i < toks->len; i++)
        cr_assert (eq (u64, tok (i)->hash,
                       bilat__token_hash (src + tok (i)->start, tok (i)->end - tok (i)->start)),
                   "token %zu", i);
}

Test (tokens, different_words_hash_differently)
{
    cr_assert (not (eq (u64, bilat__token_hash ("visit", 5), bilat__token_hash ("visits", 6))));
    cr_assert (not (eq (u64, bilat__token_hash ("us", 2), bilat__token_hash ("u.s.", 4))));
}

Test (tokens, words_of_up_to_three_letters_or_digits_never_share_a_hash)
{
    /* Every word of one to three letters and digits, lower case: 47,988 words. */
    const char *alnum = "abcdefghijklmnopqrstuvwxyz0123456789";
    GHashTable *seen = g_hash_table_new (g_int64_hash, g_int64_equal);
    gint64 *keys = g_new (gint64, 36 + 36 * 36 + 36 * 36 * 36);
    size_t n = 0;
    for (int len = 1; len <= 3; len++) {
        int total = len == 1 ? 36 : len == 2 ? 36 * 36 : 36 * 36 * 36;
        for (int k = 0; k < total; k++) {
            char w[4] = { 0 };
            for (int i = 0, v = k; i < len; i++, v /= 36)
                w[i] = alnum[v % 36];
            keys[n] = (gint64) bilat__token_hash (w, (size_t) len);
            cr_assert (not (g_hash_table_contains (seen, &keys[n])), "%s", w);
            g_hash_table_add (seen, &keys[n]);
            n++;
        }
    }
    g_hash_table_destroy (seen);
    g_free (keys);
}

Test (tokens, a_word_hashes_the_same_wherever_it_stands)
{
    /* The tokenizer reads words in 16-byte blocks where 16 bytes are left and byte by byte
     * near the end; words longer than 8 and 16 bytes take more blocks. */
    const char *words[] = { "a", "Minister", "Kazakhstan", "intergovernmental",
                            "INTERNATIONALIZATIONS", "2024", "x9" };
    for (size_t w = 0; w < G_N_ELEMENTS (words); w++) {
        char *text = g_strdup_printf ("%s and then a long tail of words %s", words[w], words[w]);
        tokenize (text);
        size_t last = toks->len - 1;
        uint64_t want = bilat__token_hash (words[w], strlen (words[w]));
        cr_assert (eq (u64, tok (0)->hash, want), "%s at the start", words[w]);
        cr_assert (eq (u64, tok (last)->hash, want), "%s at the end", words[w]);
        g_free (text);
    }
}

Test (tokens, all_capitals_are_told_in_every_position)
{
    tokenize ("NATO and UN-led EU2024 missions near the end: NATO UN Un 2EU 2eu");
    cr_assert (has (0, BILAT_TOK_ALLCAPS));
    cr_assert (has (2, BILAT_TOK_ALLCAPS));
    cr_assert (has (5, BILAT_TOK_ALLCAPS));
    cr_assert (not (has (6, BILAT_TOK_ALLCAPS)));
    size_t n = toks->len;
    cr_assert (has (n - 5, BILAT_TOK_ALLCAPS));     /* NATO */
    cr_assert (has (n - 4, BILAT_TOK_ALLCAPS));     /* UN */
    cr_assert (not (has (n - 3, BILAT_TOK_ALLCAPS)));  /* Un */
    cr_assert (has (n - 2, BILAT_TOK_ALLCAPS));     /* 2EU */
    cr_assert (not (has (n - 1, BILAT_TOK_ALLCAPS)));  /* 2eu */
}

/* ---- hostile input -------------------------------------------------------------------------- */

Test (tokens, megabyte_line_without_spaces_or_punctuation_is_one_token)
{
    size_t n = 1024 * 1024;
    char *s = g_malloc (n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = (char) ('a' + (char) (i % 26));
    s[n] = '\0';
    cr_assert (eq (sz, tokenize (s), 1));
    cr_assert (eq (u32, tok (0)->start, 0));
    cr_assert (eq (u32, tok (0)->end, (uint32_t) n));
    g_free (s);
}

Test (tokens, megabyte_of_dotted_letters_stays_bounded)
{
    /* "a.a.a.…" is one long dotted word, not a token per letter. */
    size_t n = 1024 * 1024;
    char *s = g_malloc (n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = (i % 2) ? '.' : 'a';
    s[n] = '\0';
    size_t count = tokenize (s);
    cr_assert (le (sz, count, 2));
    cr_assert (eq (u32, tok (count - 1)->end, (uint32_t) n));
    g_free (s);
}

Test (tokens, megabyte_of_punctuation_gives_one_token_per_mark)
{
    size_t n = 1024 * 1024;
    char *s = g_malloc (n + 1);
    memset (s, '(', n);
    s[n] = '\0';
    cr_assert (eq (sz, tokenize (s), n));
    cr_assert (has (n - 1, BILAT_TOK_PUNCT));
    g_free (s);
}

Test (tokens, white_space_flags_survive_the_array_growing)
{
    /* A token every two bytes outgrows the first guess at the room (a token per four
     * bytes); the tokens after each growing keep their line and paragraph breaks. */
    size_t reps = 5000;
    GString *s = g_string_new (NULL);
    for (size_t i = 0; i < reps; i++)
        g_string_append (s, i % 3 == 2 ? "b\n\n" : "a\n");
    size_t n = tokenize (s->str);
    cr_assert (eq (sz, n, reps));
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        const bilat_token *t = tok (i);
        cr_assert (eq (u32, t->start, (uint32_t) at), "token %zu", i);
        cr_assert (eq (u32, t->end, (uint32_t) at + 1), "token %zu", i);
        uint32_t want = BILAT_TOK_WORD;
        if (i > 0)
            want |= BILAT_TOK_SPACE | BILAT_TOK_NEWLINE | (i % 3 == 0 ? BILAT_TOK_PARA : 0);
        cr_assert (eq (u32, t->flags, want), "token %zu", i);
        at += i % 3 == 2 ? 3 : 2;
    }
    g_string_free (s, TRUE);
}

Test (tokens, tokens_cover_the_text_in_order_without_overlap)
{
    static const char s[] = "ASTANA, 5 Nov. (Kazinform) - Kh.Battulga's visit to U.S.A.\n\n"
                            "\xE2\x80\xA2 T\xC3\xBCrkiye-Kazakh ties; 2024-2026.";
    tokenize (s);
    uint32_t prev = 0;
    for (size_t i = 0; i < toks->len; i++) {
        const bilat_token *t = tok (i);
        cr_assert (ge (u32, t->start, prev), "token %zu overlaps", i);
        cr_assert (gt (u32, t->end, t->start), "token %zu is empty", i);
        cr_assert (le (u32, t->end, (uint32_t) strlen (s)));
        prev = t->end;
    }
}
