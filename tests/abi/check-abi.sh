#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# abidiff between the committed baseline (tests/abi/libbilat.abi) and the built library,
# restricted to the types of the public headers. A removed function or a changed parameter
# or return type fails; added functions are listed and pass. (Enum values are not visible
# to abidiff, since functions take them as int: test-enums.c pins them.)
# Usage: check-abi.sh LIBRARY BASELINE HEADER_DIR...
set -uo pipefail
lib=$1
baseline=$2
shift 2
if ! command -v abidiff >/dev/null; then
    echo "abidiff not found (Debian: abigail-tools)" >&2
    exit 77
fi
if [ ! -f "$baseline" ]; then
    echo "no baseline $baseline yet: see 'ABI baseline' in the README" >&2
    exit 77
fi
sections=$(readelf -S "$lib" 2>/dev/null || true)
if ! grep -q '\.debug_info' <<<"$sections"; then
    echo "note: $lib has no debug information (a release build): only its symbols are" \
         "compared, not the functions' types; the default debugoptimized build compares both"
fi
hdrs=()
for d in "$@"; do
    hdrs+=(--headers-dir2 "$d")
done
# Added functions are compatible: they are filtered out here and listed below.
abidiff --no-added-syms --drop-private-types "${hdrs[@]}" "$baseline" "$lib"
rc=$?
# abidiff's status is a bit field: 1 error, 2 usage error, 4 ABI change, 8 incompatible
# change. With additions filtered out, any change left (a parameter's or return type's
# change is 4, a removal 4|8) breaks programs built against the baseline.
if (( rc & 3 )); then
    echo "abidiff failed to run (status $rc)" >&2
    exit 1
fi
if (( rc & 12 )); then
    echo "ABI BREAK against $baseline (see above): undo it, or agree on it, bump the soname," \
         "write an 'ABI:' line in CHANGELOG.md and refresh the baseline" >&2
    exit 1
fi
added=$(abidiff --drop-private-types "${hdrs[@]}" "$baseline" "$lib" | grep "^  \[A\]" || true)
if [ -n "$added" ]; then
    echo "functions added since the baseline (compatible; the baseline is refreshed at a release):"
    echo "$added"
fi
echo "ok: no ABI break against $(basename "$baseline")"
