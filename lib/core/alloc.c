/* SPDX-License-Identifier: MIT */
/* The one deallocator for memory libbilat gives to callers, and the advice that backs a
 * document's largest working arrays with huge pages. */
#include "core-private.h"

#include <string.h>

#ifdef HAVE_MADVISE
#include <sys/mman.h>
#endif

void
bilat_free (void *p)
{
    g_free (p);
}

/* A huge page of x86-64 and arm64 (4 KiB granule); the advice is harmless elsewhere. */
#define HUGE_PAGE ((uintptr_t) 2 << 20)

void
bilat__advise_huge (void *p, size_t n)
{
#if defined(HAVE_MADVISE) && defined(MADV_HUGEPAGE)
    if (p == NULL || n < BILAT_HUGE_MIN)
        return;
    /* Only whole huge pages inside the block: the bytes around it may be another block's. */
    uintptr_t a = ((uintptr_t) p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    uintptr_t b = ((uintptr_t) p + n) & ~(HUGE_PAGE - 1);
    if (b > a)
        (void) madvise ((void *) a, b - a, MADV_HUGEPAGE);
#else
    (void) p;
    (void) n;
#endif
}

void *
bilat__try_regrow (void *old, size_t used, size_t n)
{
    /* Small blocks, and blocks already big, are left to realloc (glibc remaps a big one's
     * pages without copying them; advising it after the move raised the peak memory of the
     * limits test). A block that becomes big is copied into a new one advised first. */
    if (n < BILAT_HUGE_MIN || used >= BILAT_HUGE_MIN)
        return g_try_realloc (old, n);
    void *p = g_try_malloc (n);
    if (p == NULL)
        return NULL;
    bilat__advise_huge (p, n);
    if (used)
        memcpy (p, old, used);
    g_free (old);
    return p;
}
