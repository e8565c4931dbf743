#!/bin/bash
# A Shapefile whose .dbf, .shx or .shp is cut short, whose .shx points past the end
# of its .shp, or whose files come from different writes, is an error naming the
# file and the counts, never a partial layer; export writes nothing; the files are
# left as they were.
source "$(dirname "$0")/read_checks.sh"

"$depmap" export records -o whole.shp --fields id,name,status 2>/dev/null
"$depmap" export records -o fewer.shp --fields id,name,status --where "status = 'producing'" 2>/dev/null
copy() { for extension in shp shx dbf prj; do cp "whole.$extension" "$1.$extension"; done; }

copy short_dbf && cut_in_half short_dbf.dbf
expect 1 "short_dbf.dbf: cut short: its header states 487 records and the file holds [0-9]+;" info short_dbf.shp

copy mixed && cp fewer.dbf mixed.dbf
fewer=$("$depmap" info fewer.shp -f json | sed -n 's/.*"count": \([0-9]*\).*/\1/p')
expect 1 "mixed.shp: its files disagree: .*mixed.shx indexes 487 records and .*mixed.dbf holds $fewer;" info mixed.shp
expect 1 "mixed.shp: its files disagree" export mixed.shp -o out.gpkg
[[ ! -e out.gpkg ]] || fail "export of a mixed Shapefile set wrote out.gpkg"

copy short_shx && cut_in_half short_shx.shx
expect 1 "short_shx.shx: cut short: its header states [0-9]+ bytes and the file holds [0-9]+;" info short_shx.shp

copy short_shp && cut_in_half short_shp.shp
expect 1 "short_shp.shp: cut short: its header states [0-9]+ bytes and the file holds [0-9]+;" info short_shp.shp

# Record 100's offset in the .shx (16-bit words, big-endian) points past the .shp's end.
copy past_end && printf '\x7f\x00\x00\x00' | dd of=past_end.shx bs=1 seek=$((100 + 8 * 99)) conv=notrunc status=none
expect 1 "past_end.shp: read 99 of the 487 features its header states \(GDAL reports '.+'\): the file is damaged" info past_end.shp
# Skipping bad features does not skip a damaged file's.
expect 1 "past_end.shp: read 99 of the 487 features" info past_end.shp --on-error skip

before=$(sha256sum short_* mixed.* past_end.*)
for name in short_dbf mixed short_shx short_shp past_end; do
    "$depmap" info $name.shp >/dev/null 2>&1 && fail "$name.shp read without an error"
done
[[ $(sha256sum short_* mixed.* past_end.*) == "$before" ]] || fail "reading changed an input"
expect 0 "" info whole.shp
