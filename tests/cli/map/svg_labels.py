"""The labels of a depmap SVG map as the SVG itself draws them.

Cairo writes text as <use> of glyph <symbol>s at x, y. depmap draws each label as its
white halo (a <path> stroked white at 85 % opacity) followed by the <g> runs of its glyphs:
a label is the glyphs between one halo and the next element that is not a glyph run. Its
box is the union of its glyphs' boxes, each the symbol's outline points moved to the
glyph's x, y (the outline's control points: never smaller than the ink).
"""
import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"


def _outline_box(d):
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d or "")]
    xs, ys = numbers[0::2], numbers[1::2]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _is_halo(element):
    style = element.get("style", "")
    return element.tag == SVG + "path" and "stroke:rgb(100%,100%,100%)" in style and "stroke-opacity:0.85" in style


def labels(path):
    """[{"glyphs": [(symbol id, x, y), ...], "box": (x0, y0, x1, y1) or None}] in drawing order."""
    root = ET.parse(path).getroot()
    symbols = {}
    for symbol in root.iter(SVG + "symbol"):
        boxes = [_outline_box(p.get("d")) for p in symbol.iter(SVG + "path")]
        boxes = [b for b in boxes if b]
        symbols[symbol.get("id")] = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                                     max(b[2] for b in boxes), max(b[3] for b in boxes)) if boxes else None
    found, current = [], None
    for element in root.iter():
        if _is_halo(element):
            current = {"glyphs": [], "box": None}
            found.append(current)
        elif element.tag == SVG + "g" and current is not None:
            uses = [u for u in element if u.tag == SVG + "use"]
            if not uses or len(uses) != len(element):
                current = None
                continue
            for use in uses:
                name = use.get(XLINK).lstrip("#")
                x, y = float(use.get("x")), float(use.get("y"))
                current["glyphs"].append((name, x, y))
                if symbols.get(name):
                    b = symbols[name]
                    box = (x + b[0], y + b[1], x + b[2], y + b[3])
                    old = current["box"]
                    current["box"] = box if old is None else (min(old[0], box[0]), min(old[1], box[1]),
                                                              max(old[2], box[2]), max(old[3], box[3]))
        elif element.tag in (SVG + "path", SVG + "rect") and current is not None and current["glyphs"]:
            current = None
    return found


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
