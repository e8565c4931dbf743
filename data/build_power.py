"""Coal-fired power plants from GEM's units (gem_coal_power_units.csv), for build.py.

One plant per `gem_location_id`, in the order of that id. Its units are counted by status and
their capacities summed (operating units, and all units whatever their status) as exact
decimals. Where a plant's units lie at different points, the plant takes the point of its
operating units (of all its units when none operates), the point most of them share, the
first in source order on a tie. Coordinates stay the source's text.
"""
import os
import re
from collections import Counter
from decimal import Decimal

from build_io import SourceError, known, read_records

FILE = "gem_coal_power_units.csv"
COLUMNS = ["id", "name", "alt_names", "commodities", "deposit_type", "status", "site_type", "lon",
           "lat", "source", "source_record_id", "source_url", "licence", "unit_name",
           "gem_location_id", "capacity_mw", "start_year", "retired_year", "owner", "parent",
           "gem_captive", "gem_captive_industry_use", "gem_captive_residential_use", "local_area",
           "major_area", "annual_co2_mt", "inside_ocha_outline"]
ROWS = 586

# Most advanced first: a plant's status is that of its most advanced unit.
STATUSES = ["operating", "construction", "permitted", "pre-permit", "announced", "shelved",
            "retired", "cancelled"]

# Plants left out, by GEM location id, with the reason data/README.md gives.
LEFT_OUT = {
    "L100001000083": "Guoshen Bozhou power station: placed at 82.06 E, 44.87 N, in Bortala "
                     "(Xinjiang), although its province is Inner Mongolia",
}
# Everything else lies in and around Inner Mongolia.
REGION = {"min_lon": 97.0, "max_lon": 126.1, "min_lat": 37.3, "max_lat": 53.4}

FIELDS = (["id", "name", "alt_names", "fuel", "coal_type", "status", "captive",
           "captive_industry", "owner", "parent", "capacity_operating_mw", "capacity_all_mw",
           "units"] + ["units_" + status.replace("-", "_") for status in STATUSES] +
          ["lon", "lat", "location_accuracy", "source", "source_record_id", "source_url",
           "licence"])

ACCURACY = re.compile(r"location accuracy: ([a-z]+)\)$")
COAL_TYPE = "coal type: "


def distinct(values):
    """The distinct non-empty values, in order."""
    return list(dict.fromkeys(value for value in values if value))


def same(units, column):
    values = distinct(unit[column] for unit in units)
    if len(values) > 1:
        raise SourceError(f"{FILE}: plant {units[0]['gem_location_id']} has several {column}: {values}")
    return values[0] if values else ""


def plant_point(units):
    """The units that give the plant its point: see the module's comment."""
    placed = [unit for unit in units if unit["status"] == "operating"] or units
    points = Counter((unit["lon"], unit["lat"]) for unit in placed)
    most = max(points.values())
    point = next(p for p in points if points[p] == most)  # Counter keeps source order
    return [unit for unit in placed if (unit["lon"], unit["lat"]) == point]


def accuracy(unit):
    match = ACCURACY.search(unit["site_type"])
    if not match:
        raise SourceError(f"{FILE}: {unit['id']}: no location accuracy in {unit['site_type']!r}")
    return match.group(1)


def capacity_sum(units):
    """The exact sum of the units' capacities (MW): "0" for no unit."""
    total = sum((Decimal(known(unit["capacity_mw"], f"{FILE}: {unit['id']} capacity_mw"))
                 for unit in units), Decimal(0))
    return str(total)


def coal_type(texts):
    """The units' coal types ('coal type: lignite'), 'unknown' only when no unit's is known."""
    types = distinct(text[len(COAL_TYPE):] for text in texts)
    return ";".join([name for name in types if name != "unknown"] or types)


def plant(number, units):
    statuses = Counter(unit["status"] for unit in units)
    unknown = set(statuses) - set(STATUSES)
    if unknown:
        raise SourceError(f"{FILE}: plant {units[0]['gem_location_id']}: unknown status {sorted(unknown)}")
    if any(not unit["capacity_mw"] for unit in units):
        raise SourceError(f"{FILE}: plant {units[0]['gem_location_id']} has a unit without capacity")
    at_point = plant_point(units)
    coal_types = [unit["deposit_type"] for unit in units]
    if not all(text.startswith(COAL_TYPE) for text in coal_types):
        raise SourceError(f"{FILE}: plant {units[0]['gem_location_id']}: deposit_type is not a coal type")
    captive = same(units, "gem_captive")
    row = {
        "id": f"IM-GEMPOWER-{number:04d}",
        "name": same(units, "name"),
        "alt_names": same(units, "alt_names"),
        "fuel": "coal",
        "coal_type": coal_type(coal_types),
        "status": next(status for status in STATUSES if statuses[status]),
        "captive": "yes" if captive else "no",
        "captive_industry": captive,
        "owner": " | ".join(distinct(unit["owner"] for unit in units)),
        "parent": " | ".join(distinct(unit["parent"] for unit in units)),
        "capacity_operating_mw": capacity_sum([unit for unit in units if unit["status"] == "operating"]),
        "capacity_all_mw": capacity_sum(units),
        "units": str(len(units)),
        "lon": at_point[0]["lon"],
        "lat": at_point[0]["lat"],
        "location_accuracy": ";".join(distinct(accuracy(unit) for unit in at_point)),
        "source": same(units, "source"),
        "source_record_id": units[0]["gem_location_id"],
        "source_url": same(units, "source_url"),
        "licence": same(units, "licence"),
    }
    for status in STATUSES:
        row["units_" + status.replace("-", "_")] = str(statuses[status])
    return [row[field] for field in FIELDS]


def in_region(unit):
    lon, lat = float(unit["lon"]), float(unit["lat"])
    return REGION["min_lon"] < lon < REGION["max_lon"] and REGION["min_lat"] < lat < REGION["max_lat"]


def power_plants(source_dir):
    """The plants' rows (FIELDS), and how many plants have units at several points."""
    units = read_records(os.path.join(source_dir, FILE), COLUMNS, ROWS)
    by_location = {}
    for unit in units:
        by_location.setdefault(unit["gem_location_id"], []).append(unit)
    for location in LEFT_OUT:
        if location not in by_location or all(in_region(unit) for unit in by_location[location]):
            raise SourceError(f"{FILE}: plant {location}, left out as misplaced, is no longer so")
    rows, scattered = [], 0
    for location in sorted(set(by_location) - set(LEFT_OUT)):
        plant_units = by_location[location]
        for unit in plant_units:
            if not in_region(unit):
                raise SourceError(f"{FILE}: {unit['id']} ({unit['lon']}, {unit['lat']}) lies far "
                                  "from Inner Mongolia; leave its plant out (LEFT_OUT) or explain it")
        scattered += len({(unit["lon"], unit["lat"]) for unit in plant_units}) > 1
        rows.append(plant(len(rows) + 1, plant_units))
    return rows, scattered
