#pragma once
// Which columns of a table hold the coordinates, found from the header names and, where
// the names say nothing, from the values.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

enum class ColumnRole { None, Lon, Lat, Wkt };

// The role a header name announces. Case, units and qualifiers are ignored:
// "Longitude (deg)", "LON_DD", "经度（°）", "x", "easting", "WKT", "the_geom".
ColumnRole role_of_header(std::string_view header);

struct CoordinateColumns {
    enum class Kind { None, LonLat, Wkt } kind = Kind::None;
    std::size_t lon = 0;  // with LonLat
    std::size_t lat = 0;  // with LonLat
    std::size_t wkt = 0;  // with Wkt
};

// Chooses the coordinate columns: a lon/lat pair by name first, then a WKT column by
// name, then by values: a pair of columns whose first values carry E/W and N/S letters,
// or a column whose first value is WKT. `first_row` is the first data row (may be empty).
CoordinateColumns find_coordinate_columns(const std::vector<std::string>& header,
                                          const std::vector<std::string_view>& first_row);

} // namespace depmap::layers
