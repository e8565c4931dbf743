#pragma once
// Mining district polygons: one per DBSCAN cluster, the hull of its members or the union
// of geodesic circles around them, with the cluster's totals.
#include "geo/dbscan.hpp"
#include "layers/model/layer.hpp"

#include <string>
#include <vector>

namespace depmap::layers {

enum class DistrictShape { Hull, Buffer };

struct DistrictOptions {
    DistrictShape shape = DistrictShape::Hull;  // DEFAULT: the hull of each cluster
    double concave_ratio = 1.0;  // Hull: 1 convex, (0, 1) concave (layers/derive/hull.hpp). DEFAULT: 1
    double buffer_m = 0.0;       // Buffer: radius of the circle around each member; > 0
    double tolerance_m = 1.0;    // Buffer: largest error of the circles as drawn. DEFAULT: 1 m
    std::vector<std::string> sum_fields;  // numeric fields totalled per cluster (sum_<field>)
};

// One polygon feature per cluster of `clusters` (the DBSCAN of points.points), in
// cluster order, with district_totals()' fields (cluster_id, count, commodities,
// sum_<field>) and area_km2, the geodesic area of the polygon. Noise makes no district.
// Throws as district_totals(), hull_of() and dissolved_buffers() do.
Layer district_layer(const Layer& points, const geo::DbscanResult& clusters, const DistrictOptions& options);

} // namespace depmap::layers
