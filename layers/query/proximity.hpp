#pragma once
// Questions of distance about a layer: what is near a place, what is nearest to it.
// Results are layers: the matching features with their own attributes plus the computed
// fields distance_m (metres, exact geodesic), azimuth_deg (from the place, clockwise
// from north) and rank (1 = nearest), and query_id/query_name when asked for many places.
#include "geo/point_index.hpp"
#include "layers/model/layer.hpp"
#include "layers/query/places.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace depmap::layers {

// The places' ids as a column: Integer when every id is a number (or null), else String.
Column id_column(std::span<const Place> places);

struct NearOptions {
    double radius_m = 0.0;           // features at exactly this distance are included
    std::size_t limit = 0;           // the nearest N per place; DEFAULT: 0, all
    bool label_queries = false;      // add query_id and query_name; DEFAULT: false
};

// Features of `layer` (indexed by `index`, built over layer.points) within the radius
// of each place, nearest first, ties by row.
Layer near(const Layer& layer, const geo::PointIndex& index, std::span<const Place> places,
           const NearOptions& options);

// One row per place: query_id, query_name, count (features within the radius).
Layer near_counts(const geo::PointIndex& index, std::span<const Place> places, double radius_m);

struct NearestOptions {
    std::size_t k = 5;
    double max_distance_m = std::numeric_limits<double>::infinity();  // DEFAULT: no limit
    bool label_queries = false;
};

// Throws InputError for a layer that is not one point per feature: distances to lines and
// polygons (to their nearest point) are not measured, and their empty point index would
// answer "nothing near" for a layer full of features.
void check_points_layer(const Layer& layer);

// The k features nearest each place, by exact geodesic distance, ties by row.
Layer nearest(const Layer& layer, const geo::PointIndex& index, std::span<const Place> places,
              const NearestOptions& options);

// Every feature of `layer` with its nearest feature of `other` (both point layers):
// nearest_id, nearest_name (from other's id and name fields), distance_m, azimuth_deg
// (towards it). Features of an empty `other` get nulls.
Layer nearest_of(const Layer& layer, const Layer& other);

// Turns an answer's azimuth_deg field, (-180, 180], into bearing_deg, [0, 360)
// (geo::bearing_deg), in place; a layer without azimuth_deg is left as it is.
void azimuths_as_bearings(Layer& answer);

} // namespace depmap::layers
