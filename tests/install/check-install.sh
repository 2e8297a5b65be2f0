#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `meson install` into a staging directory, then build examples/minimal.c against what was
# installed with nothing but `pkg-config --cflags --libs libbilat`, and run it; the same with
# the static library, and the Python wrapper against the installed libbilat.so.0.
# Usage: check-install.sh BUILD_DIR SOURCE_DIR [PYTHON]
# $CFLAGS is added to the compiler's command line (a sanitized build sets -fsanitize there,
# which no .pc file carries).
set -euo pipefail
build=$1
src=$2
py=${3:-}
cc=${CC:-cc}
read -r -a cflags <<<"${CFLAGS:-}"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
fail () { echo "not ok: $*" >&2; exit 1; }

meson install -C "$build" --no-rebuild --quiet --destdir "$stage" >/dev/null

# Where meson put things depends on prefix and libdir (Debian: lib/x86_64-linux-gnu).
pc=$(find "$stage" -name libbilat.pc -path '*/pkgconfig/*' | head -n1)
[ -n "$pc" ] || fail "libbilat.pc not installed"
libdir=$(dirname "$(dirname "$pc")")
prefix_dir=$(find "$stage" -type d -path '*/include/bilat' | head -n1)
[ -n "$prefix_dir" ] || fail "headers not installed"
for h in bilat.h bilat-common.h bilat-version.h bilat-error.h bilat-extract.h; do
    [ -f "$prefix_dir/$h" ] || fail "header $h not installed"
done
# Every public header in the source tree is installed.
for h in "$src"/include/bilat/*.h; do
    [ -f "$prefix_dir/$(basename "$h")" ] || fail "header $(basename "$h") not installed"
done
[ -e "$libdir/libbilat.so.0" ] || fail "libbilat.so.0 not installed"
[ -L "$libdir/libbilat.so" ] || fail "libbilat.so link not installed"
[ -f "$libdir/libbilat.a" ] || fail "libbilat.a not installed"
soname=$(objdump -p "$libdir/libbilat.so.0" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = "libbilat.so.0" ] || fail "soname is '$soname'"
echo "ok: headers, libbilat.so.0, libbilat.a and libbilat.pc in $libdir"

# pkg-config reads the staged .pc; the sysroot maps its /usr/local (or whatever the prefix
# is) into the staging directory, as for any DESTDIR install.
export PKG_CONFIG_PATH="$libdir/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$stage"
flags=$(pkg-config --cflags --libs libbilat)
work="$stage/work"
mkdir -p "$work"
# shellcheck disable=SC2086
"$cc" "${cflags[@]}" -o "$work/minimal" "$src/examples/minimal.c" $flags
out=$(LD_LIBRARY_PATH="$libdir" "$work/minimal")
grep -q '^visit KAZ-TKM 2023-11-05$' <<<"$out" || fail "minimal printed: $out"
# The binary really uses the installed library, not the build tree's.
# ldd's output is taken whole first: under pipefail, grep -q quitting at its first match
# could end ldd with SIGPIPE and fail the pipeline (it did, on a loaded machine).
libs=$(LD_LIBRARY_PATH="$libdir" ldd "$work/minimal")
grep -q "$libdir/libbilat.so.0" <<<"$libs" ||
    fail "minimal does not load the installed libbilat.so.0"
echo "ok: minimal.c built with 'pkg-config --cflags --libs libbilat' and ran"

# The static library: the archive itself, plus what `--static` adds for its dependencies.
static_flags=$(pkg-config --cflags --libs --static libbilat | sed 's/-lbilat\b//')
# shellcheck disable=SC2086
"$cc" "${cflags[@]}" -o "$work/minimal-static" "$src/examples/minimal.c" "$libdir/libbilat.a" \
    $static_flags
libs=$(ldd "$work/minimal-static" 2>&1 || true)
grep -q libbilat <<<"$libs" && fail "minimal-static links libbilat.so"
out=$("$work/minimal-static")
grep -q '^visit KAZ-TKM 2023-11-05$' <<<"$out" || fail "minimal-static printed: $out"
echo "ok: minimal.c linked with libbilat.a and ran"

# The Python wrapper as installed, finding the installed library through the loader path.
if [ -n "$py" ]; then
    init=$(find "$stage" -path '*/bilat/__init__.py' | head -n1)
    [ -n "$init" ] || fail "Python package not installed"
    site=$(dirname "$(dirname "$init")")
    out=$(cd "$work" && env -u BILAT_LIBRARY PYTHONPATH="$site" LD_LIBRARY_PATH="$libdir" \
          LIBRARY_PATH="$libdir" "$py" -c '
import bilat
rec = bilat.Extractor().facts("Kazakhstan and Turkmenistan signed an agreement.")
print(bilat.library_path, bilat.version_string(), ",".join(sorted(rec["countries"])))')
    case "$out" in
        *"KAZ,TKM") echo "ok: Python package installed and loads $out" ;;
        *) fail "installed Python package printed: $out" ;;
    esac
fi
