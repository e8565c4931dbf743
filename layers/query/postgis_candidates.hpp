#pragma once
// Proximity questions about a PostGIS table, with the server selecting candidates and
// depmap deciding: the server's selection is a generous superset (a radius 1 % larger
// on its sphere, or the k nearest by its `<->` order, widened to the farthest of them by
// Karney), and the in-memory query then runs on it exactly as on the whole table. So the
// answers are the same, row for row, as reading the whole table; only faster.
#include "geo/lonlat.hpp"
#include "geo/shape.hpp"
#include "layers/model/layer.hpp"
#include "layers/read/read_options.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

// What to ask the server for: the points within radius_m of centre, or (k > 0) a set
// holding the k nearest to it, within radius_m when that is finite; or (boxes given) the
// points in any of the boxes. Those of them the selection by attributes that follows in
// memory may keep: `where` and `commodity` go to the server as a superset
// (postgis_where.hpp), after the validation rows_where() gives the clause.
struct Around {
    geo::LonLat centre;
    double radius_m = 0.0;
    std::size_t k = 0;
    std::vector<geo::Box> boxes;  // lon/lat boxes (within, regions): instead of centre
    bool count_rest = false;      // with boxes: count the rows left on the server
    std::string where;
    std::string commodity;
};

// The layer a proximity query needs, and how it was read (for -v).
struct AroundRead {
    std::optional<Layer> layer;  // empty: the server cannot select (read the whole layer)
    std::string how;
    std::size_t rest = 0;        // with count_rest: the rows not read, every one outside the boxes
};

// The boxes of `polygons`, one each, holding every point PolygonIndex may place in one.
std::vector<geo::Box> candidate_boxes(const std::vector<geo::MultiPolygon>& polygons);

// The position `text` names when it is coordinates (lon,lat or DMS), which need no layer.
std::optional<geo::LonLat> coordinates_in(std::string_view text);

// Reads from a PostGIS source only the candidates for `around`, in the table's key order,
// as read_layer() would read those rows. No layer (and why, in `how`) when the source is
// no PostGIS table of points in EPSG:4326 whose geometry column is geometry or
// geography, when options.src_crs is given, for a commodity depmap does not know (its
// error lists the whole table's), or when a row left on the server has no usable
// position (the whole read then fails or skips it, as without the server). Throws
// ArgumentError for a `where` rows_where() refuses.
AroundRead read_around(const std::string& source, const ReadOptions& options, const Around& around);

} // namespace depmap::layers
