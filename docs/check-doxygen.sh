#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Doxygen builds the reference from the headers, and every exported function has its entry.
# Usage: check-doxygen.sh DOXYGEN DOXYFILE MAP
set -euo pipefail
doxygen=$1
doxyfile=$2
map=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
{ cat "$doxyfile"; echo "OUTPUT_DIRECTORY = $out"; echo "WARN_LOGFILE = $out/warnings.log"; } |
    "$doxygen" - >/dev/null
[ -f "$out/html/index.html" ] || { echo "doxygen wrote no html/index.html" >&2; exit 1; }
missing=0
for name in $(awk '/^[ \t]*bilat_[a-z0-9_]*;/ { sub(/;.*/, "", $1); print $1 }' "$map"); do
    # A function's entry in the reference is titled "<span ...>...</span>name()</h2>".
    if ! grep -q "</span>$name()</h2>" "$out"/html/*.html; then
        echo "no entry for $name in the reference" >&2
        missing=$((missing + 1))
    fi
done
[ "$missing" -eq 0 ] || exit 1
echo "ok: reference built, every function of $(basename "$map") has an entry"
echo "doxygen warnings (parameters without @param and the like): $(wc -l <"$out/warnings.log")"
