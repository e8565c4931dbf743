#!/bin/bash
# An output into a read-only folder, in every format: exit 1, one line naming the file, and
# nothing created there.
source "$(dirname "$0")/lib.sh"
folder="$WORK/read-only"
mkdir "$folder"
mount_read_only "$folder"

for ext in "${OUTPUT_EXTENSIONS[@]}"; do
    expect_exit 1 export "$FIXTURES_DIR/sample.csv" -o "$folder/out.$ext"
    grep -q "out.$ext" "$WORK/stderr" || fail "the .$ext error does not name the file: $(cat "$WORK/stderr")"
    echo ".$ext: $(cat "$WORK/stderr")"
done
expect_exit 1 export "$FIXTURES_DIR/sample.csv" --project "$folder/project"
echo "--project: $(cat "$WORK/stderr")"
[[ -z $(entries "$folder") ]] || fail "written into the read-only folder: $(entries "$folder")"
