#pragma once
// A layer printed as text for people (an aligned table) and scripts (CSV, JSON, GeoJSON).
#include "layers/layer.hpp"

#include <ostream>

namespace depmap::layers {

// Aligned columns with a header; points get lon and lat columns first.
void write_table(const Layer& layer, std::ostream& out);

// RFC 4180 CSV, UTF-8: lon,lat columns for points (WKT for other geometries), then the
// fields. Nulls are empty cells. Numbers, coordinates included, in the shortest form that
// reads back the same. Stops at the first failed write, leaving `out` bad.
void write_csv(const Layer& layer, std::ostream& out);

// A JSON array, one object per feature: lon and lat for points, then every field by
// its own name (null for nulls).
void write_json(const Layer& layer, std::ostream& out);

// An RFC 7946 FeatureCollection: WGS84 lon/lat with 7 decimals, no "crs" member.
void write_geojson(const Layer& layer, std::ostream& out);

} // namespace depmap::layers
