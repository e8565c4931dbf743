#!/bin/bash
# An empty path (--layer '', or an empty FILE) is a usage error naming the option,
# not the bundled data that leaving the option out means.
source "$(dirname "$0")/read_checks.sh"

expect 2 "--layer: an empty path names no file; give a file, or leave the option out" near Baotou --radius 50km --layer ''
expect 2 "--layer: an empty path" distance Baotou Hohhot --layer ''
expect 2 "file: an empty path names no file" info ''
expect 2 "file: an empty path" export '' -o out.csv
[[ ! -e out.csv ]] || fail "export of an empty path wrote out.csv"
expect 2 "--from: an empty path" nearest --from ''
