# near, nearest, within and regions --summary on 100,000 points in PostGIS, with the server
# selecting candidates (on a geometry and on a geography column; --where and --commodity
# as SQL), give the same answers, row for row, as the same points read from CSV and
# selected in memory; -v says the server selected them. The 500 km count holds dozens of
# points between the server's sphere and Karney's ellipsoid, so a server selection without
# its margin fails it, as does the 50 km --max-distance query.
source "$(dirname "$0")/common.sh"
python3 "$SOURCE_DIR/tests/reliability/gen_points.py" points.csv 100000
t=$(table points)
"$DEPMAP" export --layer points.csv -o "$PG" --output-layer "$t" -q
sql "CREATE TABLE ${t}_geog AS SELECT fid, id, name, commodity, tonnage, geom::geography(Point, 4326) AS geom FROM $t ORDER BY fid;
     ALTER TABLE ${t}_geog ADD PRIMARY KEY (fid); CREATE INDEX ON ${t}_geog USING gist (geom); ANALYZE ${t}_geog; ANALYZE $t"
queries=(
  "near 109.84,40.65 -r 30km"
  "near 100.1,52.9 -r 250km --limit 40"
  "near 120,45 -r 5km"
  "near 111,45 -r 500km --count"
  "near 115.5,44.2 -r 60km --commodity REE"
  "near 112,42 -r 40km --where tonnage>1000000"
  "nearest 109.84,40.65 -k 1"
  "nearest 97.3,53.2 -k 25"
  "nearest 125.9,37.5 -k 200 --max-distance 50km"
  "nearest 111,41 -k 10 --commodity Cu"
  "nearest 109.84,40.65 -k 5 --where tonnage>1000000"
  "nearest 109.84,40.65 -k 3 --where tonnage<1000"
  "nearest|118,44|-k|20|--where|name LIKE '%Cu deposit 1_%' OR tonnage BETWEEN 5000 AND 6000"
  "nearest|118,44|-k|4|--where|commodity IN ('Au','Ag') AND NOT tonnage<100000"
  "within Xilingol"
  "within --bbox 110,40,115,45 --where tonnage>1000000"
  "within --bbox 110,40,115,45 --commodity Fe"
  "within|Baotou|--where|tonnage IS NOT NULL AND name <> 'x'"
  "regions --summary"
)
for table_name in "$t" "${t}_geog"; do
  for query in "${queries[@]}"; do
    if [[ $query == *"|"* ]]; then IFS='|' read -ra words <<<"$query"; else read -ra words <<<"$query"; fi
    "$DEPMAP" "${words[@]}" --layer points.csv -f csv >expected.csv
    "$DEPMAP" "${words[@]}" --layer "$PG" --table "$table_name" -f csv -v >got.csv 2>err.txt
    cmp expected.csv got.csv || fail "$query on $table_name: $(diff expected.csv got.csv | head -4)"
    [ "$(wc -l <got.csv)" -gt 1 ] || fail "$query: no rows to compare"
    grep -q "PostGIS: selected on the server" err.txt || fail "$query on $table_name: not selected on the server: $(cat err.txt)"
  done
done
# A selection that holds most of the table (by a sample of it) is read whole (faster
# than selecting it and checking the rest), with the same answer.
"$DEPMAP" within --bbox 97,37,126.5,54 --layer points.csv -f csv >expected.csv
"$DEPMAP" within --bbox 97,37,126.5,54 --layer "$PG" --table "$t" -f csv -v >got.csv 2>err.txt
cmp expected.csv got.csv || fail "the whole box: $(diff expected.csv got.csv | head -4)"
grep -q "read whole, selected in memory: the selection holds most of the table" err.txt ||
  fail "the whole box: not read whole: $(grep PostGIS err.txt)"
# A clause OGR SQL refuses is refused as before, before any SQL reaches the server.
status=0
"$DEPMAP" nearest 111,41 -k 3 --where "tonnage >" --layer "$PG" --table "$t" 2>err.txt || status=$?
[ "$status" = 2 ] && grep -q -- '--where "tonnage >"' err.txt || fail "a bad --where: exit $status, $(cat err.txt)"
echo ok
