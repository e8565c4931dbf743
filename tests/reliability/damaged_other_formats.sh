#!/bin/bash
# A GeoPackage cut short or with noise in its middle, a GeoJSON cut mid-feature and a
# KML cut mid-placemark are each an error naming the file, never a partial layer;
# the inputs are left as they were.
source "$(dirname "$0")/read_checks.sh"

for extension in gpkg geojson kml; do
    "$depmap" export -o whole.$extension
    cp whole.$extension half.$extension && cut_in_half half.$extension
    expect 1 "half.$extension: " info half.$extension
done
cp whole.gpkg noisy.gpkg && overwrite_middle noisy.gpkg
expect 1 "noisy.gpkg: " info noisy.gpkg
# Cut just after a feature's opening: the text before it is whole JSON and XML up to there.
geojson_cut=$(grep -b -o '"type": "Feature"' whole.geojson | sed -n '300s/:.*//p')
head -c "$geojson_cut" whole.geojson > mid_feature.geojson
expect 1 "mid_feature.geojson: " info mid_feature.geojson
kml_cut=$(grep -b -o '<Placemark' whole.kml | sed -n '300s/:.*//p')
head -c $((kml_cut + 40)) whole.kml > mid_placemark.kml
expect 1 "mid_placemark.kml: " info mid_placemark.kml

before=$(sha256sum half.* noisy.gpkg mid_*)
for file in half.* noisy.gpkg mid_*; do
    "$depmap" info "$file" >/dev/null 2>&1 && fail "$file read without an error"
done
[[ $(sha256sum half.* noisy.gpkg mid_*) == "$before" ]] || fail "reading changed an input"
