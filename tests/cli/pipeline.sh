#!/bin/bash
# Two depmap commands in a pipeline answer as they do through a file: the hull of near's
# answer read from standard input (GeoJSON, and a GeoJSON sequence), and near's answer
# written with -o - is the file -o FILE writes.
set -euo pipefail
depmap=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

"$depmap" near Baotou -r 150km -f geojson | "$depmap" hull --layer - -f csv > piped.csv
"$depmap" near Baotou -r 150km -o near.geojson
"$depmap" hull --layer near.geojson -f csv > filed.csv
cmp piped.csv filed.csv
grep -q '^"POLYGON' piped.csv

"$depmap" export --commodity Coal -o - -f geojsonseq | "$depmap" hull --layer - -f csv > piped_seq.csv
"$depmap" hull --commodity Coal -f csv > direct.csv
cmp piped_seq.csv direct.csv

"$depmap" near Baotou -r 150km -o - -f geojson > dash.geojson
cmp dash.geojson near.geojson
[ ! -e ./- ] || { echo "-o - wrote a file named -"; exit 1; }
echo ok
