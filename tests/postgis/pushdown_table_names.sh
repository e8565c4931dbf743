# Tables named as GDAL names them are selected on the server too, with the same answers
# as the CSV: a table in another schema (`schema.table`), a table's second geometry column
# (`table(column)`), and a name that needs quoting (capitals and a hyphen).
source "$(dirname "$0")/common.sh"
python3 "$SOURCE_DIR/tests/reliability/gen_points.py" points.csv 5000
t=$(table points)
schema=$(table schema)
"$DEPMAP" export --layer points.csv -o "$PG" --output-layer "$t" -q
sql "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema;
     CREATE TABLE $schema.pts AS SELECT * FROM $t; ALTER TABLE $schema.pts ADD PRIMARY KEY (fid);
     CREATE INDEX ON $schema.pts USING gist (geom);
     CREATE TABLE ${t}_two AS SELECT fid, id, name, commodity, tonnage,
       ST_SetSRID(ST_MakePoint(0, 0), 4326)::geometry(Point, 4326) AS decoy,
       geom::geography(Point, 4326) AS geog, geom FROM $t; ALTER TABLE ${t}_two ADD PRIMARY KEY (fid);
     CREATE INDEX ON ${t}_two USING gist (geog); CREATE INDEX ON ${t}_two USING gist (geom);
     CREATE TABLE \"${t}_Two-Words\" AS SELECT * FROM $t; ALTER TABLE \"${t}_Two-Words\" ADD PRIMARY KEY (fid);
     ANALYZE"
queries=(
  "near 109.84,40.65 -r 60km"
  "nearest 111,41 -k 10 --commodity Cu"
  "regions --summary"
)
for table_name in "$schema.pts" "${t}_two(geog)" "${t}_two(geom)" "${t}_Two-Words"; do
  for query in "${queries[@]}"; do
    read -ra words <<<"$query"
    "$DEPMAP" "${words[@]}" --layer points.csv -f csv >expected.csv
    "$DEPMAP" "${words[@]}" --layer "$PG" --table "$table_name" -f csv -v >got.csv 2>err.txt ||
      fail "$query on $table_name: $(cat err.txt)"
    cmp expected.csv got.csv || fail "$query on $table_name: $(diff expected.csv got.csv | head -4)"
    [ "$(wc -l <got.csv)" -gt 1 ] || fail "$query: no rows to compare"
    grep -q "PostGIS: selected on the server" err.txt ||
      fail "$query on $table_name: not selected on the server: $(grep PostGIS err.txt)"
  done
done
sql "DROP SCHEMA $schema CASCADE"
echo ok
