/* SPDX-License-Identifier: MIT */
/* Unit tests for the working-array helpers of core/alloc.c: growing a block keeps its bytes
 * on each side of the size where huge pages are asked for, and the advice is harmless on
 * any block. */
#include "core/core-private.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>

/* Fill n bytes at p with a pattern that depends on the offset and seed. */
static void
fill (unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char) (i * 131u + seed + (i >> 12));
}

/* The offset of the first byte of p that is not the pattern, or n. */
static size_t
first_wrong (const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char) (i * 131u + seed + (i >> 12)))
            return i;
    return n;
}

Test (alloc, growing_from_nothing_gives_a_writable_block)
{
    const size_t sizes[] = { 1, 4096, BILAT_HUGE_MIN - 1, BILAT_HUGE_MIN, BILAT_HUGE_MIN + 12345 };
    for (size_t k = 0; k < G_N_ELEMENTS (sizes); k++) {
        unsigned char *p = bilat__try_regrow (NULL, 0, sizes[k]);
        cr_assert (not (zero (ptr, p)), "%zu bytes", sizes[k]);
        fill (p, sizes[k], 7);
        cr_assert (eq (sz, first_wrong (p, sizes[k], 7), sizes[k]));
        g_free (p);
    }
}

/* Each step doubles, as the events stage's arrays do: small to small, small to past the
 * huge-page size (copied after the advice), and big to bigger (left to realloc). */
Test (alloc, doubling_keeps_every_used_byte)
{
    size_t cap = 1000;
    unsigned char *p = bilat__try_regrow (NULL, 0, cap);
    cr_assert (not (zero (ptr, p)));
    fill (p, cap, 3);
    while (cap < 4 * BILAT_HUGE_MIN) {
        size_t used = cap - cap / 3;  /* part of the block in use, as in a growing array */
        unsigned char *q = bilat__try_regrow (p, used, 2 * cap);
        cr_assert (not (zero (ptr, q)), "%zu to %zu bytes", cap, 2 * cap);
        cr_assert (eq (sz, first_wrong (q, used, 3), used), "%zu to %zu bytes", cap, 2 * cap);
        p = q;
        cap *= 2;
        fill (p, cap, 3);
    }
    g_free (p);
}

Test (alloc, advice_on_any_block_leaves_it_usable)
{
    bilat__advise_huge (NULL, 0);
    bilat__advise_huge (NULL, BILAT_HUGE_MIN);
    const size_t sizes[] = { 16, BILAT_HUGE_MIN, 3 * BILAT_HUGE_MIN + 17 };
    for (size_t k = 0; k < G_N_ELEMENTS (sizes); k++) {
        unsigned char *p = g_malloc (sizes[k] + 1);
        /* An address off any page boundary: only whole huge pages inside are advised. */
        bilat__advise_huge (p + 1, sizes[k]);
        fill (p, sizes[k] + 1, 11);
        cr_assert (eq (sz, first_wrong (p, sizes[k] + 1, 11), sizes[k] + 1));
        g_free (p);
    }
}
