#!/bin/bash
# Every query and region command's -o FILE.png|.svg|.pdf: a valid image of the default
# page (1600 x 1200 pixels; 768 x 576 points), as other programs read it; an answer with
# no geometry is refused; the page options of depmap map apply to them too.
#   query_maps.sh DEPMAP DATA_DIR WORK_DIR
set -euo pipefail
depmap=$1
data=$2
work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$depmap" near -q Baotou --radius 150km -o near.png
"$depmap" nearest -q Baotou -k 5 -o nearest.svg
"$depmap" within -q Baotou -o within.pdf
"$depmap" regions -q -o regions.png
"$depmap" buffer -q --radius 20km --commodity REE -o buffer.svg
"$depmap" hull -q --commodity Coal -o hull.pdf
"$depmap" cluster -q --eps 25km --min-points 3 --districts -o cluster.png
"$depmap" grid -q --cell 50km -o grid.svg
"$depmap" catchment -q --hubs Baotou,Chifeng -o catchment.pdf
"$depmap" matrix -q --nearest-of "$data/cities.csv" -o matrix.png
"$depmap" export -q --commodity Copper -o export.svg
"$depmap" within -q Baotou -o a4.pdf --paper A4 --landscape --title "Within Baotou" --label-priority capacity_mtpa
"$depmap" nearest -q Baotou -k 5 -o small.png --width 640 --height 480 --dpi 96 --labels none

/usr/bin/python3 - near.png regions.png cluster.png matrix.png <<'PY' || fail "a PNG is not 1600 x 1200"
import struct, sys, zlib
for name in sys.argv[1:]:
    data = open(name, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", name
    length, kind = struct.unpack(">I4s", data[8:16])
    body = data[16:16 + length]
    assert kind == b"IHDR" and zlib.crc32(kind + body) == struct.unpack(">I", data[16 + length:20 + length])[0], name
    assert struct.unpack(">II", body[:8]) == (1600, 1200), (name, struct.unpack(">II", body[:8]))
PY
/usr/bin/python3 - small.png <<'PY' || fail "--width 640 --height 480 did not give a 640 x 480 PNG"
import struct, sys
body = open(sys.argv[1], "rb").read()[16:24]
assert struct.unpack(">II", body) == (640, 480), struct.unpack(">II", body)
PY
info=$(pdfinfo a4.pdf)
grep -qE '^Page size: +841.89 x 595.276 pts \(A4\)$' <<<"$info" || fail "within --paper A4 --landscape is not A4 landscape: $info"
/usr/bin/python3 - nearest.svg buffer.svg grid.svg export.svg <<'PY' || fail "an SVG is not a 768 x 576 pt drawing"
import sys, xml.etree.ElementTree as ET
for name in sys.argv[1:]:
    root = ET.parse(name).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg", name
    assert (root.get("width"), root.get("height")) == ("768pt", "576pt"), (name, root.attrib)
PY
for f in within.pdf hull.pdf catchment.pdf; do
  info=$(pdfinfo "$f")
  grep -qE '^Pages: +1$' <<<"$info" || fail "$f has not one page: $info"
  grep -qE '^Page size: +768 x 576 pts' <<<"$info" || fail "$f is not 768 x 576 pt: $info"
done

status=0
"$depmap" matrix -q --commodity REE --to Baotou Hohhot -o pairs.png 2>err.txt || status=$?
[ "$status" -eq 2 ] && grep -q "no geometry to draw" err.txt && [ ! -e pairs.png ] ||
  fail "a table without geometry was not refused as a map (exit $status): $(cat err.txt)"
echo ok
