# Before it trusts the server's selection, depmap checks on the server that no row it leaves
# out lacks a usable position, and counts those rows for regions --summary. That check
# must judge every row as the whole read in memory does: here rows far from the question
# lie on a range's edge, just beyond it, or are NaN, infinite, empty or NULL, in a geometry
# and in a geography table (which wraps a longitude or latitude beyond range). near --count
# (and regions --summary on the rows in range) give the same output, messages and exit
# status as the table read whole (--src-crs EPSG:4326); -v says the server selected only
# where every row left out has a usable position.
source "$(dirname "$0")/common.sh"
python3 "$SOURCE_DIR/tests/reliability/gen_points.py" points.csv 300
t=$(table base)
"$DEPMAP" export --layer points.csv -o "$PG" --output-layer "$t" -q
# name | the rows' points (SQL VALUES) | usable in a geometry table | usable in a geography table
cases=(
  "edges|(ST_MakePoint(-180, 90)), (ST_MakePoint(359.99999999999994, -90)), (ST_MakePoint(-180, -90))|yes|yes"
  "lon_360|(ST_MakePoint(360, 10))|no|yes"
  "lon_below|(ST_MakePoint(-180.00000000000003, 10))|no|yes"
  "lat_above|(ST_MakePoint(10, 90.00000000000001))|no|yes"
  "lat_below|(ST_MakePoint(10, -90.00000000000001))|no|yes"
  "lon_nan|(ST_MakePoint('NaN', 10))|no|no"
  "lat_nan|(ST_MakePoint(10, 'NaN'))|no|no"
  "lat_infinite|(ST_MakePoint(10, '-Infinity'))|no|no"
  "empty|('POINT EMPTY'::geometry)|no|no"
  "null|(NULL::geometry)|no|no"
)
for c in "${cases[@]}"; do
  IFS='|' read -r name points usable_geometry usable_geography <<<"$c"
  g=$(table "$name")
  sql "SET client_min_messages = warning; CREATE TABLE $g AS SELECT * FROM $t ORDER BY fid;
       ALTER TABLE $g ADD PRIMARY KEY (fid); CREATE INDEX ON $g USING gist (geom);
       INSERT INTO $g (fid, name, geom) SELECT 1000 + row_number() OVER (), 'edge', ST_SetSRID(p, 4326)
         FROM (VALUES $points) AS v(p);
       CREATE TABLE ${g}_geog AS SELECT fid, id, name, commodity, tonnage, geom::geography(Point, 4326) AS geom
         FROM $g ORDER BY fid;
       ALTER TABLE ${g}_geog ADD PRIMARY KEY (fid); CREATE INDEX ON ${g}_geog USING gist (geom);
       ANALYZE $g; ANALYZE ${g}_geog"
  for table_name in "$g" "${g}_geog"; do
    usable=$usable_geometry
    [[ $table_name == *_geog ]] && usable=$usable_geography
    queries=("near 109.84,40.65 -r 50km --count")
    [ "$name" = edges ] && queries+=("regions --summary")  # counts the rows left out
    for query in "${queries[@]}"; do
      read -ra words <<<"$query"
      status=0
      "$DEPMAP" "${words[@]}" --layer "$PG" --table "$table_name" --src-crs EPSG:4326 -f csv >expected.csv 2>expected.err || status=$?
      echo "exit $status" >>expected.csv
      status=0
      "$DEPMAP" "${words[@]}" --layer "$PG" --table "$table_name" -f csv -v >got.csv 2>got.err || status=$?
      echo "exit $status" >>got.csv
      cmp expected.csv got.csv || fail "$query on $table_name: $(diff expected.csv got.csv | head -4)"
      grep '^depmap ' expected.err >expected.msg || true  # the errors and warnings, not what -v adds
      grep '^depmap ' got.err >got.msg || true
      cmp expected.msg got.msg || fail "$query on $table_name: other messages: $(diff expected.msg got.msg | head -4)"
      if [ "$usable" = yes ]; then
        grep -q "PostGIS: selected on the server" got.err || fail "$query on $table_name: not selected: $(cat got.err)"
      else
        grep -q "PostGIS: read whole, selected in memory: 1 rows it leaves out have no usable position" got.err \
          || fail "$query on $table_name: the unusable row not seen: $(cat got.err)"
      fi
    done
  done
done
echo ok
