#!/bin/bash
# Every row of tests/RELIABILITY.md names, in its last column, backquoted ctest names (`*`
# matches any run of characters), and every one of them must match a test `ctest -N` lists;
# every section must have a row.
# Usage: table_has_tests.sh BUILD_DIR [TABLE.md]
set -euo pipefail
build=$1
table=${2:-$(dirname "$0")/../RELIABILITY.md}

# ctest -N would write its log over that of the run this test is part of: list the tests
# from a folder of its own that includes the build tree.
listing=$(mktemp -d)
trap 'rm -rf "$listing"' EXIT
echo "subdirs(\"$(cd "$build" && pwd)\")" > "$listing/CTestTestfile.cmake"
tests="$listing/tests"
ctest --test-dir "$listing" -N | sed -n 's/^ *Test *#[0-9]*: //p' | sed 's/ (Disabled)$//' > "$tests"
[[ -s $tests ]] || { echo "FAIL: ctest -N in $build lists no test" >&2; exit 1; }

awk -v table="$table" '
    function report(what) { printf "FAIL: %s:%d: %s\n", table, FNR, what > "/dev/stderr"; failed = 1 }
    function close_section() {
        if (section == "" || rows > 0) return
        printf "FAIL: %s: section \"%s\" has no row\n", table, section > "/dev/stderr"; failed = 1
    }
    FNR == NR { known[++count] = $0; next }
    /^## / { close_section(); section = substr($0, 4); rows = 0; header = 1; next }
    section == "" || !/^\|/ { next }
    header { header = 0; next }                       # the column names
    /^\| *-+ *\|/ { next }                            # the line under them
    {
        rows++
        cells = split($0, cell, "|")
        last = cell[cells - 1]
        named = 0
        while (match(last, /`[^`]+`/)) {
            name = substr(last, RSTART + 1, RLENGTH - 2)
            last = substr(last, RSTART + RLENGTH)
            named++
            pattern = name
            gsub(/[][\\.^$+?(){}|\/]/, "\\\\&", pattern)
            gsub(/\*/, ".*", pattern)
            found = 0
            for (i = 1; i <= count && !found; i++) if (known[i] ~ "^" pattern "$") found = 1
            if (!found) report("no test is called `" name "`")
        }
        if (!named) report("the row names no test: " $0)
    }
    END { close_section(); exit failed }
' "$tests" "$table"
