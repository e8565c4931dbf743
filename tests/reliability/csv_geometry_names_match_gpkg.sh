#!/bin/bash
# The geometry type of every CSV row's WKT is the one GDAL writes for that feature in a
# GeoPackage (as ogrinfo prints it): POLYGON for one part, MULTIPOLYGON for several,
# for polygons, lines and mixed layers alike.
set -euo pipefail
depmap=$1
fixtures=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

check() {
    local name=$1
    shift
    "$depmap" "$@" -o "$name.gpkg"
    "$depmap" "$@" -o "$name.csv"
    ogrinfo -ro -al -q "$name.gpkg" | grep -oE '^  (MULTI)?(POINT|LINESTRING|POLYGON|GEOMETRYCOLLECTION)( EMPTY)?' \
        | sed 's/^  //' > "$name.gdal"
    tail -n +2 "$name.csv" | grep -oE '^"[A-Z]+( EMPTY)?' | sed 's/^"//' > "$name.depmap"
    [ -s "$name.gdal" ] || { echo "$name: no geometry in the GeoPackage"; exit 1; }
    diff "$name.gdal" "$name.depmap" > /dev/null || {
        echo "$name: the CSV's geometry types differ from the GeoPackage's:"
        diff "$name.gdal" "$name.depmap" | head -5
        exit 1
    }
}
check hulls hull --group-by commodities
check buffers buffer --radius 5km --where "site_id LIKE 'site-IM-USGS-00%'"
check dissolved buffer --radius 10km --dissolve --commodity Cu
check districts cluster --eps 25km --districts
check catchments catchment --hubs Baotou,Chifeng
check grid grid --cell 100km
check mixed export "$fixtures/mixed.geojson"
printf 'id,wkt\n1,"LINESTRING (110 41,110.1 41.1)"\n2,"LINESTRING (111 41,111.1 41.1)"\n' > in_lines.csv
check lines export in_lines.csv
printf 'id,wkt\n1,"LINESTRING (110 41,110.1 41.1)"\n2,"MULTILINESTRING ((111 41,111.1 41),(111.2 41,111.3 41))"\n' > in_multilines.csv
check multilines export in_multilines.csv
printf 'id,wkt\n1,"MULTIPOINT ((110 41),(110.1 41.1))"\n2,"POINT (111 41)"\n' > in_multipoints.csv
check multipoints export in_multipoints.csv
