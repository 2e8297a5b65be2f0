/* SPDX-License-Identifier: MIT */
/* Run-time version of the library. */
#include "core-private.h"

int
bilat_version (void)
{
    return BILAT_VERSION_MAJOR * 10000 + BILAT_VERSION_MINOR * 100 + BILAT_VERSION_MICRO;
}

const char *
bilat_version_string (void)
{
    return BILAT_VERSION_STRING;
}
