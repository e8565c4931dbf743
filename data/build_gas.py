"""The gas fields (gem_gas_fields.csv), for build.py: the source's rows, fewer columns."""
import os

from build_io import SourceError, known, known_year, read_records

FILE = "gem_gas_fields.csv"
COLUMNS = ["id", "name", "alt_names", "commodities", "deposit_type", "status", "site_type", "lon",
           "lat", "source", "source_record_id", "source_url", "licence", "discovery_year",
           "production_start_year", "operator", "owner", "gas_production_million_m3_per_y",
           "gas_production_year", "oil_production_million_bbl_per_y", "inside_ocha_outline"]
ROWS = 2
FIELDS = ["id", "name", "commodities", "status", "site_type", "operator", "owner",
          "discovery_year", "start_year", "gas_production_million_m3pa", "production_year",
          "lon", "lat", "source", "source_record_id", "source_url", "licence"]


def gas_fields(source_dir):
    rows = []
    for row in read_records(os.path.join(source_dir, FILE), COLUMNS, ROWS):
        what = f"{FILE}: {row['id']}"
        if row["oil_production_million_bbl_per_y"] or row["alt_names"] or row["deposit_type"]:
            raise SourceError(f"{what}: a column this build leaves out is no longer empty")
        row["discovery_year"] = known_year(row["discovery_year"], f"{what} discovery_year")
        row["start_year"] = known_year(row["production_start_year"], f"{what} production_start_year")
        row["gas_production_million_m3pa"] = known(row["gas_production_million_m3_per_y"], what)
        row["production_year"] = known_year(row["gas_production_year"], f"{what} gas_production_year")
        if not row["gas_production_million_m3pa"]:
            row["production_year"] = ""
        rows.append([row[field] for field in FIELDS])
    return rows
