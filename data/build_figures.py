"""GEM's figures for the bundled mines and plants (gem_site_figures.csv), for build.py.

One figures row per GEM site, joined on the site's id (`project_id`). Values are the source's
text; what it marks unknown ("", "unknown", "N/A", "TBD") stays empty. Iron-ore tonnages are
thousand tonnes in the source and million tonnes here (thousands_to_millions, exact).
"""
import os

from build_io import SourceError, known, known_year, read_records, thousands_to_millions

FILE = "gem_site_figures.csv"
COLUMNS = ["project_file", "project_id", "source_record_id", "name", "gcmt_capacity",
           "gcmt_production", "gcmt_reserves", "gcmt_resources", "gcmt_workforce",
           "gcmt_mine_size", "gcmt_mine_depth", "gcmt_coalfield", "production_2023_kt",
           "production_2022_kt", "design_capacity_ktpa", "reserves_kt", "resources_kt",
           "crude_steel_capacity_operating_ktpa", "iron_capacity_operating_ktpa",
           "crude_steel_capacity_construction_ktpa", "crude_steel_capacity_announced_ktpa",
           "opening_year", "closing_year", "match_note", "source", "licence"]
ROWS = 448

# The figures of a mine (records.csv), and of an iron and steel plant (plants.csv).
MINE_FIELDS = ["capacity_mtpa", "production_mtpa", "reserves_mt", "resources_mt",
               "opening_year", "figures_year", "figures_source"]
PLANT_FIELDS = ["steel_capacity_ktpa", "iron_capacity_ktpa", "steel_construction_ktpa",
                "steel_announced_ktpa", "figures_year", "figures_source"]

COAL_SOURCE = "Global Energy Monitor, Global Coal Mine Tracker, May 2024"
IRON_SOURCE = ("Global Energy Monitor, Global Iron Ore Mines Tracker, November 2024 (V1); "
               "production of 2023; thousand tonnes / 1000")
STEEL_SOURCE = "Global Energy Monitor, Global Iron and Steel Tracker, March 2025"


def read_figures(source_dir):
    """The figures rows by site id."""
    rows = read_records(os.path.join(source_dir, FILE), COLUMNS, ROWS)
    by_id = {}
    for row in rows:
        if row["project_id"] in by_id:
            raise SourceError(f"{FILE}: {row['project_id']} has two rows")
        by_id[row["project_id"]] = row
    return by_id


def with_source(values, year, source):
    """The year and source go with the figures: empty when the source gives none."""
    has_figure = any(values.values())
    values["figures_year"] = year if has_figure else ""
    values["figures_source"] = source if has_figure else ""
    return values


def coal_figures(row):
    what = f"{FILE}: {row['project_id']}"
    values = {
        "capacity_mtpa": known(row["gcmt_capacity"], f"{what} gcmt_capacity"),
        "production_mtpa": known(row["gcmt_production"], f"{what} gcmt_production"),
        "reserves_mt": known(row["gcmt_reserves"], f"{what} gcmt_reserves"),
        "resources_mt": known(row["gcmt_resources"], f"{what} gcmt_resources"),
        "opening_year": known_year(row["opening_year"], f"{what} opening_year"),
    }
    return with_source(values, "2024", COAL_SOURCE)


def iron_figures(row):
    what = f"{FILE}: {row['project_id']}"
    # Only 2023's production is bundled: no Inner Mongolia mine has a 2022 figure.
    if known(row["production_2022_kt"], f"{what} production_2022_kt"):
        raise SourceError(f"{what}: production_2022_kt now has a figure; decide which year to bundle")

    def millions(column):
        return thousands_to_millions(known(row[column], f"{what} {column}"))

    values = {
        "capacity_mtpa": millions("design_capacity_ktpa"),
        "production_mtpa": millions("production_2023_kt"),
        "reserves_mt": millions("reserves_kt"),
        "resources_mt": millions("resources_kt"),
        "opening_year": known_year(row["opening_year"], f"{what} opening_year"),
    }
    return with_source(values, "2024", IRON_SOURCE)


def steel_figures(row):
    what = f"{FILE}: {row['project_id']}"
    values = {
        "steel_capacity_ktpa": known(row["crude_steel_capacity_operating_ktpa"], what),
        "iron_capacity_ktpa": known(row["iron_capacity_operating_ktpa"], what),
        "steel_construction_ktpa": known(row["crude_steel_capacity_construction_ktpa"], what),
        "steel_announced_ktpa": known(row["crude_steel_capacity_announced_ktpa"], what),
    }
    return with_source(values, "2025", STEEL_SOURCE)


FIGURES_OF = {
    "coal_mines_gem.csv": coal_figures,
    "iron_ore_mines_gem.csv": iron_figures,
    "iron_steel_plants_gem.csv": steel_figures,
}


def site_figures(figures, site_file, site):
    """The figures of one bundled site (empty for a file without figures), checked against
    the site: same file, same source record, same name."""
    if site_file not in FIGURES_OF:
        return {}
    row = figures.pop(site["id"], None)
    if row is None:
        raise SourceError(f"{FILE}: no row for {site['id']} of {site_file}")
    if (row["project_file"], row["source_record_id"], row["name"]) != \
            (site_file, site["source_record_id"], site["name"]):
        raise SourceError(f"{FILE}: the row of {site['id']} names another site")
    return FIGURES_OF[site_file](row)
