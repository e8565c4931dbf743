#pragma once
// The credit line of a map, from what it shows: the licences of its features (their
// `licence` field: CC BY sources must be credited on the map), then the sources of the
// layers that have no licence field (their `source` field: the boundaries, the cities).
#include "layers/model/layer.hpp"

#include <span>
#include <string>

namespace depmap::layers {

// "Data: CC BY 4.0 (Global Energy Monitor; attribution required); public domain (USGS);
// OCHA ROAP COD-AB ...": each licence once (a value listing several, "A | B", counts
// for each), the most used first, then each source once in the order met. Empty when
// no layer says anything.
std::string credit_line(std::span<const Layer* const> layers);

} // namespace depmap::layers
