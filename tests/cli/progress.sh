#!/bin/bash
# The progress bar: on a terminal's stderr (a pseudo-terminal by script(1)) for a large
# file read and a write, never on stdout, nothing when stderr is a pipe or a file, and
# --progress / --no-progress force it either way. DEPMAP_PROGRESS_DELAY_MS=0 draws from
# the start, so no step has to last the second a terminal waits for.
set -euo pipefail
depmap=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
# 40 MB of points: read in stretches, as any large CSV.
awk 'BEGIN { srand(1); print "id,name,lon,lat";
             for (i = 0; i < 1000000; i++) printf "%d,site %d,%.6f,%.6f\n", i, i, 100 + 20 * rand(), 38 + 12 * rand() }' > big.csv
bar=$'\rreading \\[#*-*\\] +[0-9]+%'

DEPMAP_PROGRESS_DELAY_MS=0 script -qec "'$depmap' info big.csv > info.txt" /dev/null > terminal.txt
grep -Eq "$bar" terminal.txt || fail "no bar on the terminal: $(head -c 300 terminal.txt | od -c | head)"
grep -q 'features: *1000000' info.txt || fail "wrong answer"
! grep -q $'\r' info.txt || fail "the bar reached stdout"

DEPMAP_PROGRESS_DELAY_MS=0 script -qec "'$depmap' export -o sites.gpkg" /dev/null > terminal.txt
grep -Eq $'\rwriting \\[' terminal.txt || fail "no bar while writing"

DEPMAP_PROGRESS_DELAY_MS=0 script -qec "'$depmap' --no-progress info big.csv > info.txt" /dev/null > terminal.txt
! grep -q 'reading' terminal.txt || fail "--no-progress drew a bar"

DEPMAP_PROGRESS_DELAY_MS=0 "$depmap" info big.csv > info.txt 2> errors.txt
[ ! -s errors.txt ] || fail "a bar on a stderr that is no terminal: $(head -c 200 errors.txt)"
DEPMAP_PROGRESS_DELAY_MS=0 "$depmap" info big.csv 2>&1 >/dev/null | cat > piped.txt
[ ! -s piped.txt ] || fail "a bar into a pipe"

"$depmap" --progress info big.csv > info.txt 2> errors.txt
grep -Eq "$bar" errors.txt || fail "--progress drew no bar"
! grep -q $'\r' info.txt || fail "the bar reached stdout"
echo ok
