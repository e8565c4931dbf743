#pragma once
// Mining districts: DBSCAN clusters of a point layer (geo/dbscan.hpp for the rules), as
// the points with their cluster, or one row per cluster with its members' totals.
#include "geo/dbscan.hpp"
#include "layers/model/layer.hpp"

#include <span>
#include <string>
#include <vector>

namespace depmap::layers {

// The point layer with `cluster_id` (from 0, largest cluster first; -1 for noise) and
// `cluster_size` (members of that cluster; null for noise) added. `clusters` is the
// DBSCAN of points.points.
Layer clustered_points(const Layer& points, const geo::DbscanResult& clusters);

// How many of `rows` list each commodity, as "Iron:5;Rare Earth Elements:3": most
// first, equal counts by name; a site listing two commodities counts under both, a site
// listing none under none. Empty when the layer has no commodity field.
std::string commodity_mix(const Layer& points, std::span<const std::size_t> rows);

// The rows of each cluster, by cluster number, in layer order.
std::vector<std::vector<std::size_t>> cluster_members(const geo::DbscanResult& clusters);

struct DistrictTotalsOptions {
    std::vector<std::string> sum_fields;  // numeric fields totalled per cluster (sum_<field>)
};

// One attribute row per cluster: cluster_id, count, commodities (commodity_mix), and
// sum_<field> for each sum field (nulls count as 0). Throws ArgumentError for a sum
// field that is missing or holds text.
Layer district_totals(const Layer& points, const geo::DbscanResult& clusters,
                      const DistrictTotalsOptions& options);

} // namespace depmap::layers
