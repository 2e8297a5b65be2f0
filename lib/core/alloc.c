/* SPDX-License-Identifier: MIT */
/* The one deallocator for memory libbilat gives to callers. */
#include "core-private.h"

void
bilat_free (void *p)
{
    g_free (p);
}
