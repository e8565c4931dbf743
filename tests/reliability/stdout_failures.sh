#!/bin/bash
# Standard output that cannot be written: a full device and a closed standard output are
# errors (exit 1, "cannot write to standard output: REASON"); a reader that stops reading
# (`| head -1`) ends depmap quietly (exit 0, or 141 from SIGPIPE), with SIGPIPE ignored too.
# usage: stdout_failures.sh DEPMAP
set -u
depmap=$1
fail() { echo "FAIL: $*"; exit 1; }
# Every deposit, about 200 kB of CSV: more than a pipe holds.
query=(near Baotou --radius 5000km -f csv)

err=$("$depmap" "${query[@]}" 2>&1 >/dev/full)
code=$?
[ "$code" = 1 ] || fail "> /dev/full: exit $code, not 1"
grep -q "cannot write to standard output: No space left on device" <<<"$err" || fail "> /dev/full: says '$err'"

err=$("$depmap" "${query[@]}" 2>&1 >&-)
code=$?
[ "$code" = 1 ] || fail ">&-: exit $code, not 1"
grep -q "cannot write to standard output: Bad file descriptor" <<<"$err" || fail ">&-: says '$err'"

for pipe in default ignored; do
    errors=$(mktemp)
    if [ "$pipe" = ignored ]; then
        (trap '' PIPE; "$depmap" "${query[@]}" 2>"$errors" | head -1 >/dev/null; exit "${PIPESTATUS[0]}")
    else
        "$depmap" "${query[@]}" 2>"$errors" | head -1 >/dev/null
        (exit "${PIPESTATUS[0]}")
    fi
    code=$?
    err=$(cat "$errors")
    rm -f "$errors"
    [ "$code" = 0 ] || [ "$code" = 141 ] || fail "| head -1 (SIGPIPE $pipe): exit $code"
    [ -z "$err" ] || fail "| head -1 (SIGPIPE $pipe): printed '$err'"
done
echo ok
