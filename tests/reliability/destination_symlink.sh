#!/bin/bash
# -o LINK writes the file the link names and keeps the link: refused while the file
# exists without -O, replaced with -O.
. "$(dirname "$0")/destination_common.sh"
cd "$scratch"
echo old > target.csv
ln -s target.csv link.csv
"$depmap" export "$fixtures/sample.csv" -o link.csv 2> err && fail "an existing link target was replaced without -O"
grep -q "exists already" err || fail "no 'exists already': $(cat err)"
[ "$(cat target.csv)" = old ] || fail "the target changed without -O"
"$depmap" export "$fixtures/sample.csv" -o link.csv -O || fail "-O through a link failed"
[ -L link.csv ] || fail "the link was replaced by a file"
grep -q "Bayan Obo" target.csv || fail "the target did not get the new content"
ln -s made.csv dangling.csv
"$depmap" export "$fixtures/sample.csv" -o dangling.csv || fail "a dangling link's file was not made"
[ -L dangling.csv ] && grep -q "Bayan Obo" made.csv || fail "a dangling link was not written through"
[ -z "$(temporaries .)" ] || fail "temporaries left: $(temporaries .)"
finish
