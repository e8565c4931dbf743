#!/bin/bash
# GeoJSON --precision N writes each coordinate as the exact value of its double rounded
# to N decimals, ties to even: the texts Python's decimal module computed into
# tests/fixtures/precision_expected.txt, for every N from 0 to 10. More is refused.
set -euo pipefail
depmap=$1
fixtures=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

for decimals in $(seq 0 10); do
    "$depmap" export "$fixtures/precision.csv" -o "p$decimals.geojson" --precision "$decimals"
    grep -oE '"coordinates": \[ [^]]* \]' "p$decimals.geojson" | sed -E 's/.*\[ (.*), (.*) \]/\1 \2/' > got
    awk -v p="$decimals" '$1 == p { print $3, $4 }' "$fixtures/precision_expected.txt" > expected
    [ -s expected ] || { echo "no expected values for $decimals decimals"; exit 1; }
    diff expected got > /dev/null || {
        echo "--precision $decimals: expected (left) and written (right) differ:"
        diff expected got | head -6
        exit 1
    }
done
status=0
"$depmap" export "$fixtures/precision.csv" -o p15.geojson --precision 15 2> err || status=$?
[ "$status" = 2 ] && grep -q -- '--precision 15: give 0 to 10 decimals' err || { echo "--precision 15: exit $status, $(cat err)"; exit 1; }
