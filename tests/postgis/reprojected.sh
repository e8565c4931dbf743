# A table written in another CRS holds it (geometry(Point,3857)), and reads back to the
# same places: the 5 nearest deposits to a point are the same ones (their coordinates,
# through EPSG:3857 and back, differ in the last digits).
source "$(dirname "$0")/common.sh"
t=$(table mercator)
"$DEPMAP" export -o "$PG" --output-layer "$t" --crs EPSG:3857 -q
[ "$(sql "SELECT Find_SRID('public', '$t', 'geom')")" = 3857 ] || fail "not in EPSG:3857"
"$DEPMAP" nearest 109.84,40.65 -k 5 -f csv --layer "$PG" --table "$t" | cut -d, -f3-6 >got.csv
"$DEPMAP" nearest 109.84,40.65 -k 5 -f csv | cut -d, -f3-6 >expected.csv
cmp expected.csv got.csv || fail "$(diff expected.csv got.csv)"
echo ok
