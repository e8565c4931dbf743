#!/bin/bash
# GDAL's plain writers, forced by DEPMAP_PLAIN_WRITERS=1, write the same features as
# depmap's fast ones (GeoJSON and KML joined from parts, the GeoPackage's packed
# spatial index), as GDAL reads them back; -v says which writer wrote the file.
# usage: plain_writers_same_content.sh DEPMAP
set -u
depmap=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Every feature as CSV, geometry as WKT, in the file's order.
features() { ogr2ogr -f CSV /vsistdout/ "$1" -lco GEOMETRY=AS_WKT; }

for ext in geojson kml gpkg; do
    "$depmap" -v export -o "$scratch/fast.$ext" 2>"$scratch/fast.log" || fail "fast $ext: $(cat "$scratch/fast.log")"
    DEPMAP_PLAIN_WRITERS=1 "$depmap" -v export -o "$scratch/plain.$ext" 2>"$scratch/plain.log" \
        || fail "plain $ext: $(cat "$scratch/plain.log")"
    grep -q "DEPMAP_PLAIN_WRITERS" "$scratch/plain.log" || fail "plain $ext: -v does not say GDAL's plain writer wrote it"
    ! grep -q "DEPMAP_PLAIN_WRITERS" "$scratch/fast.log" || fail "fast $ext: written by the plain writer"
    [ "$(features "$scratch/fast.$ext" | wc -l)" -gt 400 ] || fail "$ext: GDAL reads too few features back"
    diff <(features "$scratch/fast.$ext") <(features "$scratch/plain.$ext") >"$scratch/diff" \
        || fail "$ext: the plain writer's features differ: $(head -5 "$scratch/diff")"
done
# Both GeoPackages' spatial indexes pass SQLite's own check and find every feature.
for layer in fast plain; do
    check=$(ogrinfo -q -sql "SELECT rtreecheck('rtree_${layer}_geom') AS result" "$scratch/$layer.gpkg")
    grep -q "result (String) = ok" <<<"$check" || fail "$layer.gpkg: rtreecheck says $check"
    count=$(ogrinfo -q -sql "SELECT count(*) AS n FROM rtree_${layer}_geom" "$scratch/$layer.gpkg" | grep -o "= [0-9]*")
    [ "$count" = "= $(features "$scratch/$layer.gpkg" | tail -n +2 | wc -l)" ] || fail "$layer.gpkg: $count in its index"
done
echo ok
