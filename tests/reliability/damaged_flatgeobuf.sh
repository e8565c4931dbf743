#!/bin/bash
# A FlatGeobuf cut in half, or with 8 KiB of noise in its middle, is an error naming
# the file and the counts, never a partial layer; export writes nothing; the input is
# left as it was.
source "$(dirname "$0")/read_checks.sh"

"$depmap" export records -o whole.fgb
cp whole.fgb half.fgb && cut_in_half half.fgb
cp whole.fgb noisy.fgb && overwrite_middle noisy.fgb
before=$(sha256sum half.fgb noisy.fgb)

expect 1 "half.fgb: read [0-9]+ of the 487 features its header states( \(GDAL reports '.+'\))?: the file is damaged or cut short" info half.fgb
expect 1 "noisy.fgb: read [0-9]+ of the 487 features its header states \(GDAL reports '.+'\): the file is damaged" info noisy.fgb
expect 1 "half.fgb: read [0-9]+ of the 487" export half.fgb -o out.gpkg
[[ ! -e out.gpkg ]] || fail "export of a damaged FlatGeobuf wrote out.gpkg"
expect 1 "noisy.fgb: " export noisy.fgb -o out.csv
[[ ! -e out.csv ]] || fail "export of a damaged FlatGeobuf wrote out.csv"
expect 1 "half.fgb: read" near Baotou --radius 100km --layer half.fgb --on-error skip

[[ $(sha256sum half.fgb noisy.fgb) == "$before" ]] || fail "reading changed an input"
expect 0 "" info whole.fgb
