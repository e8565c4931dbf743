# Points and polygons with Chinese names and every field type go into PostGIS and come
# back the same: a CSV of what is read back equals the CSV of the source, byte for byte.
source "$(dirname "$0")/common.sh"
printf '%s\n' 'id,name,name_zh,count,share,note,lon,lat' \
  '1,Bayan Obo,白云鄂博,42,0.125,"a, quoted ""note""",109.9730000,41.7800000' \
  '2,Erenhot,二连浩特,-7,,,111.9800000,43.6530000' \
  '3,Big,大,9007199254740993,1e-300,稀土,126.0000000,53.3000000' >points.csv
"$DEPMAP" export --layer points.csv -o "$PG" --output-layer "$(table points)" -q
"$DEPMAP" export --layer points.csv -o expected.csv -q
"$DEPMAP" export --layer "$PG" --table "$(table points)" -o got.csv -q
cmp expected.csv got.csv || fail "points differ: $(diff expected.csv got.csv | head -5)"
[ "$(sql "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '$(table points)'::regclass AND attname = 'geom'")" = "geometry(Point,4326)" ] \
  || fail "no geometry(Point,4326) column"
sql "SELECT indexdef FROM pg_indexes WHERE tablename = '$(table points)'" | grep -q 'USING gist (geom)' || fail "no GiST index"
[ "$(sql "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '$(table points)'::regclass AND attname IN ('count', 'share') ORDER BY attnum" | tr '\n' ' ')" = "bigint double precision " ] \
  || fail "numeric types not kept"
[ "$(sql "SELECT name_zh FROM $(table points) WHERE id = '1'")" = "白云鄂博" ] || fail "Chinese text not intact"

"$DEPMAP" export --layer divisions -o "$PG" --output-layer "$(table divisions)" -q
"$DEPMAP" export --layer divisions -o expected.csv -O -q
"$DEPMAP" export --layer "$PG" --table "$(table divisions)" -o got.csv -O -q
cmp expected.csv got.csv || fail "polygons differ"
# GDAL's own syntax names the table in the connection string.
"$DEPMAP" export --layer "$PG tables=$(table divisions)" -o got.csv -O -q
cmp expected.csv got.csv || fail "tables= read differs"
echo ok
