#pragma once
// Which region each feature lies in, and totals per region: leagues, user polygons, boxes.
#include "geo/shape.hpp"
#include "layers/model/layer.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

// The polygons of a polygon layer, one per feature. Throws InputError for other layers.
std::vector<geo::MultiPolygon> polygons_of(const Layer& regions);

// The row of the region named `name` (its name or name_zh; case, punctuation and words
// such as League, City, Meng, Shi ignored: "Xilingol" finds "Xilingol League"). Throws
// InputError listing the region names when none or several match.
std::size_t find_region(const Layer& regions, std::string_view name);

// The name a region row is known by: its "name" field, else its 1-based row number.
std::string region_name(const Layer& regions, std::size_t row);

// Throws ArgumentError unless `box` is finite degrees, longitudes within -180..180 and
// latitudes within -90..90, with min <= max.
void check_box(const geo::Box& box);
// A lon/lat box as a polygon; check_box()'s errors.
geo::MultiPolygon box_polygon(const geo::Box& box);

// The rows of a point layer inside any of `polygons` (boundaries included), in order.
std::vector<std::size_t> rows_within(const Layer& points, const std::vector<geo::MultiPolygon>& polygons);

// How many features of `points` lie outside every one of `polygons` (boundaries count as
// inside): those a grid --extent, a catchment region or assign_regions() leave out.
std::size_t outside_count(const Layer& points, const std::vector<geo::MultiPolygon>& polygons);

struct RegionsOptions {
    std::vector<std::string> sum_fields;  // numeric fields summed per region (sum_<field>)
    std::string group_by;                 // a field splitting each region's rows; a
                                          // commodity list field counts a site under each
                                          // commodity it lists. DEFAULT: none
    std::size_t outside_unread = 0;       // features not in `points`, each outside every
                                          // region (left on a PostGIS server): counted in
                                          // the outside row. Without sums or groups only.
    bool shapes = false;                  // a polygon layer of the regions' shapes, to map:
                                          // without the outside row. DEFAULT: a table
};

// The point layer with a `region` field added (null outside every region).
Layer assign_regions(const Layer& points, const Layer& regions);

// One row per region (and group), with `region`, the group field, `count` and the sums;
// always a row with a null region for the features outside every region, so the counts
// add up to the layer's (but with `shapes`, which has no shape for it). Throws ArgumentError for a sum field that is missing or not
// numeric.
Layer summarise_regions(const Layer& points, const Layer& regions, const RegionsOptions& options);

} // namespace depmap::layers
