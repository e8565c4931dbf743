#pragma once
// The inputs' records as one point layer: every field of every input (a field several
// inputs hold is one field: Integer and Real make Real, other mixes String), in the
// order `rows` gives (input, row) pairs.
#include "layers/model/layer.hpp"

#include <span>
#include <utility>

namespace depmap::layers {

Layer records_layer(std::span<const Layer> inputs, std::span<const std::pair<std::size_t, std::size_t>> rows);

} // namespace depmap::layers
