#!/usr/bin/env bash
# A CSV wider than a format holds is refused before anything is written, in one line:
# 3,000 columns to a GeoPackage (SQLite's 2,000), 300 to a Shapefile (dBASE's 255).
set -u
depmap=$1 scratch=$2
rm -rf "$scratch" && mkdir -p "$scratch" && cd "$scratch" || exit 1

wide_csv() {  # wide_csv FILE COLUMNS: lon, lat and COLUMNS - 2 numeric fields, two rows
    awk -v n="$2" 'BEGIN {
        line = "lon,lat"; for (i = 3; i <= n; i++) line = line ",f" i; print line
        for (r = 0; r < 2; r++) { line = (110 + r) ",41"; for (i = 3; i <= n; i++) line = line "," i; print line }
    }' > "$1"
}

check() {  # check OUTPUT EXPECTED_TEXT: exit 1, one line naming the limit, no output file
    local output=$1 expected=$2
    depmap_status=0
    "$depmap" export wide.csv -o "$output" 2> err.txt || depmap_status=$?
    if [[ $depmap_status -ne 1 ]]; then echo "FAIL $output: exit $depmap_status, expected 1"; head -c 2000 err.txt; exit 1; fi
    if [[ $(wc -l < err.txt) -ne 1 ]]; then echo "FAIL $output: stderr is not one line"; head -c 2000 err.txt; exit 1; fi
    if ! grep -q "$expected" err.txt; then echo "FAIL $output: stderr lacks '$expected'"; head -c 2000 err.txt; exit 1; fi
    left=$(ls -A | grep -v -x -e wide.csv -e err.txt)
    if [[ -n $left ]]; then echo "FAIL $output: files were left: $left"; exit 1; fi
    echo "ok $output: $(cat err.txt)"
}

wide_csv wide.csv 3000
check wide.gpkg "at most 2,000 columns"
wide_csv wide.csv 300
check wide.shp "at most 255"
