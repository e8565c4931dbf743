#pragma once
// A layer printed as text for people (an aligned table) and scripts (CSV, JSON).
#include "layers/model/layer.hpp"

#include <ostream>
#include <span>
#include <string_view>

namespace depmap::layers {

struct TableOptions {
    // Only the columns a person looks at first: the answer's own (query_id, rank,
    // distance_m, azimuth_deg, region, count, cluster_id, area_km2, sum_...), then
    // name, name_zh, commodities and status; every field of a layer that has none of those
    // four. DEFAULT: every field.
    bool first_look = false;
    // The fields in the layer's order, not the answer's own first. DEFAULT: false.
    bool as_given = false;
    // Cells wider than this many terminal columns (a CJK character takes two) are cut
    // with an ellipsis. DEFAULT: 40.
    std::size_t max_cell_width = 40;
};

// Aligned columns with a header; points get lon and lat columns after the fields.
void write_table(const Layer& layer, std::ostream& out, const TableOptions& options = {});

// The geometry a CSV is written with, when not the layer's own lon/lat: the same rows'
// coordinates in another CRS (x in lon_deg, y in lat_deg), under other column names.
struct CsvGeometry {
    std::string_view x_name = "lon";
    std::string_view y_name = "lat";
    std::span<const geo::LonLat> points;  // DEFAULT: the layer's points
    std::span<const geo::Shape> shapes;   // DEFAULT: the layer's shapes
};

// RFC 4180 CSV, UTF-8: lon,lat columns for points (WKT for other geometries, single or
// multi as GDAL writes them), then the fields. Nulls are empty cells. Numbers,
// coordinates included, in the shortest form that reads back the same. Stops at the first
// failed write, leaving `out` bad.
void write_csv(const Layer& layer, std::ostream& out, const CsvGeometry& geometry = {});

// A JSON array, one object per feature: lon and lat for points, then every field by
// its own name (null for nulls).
void write_json(const Layer& layer, std::ostream& out);

// GeoJSON is written as files are (layers/write/write_layer.hpp: write_geojson).

} // namespace depmap::layers
