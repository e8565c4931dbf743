#!/bin/bash
# export --project DIR -O replaces depmap.qgs and depmap.gpkg only: everything else in
# DIR stays. Without -O an existing project is refused and an existing folder is fine.
. "$(dirname "$0")/destination_common.sh"
cd "$scratch"
mkdir -p project/notes
echo mine > project/readme.txt
echo mine > project/notes/keep.txt
"$depmap" export "$fixtures/sample.csv" --project project 2> err || fail "a project into an existing folder failed: $(cat err)"
[ -f project/depmap.qgs ] && [ -f project/depmap.gpkg ] || fail "no project written"
"$depmap" export "$fixtures/sample.csv" --project project 2> err && fail "an existing project was replaced without -O"
grep -q "exists already" err || fail "no 'exists already': $(cat err)"
"$depmap" export "$fixtures/sample.csv" --project project -O || fail "-O failed"
[ "$(cat project/readme.txt)" = mine ] || fail "an unrelated file was removed"
[ "$(cat project/notes/keep.txt)" = mine ] || fail "an unrelated folder was removed"
[ -f project/depmap.qgs ] && [ -f project/depmap.gpkg ] || fail "no project after -O"
[ -z "$(temporaries project)$(temporaries .)" ] || fail "temporaries left"
finish
