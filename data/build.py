#!/usr/bin/env python3
"""Rebuild depmap's bundled Inner Mongolia dataset from its source files.

Usage (from the repository root):

    python3 data/build.py [SOURCE_DIR]

SOURCE_DIR defaults to ../shared/data relative to the repository root. The files are
written into the folder this script is in (data/):

    records.csv            USGS + GSC + GEM coal mines + GEM iron-ore mines, in that order,
                            with GEM's figures (build_figures.py) and MinMod's ore tonnage
                            and grades (build_tonnage.py)
    plants.csv              GEM iron and steel plants, with their capacities
    power_plants.csv        GEM coal-fired power plants, one per plant (build_power.py)
    gas_fields.csv          GEM gas fields (build_gas.py)
    places.csv, cities.csv  GeoNames and Natural Earth places, rows and fields unchanged
    boundary.geojson        byte copy of outline_ocha.geojson
    boundary_ne50m.geojson  byte copy of boundary_ne50m.geojson
    divisions.geojson       byte copy of divisions_ocha.geojson

Standard library only. Coordinates and figures are copied as text, never parsed and
re-formatted (the one conversion, iron-ore thousand tonnes to million tonnes, moves the
decimal point). CSV output is UTF-8 without BOM, "\\n" line endings, quoted only where
needed; running the script twice gives the same bytes. It stops with an error when a source
no longer has the shape this script expects (columns, row counts, Chinese names, units),
rather than writing something else. It ends by printing the counts data/README.md states.
"""
import csv
import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ among the bundled files

from build_figures import MINE_FIELDS, PLANT_FIELDS, read_figures, site_figures  # noqa: E402
from build_gas import FIELDS as GAS_FIELDS, gas_fields  # noqa: E402
from build_io import SourceError, csv_text, read_table, write_text  # noqa: E402
from build_power import FIELDS as POWER_FIELDS, power_plants  # noqa: E402
from build_tonnage import FIELDS as TONNAGE_FIELDS, record_tonnages  # noqa: E402

DATA_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(DATA_DIR)
DEFAULT_SOURCE = os.path.join(REPO_ROOT, "..", "shared", "data")

SITE_COLUMNS = ["id", "name", "alt_names", "commodities", "deposit_type", "status",
                "site_type", "lon", "lat", "source", "source_record_id", "source_url"]
COLUMNS = ["id", "name", "name_zh", "alt_names", "commodities", "deposit_type", "status",
           "site_type", "lon", "lat", "source", "source_record_id", "source_url", "licence"]
# The figures follow the columns above: new fields are added at the end.
DEPOSIT_COLUMNS = COLUMNS + MINE_FIELDS + TONNAGE_FIELDS
PLANT_COLUMNS = COLUMNS + PLANT_FIELDS

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


def site_rows(source_dir, name, expected, default_licence, plants):
    """The rows of one site file as dicts of COLUMNS."""
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
        yield {column: row[column] for column in COLUMNS}


def build_sites(source_dir, sources, target, columns, extra, plants=False):
    """Write `target`: the sites of `sources`, each with the fields `extra` gives it."""
    rows = []
    for name, expected, licence in sources:
        for site in site_rows(source_dir, name, expected, licence, plants):
            site.update(extra(name, site))
            rows.append([site.get(column, "") for column in columns])
    write_text(target, csv_text(columns, rows))
    return rows


def copy_table(source_dir, name, target, expected):
    header, body = read_table(os.path.join(source_dir, name))
    if len(body) != expected:
        raise SourceError(f"{name}: {len(body)} rows, expected {expected}")
    write_text(target, csv_text(header, body))
    return len(body)


def print_counts(columns, rows):
    """Per commodity, the records listing it; per figure field, the records holding one
    (data/README.md states them; tests check them)."""
    commodities = {}
    for row in rows:
        for item in split_list(row[columns.index("commodities")]):
            commodities[item] = commodities.get(item, 0) + 1
    for item, count in sorted(commodities.items(), key=lambda pair: (-pair[1], pair[0])):
        print(f"  {item}: {count} records")
    for field in MINE_FIELDS + TONNAGE_FIELDS:
        index = columns.index(field)
        print(f"  {field}: {sum(1 for row in rows if row[index])} records")


def build(source_dir):
    figures = read_figures(source_dir)
    tonnages, unattached = record_tonnages(source_dir)

    def deposit_fields(name, site):
        fields = dict(site_figures(figures, name, site))
        fields.update(tonnages.pop(site["id"], {}))
        return fields

    deposits = build_sites(source_dir, DEPOSIT_SOURCES, "records.csv", DEPOSIT_COLUMNS, deposit_fields)
    print(f"records.csv: {len(deposits)} rows")
    print_counts(DEPOSIT_COLUMNS, deposits)
    if tonnages:
        raise SourceError(f"minmod_tonnage_grade.csv names records not in records.csv: {sorted(tonnages)}")
    for estimate in unattached:
        print(f"  tonnage attached to no record: {estimate['name']} ({estimate['ore_mt'] or 'no'} Mt)")
    plants = build_sites(source_dir, PLANT_SOURCES, "plants.csv", PLANT_COLUMNS,
                         lambda name, site: site_figures(figures, name, site), plants=True)
    print(f"plants.csv: {len(plants)} rows")
    if figures:
        raise SourceError(f"gem_site_figures.csv has rows for no bundled site: {sorted(figures)}")
    power, scattered = power_plants(source_dir)
    write_text("power_plants.csv", csv_text(POWER_FIELDS, power))
    print(f"power_plants.csv: {len(power)} rows ({scattered} with units at several points)")
    gas = gas_fields(source_dir)
    write_text("gas_fields.csv", csv_text(GAS_FIELDS, gas))
    print(f"gas_fields.csv: {len(gas)} rows")
    for name, target, expected in TABLE_COPIES:
        print(f"{target}: {copy_table(source_dir, name, target, expected)} rows from {name}")
    for name, target in BYTE_COPIES:
        shutil.copyfile(os.path.join(source_dir, name), os.path.join(DATA_DIR, target))
        print(f"{target}: copy of {name}")


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__.strip())
        return 0 if len(argv) == 2 else 2
    source_dir = argv[1] if len(argv) == 2 else DEFAULT_SOURCE
    if not os.path.isdir(source_dir):
        print(f"build.py: source folder {source_dir} not found", file=sys.stderr)
        return 1
    try:
        build(source_dir)
    except (SourceError, OSError, UnicodeDecodeError, csv.Error) as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
