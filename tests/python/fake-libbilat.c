/* SPDX-License-Identifier: MIT */
/* A stand-in libbilat that reports another version, for the Python wrapper's version check. */
int bilat_version (void);

int
bilat_version (void)
{
    return FAKE_VERSION;
}
