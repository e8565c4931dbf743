#!/bin/bash
# `export data.X -o data.X -O`, the input its own destination: depmap refuses (exit 1, one
# line, the file untouched) or writes the same features back (as an export of an untouched
# copy would), never part of them.
source "$(dirname "$0")/lib.sh"
for ext in csv geojson gpkg shp fgb; do
    "$DEPMAP" export "$FIXTURES_DIR/sample.csv" -o "$WORK/data.$ext" > /dev/null 2>&1 || fail "cannot make data.$ext"
    mkdir "$WORK/copy_$ext"
    cp "$WORK"/data.* "$WORK/copy_$ext/"
    "$DEPMAP" export "$WORK/copy_$ext/data.$ext" -o "$WORK/expected_$ext.csv" > /dev/null 2>&1
    checksum_inputs "$WORK/sums" "$WORK"/data.*

    status=0
    "$DEPMAP" export "$WORK/data.$ext" -o "$WORK/data.$ext" -O > /dev/null 2> "$WORK/stderr" || status=$?
    echo ".$ext: exit $status $(cat "$WORK/stderr")"
    case $status in
        0) "$DEPMAP" export "$WORK/data.$ext" -o "$WORK/after_$ext.csv" > /dev/null 2>&1 ||
               fail "data.$ext no longer reads"
           cmp -s "$WORK/expected_$ext.csv" "$WORK/after_$ext.csv" || fail "data.$ext lost features" ;;
        1) [[ $(wc -l < "$WORK/stderr") == 1 ]] || fail "the refusal is not one line"
           inputs_unchanged "$WORK/sums" ;;
        *) fail "export of data.$ext over itself exited $status" ;;
    esac
    rm -f "$WORK"/data.*
done
