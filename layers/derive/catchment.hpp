#pragma once
// Hub catchments: the part of a region nearer (geodesically) to each hub than to any
// other, with the features each hub would draw. One polygon feature per hub, in the order
// given, with the fields
//   hub               the hub's name
//   hub_lon, hub_lat  where it is (degrees)
//   count             features inside the region whose nearest hub it is
//   sum_<field>       totals of those features' numeric fields (nulls count as 0)
//   area_km2          the geodesic area of the polygon
// Which hub a feature goes to is decided by exact geodesic distance (Karney), never by
// the drawn polygons; a feature exactly as far from two hubs goes to the one listed first.
// Features outside the region are not counted (query/regions.hpp outside_count() says
// how many).
#include "geo/lonlat.hpp"
#include "geo/shape.hpp"
#include "layers/model/layer.hpp"
#include "layers/query/places.hpp"

#include <span>
#include <string>
#include <vector>

namespace depmap::layers {

// Throws ArgumentError for a tolerance below a millimetre.
void check_catchment_tolerance(double tolerance_m);

struct CatchmentOptions {
    std::vector<std::string> sum_fields;  // numeric fields totalled per hub. DEFAULT: none
    // How far a drawn border may stray from the true geodesic bisector, in metres (see
    // geo/geodesic_voronoi.hpp). DEFAULT: 10 m: far finer than the boundary the cells are
    // cut to (an outline with vertices a median 3 km apart) and than the sites themselves
    // (a mine's point stands for ground hundreds of metres across), while a 1 m border
    // takes about twice the vertices and three times the time. Counts never depend on it.
    double tolerance_m = 10.0;
};

// The catchment of each hub within `region`. Throws ArgumentError for no hubs, two hubs
// closer than the tolerance (naming both), a sum field that is missing or not numeric,
// or a region too large for lon/lat cells (over about 8,000 km from a hub).
Layer catchments(const Layer& points, std::span<const Place> hubs, const geo::MultiPolygon& region,
                 const CatchmentOptions& options);

} // namespace depmap::layers
