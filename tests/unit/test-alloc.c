/* SPDX-License-Identifier: MIT */
/* Unit tests for the working-array helpers of core/alloc.c: growing a block keeps its bytes
 * on each side of the size where huge pages are asked for, and the advice covers the whole
 * huge pages inside a block and nothing around it. */
#include "core/core-private.h"

#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
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

/* The VmFlags of the mapping that holds address a, from /proc/self/smaps ("rd wr mr ...";
 * "hg" is MADV_HUGEPAGE), or NULL when the system does not say. */
static char *
vm_flags_at (uintptr_t a)
{
    gchar *text = NULL;
    if (!g_file_get_contents ("/proc/self/smaps", &text, NULL, NULL))
        return NULL;
    char *flags = NULL;
    gboolean inside = FALSE;
    for (char *line = text, *next; line && *line && flags == NULL; line = next) {
        next = strchr (line, '\n');
        if (next)
            *next++ = '\0';
        unsigned long lo, hi;
        if (sscanf (line, "%lx-%lx ", &lo, &hi) == 2)
            inside = a >= lo && a < hi;
        else if (inside && g_str_has_prefix (line, "VmFlags:"))
            flags = g_strdup (line + strlen ("VmFlags:"));
    }
    g_free (text);
    return flags;
}

static gboolean
has_flag (const char *flags, const char *flag)
{
    gchar **v = g_strsplit_set (flags, " ", -1);
    gboolean found = g_strv_contains ((const gchar *const *) v, flag);
    g_strfreev (v);
    return found;
}

/* Only the whole huge pages inside the block are advised: the memory before its first
 * 2 MiB boundary may be another block's. */
Test (alloc, advice_covers_the_whole_huge_pages_inside_a_block_and_nothing_before)
{
    if (!g_file_test ("/sys/kernel/mm/transparent_hugepage", G_FILE_TEST_IS_DIR))
        cr_skip_test ("no transparent huge pages on this system");
    const uintptr_t huge = (uintptr_t) 2 << 20;
    size_t n = 3 * BILAT_HUGE_MIN;
    unsigned char *p = g_malloc (n);
    /* One byte in: the block's start is then never on a huge page's boundary. */
    unsigned char *b = p + 1;
    bilat__advise_huge (b, n - 1);
    uintptr_t first = ((uintptr_t) b + huge - 1) & ~(huge - 1);
    char *in = vm_flags_at (first), *before = vm_flags_at ((uintptr_t) b);
    if (in == NULL || before == NULL)
        cr_skip_test ("no VmFlags in /proc/self/smaps");
    cr_assert (has_flag (in, "hg"), "the first whole huge page is not advised: %s", in);
    cr_assert (not (has_flag (before, "hg")), "memory before it is advised: %s", before);
    /* Still the block it was. */
    fill (p, n, 11);
    cr_assert (eq (sz, first_wrong (p, n, 11), n));
    g_free (in);
    g_free (before);
    g_free (p);
}
