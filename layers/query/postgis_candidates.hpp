#pragma once
// Proximity questions about a PostGIS table, with the server selecting candidates and
// depmap deciding: the server's selection is a generous superset (a radius 1 % larger
// on its sphere, or the k nearest by its `<->` order, widened to the farthest of them by
// Karney), and the in-memory query then runs on it exactly as on the whole table. So the
// answers are the same, row for row, as reading the whole table; only faster.
#include "geo/lonlat.hpp"
#include "layers/model/layer.hpp"
#include "layers/read/read_options.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace depmap::layers {

// What to ask the server for: the points within radius_m of centre, or (k > 0) a set
// holding the k nearest to it, within radius_m when that is finite.
struct Around {
    geo::LonLat centre;
    double radius_m = 0.0;
    std::size_t k = 0;
    // Rows are then selected by their attributes, in memory: the k nearest of those the
    // server cannot find, so such a table is read whole.
    bool selected = false;
};

// The layer a proximity query needs, and how it was read (for -v).
struct AroundRead {
    std::optional<Layer> layer;  // empty: the server cannot select (read the whole layer)
    std::string how;
};

// The position `text` names when it is coordinates (lon,lat or DMS), which need no layer.
std::optional<geo::LonLat> coordinates_in(std::string_view text);

// Reads from a PostGIS source only the candidates for `around`, in the table's key order,
// as read_layer() would read those rows. No layer (and why, in `how`) when the source is
// no PostGIS table of points in EPSG:4326 whose geometry column is geometry or
// geography, or when options.src_crs is given.
AroundRead read_around(const std::string& source, const ReadOptions& options, const Around& around);

} // namespace depmap::layers
