#!/bin/bash
# A secondary layer's own filter answers as filtering it to a file first does: which
# operating steel plant is nearest each Bayan Obo mine, with --nearest-where and through
# a file of the operating plants; and the filter matters (some answer differs without it).
set -euo pipefail
depmap=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mines=(--layer records --where "name LIKE '%Bayan Obo%'" --fields id,name,nearest_id,nearest_name,distance_m -f csv)

"$depmap" -q matrix "${mines[@]}" --nearest-of plants --nearest-where "status = 'operating'" > filtered.csv
"$depmap" -q export plants --where "status = 'operating'" -o operating.csv
"$depmap" -q matrix "${mines[@]}" --nearest-of operating.csv > through_file.csv
"$depmap" -q matrix "${mines[@]}" --nearest-of plants > unfiltered.csv
[ "$(wc -l < filtered.csv)" -ge 3 ] || { echo "too few answers"; cat filtered.csv; exit 1; }
cmp filtered.csv through_file.csv
if cmp -s filtered.csv unfiltered.csv; then echo "the filter changed no answer"; exit 1; fi
echo ok
