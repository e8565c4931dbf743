#!/bin/bash
# depmap map's labels as the SVG draws them (svg_labels.py reads the glyphs Cairo wrote):
# as many as depmap reports, no two overlapping; Chinese names drawn with their own glyphs
# (full-width advances, no .notdef box); the labels that do not all fit keep the first of
# the layer, or with --label-priority the largest values; --label-where labels only what it
# selects.
#   svg_labels.sh DEPMAP WORK_DIR
set -euo pipefail
depmap=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
labels() { PYTHONPATH="$here" /usr/bin/python3 - "$@"; }

"$depmap" map -o all.svg --label name 2>err.txt
reported=$(sed -n 's/.* \([0-9]*\) labels$/\1/p' err.txt)
labels all.svg "$reported" <<'PY' || fail "the SVG's labels overlap or are not the ones reported"
import sys, svg_labels
found = svg_labels.labels(sys.argv[1])
assert len(found) == int(sys.argv[2]) > 40, (len(found), sys.argv[2])
assert all(label["box"] for label in found)
clashes = [(a["box"], b["box"]) for i, a in enumerate(found) for b in found[i + 1:]
           if svg_labels.overlap(a["box"], b["box"])]
assert not clashes, clashes[:3]
PY

printf 'name_zh,commodities,lon,lat\n白云鄂博,Iron,109.97,41.80\n乌努格吐山,Copper,117.27,49.42\n' >zh.csv
"$depmap" map -q -o zh.svg --layer zh.csv --label name_zh
labels zh.svg <<'PY' || fail "the Chinese labels are not drawn with their glyphs"
import sys, svg_labels
# A run of CJK glyphs: one font, each a full em (9 pt for a 7 pt label at Pango's 96
# dpi) after the one before; Latin letters advance 3 to 6 pt, each its own.
def chinese(label):
    g = label["glyphs"]
    return len(g) > 3 and all(abs(b[1] - a[1] - 9) < 0.01 and b[2] == a[2] for a, b in zip(g, g[1:]))
runs = [label["glyphs"] for label in svg_labels.labels(sys.argv[1]) if chinese(label)]
assert sorted(len(g) for g in runs) == [4, 5], runs  # 白云鄂博, 乌努格吐山
for glyphs in runs:
    names = [name for name, _, _ in glyphs]
    assert len(set(names)) == len(names), names          # each character its own glyph
    assert not any(name.endswith("-0") for name in names), names  # none the .notdef box
PY

# Five features at one point: only two labels fit beside it (right and left).
printf 'name,commodities,tonnes,lon,lat\n' >five.csv
for n in Abcdef Abcdefg Abcdefgh Abcdefghi Abcdefghij; do
  echo "$n,Copper,${#n},114.0,42.5" >>five.csv
done
placed() {  # the lengths of the labels placed, sorted
  "$depmap" map -q -O -o five.svg --layer five.csv --label name --bbox 113.5,42.2,114.5,42.8 "$@"
  labels five.svg <<'PY'
import sys, svg_labels
print(" ".join(str(n) for n in sorted(len(label["glyphs"]) for label in svg_labels.labels(sys.argv[1]))))
PY
}
[ "$(placed)" = "6 7" ] || fail "the first features' labels were not kept: $(placed)"
[ "$(placed --label-priority tonnes)" = "9 10" ] ||
  fail "--label-priority did not keep the largest: $(placed --label-priority tonnes)"
[ "$(placed --label-priority tonnes --label-where 'tonnes < 10')" = "8 9" ] ||
  fail "--label-where labelled what it did not select: $(placed --label-priority tonnes --label-where 'tonnes < 10')"
echo ok
