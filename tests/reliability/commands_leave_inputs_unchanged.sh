#!/bin/bash
# No command changes a file it reads: a representative run of every command, reads and
# failing writes, over copies of the bundled data and every fixture (and of GeoPackage,
# Shapefile and FlatGeobuf versions of them), then every copy's sha256 is what it was.
source "$(dirname "$0")/lib.sh"
in="$WORK/in" out="$WORK/out"
mkdir -p "$in/formats" "$out"
cp -a "$DATA_DIR" "$in/data"
cp -a "$FIXTURES_DIR" "$in/fixtures"
for ext in gpkg shp fgb geojson; do
    "$DEPMAP" export "$FIXTURES_DIR/sample.csv" -o "$in/formats/sample.$ext" > /dev/null 2>&1 || fail "cannot make sample.$ext"
done
export DEPMAP_DATA="$in/data"
mapfile -t inputs < <(find "$in" -type f | LC_ALL=C sort)
checksum_inputs "$WORK/sums" "${inputs[@]}"

# Runs depmap, whatever it answers, as long as it answers with an exit code of its own.
try() {
    local status=0
    "$DEPMAP" "$@" > /dev/null 2>&1 < /dev/null || status=$?
    ((status <= 2)) || fail "depmap $* exited $status"
}

for file in "${inputs[@]}"; do
    try export "$file" -o "$out/export.gpkg" -O
done
gpkg="$in/formats/sample.gpkg"
expect_exit 0 near --layer "$gpkg" 109.84389,40.6516 --radius 150km -o "$out/near.gpkg"
expect_exit 0 within Baotou --layer "$in/formats/sample.shp" -o "$out/within.shp"
expect_exit 0 buffer --layer "$in/formats/sample.fgb" --radius 10km --dissolve -o "$out/buffer.fgb"
expect_exit 0 hull --group-by commodities -o "$out/hull.geojson"
expect_exit 0 cluster --eps 25km --districts -o "$out/districts.gpkg"
expect_exit 0 catchment --hubs "$in/fixtures/hubs.csv" --within divisions -o "$out/catchment.gpkg"
expect_exit 0 grid --layer "$gpkg" --cell 20km --hex --style -o "$out/grid.gpkg"
expect_exit 0 regions --summary -o "$out/regions.csv"
expect_exit 0 matrix --commodity REE --nearest-of "$in/data/cities.csv" -o "$out/matrix.csv"
expect_exit 0 distance 109.84389,40.6516 111.65222,40.81056 -f json
expect_exit 0 export "$gpkg" --project "$out/project" --add "$out/grid.gpkg"

# Writes that must fail, aimed at the inputs themselves.
expect_exit 1 export "$in/data/cities.csv" -o "$in/data/records.csv"
expect_exit 1 export "$in/fixtures/sample.csv" -o "$gpkg" --append
expect_exit 1 export "$in/fixtures/sample.csv" -o "$in/formats/sample.shp"
expect_exit 1 grid --cell 50km -o "$in/formats/sample.fgb"

inputs_unchanged "$WORK/sums"
echo "${#inputs[@]} inputs unchanged"
