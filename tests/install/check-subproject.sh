#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Use libbilat as a meson subproject: a consumer project (consumer/meson.build) with the
# source tree as subprojects/libbilat, forced to the fallback, builds and runs minimal.c.
# Usage: check-subproject.sh SOURCE_DIR
set -euo pipefail
src=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail () { echo "not ok: $*" >&2; exit 1; }

cp "$src/tests/install/consumer/meson.build" "$src/examples/minimal.c" "$work/"
mkdir "$work/subprojects"
# A copy of the source, as a release tarball or a submodule gives; build trees (any directory
# holding a build.ninja) and .git stay out.
mkdir "$work/subprojects/libbilat"
tar -C "$src" --exclude=./.git --exclude-tag-all=build.ninja -cf - . |
    tar -C "$work/subprojects/libbilat" -xf -

meson setup "$work/build" "$work" --wrap-mode=forcefallback >"$work/setup.log" 2>&1 ||
    { cat "$work/setup.log" >&2; fail "meson setup of the consumer"; }
grep -q "Subproject libbilat finished" "$work/setup.log" || fail "libbilat not used as subproject"
ninja -C "$work/build" minimal >"$work/build.log" 2>&1 ||
    { tail -n 40 "$work/build.log" >&2; fail "building the consumer"; }
out=$("$work/build/minimal")
grep -q '^visit KAZ-TKM 2023-11-05$' <<<"$out" || fail "minimal printed: $out"
echo "ok: libbilat built as a subproject of a consumer, minimal ran"
