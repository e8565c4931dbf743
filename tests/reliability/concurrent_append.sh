#!/bin/bash
# Two processes adding different layers to one GeoPackage at once take turns (the
# destination's lock): both layers are there, every time.
. "$(dirname "$0")/destination_common.sh"
cd "$scratch"
for trial in $(seq 10); do
    rm -f both.gpkg
    "$depmap" export "$fixtures/sample.csv" -o both.gpkg --append --output-layer a 2> err_a &
    "$depmap" export "$fixtures/sample.csv" -o both.gpkg --append --output-layer b 2> err_b &
    wait
    layers=$(ogrinfo -ro -q both.gpkg 2> /dev/null | grep -cE '^[0-9]+: (a|b) ')
    [ "$layers" = 2 ] || fail "trial $trial: $layers of the 2 layers: $(cat err_a err_b)"
done
[ -z "$(temporaries .)" ] && [ -z "$(find . -name '*depmap-lock')" ] || fail "temporaries or locks left"
finish
