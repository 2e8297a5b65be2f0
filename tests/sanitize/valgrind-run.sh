#!/usr/bin/env bash
# Run one test under valgrind memcheck, child processes included, and fail it when any of
# them had a memory error or leak. Criterion runs each test in a child process that it
# re-executes, sends the child's stderr nowhere we see, and ignores its exit code; so each
# process writes its own log, and a non-empty log (memcheck is --quiet) fails the test.
# Usage: valgrind-run.sh SUPPRESSIONS TEST [ARGS...]
set -u
supp=$1
shift
logs=$(mktemp -d)
valgrind --quiet --leak-check=full --trace-children=yes --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --num-callers=30 \
    --suppressions="$supp" --log-file="$logs/memcheck.%p.log" "$@"
rc=$?
dirty=0
for log in "$logs"/memcheck.*.log; do
    if [ -s "$log" ]; then
        cat "$log" >&2
        dirty=1
    fi
done
rm -rf "$logs"
if [ $dirty -ne 0 ]; then
    echo "valgrind-run.sh: memcheck found errors (above)" >&2
    exit 1
fi
exit $rc
