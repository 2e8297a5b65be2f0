#!/usr/bin/env bash
# The sanitizer build as a test of the plain build: configure the same source tree again with
# ASan and UBSan, build it, and run its suite with `meson test --setup sanitize`, so that the
# README's test command (and CI, which runs it) checks every test under both sanitizers.
# The nested build does not define this test (it is defined only where b_sanitize is none).
# Usage: sanitize-build.sh MESON SOURCE_DIR BUILD_DIR WERROR CC [CC_ARGS...]
set -u
meson=$1 src=$2 build=$3 werror=$4
shift 4
compiler=("$@")

# Skip only when the compiler cannot link a sanitized program at all (no libasan/libubsan).
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'int main (void) { return 0; }\n' > "$probe/probe.c"
if ! "${compiler[@]}" -fsanitize=address,undefined "$probe/probe.c" -o "$probe/probe" \
        > "$probe/log" 2>&1; then
    cat "$probe/log"
    echo "sanitize-build: ${compiler[*]} cannot link -fsanitize=address,undefined" \
         "(the ASan/UBSan runtimes are missing); skipped"
    exit 77
fi

# A build left half-configured by an interrupted run is set up again from scratch.
if [ ! -f "$build/build.ninja" ]; then
    rm -rf "$build"
    if ! CC="${compiler[*]}" "$meson" setup "$build" "$src" -Db_sanitize=address,undefined \
            -Db_lundef=false -Dwerror="$werror" > "$probe/setup.log" 2>&1; then
        cat "$probe/setup.log"
        echo "sanitize-build: meson setup failed"
        exit 1
    fi
fi
if ! "$meson" compile -C "$build" > "$probe/compile.log" 2>&1; then
    tail -n 100 "$probe/compile.log"
    echo "sanitize-build: the sanitized build failed"
    exit 1
fi
"$meson" test -C "$build" --setup sanitize --no-rebuild --print-errorlogs
rc=$?

# The nested totals, in the words of .ci/run.
log=$build/meson-logs/testlog-sanitize.json
[ -f "$log" ] || log=$build/meson-logs/testlog.json
python3 - "$log" <<'PY'
import json, sys
counts = {"passed": 0, "failed": 0, "skipped": 0}
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        res = json.loads(line).get("result", "")
        key = ("passed" if res in ("OK", "EXPECTEDFAIL") else
               "skipped" if res == "SKIP" else "failed")
        counts[key] += 1
print("sanitize build (ASan + UBSan): %(passed)d passed, %(failed)d failed, "
      "%(skipped)d skipped" % counts)
PY
exit $rc
