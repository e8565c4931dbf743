#pragma once
// What a query's map shows beside its answer: the places asked about, and for a radius
// query the radius around each as its true geodesic circle.
#include "layers/model/layer.hpp"
#include "layers/query/places.hpp"

#include <span>
#include <vector>

namespace depmap::layers {

// A point layer "query places" (field name), and with `radius_m` > 0 a polygon layer
// "search radius" of one circle per place, whose vertices solve the geodesic direct
// problem (geo/geodesic_buffer.hpp, within 10 m: a pixel at any map scale depmap draws).
// Empty for no places.
std::vector<Layer> query_marks(std::span<const Place> places, double radius_m = 0);

} // namespace depmap::layers
