/* SPDX-License-Identifier: MIT */
/* Unit tests for text normalization: UTF-8 validation, repair, folding and the offset map. */
#include "core/core-private.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>

/* A byte range for eq (mem, ...). */
#define MEM(p, n) ((struct cr_mem) { .data = (p), .size = (n) })

/* Initialise t from a byte string with an explicit length (the inputs hold NUL bytes). */
static int
text_from (bilat_text *t, const char *s, size_t len, gboolean repair, bilat_error **error)
{
    return bilat__text_init (t, s, len, repair, error);
}

/* Expect text_init to fail with BILAT_EPARSE at byte offset off. */
static void
assert_parse_error_at (const char *s, size_t len, int64_t off)
{
    bilat_text t;
    bilat_error *err = NULL;
    int rc = text_from (&t, s, len, FALSE, &err);
    cr_assert (eq (int, rc, BILAT_EPARSE));
    cr_assert (not (zero (ptr, err)));
    cr_assert (eq (int, bilat_error_code (err), BILAT_EPARSE));
    cr_assert (eq (i64, bilat_error_offset (err), off));
    cr_assert (not (eq (str, (char *) bilat_error_message (err), "")));
    /* A failed init leaves nothing to free, but clearing must still be safe. */
    cr_assert (zero (ptr, t.text));
    cr_assert (zero (ptr, t.shifts));
    bilat__text_clear (&t);
    bilat_error_free (err);
}

/* Every byte of the normalized text maps back to a byte of the caller's text, and the map
 * never runs backwards. */
static void
assert_map_sane (const bilat_text *t)
{
    for (size_t i = 0; i < t->len; i++) {
        cr_assert (lt (sz, bilat__text_orig (t, i), t->orig_len), "map[%zu] out of range", i);
        if (i > 0)
            cr_assert (ge (sz, bilat__text_orig (t, i), bilat__text_orig (t, i - 1)),
                       "map runs backwards at %zu", i);
    }
    cr_assert (eq (sz, bilat__text_orig (t, t->len), t->orig_len));
}

/* ---- validation --------------------------------------------------------------------------- */

Test (text, plain_ascii_is_copied_with_identity_offsets)
{
    static const char s[] = "The sides discussed trade.";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, (char *) s));
    cr_assert (eq (sz, t.len, strlen (s)));
    cr_assert (eq (sz, t.n_shifts, 0));
    cr_assert (eq (sz, bilat__text_orig (&t, 4), 4));
    bilat__text_clear (&t);
}

Test (text, valid_multibyte_utf8_is_kept_unchanged)
{
    static const char s[] = "T\xC3\xBCrkiye and \xD0\x9A\xD0\xB0\xD0\xB7\xD0\xB0\xD1\x85";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, (char *) s));
    cr_assert (eq (sz, t.len, strlen (s)));
    bilat__text_clear (&t);
}

Test (text, empty_input_gives_empty_text)
{
    bilat_text t;
    cr_assert (eq (int, text_from (&t, "", 0, FALSE, NULL), BILAT_OK));
    cr_assert (eq (sz, t.len, 0));
    cr_assert (not (zero (ptr, t.text)));
    cr_assert (eq (str, t.text, ""));
    bilat__text_clear (&t);
}

Test (text, invalid_lead_byte_is_an_error_at_its_offset)
{
    assert_parse_error_at ("Astana \xFF visit", 14, 7);
}

Test (text, stray_continuation_byte_is_an_error_at_its_offset)
{
    assert_parse_error_at ("ab\x80" "cd", 5, 2);
}

Test (text, truncated_sequence_at_end_is_an_error_at_its_start)
{
    /* The first two bytes of U+2014 EM DASH, then the text ends. */
    assert_parse_error_at ("visit \xE2\x80", 8, 6);
}

Test (text, truncated_sequence_before_ascii_is_an_error_at_its_start)
{
    assert_parse_error_at ("ab\xE2\x80" "cd", 6, 2);
}

Test (text, overlong_two_byte_encoding_is_an_error)
{
    /* 0xC0 0xAF is an overlong "/". */
    assert_parse_error_at ("abc\xC0\xAF", 5, 3);
}

Test (text, overlong_three_byte_encoding_is_an_error)
{
    /* 0xE0 0x80 0xAF is an overlong "/". */
    assert_parse_error_at ("a\xE0\x80\xAF" "b", 5, 1);
}

Test (text, utf16_surrogate_is_an_error)
{
    /* U+D800 encoded as if it were a scalar value (CESU-8 style). */
    assert_parse_error_at ("Baku \xED\xA0\x80 talks", 14, 5);
}

Test (text, code_point_above_u10ffff_is_an_error)
{
    assert_parse_error_at ("x\xF4\x90\x80\x80", 5, 1);
}

Test (text, nul_byte_is_an_error_at_its_offset)
{
    assert_parse_error_at ("ab\0cd", 5, 2);
}

Test (text, nul_byte_offset_counts_bytes_not_characters)
{
    /* "Türkiye" is 8 bytes: the NUL after it is at byte 8, character 7. */
    assert_parse_error_at ("T\xC3\xBCrkiye\0", 9, 8);
}

Test (text, first_of_several_errors_is_reported)
{
    assert_parse_error_at ("a\xFF" "b\0c", 5, 1);
}

Test (text, error_pointer_may_be_null)
{
    bilat_text t;
    cr_assert (eq (int, text_from (&t, "a\xFF", 2, FALSE, NULL), BILAT_EPARSE));
    bilat__text_clear (&t);
}

/* ---- repair --------------------------------------------------------------------------------- */

Test (text, repair_turns_a_bad_byte_into_replacement_character)
{
    static const char s[] = "a\xFF" "b";
    bilat_text t;
    bilat_error *err = NULL;
    cr_assert (eq (int, text_from (&t, s, 3, TRUE, &err), BILAT_OK));
    cr_assert (zero (ptr, err));
    cr_assert (eq (str, t.text, "a\xEF\xBF\xBD" "b"));
    cr_assert (eq (sz, t.len, 5));
    cr_assert (g_utf8_validate (t.text, (gssize) t.len, NULL));
    bilat__text_clear (&t);
}

Test (text, repair_maps_replacement_bytes_back_to_the_bad_byte)
{
    static const char s[] = "a\xFF" "b";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, 3, TRUE, NULL), BILAT_OK));
    cr_assert (eq (sz, bilat__text_orig (&t, 0), 0));
    for (size_t i = 1; i <= 3; i++)
        cr_assert (eq (sz, bilat__text_orig (&t, i), 1), "U+FFFD byte %zu", i);
    cr_assert (eq (sz, bilat__text_orig (&t, 4), 2));
    cr_assert (eq (sz, bilat__text_orig (&t, 5), 3));
    assert_map_sane (&t);
    bilat__text_clear (&t);
}

Test (text, repair_replaces_each_byte_of_a_truncated_sequence)
{
    static const char s[] = "ab\xE2\x80";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, 4, TRUE, NULL), BILAT_OK));
    cr_assert (g_utf8_validate (t.text, (gssize) t.len, NULL));
    cr_assert (eq (str, t.text, "ab\xEF\xBF\xBD\xEF\xBF\xBD"));
    cr_assert (eq (sz, bilat__text_orig (&t, 2), 2));
    cr_assert (eq (sz, bilat__text_orig (&t, 5), 3));
    assert_map_sane (&t);
    bilat__text_clear (&t);
}

Test (text, repair_keeps_offsets_after_the_bad_byte_pointing_at_caller_bytes)
{
    /* Valid multi-byte text and folds after the repair must still map correctly. */
    static const char s[] = "\xC0 Kazakhstan \xE2\x80\x94 T\xC3\xBCrkiye";
    size_t len = strlen (s);
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, len, TRUE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "\xEF\xBF\xBD Kazakhstan - T\xC3\xBCrkiye"));
    const char *k = strstr (t.text, "Kazakhstan");
    size_t kn = (size_t) (k - t.text);
    cr_assert (eq (sz, bilat__text_orig (&t, kn), 2));
    const char *tu = strstr (t.text, "T\xC3\xBC");
    size_t tn = (size_t) (tu - t.text);
    size_t want = (size_t) (strstr (s, "T\xC3\xBC") - s);
    cr_assert (eq (sz, bilat__text_orig (&t, tn), want));
    cr_assert (eq (mem, MEM (s + bilat__text_orig (&t, tn), 8), MEM ("T\xC3\xBCrkiye", 8)));
    assert_map_sane (&t);
    bilat__text_clear (&t);
}

Test (text, repair_of_clean_text_changes_nothing)
{
    static const char s[] = "Ashgabat, 28 November";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), TRUE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, (char *) s));
    for (size_t i = 0; i <= t.len; i++)
        cr_assert (eq (sz, bilat__text_orig (&t, i), i));
    bilat__text_clear (&t);
}

Test (text, repair_mode_does_not_fail_on_nul_bytes)
{
    bilat_text t;
    cr_assert (eq (int, text_from (&t, "ab\0cd", 5, TRUE, NULL), BILAT_OK));
    cr_assert (eq (sz, strlen (t.text), t.len), "no NUL is left inside the text");
    cr_assert (eq (sz, bilat__text_orig (&t, 3), 3));
    bilat__text_clear (&t);
}

/* ---- folding ------------------------------------------------------------------------------ */

Test (text, typographic_quotes_fold_to_ascii)
{
    static const char s[] = "\xE2\x80\x9CGreat Silk Road\xE2\x80\x9D and Benin\xE2\x80\x99s";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "\"Great Silk Road\" and Benin's"));
    cr_assert (gt (sz, t.n_shifts, 0));
    bilat__text_clear (&t);
}

Test (text, guillemets_and_single_low_quote_fold_to_ascii)
{
    static const char s[] = "\xC2\xAB" "Caspian\xC2\xBB \xE2\x80\x9A" "x\xE2\x80\x98";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "\"Caspian\" 'x'"));
    bilat__text_clear (&t);
}

Test (text, dashes_fold_to_hyphen)
{
    /* En dash, em dash, non-breaking hyphen, minus sign. */
    static const char s[] = "2024\xE2\x80\x93" "2026 \xE2\x80\x94 Kazakh\xE2\x80\x91Turkmen "
                            "\xE2\x88\x92" "1";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "2024-2026 - Kazakh-Turkmen -1"));
    bilat__text_clear (&t);
}

Test (text, odd_spaces_fold_to_ascii_space)
{
    /* No-break space, narrow no-break space, thin space, tab. */
    static const char s[] = "5\xC2\xA0November\xE2\x80\xAF" "2023\xE2\x80\x89X\tY";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "5 November 2023 X Y"));
    bilat__text_clear (&t);
}

Test (text, zero_width_characters_and_soft_hyphens_are_dropped)
{
    static const char s[] = "\xEF\xBB\xBFKazakh\xC2\xADstan\xE2\x80\x8B visit";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "Kazakhstan visit"));
    cr_assert (eq (sz, bilat__text_orig (&t, 0), 3), "the BOM is skipped");
    cr_assert (eq (sz, bilat__text_orig (&t, 6), 11), "\"stan\" starts after the soft hyphen");
    assert_map_sane (&t);
    bilat__text_clear (&t);
}

Test (text, fold_map_points_every_byte_back_to_the_callers_bytes)
{
    /* "“Astana” – Baku" : “ and ” are 3 bytes, – is 3 bytes. */
    static const char s[] = "\xE2\x80\x9C" "Astana\xE2\x80\x9D \xE2\x80\x93 Baku";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "\"Astana\" - Baku"));
    /* normalized:  0:" 1..6:Astana 7:" 8:' ' 9:- 10:' ' 11..14:Baku */
    static const size_t want[] = { 0, 3, 4, 5, 6, 7, 8, 9, 12, 13, 16, 17, 18, 19, 20 };
    cr_assert (eq (sz, t.len, G_N_ELEMENTS (want)));
    for (size_t i = 0; i < G_N_ELEMENTS (want); i++)
        cr_assert (eq (sz, bilat__text_orig (&t, i), want[i]), "byte %zu", i);
    cr_assert (eq (sz, bilat__text_orig (&t, t.len), strlen (s)));
    /* A span [1, 7) of the normalized text is "Astana" in the caller's text too. */
    size_t b = bilat__text_orig (&t, 1), e = bilat__text_orig (&t, 7);
    cr_assert (eq (mem, MEM (s + b, e - b), MEM ("Astana", 6)));
    bilat__text_clear (&t);
}

Test (text, offsets_before_the_first_fold_are_the_identity)
{
    /* The map changes only at the first fold; the bytes before it still map to themselves. */
    static const char s[] = "Ministers met \xE2\x80\x94 twice";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "Ministers met - twice"));
    for (size_t i = 0; i < 14; i++)
        cr_assert (eq (sz, bilat__text_orig (&t, i), i));
    cr_assert (eq (sz, bilat__text_orig (&t, 14), 14));
    cr_assert (eq (sz, bilat__text_orig (&t, 15), 17));
    cr_assert (eq (sz, bilat__text_orig (&t, 16), 18));
    assert_map_sane (&t);
    bilat__text_clear (&t);
}

Test (text, ellipsis_folds_to_a_dot)
{
    static const char s[] = "and so on\xE2\x80\xA6";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "and so on."));
    bilat__text_clear (&t);
}

Test (text, backtick_folds_to_apostrophe)
{
    bilat_text t;
    cr_assert (eq (int, text_from (&t, "Benin`s", 7, FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "Benin's"));
    bilat__text_clear (&t);
}

/* ---- line breaks ---------------------------------------------------------------------------- */

Test (text, crlf_becomes_lf)
{
    static const char s[] = "ASTANA\r\n\r\nThe talks";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "ASTANA\n\nThe talks"));
    cr_assert (eq (sz, bilat__text_orig (&t, 6), 6));
    cr_assert (eq (sz, bilat__text_orig (&t, 7), 8));
    cr_assert (eq (sz, bilat__text_orig (&t, 8), 10), "\"The\" is at byte 10 of the input");
    assert_map_sane (&t);
    bilat__text_clear (&t);
}

Test (text, lone_cr_becomes_lf)
{
    bilat_text t;
    cr_assert (eq (int, text_from (&t, "a\rb\r", 4, FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "a\nb\n"));
    cr_assert (eq (sz, bilat__text_orig (&t, 2), 2));
    cr_assert (eq (sz, bilat__text_orig (&t, 4), 4));
    bilat__text_clear (&t);
}

Test (text, lf_alone_is_kept_without_a_map)
{
    bilat_text t;
    cr_assert (eq (int, text_from (&t, "a\nb", 3, FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "a\nb"));
    cr_assert (eq (sz, t.n_shifts, 0));
    bilat__text_clear (&t);
}

/* ---- offset map ----------------------------------------------------------------------------- */

/* Expect bilat__text_orig (t, i) == orig[i] for every i in [0, t->len], and
 * bilat__text_orig_end (t, e) == end[e] wherever end[e] is not SIZE_MAX (the character
 * boundaries). */
static void
assert_offsets (const bilat_text *t, const size_t *orig, const size_t *end)
{
    for (size_t i = 0; i <= t->len; i++) {
        cr_assert (eq (sz, bilat__text_orig (t, i), orig[i]), "orig (%zu)", i);
        if (end[i] != SIZE_MAX)
            cr_assert (eq (sz, bilat__text_orig_end (t, i), end[i]), "orig_end (%zu)", i);
    }
}

#define NB SIZE_MAX  /* not a character boundary: no orig_end expected */

Test (text, offsets_across_folds_of_every_length)
{
    /* "é" kept (2 bytes), "—" folded (3 to 1), NBSP folded (2 to 1), "…" folded (3 to 1). */
    static const char s[] = "R\xC3\xA9gion\xE2\x80\x94" "a\xC2\xA0" "b\xE2\x80\xA6";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "R\xC3\xA9gion-a b."));
    /* normalized: 0 R, 1-2 é, 3-6 gion, 7 -, 8 a, 9 ' ', 10 b, 11 . */
    static const size_t orig[] = { 0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 13, 14, 17 };
    static const size_t end[] = { 0, 1, NB, 3, 4, 5, 6, 7, 10, 11, 13, 14, 17 };
    assert_offsets (&t, orig, end);
    bilat__text_clear (&t);
}

Test (text, offsets_across_crlf_and_lone_cr)
{
    static const char s[] = "A\r\n\r\nB\rC\r\n";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "A\n\nB\nC\n"));
    /* A span ending with the LF of a CR LF ends after both bytes. */
    static const size_t orig[] = { 0, 1, 3, 5, 6, 7, 8, 10 };
    static const size_t end[] = { 0, 1, 3, 5, 6, 7, 8, 10 };
    assert_offsets (&t, orig, end);
    bilat__text_clear (&t);
}

Test (text, span_end_does_not_swallow_dropped_characters)
{
    /* "Baku" ZWSP " " "Astana" soft-hyphen ZWJ: the span "Baku" ends before the ZWSP and the
     * text's end is the caller's end. */
    static const char s[] = "Baku\xE2\x80\x8B Astana\xC2\xAD\xE2\x80\x8D";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "Baku Astana"));
    static const size_t orig[] = { 0, 1, 2, 3, 7, 8, 9, 10, 11, 12, 13, 19 };
    static const size_t end[] = { 0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14 };
    assert_offsets (&t, orig, end);
    cr_assert (eq (sz, bilat__text_orig (&t, t.len), strlen (s)));
    bilat__text_clear (&t);
}

Test (text, dropped_characters_at_the_start_shift_every_offset)
{
    static const char s[] = "\xEF\xBB\xBF\xE2\x80\x8BTalks";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "Talks"));
    static const size_t orig[] = { 6, 7, 8, 9, 10, 11 };
    static const size_t end[] = { 6, 7, 8, 9, 10, 11 };
    assert_offsets (&t, orig, end);
    bilat__text_clear (&t);
}

Test (text, text_of_dropped_characters_only_is_empty_and_ends_at_the_callers_end)
{
    static const char s[] = "\xE2\x80\x8B\xC2\xAD";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (sz, t.len, 0));
    cr_assert (eq (sz, bilat__text_orig (&t, 0), 5));
    cr_assert (eq (sz, bilat__text_orig_end (&t, 0), 5));
    bilat__text_clear (&t);
}

Test (text, same_length_folds_keep_offsets_without_shifts)
{
    /* A tab, a backtick and a lone CR change a byte each, but no offset. */
    static const char s[] = "a\tb`c\rd";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), FALSE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "a b'c\nd"));
    cr_assert (eq (sz, t.n_shifts, 0));
    for (size_t i = 0; i <= t.len; i++) {
        cr_assert (eq (sz, bilat__text_orig (&t, i), i));
        cr_assert (eq (sz, bilat__text_orig_end (&t, i), i));
    }
    bilat__text_clear (&t);
}

Test (text, repair_offsets_of_consecutive_and_final_bad_bytes)
{
    static const char s[] = "a\xFF\xFE" "b\xC0";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, 5, TRUE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "a\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD"));
    static const size_t orig[] = { 0, 1, 1, 1, 2, 2, 2, 3, 4, 4, 4, 5 };
    static const size_t end[] = { 0, 1, NB, NB, 2, NB, NB, 3, 4, NB, NB, 5 };
    assert_offsets (&t, orig, end);
    bilat__text_clear (&t);
}

Test (text, repair_offsets_of_a_bad_byte_before_dropped_and_folded_characters)
{
    /* Bad byte, ZWSP, bad byte, em dash, "x": a U+FFFD still maps to its own byte when
     * the characters after it are dropped. */
    static const char s[] = "\xFF\xE2\x80\x8B\x80\xE2\x80\x94x";
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s, strlen (s), TRUE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "\xEF\xBF\xBD\xEF\xBF\xBD-x"));
    static const size_t orig[] = { 0, 0, 0, 4, 4, 4, 5, 8, 9 };
    static const size_t end[] = { 0, NB, NB, 1, NB, NB, 5, 8, 9 };
    assert_offsets (&t, orig, end);
    bilat__text_clear (&t);
}

Test (text, repair_of_a_nul_byte_keeps_offsets)
{
    bilat_text t;
    cr_assert (eq (int, text_from (&t, "\xE2\x80\x9C\0x", 5, TRUE, NULL), BILAT_OK));
    cr_assert (eq (str, t.text, "\" x"));
    static const size_t orig[] = { 0, 3, 4, 5 };
    static const size_t end[] = { 0, 3, 4, 5 };
    assert_offsets (&t, orig, end);
    bilat__text_clear (&t);
}

Test (text, text_with_many_folds_maps_every_offset)
{
    /* 5000 times "ab" then a curly quote (3 bytes to 1): far more changes than the map
     * starts with room for. */
    enum { N = 5000 };
    GString *s = g_string_new (NULL);
    for (int k = 0; k < N; k++)
        g_string_append (s, "ab\xE2\x80\x99");
    bilat_text t;
    cr_assert (eq (int, text_from (&t, s->str, s->len, FALSE, NULL), BILAT_OK));
    cr_assert (eq (sz, t.len, 3 * N));
    for (size_t i = 0; i < t.len; i++) {
        size_t want = i / 3 * 5 + i % 3;
        cr_assert (eq (sz, bilat__text_orig (&t, i), want), "orig (%zu)", i);
        cr_assert (eq (sz, bilat__text_orig_end (&t, i + 1), want + (i % 3 == 2 ? 3 : 1)),
                   "orig_end (%zu)", i + 1);
    }
    cr_assert (eq (sz, bilat__text_orig (&t, t.len), s->len));
    g_string_free (s, TRUE);
    bilat__text_clear (&t);
}

Test (text, a_fold_at_every_position_of_a_plain_run)
{
    /* Plain runs are scanned in blocks: a fold must be found wherever it falls in one. */
    for (size_t before = 0; before < 40; before++) {
        for (size_t after = 0; after < 20; after++) {
            GString *s = g_string_new (NULL);
            for (size_t k = 0; k < before; k++)
                g_string_append_c (s, (char) ('a' + k % 26));
            g_string_append (s, "\xE2\x80\x93");
            for (size_t k = 0; k < after; k++)
                g_string_append_c (s, (char) ('A' + k % 26));
            bilat_text t;
            cr_assert (eq (int, text_from (&t, s->str, s->len, FALSE, NULL), BILAT_OK));
            cr_assert (eq (sz, t.len, before + 1 + after));
            cr_assert (eq (chr, t.text[before], '-'), "%zu, %zu", before, after);
            cr_assert (eq (mem, MEM (t.text, before), MEM (s->str, before)));
            cr_assert (eq (mem, MEM (t.text + before + 1, after),
                           MEM (s->str + before + 3, after)));
            cr_assert (eq (sz, bilat__text_orig (&t, before), before));
            cr_assert (eq (sz, bilat__text_orig_end (&t, before + 1), before + 3));
            if (after > 0)
                cr_assert (eq (sz, bilat__text_orig (&t, before + 1), before + 3));
            cr_assert (eq (sz, bilat__text_orig (&t, t.len), s->len));
            bilat__text_clear (&t);
            g_string_free (s, TRUE);
        }
    }
}

Test (text, every_ascii_byte_is_looked_at_wherever_it_falls_in_a_run)
{
    /* Each byte value at each place in a long ASCII run: kept, folded or rejected as the
     * character rules say, never copied past unseen. */
    for (size_t at = 0; at < 48; at++) {
        for (unsigned v = 0; v < 0x80; v++) {
            char s[48];
            memset (s, 'x', sizeof s);
            s[at] = (char) v;
            bilat_text t;
            bilat_error *err = NULL;
            int rc = text_from (&t, s, sizeof s, FALSE, &err);
            if (v == 0) {
                cr_assert (eq (int, rc, BILAT_EPARSE));
                cr_assert (eq (i64, bilat_error_offset (err), (int64_t) at));
                bilat_error_free (err);
                continue;
            }
            cr_assert (eq (int, rc, BILAT_OK), "byte 0x%02X at %zu", v, at);
            char want = (char) v;
            if (v == '\t' || v == '\v' || v == '\f')
                want = ' ';
            else if (v == '`')
                want = '\'';
            else if (v == '\r')
                want = '\n';
            cr_assert (eq (chr, t.text[at], want), "byte 0x%02X at %zu", v, at);
            cr_assert (eq (sz, t.len, sizeof s));
            bilat__text_clear (&t);
        }
    }
}

/* A random text built from pieces whose normalized form and offsets are known: a check of
 * the whole map against an independent account of it. */
typedef struct {
    const char *src;
    const char *out;  /* NULL: kept as it is */
    gboolean bad;     /* each byte is invalid: a U+FFFD when repaired */
} piece;

static const piece pieces[] = {
    { "a", NULL, FALSE }, { "Baku ", NULL, FALSE }, { "\n", NULL, FALSE },
    { "0123456789abcdefghijklmnopqrstuvwxyz", NULL, FALSE },
    { "\xC3\xA9", NULL, FALSE }, { "\xD0\x9A", NULL, FALSE }, { "\xF0\x9F\x98\x80", NULL, FALSE },
    { "\xEF\xBF\xBD", NULL, FALSE }, { "\x7F", NULL, FALSE }, { "\x01", NULL, FALSE },
    { "\r\n", "\n", FALSE }, { "\r", "\n", FALSE }, { "\t", " ", FALSE }, { "`", "'", FALSE },
    { "\xE2\x80\x9C", "\"", FALSE }, { "\xE2\x80\x99", "'", FALSE }, { "\xC2\xAB", "\"", FALSE },
    { "\xE2\x80\x94", "-", FALSE }, { "\xEF\xBC\x8D", "-", FALSE }, { "\xC2\xA0", " ", FALSE },
    { "\xE3\x80\x80", " ", FALSE }, { "\xE2\x80\xA6", ".", FALSE }, { "\xC2\xAD", "", FALSE },
    /* Next to the folded ranges: U+00C0, U+1FFF, U+2000, U+3001, U+4E2D, U+FE57, U+FE58. */
    { "\xC3\x80", NULL, FALSE }, { "\xE1\xBF\xBF", NULL, FALSE }, { "\xE2\x80\x80", " ", FALSE },
    { "\xE3\x80\x81", NULL, FALSE }, { "\xE4\xB8\xAD", NULL, FALSE },
    { "\xEF\xB9\x97", NULL, FALSE }, { "\xEF\xB9\x98", "-", FALSE },
    { "\xE2\x80\x8B", "", FALSE }, { "\xEF\xBB\xBF", "", FALSE },
    { "\xFF", NULL, TRUE }, { "\x80", NULL, TRUE }, { "\xC0", NULL, TRUE },
    { "\xED\xA0\x80", NULL, TRUE }, { "\xF4\x90\x80\x80", NULL, TRUE },
};

Test (text, random_texts_map_every_offset_like_their_pieces_say)
{
    GRand *rnd = g_rand_new_with_seed (20240601);
    for (int round = 0; round < 3000; round++) {
        gboolean repair = round % 2;
        GString *src = g_string_new (NULL), *out = g_string_new (NULL);
        GArray *orig = g_array_new (FALSE, FALSE, sizeof (size_t));
        GArray *end = g_array_new (FALSE, FALSE, sizeof (size_t));
        size_t zero = 0;
        g_array_append_val (end, zero);
        int n_pieces = g_rand_int_range (rnd, 0, round % 50 == 0 ? 2000 : 40);
        const piece *last = NULL;
        for (int k = 0; k < n_pieces; k++) {
            const piece *p = &pieces[g_rand_int_range (rnd, 0, G_N_ELEMENTS (pieces))];
            if ((p->bad && !repair) || (last && strcmp (last->src, "\r") == 0 &&
                                        p->src[0] == '\n'))
                continue;
            last = p;
            size_t at = src->len, n = strlen (p->src);
            g_string_append (src, p->src);
            if (p->bad) {
                for (size_t b = 0; b < n; b++) {
                    g_string_append (out, "\xEF\xBF\xBD");
                    for (int r = 0; r < 3; r++) {
                        size_t o = at + b, e = r == 2 ? at + b + 1 : NB;
                        g_array_append_val (orig, o);
                        g_array_append_val (end, e);
                    }
                }
            } else if (p->out == NULL) {
                g_string_append (out, p->src);
                /* Kept: each byte maps to itself, and ends are at character ends. */
                for (size_t b = 0; b < n; b++) {
                    size_t o = at + b;
                    gboolean last_byte = b + 1 == n ||
                                         ((unsigned char) p->src[b + 1] & 0xC0) != 0x80;
                    size_t e = last_byte ? at + b + 1 : NB;
                    g_array_append_val (orig, o);
                    g_array_append_val (end, e);
                }
            } else if (p->out[0]) {
                g_string_append (out, p->out);
                size_t e = at + n;
                g_array_append_val (orig, at);
                g_array_append_val (end, e);
            }
        }
        g_array_append_val (orig, src->len);
        /* orig_end (0) is orig (0). */
        g_array_index (end, size_t, 0) = g_array_index (orig, size_t, 0);

        bilat_text t;
        cr_assert (eq (int, text_from (&t, src->str, src->len, repair, NULL), BILAT_OK));
        cr_assert (eq (sz, t.len, out->len), "round %d", round);
        cr_assert (eq (mem, MEM (t.text, t.len), MEM (out->str, out->len)), "round %d", round);
        assert_offsets (&t, (const size_t *) orig->data, (const size_t *) end->data);
        bilat__text_clear (&t);
        g_array_free (orig, TRUE);
        g_array_free (end, TRUE);
        g_string_free (src, TRUE);
        g_string_free (out, TRUE);
    }
    g_rand_free (rnd);
}

Test (text, utf8_validation_agrees_with_glib_for_two_and_three_byte_forms)
{
    /* Every lead byte, every second byte, and third bytes at the edges of the ranges. */
    static const unsigned char third[] = { 0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                           0xBF, 0xC0, 0xFF };
    for (unsigned b0 = 0x80; b0 <= 0xFF; b0++) {
        for (unsigned b1 = 0; b1 <= 0xFF; b1++) {
            for (size_t k = 0; k < G_N_ELEMENTS (third); k++) {
                const char s[3] = { (char) b0, (char) b1, (char) third[k] };
                /* The first error glib finds, walking as the normalizer does. */
                int64_t want = -1;
                for (size_t i = 0; i < 3 && want < 0;) {
                    unsigned char b = (unsigned char) s[i];
                    gunichar c = b < 0x80 ? b : g_utf8_get_char_validated (s + i, (gssize) (3 - i));
                    if (b == 0 || c == (gunichar) -1 || c == (gunichar) -2)
                        want = (int64_t) i;
                    else
                        i += b < 0x80 ? 1 : (size_t) g_utf8_skip[b];
                }
                bilat_text t;
                bilat_error *err = NULL;
                int rc = text_from (&t, s, 3, FALSE, &err);
                if (want < 0) {
                    cr_assert (eq (int, rc, BILAT_OK), "%02X %02X %02X", b0, b1, third[k]);
                    bilat__text_clear (&t);
                } else {
                    cr_assert (eq (int, rc, BILAT_EPARSE), "%02X %02X %02X", b0, b1, third[k]);
                    cr_assert (eq (i64, bilat_error_offset (err), want), "%02X %02X %02X", b0,
                               b1, third[k]);
                    bilat_error_free (err);
                }
            }
        }
    }
}

/* ---- dates ---------------------------------------------------------------------------------- */

Test (text, date_parse_accepts_a_valid_iso_date)
{
    GDate d;
    cr_assert (bilat__date_parse ("2024-02-29", &d));
    cr_assert (eq (int, g_date_get_year (&d), 2024));
    cr_assert (eq (int, g_date_get_month (&d), 2));
    cr_assert (eq (int, g_date_get_day (&d), 29));
}

Test (text, date_parse_rejects_malformed_dates)
{
    static const char *const bad[] = {
        "2023-02-29", "2023-13-01", "2023-00-10", "2023-11-31", "2023-1-5", "23-11-28",
        "2023-11-28x", "2023/11/28", "", " 2023-11-28", "28 November 2023",
    };
    GDate d;
    for (size_t i = 0; i < G_N_ELEMENTS (bad); i++)
        cr_assert (not (bilat__date_parse (bad[i], &d)), "\"%s\" accepted", bad[i]);
    cr_assert (not (bilat__date_parse (NULL, &d)));
}
