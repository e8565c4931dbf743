#!/usr/bin/env python3
"""Rebuilds depmap's bundled dataset from the source files it was made from.

Usage: python3 data/build.py [SOURCE_DIR]   (default: ../shared/data beside the repository)

Writes deposits.csv, plants.csv, places.csv, cities.csv, boundary.geojson,
boundary_ne50m.geojson and divisions.geojson into data/. Standard library only;
running it twice gives the same bytes. Coordinates are copied as text, never parsed.
"""
import csv
import io
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["id", "name", "name_zh", "alt_names", "commodities", "deposit_type", "status",
           "site_type", "lon", "lat", "source", "source_record_id", "source_url", "licence"]

# Files without a licence column, and the licence their rows carry.
LICENCES = {
    "mineral_sites_usgs.csv": "public domain (USGS)",
    "mineral_sites_gsc_tin_tungsten.csv":
        "Open Government Licence - Canada (Geological Survey of Canada; attribution required)",
}
DEPOSIT_SOURCES = ["mineral_sites_usgs.csv", "mineral_sites_gsc_tin_tungsten.csv",
                   "coal_mines_gem.csv", "iron_ore_mines_gem.csv"]
PLANT_SOURCES = ["iron_steel_plants_gem.csv"]
COPIES = {"outline_ocha.geojson": "boundary.geojson",
          "boundary_ne50m.geojson": "boundary_ne50m.geojson",
          "divisions_ocha.geojson": "divisions.geojson",
          "places_geonames.csv": "places.csv",
          "places_ne50m.csv": "cities.csv"}


def chinese_name(alt_names):
    """GEM tags other-language names: '白云鄂博主矿(Chinese)'; the plants list the bare name."""
    for item in alt_names.split(";"):
        item = item.strip()
        if item.endswith("(Chinese)"):
            return item[: -len("(Chinese)")].strip()
        if item and any("\u4e00" <= ch <= "\u9fff" for ch in item):
            return item
    return ""


def commodities(text):
    """'Iron; Steel' -> 'Iron;Steel': one separator, no blanks around it."""
    return ";".join(item.strip() for item in text.split(";") if item.strip())


def rows(source_dir, name):
    with open(os.path.join(source_dir, name), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            row["name_zh"] = chinese_name(row.get("alt_names", ""))
            row["commodities"] = commodities(row["commodities"])
            if not row.get("licence"):
                row["licence"] = LICENCES[name]
            yield row


def write_sites(source_dir, sources, target):
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    count = 0
    for name in sources:
        for row in rows(source_dir, name):
            writer.writerow({column: row.get(column, "") for column in COLUMNS})
            count += 1
    with open(os.path.join(HERE, target), "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
    return count


def main():
    default = os.path.join(HERE, "..", "..", "shared", "data")
    source_dir = sys.argv[1] if len(sys.argv) > 1 else default
    print("deposits.csv", write_sites(source_dir, DEPOSIT_SOURCES, "deposits.csv"))
    print("plants.csv", write_sites(source_dir, PLANT_SOURCES, "plants.csv"))
    for source, target in COPIES.items():
        shutil.copyfile(os.path.join(source_dir, source), os.path.join(HERE, target))
        print(target, "copied")


if __name__ == "__main__":
    main()
