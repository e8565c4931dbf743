#!/bin/bash
# depmap map's files as other programs read them: a PNG of the asked size (its IHDR,
# CRC checked, and every IDAT inflating to the rows it should), an SVG that parses as XML
# at the asked size in points, a PDF of one page of the asked paper (pdfinfo); the same
# command twice gives the same bytes; an existing file is refused without -O.
#   check_outputs.sh DEPMAP WORK_DIR
set -euo pipefail
depmap=$1
work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$depmap" map -q -o a.png --width 640 --height 480 --dpi 96 --title "Deposits 矿床"
"$depmap" map -q -o a.svg --width 640 --height 480 --dpi 96
"$depmap" map -q -o a.pdf --paper A4 --landscape --title "Deposits"

/usr/bin/python3 - <<'PY' || fail "the PNG is not a 640 x 480 image"
import struct, zlib
data = open("a.png", "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "signature"
pos, idat, size = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    crc, = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
    assert zlib.crc32(kind + body) == crc, kind
    if kind == b"IHDR": size = struct.unpack(">II", body[:8]); depth, colour = body[8], body[9]
    if kind == b"IDAT": idat += body
    pos += 12 + length
assert size == (640, 480), size
channels = {2: 3, 6: 4}[colour]
assert len(zlib.decompress(idat)) == 480 * (1 + 640 * channels * depth // 8)
PY

/usr/bin/python3 - <<'PY' || fail "the SVG does not parse as a 480 x 360 pt drawing"
import xml.etree.ElementTree as ET
root = ET.parse("a.svg").getroot()
assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
assert (root.get("width"), root.get("height")) == ("480pt", "360pt"), root.attrib
PY

info=$(pdfinfo a.pdf)
grep -qE '^Pages: +1$' <<<"$info" || fail "the PDF has not one page: $info"
grep -qE '^Page size: +841.89 x 595.276 pts \(A4\)$' <<<"$info" || fail "the PDF is not A4 landscape: $info"
grep -q 'CreationDate\|ModDate' <<<"$info" && fail "the PDF carries a date: $info"

for f in a.png a.svg a.pdf; do
  cp "$f" "first.$f"
done
"$depmap" map -q -O -o a.png --width 640 --height 480 --dpi 96 --title "Deposits 矿床"
"$depmap" map -q -O -o a.svg --width 640 --height 480 --dpi 96
"$depmap" map -q -O -o a.pdf --paper A4 --landscape --title "Deposits"
for f in a.png a.svg a.pdf; do
  cmp -s "$f" "first.$f" || fail "$f differs from one run to the next"
done

status=0
"$depmap" map -q -o a.png 2>err.txt || status=$?
[ "$status" -eq 1 ] && grep -q -- "-O" err.txt || fail "an existing map was not refused (exit $status): $(cat err.txt)"
cmp -s a.png first.a.png || fail "a refused map changed the existing file"
echo ok
