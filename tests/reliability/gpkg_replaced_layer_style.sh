#!/bin/bash
# A GeoPackage layer replaced with --append -O takes its new style, or none: never the
# style QGIS would find stored for the layer it replaced (read back with sqlite3).
set -euo pipefail
depmap=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

styles() { sqlite3 maps.gpkg "SELECT count(*) FROM layer_styles WHERE f_table_name = '$1'"; }
"$depmap" grid --cell 100km --style -o maps.gpkg --output-layer cells
"$depmap" hull --style -o maps.gpkg --append --output-layer hull
[ "$(styles cells)" = 1 ] && [ "$(styles hull)" = 1 ] || { echo "the styles were not stored"; exit 1; }

# Replaced without a style: the grid's graduated style must not dress the hull.
"$depmap" hull -o maps.gpkg --append -O --output-layer cells
[ "$(styles cells)" = 0 ] || { echo "the replaced layer 'cells' keeps $(styles cells) old style(s)"; exit 1; }
[ "$(styles hull)" = 1 ] || { echo "the other layer lost its style"; exit 1; }

# Replaced with a style: the stored one is the new one, and the only one.
"$depmap" grid --cell 100km --style -o maps.gpkg --append -O --output-layer hull
[ "$(styles hull)" = 1 ] || { echo "layer 'hull' has $(styles hull) styles"; exit 1; }
style=$(sqlite3 maps.gpkg "SELECT styleQML FROM layer_styles WHERE f_table_name = 'hull'")
[[ $style == *graduatedSymbol* ]] || { echo "layer 'hull' does not have the grid's graduated style"; exit 1; }
