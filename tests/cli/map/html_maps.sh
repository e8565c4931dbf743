#!/bin/bash
# HTML maps: depmap map -o x.html holds the main layer and every --add layer, each with
# all its features; near's HTML map holds the query place and the search radius, whose
# vertices lie at the radius by GeodSolve; --size-by sizes the markers by the field.
#   html_maps.sh DEPMAP DATA_DIR WORK_DIR
set -euo pipefail
depmap=$1
data=$2
work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$depmap" buffer -q --commodity REE --radius 10km -o ree_buffers.geojson
"$depmap" map -q --commodity Coal --add ree_buffers.geojson --add "$data/cities.csv" --title "Coal and REE" -o layers.html
"$depmap" export -q --commodity Coal -f csv >coal.csv
"$depmap" near -q Baotou --radius 150km -o near.html
"$depmap" export -q --commodity Coal --size-by capacity_mtpa -o sized.html

cat >parse.py <<'PY'
import json
def layers(path):
    page = open(path, encoding="utf-8").read()
    opening = '<script type="application/json" id="depmap-data">'
    start = page.index(opening) + len(opening)
    data = json.loads(page[start:page.index("</script>", start)])
    return data, [l for l in data["layers"] if not l["base"]]
PY

/usr/bin/python3 - "$data/cities.csv" <<'PY' || fail "map -o layers.html does not hold every layer with its features"
import csv, json, sys
from parse import layers
data, drawn = layers("layers.html")
assert data["title"] == "Coal and REE", data["title"]
counts = [len(l["features"]["features"]) for l in drawn]
coal = sum(1 for _ in csv.DictReader(open("coal.csv")))
buffers = len(json.load(open("ree_buffers.geojson"))["features"])
cities = sum(1 for _ in csv.DictReader(open(sys.argv[1])))
assert counts == [coal, buffers, cities], (counts, coal, buffers, cities)
assert [l["kind"] for l in drawn] == ["points", "areas", "points"], [l["kind"] for l in drawn]
PY

/usr/bin/python3 - <<'PY' >pairs.txt || fail "near's HTML map lacks the query place or the search radius"
from parse import layers
_, drawn = layers("near.html")
by_name = {l["name"]: l for l in drawn}
place = by_name["query places"]["features"]["features"]
circle = by_name["search radius"]["features"]["features"]
assert len(place) == 1 and len(circle) == 1, (len(place), len(circle))
lon, lat = place[0]["geometry"]["coordinates"]
geometry = circle[0]["geometry"]
rings = geometry["coordinates"] if geometry["type"] == "Polygon" else geometry["coordinates"][0]
assert len(rings[0]) > 60, len(rings[0])
for x, y in rings[0]:
    print(lat, lon, y, x)
PY
GeodSolve -i <pairs.txt | awk '{ d = $3 - 150000; if (d < 0) d = -d; if (d > 15) bad++ } END { exit bad > 0 }' ||
  fail "a vertex of the search radius lies not 150 km from the place"

/usr/bin/python3 - <<'PY' || fail "--size-by does not size the HTML markers by the field"
from parse import layers
_, drawn = layers("sized.html")
layer = drawn[0]
sizes = layer["sizes"]
features = layer["features"]["features"]
assert len(sizes) == len(features) > 100
pairs = sorted((f["properties"].get("capacity_mtpa") or 0, s) for f, s in zip(features, sizes))
assert all(a[1] <= b[1] for a, b in zip(pairs, pairs[1:])), "a larger value has a smaller marker"
assert pairs[0][1] < pairs[-1][1]
PY

status=0
"$depmap" map -q --crs EPSG:3857 -o crs.html 2>err.txt || status=$?
[ "$status" -eq 2 ] && grep -q -- "--crs is for an image" err.txt || fail "--crs was not refused for HTML: $(cat err.txt)"
echo ok
