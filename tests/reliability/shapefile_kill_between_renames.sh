#!/bin/bash
# A Shapefile replaced with -O and killed at each of its renames in turn never leaves
# a .shp beside files of another version: the set is the old one, the new one, or has
# no .shp at all (so nothing reads it as valid with the wrong attributes).
. "$(dirname "$0")/destination_common.sh"
cd "$scratch"
mkdir old new
"$depmap" export "$fixtures/sample.csv" -o old/out.shp 2> /dev/null
"$depmap" export "$fixtures/sample.csv" --where "id <> 'S1'" --fields id,tonnage -o new/out.shp 2> /dev/null
version() {  # which reference copy `file` is: old, new or (when they are the same) both
    local o n
    cmp -s "$1" "old/$(basename "$1")" && o=1 || o=0
    cmp -s "$1" "new/$(basename "$1")" && n=1 || n=0
    case $o$n in 11) echo both ;; 10) echo old ;; 01) echo new ;; *) echo neither ;; esac
}
for when in 1 2 3 4 5 6 7; do
    rm -rf run && mkdir run && cp old/out.* run/
    (strace -f -o /dev/null -e trace=rename,renameat,renameat2 \
        -e inject=rename,renameat,renameat2:signal=KILL:when=$when \
        "$depmap" export "$fixtures/sample.csv" --where "id <> 'S1'" --fields id,tonnage -o run/out.shp -O) \
        2> /dev/null
    [ -e run/out.shp ] || continue
    shp=$(version run/out.shp)
    for ext in shx dbf; do
        v=$(version run/out.$ext)
        [ "$v" = "$shp" ] || [ "$v" = both ] || fail "kill at rename $when: a $shp .shp beside a $v .$ext"
    done
done
finish
