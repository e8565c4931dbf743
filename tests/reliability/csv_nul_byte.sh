#!/bin/bash
# A NUL byte in a CSV cell or header would cut the value short wherever it goes on
# as a C string: the read stops with an error naming the file and line; export
# writes nothing; the file is left as it was.
source "$(dirname "$0")/read_checks.sh"

printf 'id,name,lon,lat\n1,A,109,41\n2,A\0B,110,42\n' > in_cell.csv
printf 'id,na\0me,lon,lat\n1,A,109,41\n' > in_header.csv
before=$(sha256sum in_cell.csv in_header.csv)

expect 1 "in_cell.csv:3: a NUL byte" info in_cell.csv
expect 1 "in_cell.csv:3: a NUL byte" export in_cell.csv -o out.gpkg
[[ ! -e out.gpkg ]] || fail "export of a CSV with a NUL byte wrote out.gpkg"
expect 1 "in_header.csv:1: a NUL byte" info in_header.csv
expect 1 "in_cell.csv:3: a NUL byte" info in_cell.csv --on-error skip

[[ $(sha256sum in_cell.csv in_header.csv) == "$before" ]] || fail "reading changed an input"
