#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The dynamic symbols libbilat.so defines are exactly the names of the version script, each
# in the version node the script puts it in (names never move between nodes).
# Usage: check-exports.sh LIBRARY MAP
set -euo pipefail
lib=$1
map=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# "name@@NODE" for each global of the map: the node is the word before "{".
awk '
    /^[ \t]*[A-Za-z_][A-Za-z0-9_.]*[ \t]*\{/ { node = $1; sub(/\{.*/, "", node); next }
    /^[ \t]*(global|local):/ { scope = $1; next }
    /^[ \t]*\}/ { scope = ""; next }
    scope == "global:" && /^[ \t]*[A-Za-z_][A-Za-z0-9_]*;/ {
        name = $1; sub(/;.*/, "", name); print name "@@" node
    }' "$map" | sort >"$tmp/map"

# Defined dynamic symbols, without the version nodes' own absolute symbols (type A).
nm -D --defined-only "$lib" | awk '$2 != "A" { print $3 }' | sort >"$tmp/lib"

if ! [ -s "$tmp/map" ]; then
    echo "no global names in $map" >&2
    exit 1
fi
if ! diff -u --label "$map" --label "$lib" "$tmp/map" "$tmp/lib"; then
    echo "exported symbols and $map differ (- only in the map, + only in the library)" >&2
    exit 1
fi
echo "ok: $(wc -l <"$tmp/lib") symbols, each in its node of $(basename "$map")"
