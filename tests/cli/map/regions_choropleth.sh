#!/bin/bash
# regions --summary as a map: a choropleth of coal capacity per league, graduated as the
# QGIS grid style (each region's class holds its total), as valid PNG, SVG, PDF and HTML;
# --group-by, which would draw each region once per group, is refused for a map.
#   regions_choropleth.sh DEPMAP WORK_DIR
set -euo pipefail
depmap=$1
work=$2
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

for f in coal.png coal.svg coal.pdf coal.html; do
  "$depmap" regions -q --summary --sum capacity_mtpa --commodity Coal -o "$f"
done
"$depmap" regions -q --summary --sum capacity_mtpa --commodity Coal -f csv >coal.csv

/usr/bin/python3 - <<'PY' || fail "the PNG or SVG is not a 1600 x 1200 map"
import struct, zlib, xml.etree.ElementTree as ET
data = open("coal.png", "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
length, kind = struct.unpack(">I4s", data[8:16])
assert kind == b"IHDR" and struct.unpack(">II", data[16:24]) == (1600, 1200)
root = ET.parse("coal.svg").getroot()
assert (root.get("width"), root.get("height")) == ("768pt", "576pt"), root.attrib
PY
info=$(pdfinfo coal.pdf)
grep -qE '^Pages: +1$' <<<"$info" || fail "coal.pdf has not one page: $info"

/usr/bin/python3 - <<'PY' || fail "the HTML map is not graduated on the regions' sums"
import csv, json, re
page = open("coal.html", encoding="utf-8").read()
opening = '<script type="application/json" id="depmap-data">'
start = page.index(opening) + len(opening)
data = json.loads(page[start:page.index("</script>", start)])
layer = [l for l in data["layers"] if not l["base"]]
assert len(layer) == 1, [l["name"] for l in layer]
layer = layer[0]
assert layer["kind"] == "grid", layer["kind"]
rows = {r["region"]: float(r["sum_capacity_mtpa"]) for r in csv.DictReader(open("coal.csv")) if r["region"]}
features = layer["features"]["features"]
assert len(features) == len(rows) == 12, (len(features), len(rows))
assert len(layer["symbols"]) >= 3, layer["symbols"]
for feature, symbol in zip(features, layer["symbol"]):
    p = feature["properties"]
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert abs(p["sum_capacity_mtpa"] - rows[p["region"]]) < 1e-6, p
    bounds = [float(b) for b in re.split("–", layer["symbols"][symbol]["label"])]
    assert bounds[0] - 1e-6 <= p["sum_capacity_mtpa"] <= bounds[-1] + 1e-6, (p, layer["symbols"][symbol])
PY

status=0
"$depmap" regions -q --summary --group-by commodities -o groups.png 2>err.txt || status=$?
[ "$status" -eq 2 ] && grep -q "a map draws each region once" err.txt && [ ! -e groups.png ] ||
  fail "--group-by was not refused for a map (exit $status): $(cat err.txt)"
echo ok
