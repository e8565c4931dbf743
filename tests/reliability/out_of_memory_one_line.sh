#!/usr/bin/env bash
# Memory running out mid-work (under `ulimit -v`, past an estimate told to allow a
# terabyte) ends in depmap's one-line "out of memory" error and exit 1, not an abort.
set -u
depmap=$1 scratch=$2
# ulimit -v cannot hold an AddressSanitizer build, which reserves terabytes of address space.
grep -q __asan_init "$depmap" && exit 77
rm -rf "$scratch" && mkdir -p "$scratch" && cd "$scratch" || exit 1

status=0
(
    ulimit -v 400000  # kB: room to start (about 200 MB), not for 10 million grid cells
    DEPMAP_MEMORY_LIMIT=1TB exec "$depmap" grid --cell 500m --keep-empty -f csv > /dev/null 2> err.txt
) || status=$?
if [[ $status -ne 1 ]]; then echo "FAIL: exit $status, expected 1"; head -c 2000 err.txt; exit 1; fi
if [[ $(wc -l < err.txt) -ne 1 ]]; then echo "FAIL: stderr is not one line"; head -c 2000 err.txt; exit 1; fi
if ! grep -q "^depmap grid: error: out of memory" err.txt; then echo "FAIL: no out-of-memory line"; head -c 2000 err.txt; exit 1; fi
echo "ok: $(cat err.txt)"

# Without the override, the same work is refused up front with its estimate.
status=0
( ulimit -v 400000; exec "$depmap" grid --cell 500m --keep-empty -f csv > /dev/null 2> err.txt ) || status=$?
if [[ $status -ne 1 ]] || ! grep -q "needs about .* of memory, but .* is available" err.txt; then
    echo "FAIL: not refused up front under ulimit -v (exit $status)"; head -c 2000 err.txt; exit 1
fi
echo "ok: $(cat err.txt)"
