"""Ore tonnage and grades for the USGS records (minmod_tonnage_grade.csv), for build.py.

A tonnage row belongs to the records its `matching_project_record` names by id
("IM-USGS-0001; IM-USGS-0014"); rows naming none (a province-wide total, deposits without a
province, names that only resemble a record) are attached to no record. One estimate per
record: the rows of the widest resource category (measured + indicated + inferred, the total
resource); two source records of one deposit are taken together only when they give the same
ore tonnage and the same grade for every commodity both list. Nothing is ever summed.
"""
import os
import re

from build_io import SourceError, known, read_records

FILE = "minmod_tonnage_grade.csv"
COLUMNS = ["name", "source_dataset", "source_record_id", "source_id", "reference_title",
           "reference_doi", "province_in_source", "province_basis", "matching_project_record",
           "deposit_type", "commodity", "commodity_observed", "ore_tonnage", "ore_unit", "grade",
           "grade_unit", "resource_category", "lon", "lat", "repository", "path", "licence"]
ROWS = 54
RECORD_IDS = re.compile(r"^IM-USGS-[0-9]{4}(; IM-USGS-[0-9]{4})*$")
MILLION_TONNES = {"Mt", "million tonnes"}
CATEGORIES = ["Measured", "Indicated", "Inferred"]

# Grade fields: (field, commodity, the source's units for it). The other rare-earth
# elements' grades (Sm, Eu, Gd, Tb, Dy, Er, Yb, Lu, Y at Bayan Obo) stay in the source file.
GRADES = [
    ("grade_cu_pct", "Copper", {"% Cu", "%Cu"}),
    ("grade_pb_pct", "Lead", {"% Pb", "%Pb"}),
    ("grade_zn_pct", "Zinc", {"% Zn", "%Zn"}),
    ("grade_mo_pct", "Molybdenum", {"% Mo"}),
    ("grade_au_gpt", "Gold", {"g/t Au"}),
    ("grade_ag_gpt", "Silver", {"g/t Ag"}),
    ("grade_la_ppm", "Lanthanum", {"La ppm"}),
    ("grade_ce_ppm", "Cerium", {"Ce ppm"}),
    ("grade_pr_ppm", "Praseodymium", {"Pr ppm"}),
    ("grade_nd_ppm", "Neodymium", {"Nd ppm"}),
]
FIELDS = ["ore_mt"] + [field for field, _, _ in GRADES] + ["tonnage_category", "tonnage_source"]

CITATIONS = {
    "10.2113/econgeo.110.8.1925": "Weng, Jowitt, Mudd and Haque 2015, Economic Geology 110(8)",
    "10.1016/j.oregeorev.2016.08.010": "Mudd, Jowitt and Werner 2017, Ore Geology Reviews 80",
    "10.5382/econgeo.2018.4590": "Mudd and Jowitt 2018, Economic Geology 113(6)",
    "10.31035/cg2020009": "China Geology 2020",
}
VIA = "via DARPA CriticalMAAS MinMod ta2-minmod-data@050de43"


def category(text, what):
    """'Inferred; Measured; Indicated' -> 'Measured; Indicated; Inferred' (a fixed order)."""
    parts = {part.strip() for part in text.split(";") if part.strip()}
    if not parts <= set(CATEGORIES):
        raise SourceError(f"{what}: unknown resource category {text!r}")
    return "; ".join(name for name in CATEGORIES if name in parts)


def estimates(rows):
    """The rows grouped by source record: {record: {ore_mt, grades, category, doi}}."""
    grade_field = {commodity: (field, units) for field, commodity, units in GRADES}
    found = {}
    for row in rows:
        what = f"{FILE}: {row['source_record_id']} {row['commodity']}"
        key = (row["source_dataset"], row["source_record_id"])
        ore_mt = known(row["ore_tonnage"], f"{what} ore_tonnage")
        if ore_mt and row["ore_unit"] not in MILLION_TONNES:
            raise SourceError(f"{what}: ore unit {row['ore_unit']!r}, expected million tonnes")
        estimate = found.setdefault(key, {"ore_mt": ore_mt, "grades": {}, "doi": row["reference_doi"],
                                          "category": category(row["resource_category"], what),
                                          "records": row["matching_project_record"],
                                          "name": row["name"]})
        if (estimate["ore_mt"], estimate["doi"], estimate["records"]) != \
                (ore_mt, row["reference_doi"], row["matching_project_record"]):
            raise SourceError(f"{what}: the rows of one source record disagree")
        if row["commodity"] in grade_field and row["grade"]:
            field, units = grade_field[row["commodity"]]
            if row["grade_unit"] not in units:
                raise SourceError(f"{what}: grade unit {row['grade_unit']!r}, expected one of {sorted(units)}")
            estimate["grades"][field] = known(row["grade"], f"{what} grade")
    return found.values()


def record_tonnages(source_dir):
    """{USGS record id: the tonnage fields}, and the source records attached to none."""
    rows = read_records(os.path.join(source_dir, FILE), COLUMNS, ROWS)
    by_record, unattached = {}, []
    for estimate in estimates(rows):
        if not estimate["ore_mt"] or not RECORD_IDS.match(estimate["records"]):
            unattached.append(estimate)
            continue
        for record in estimate["records"].split("; "):
            by_record.setdefault(record, []).append(estimate)
    return {record: merged(record, found) for record, found in by_record.items()}, unattached


def merged(record, found):
    def width(estimate):
        return len(estimate["category"].split("; "))

    widest = max(width(estimate) for estimate in found)
    chosen = [estimate for estimate in found if width(estimate) == widest]
    first = chosen[0]
    fields = {"ore_mt": first["ore_mt"], "tonnage_category": first["category"]}
    dois = []
    for estimate in chosen:
        if (estimate["ore_mt"], estimate["category"]) != (first["ore_mt"], first["category"]):
            raise SourceError(f"{FILE}: {record} has two different estimates; choose one")
        for field, grade in estimate["grades"].items():
            if fields.setdefault(field, grade) != grade:
                raise SourceError(f"{FILE}: {record} has two {field}: {fields[field]} and {grade}")
        if estimate["doi"] not in dois:
            dois.append(estimate["doi"])
    for doi in dois:
        if doi not in CITATIONS:
            raise SourceError(f"{FILE}: no citation for doi:{doi}")
    fields["tonnage_source"] = "; ".join(f"{CITATIONS[doi]}, doi:{doi}" for doi in dois) + f" ({VIA})"
    return {field: fields.get(field, "") for field in FIELDS}
