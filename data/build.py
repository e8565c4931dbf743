#!/usr/bin/env python3
"""Rebuild depmap's bundled Inner Mongolia dataset from its source files.

Usage (from the repository root):

    python3 data/build.py [SOURCE_DIR]

SOURCE_DIR defaults to ../shared/data relative to the repository root. The files are
written into the folder this script is in (data/):

    deposits.csv            USGS + GSC + GEM coal mines + GEM iron-ore mines, in that order
    plants.csv              GEM iron and steel plants
    places.csv, cities.csv  GeoNames and Natural Earth places, rows and fields unchanged
    boundary.geojson        byte copy of outline_ocha.geojson
    boundary_ne50m.geojson  byte copy of boundary_ne50m.geojson
    divisions.geojson       byte copy of divisions_ocha.geojson

Standard library only. Coordinates are copied as text, never parsed or re-formatted. CSV
output is UTF-8 without BOM, "\\n" line endings, quoted only where needed; running the script
twice gives the same bytes. It stops with an error when a source no longer has the shape
this script expects (columns, row counts, Chinese names), rather than writing something else.
"""
import csv
import io
import os
import shutil
import sys

DATA_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(DATA_DIR)
DEFAULT_SOURCE = os.path.join(REPO_ROOT, "..", "shared", "data")

SITE_COLUMNS = ["id", "name", "alt_names", "commodities", "deposit_type", "status",
                "site_type", "lon", "lat", "source", "source_record_id", "source_url"]
COLUMNS = ["id", "name", "name_zh", "alt_names", "commodities", "deposit_type", "status",
           "site_type", "lon", "lat", "source", "source_record_id", "source_url", "licence"]

# (source file, expected rows, licence written for rows whose file has no licence column)
DEPOSIT_SOURCES = [
    ("mineral_sites_usgs.csv", 43, "public domain (USGS)"),
    ("mineral_sites_gsc_tin_tungsten.csv", 11,
     "Open Government Licence - Canada (Geological Survey of Canada)"),
    ("coal_mines_gem.csv", 422, None),
    ("iron_ore_mines_gem.csv", 11, None),
]
PLANT_SOURCES = [("iron_steel_plants_gem.csv", 15, None)]

# Tables whose rows are kept as they are (only the line endings become "\n").
TABLE_COPIES = [
    ("places_geonames.csv", "places.csv", 97),
    ("places_ne50m.csv", "cities.csv", 6),
]
# Files copied byte for byte.
BYTE_COPIES = [
    ("outline_ocha.geojson", "boundary.geojson"),
    ("boundary_ne50m.geojson", "boundary_ne50m.geojson"),
    ("divisions_ocha.geojson", "divisions.geojson"),
]

CHINESE_TAG = "(Chinese)"


class SourceError(Exception):
    pass


def has_cjk(text):
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def split_list(text):
    """A ';'-separated source field as its items, blanks around them removed."""
    return [item.strip() for item in text.split(";") if item.strip()]


def tagged_chinese_name(alt_names):
    """GEM tags other-language names with the language: '白云鄂博主矿(Chinese)' -> '白云鄂博主矿'.

    The whole text before the tag is the name ('白云鄂博东矿 白云铁矿(Chinese)' keeps its
    space). Several tagged names would be joined with ';' (no source row has more than one).
    """
    names = [item[: -len(CHINESE_TAG)].strip() for item in split_list(alt_names)
             if item.endswith(CHINESE_TAG)]
    return ";".join(name for name in names if name)


def plant_chinese_name(row):
    """The plants' alt_names starts with the plant's name in Chinese, without a tag.

    Most rows hold that one name; four add other names (English and Chinese) after it, so
    name_zh is the first entry, the Chinese name GEM gives for the plant itself.
    """
    items = split_list(row["alt_names"])
    if not items:
        return ""
    if not has_cjk(items[0]):
        raise SourceError(f"{row['id']}: first alt_names entry {items[0]!r} is not Chinese")
    return items[0]


def commodity_list(text):
    """'Rare Earth Elements; Niobium' -> 'Rare Earth Elements;Niobium'; empty stays empty."""
    return ";".join(split_list(text))


def read_table(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    if text.startswith("\ufeff"):
        raise SourceError(f"{path}: starts with a byte order mark")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        raise SourceError(f"{path}: empty")
    header, body = rows[0], rows[1:]
    for number, row in enumerate(body, start=2):
        if len(row) != len(header):
            raise SourceError(f"{path}, row {number}: {len(row)} fields, header has {len(header)}")
    return header, body


def site_rows(source_dir, name, expected, default_licence, plants):
    path = os.path.join(source_dir, name)
    header, body = read_table(path)
    wanted = SITE_COLUMNS + ([] if default_licence else ["licence"])
    if header != wanted:
        raise SourceError(f"{path}: columns {header}, expected {wanted}")
    if len(body) != expected:
        raise SourceError(f"{path}: {len(body)} rows, expected {expected}")
    for values in body:
        row = dict(zip(header, values))
        if default_licence:
            row["licence"] = default_licence
        elif not row["licence"]:
            raise SourceError(f"{path}: {row['id']} has no licence")
        row["name_zh"] = plant_chinese_name(row) if plants else tagged_chinese_name(row["alt_names"])
        row["commodities"] = commodity_list(row["commodities"])
        yield [row[column] for column in COLUMNS]


def csv_text(header, rows):
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write_text(target, text):
    """Write UTF-8 (no BOM) through a temporary file, so a failed run leaves no half file."""
    path = os.path.join(DATA_DIR, target)
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(temporary, path)


def build_sites(source_dir, sources, target, plants=False):
    rows = []
    for name, expected, licence in sources:
        rows.extend(site_rows(source_dir, name, expected, licence, plants))
    write_text(target, csv_text(COLUMNS, rows))
    return len(rows)


def copy_table(source_dir, name, target, expected):
    header, body = read_table(os.path.join(source_dir, name))
    if len(body) != expected:
        raise SourceError(f"{name}: {len(body)} rows, expected {expected}")
    write_text(target, csv_text(header, body))
    return len(body)


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__.strip())
        return 0 if len(argv) == 2 else 2
    source_dir = argv[1] if len(argv) == 2 else DEFAULT_SOURCE
    if not os.path.isdir(source_dir):
        print(f"build.py: source folder {source_dir} not found", file=sys.stderr)
        return 1
    try:
        print(f"deposits.csv: {build_sites(source_dir, DEPOSIT_SOURCES, 'deposits.csv')} rows")
        print(f"plants.csv: {build_sites(source_dir, PLANT_SOURCES, 'plants.csv', plants=True)} rows")
        for name, target, expected in TABLE_COPIES:
            print(f"{target}: {copy_table(source_dir, name, target, expected)} rows from {name}")
        for name, target in BYTE_COPIES:
            shutil.copyfile(os.path.join(source_dir, name), os.path.join(DATA_DIR, target))
            print(f"{target}: copy of {name}")
    except (SourceError, OSError, UnicodeDecodeError, csv.Error) as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
