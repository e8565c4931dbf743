#!/bin/bash
# A CSV column holding a 20-digit integer or a real of 21 significant digits is kept
# as text, with a note: exported to CSV and to GeoPackage (read back by GDAL itself)
# it shows the same digits. Other forms of a number (1.50, 1e5, -0.0) stay numbers.
source "$(dirname "$0")/read_checks.sh"

printf 'id,code,grade,tonnage,lon,lat\n1,12345678901234567890,1.00000000000000000001,1.50,109,41\n2,7,2.5,1e5,110,42\n' > digits.csv
before=$(sha256sum digits.csv)

expect 0 "note: .*digits.csv: column 'code' is kept as text: '12345678901234567890' \(line 2\)" export digits.csv -o out.csv
grep -qx '109,41,1,12345678901234567890,1.00000000000000000001,1.5' out.csv || fail "out.csv: $(cat out.csv)"
expect 0 "column 'grade' is kept as text" export digits.csv -o out.gpkg
ogrinfo -q -al out.gpkg > gdal.txt
grep -q 'code (String) = 12345678901234567890' gdal.txt || fail "out.gpkg: $(cat gdal.txt)"
grep -q 'grade (String) = 1.00000000000000000001' gdal.txt || fail "out.gpkg: $(cat gdal.txt)"
grep -q 'tonnage (Real) = 1.5' gdal.txt || fail "out.gpkg: tonnage is no longer a number: $(cat gdal.txt)"
expect 0 "" -q info out.gpkg

[[ $(sha256sum digits.csv) == "$before" ]] || fail "reading changed an input"
