#pragma once
// The credit line of a map, from the `licence` and `source` fields of what it shows:
// the sources under a CC BY licence by name with their licence (CC BY requires it),
// then every other licence named in full, then the sources of layers without a
// licence field (the base map's boundaries and cities).
#include "layers/render/legend.hpp"

#include <span>
#include <string>

namespace depmap::layers {

std::string attribution(std::span<const ShownLayer> layers);

} // namespace depmap::layers
