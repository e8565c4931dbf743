#!/bin/bash
# An output inside a folder that does not exist, in every format: exit 1, one line naming
# the file, and no folder made.
source "$(dirname "$0")/lib.sh"
for ext in "${OUTPUT_EXTENSIONS[@]}"; do
    expect_exit 1 export "$FIXTURES_DIR/sample.csv" -o "$WORK/missing/deeper/out.$ext"
    grep -q "missing/deeper/out.$ext" "$WORK/stderr" || fail "the .$ext error does not name the file: $(cat "$WORK/stderr")"
    echo ".$ext: $(cat "$WORK/stderr")"
    [[ ! -e $WORK/missing ]] || fail "the .$ext export made $WORK/missing"
done
