#!/bin/bash
# Inputs in every format on a read-only mount (a CD, a shared drive) are read as usual, and
# what is written elsewhere from them is right.
source "$(dirname "$0")/lib.sh"
inputs="$WORK/inputs"
mkdir "$inputs"
for ext in "${EXTENSIONS[@]}"; do
    "$DEPMAP" export "$FIXTURES_DIR/sample.csv" -o "$inputs/sample.$ext" > /dev/null 2>&1 || fail "cannot make the .$ext input"
done
count=$("$DEPMAP" info "$FIXTURES_DIR/sample.csv" -f json | sed -n 's/.*"count": \([0-9]*\),.*/\1/p')
mount_read_only "$inputs"
checksum_inputs "$WORK/sums" "$inputs"/*

for ext in "${EXTENSIONS[@]}"; do
    [[ $ext == json ]] && continue  # depmap writes JSON for people and programs, not to read back
    expect_exit 0 info "$inputs/sample.$ext" -f json
    grep -q "\"count\": $count," "$WORK/stdout" || fail "info on the read-only .$ext: $(cat "$WORK/stdout")"
    expect_exit 0 export "$inputs/sample.$ext" -o "$WORK/copy_of_$ext.gpkg"
done
inputs_unchanged "$WORK/sums"
