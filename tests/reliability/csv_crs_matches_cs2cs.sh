#!/bin/bash
# A CSV written with --crs EPSG:32649 holds X,Y (and WKT vertices) equal to what PROJ's
# own cs2cs makes of the WGS84 CSV's lon/lat, within a millimetre.
set -euo pipefail
depmap=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

"$depmap" export records -o wgs84.csv --fields id
"$depmap" export records -o utm.csv --crs EPSG:32649 --fields id
[ "$(head -1 utm.csv)" = "X,Y,id" ] || { echo "utm.csv header: $(head -1 utm.csv)"; exit 1; }
# cs2cs reads EPSG:4326 as lat lon.
tail -n +2 wgs84.csv | awk -F, '{ print $2, $1 }' | cs2cs -f %.6f EPSG:4326 EPSG:32649 | awk '{ print $1, $2 }' > expected
tail -n +2 utm.csv | awk -F, '{ print $1, $2 }' > got

"$depmap" hull --group-by commodities -o hulls.csv
"$depmap" hull --group-by commodities -o hulls_utm.csv --crs EPSG:32649
vertices() { tail -n +2 "$1" | grep -oE '[-0-9.e]+ [-0-9.e]+'; }
vertices hulls.csv | awk '{ print $2, $1 }' | cs2cs -f %.6f EPSG:4326 EPSG:32649 | awk '{ print $1, $2 }' >> expected
vertices hulls_utm.csv >> got

[ "$(wc -l < expected)" = "$(wc -l < got)" ] || { echo "$(wc -l < expected) points by cs2cs, $(wc -l < got) by depmap"; exit 1; }
[ "$(wc -l < got)" -gt 487 ] || { echo "too few points compared"; exit 1; }
paste -d' ' expected got | awk '{ d = ($1 - $3) ^ 2 + ($2 - $4) ^ 2; if (d > 1e-6) { print "point " NR ": cs2cs " $1 " " $2 ", depmap " $3 " " $4; bad = 1 } } END { exit bad }'
