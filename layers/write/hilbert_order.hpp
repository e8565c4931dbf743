#pragma once
// The order in which GDAL's FlatGeobuf writer stores features when it builds the
// spatial index (FlatGeobuf's packed Hilbert R-tree): by the Hilbert value of each
// feature's envelope centre on a 65,535-square grid over the layer's extent, highest
// first. Handed over in this order, the features are copied out of GDAL's temporary
// file in sequence instead of with a seek for each.
#include "layers/model/layer.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace depmap::layers {

// The Hilbert index of cell (x, y) of a 65,536 x 65,536 grid, as FlatGeobuf computes it.
std::uint32_t hilbert_index(std::uint32_t x, std::uint32_t y);

// The rows of `layer` in that order (ties by row); empty when a feature has no
// geometry or the layer has none.
std::vector<std::size_t> flatgeobuf_order(const Layer& layer);

} // namespace depmap::layers
