#!/usr/bin/env bash
# GDAL quotes a whole malformed SQL expression in its message, over several lines: depmap
# prints it as one line of a few hundred characters.
set -u
depmap=$1 scratch=$2
rm -rf "$scratch" && mkdir -p "$scratch" && cd "$scratch" || exit 1

where="name = 'a' AND ($(printf 'x%.0s' {1..5000}) ="
status=0
"$depmap" near Baotou --radius 50km --where "$where" 2> err.txt || status=$?
if [[ $status -ne 1 && $status -ne 2 ]]; then echo "FAIL: exit $status"; head -c 2000 err.txt; exit 1; fi
if [[ $(wc -l < err.txt) -ne 1 ]]; then echo "FAIL: stderr is $(wc -l < err.txt) lines"; head -c 2000 err.txt; exit 1; fi
if [[ $(wc -c < err.txt) -gt 500 ]]; then echo "FAIL: stderr is $(wc -c < err.txt) bytes"; head -c 2000 err.txt; exit 1; fi
if ! grep -q "^depmap near: error: " err.txt; then echo "FAIL: not depmap's error line"; head -c 2000 err.txt; exit 1; fi
echo "ok: $(cat err.txt)"
