#pragma once
// The base map under an HTML map: the region's boundary, its divisions (leagues and
// cities) and its main cities, as bundled in data/.
#include "layers/model/layer.hpp"

namespace depmap::layers {

struct BaseLayers {
    Layer boundary;   // outlines
    Layer divisions;  // outlines, each with its name
    Layer cities;     // points, each with its name
};

// Reads the bundled boundary.geojson, divisions.geojson and cities.csv. Throws InputError
// when the bundled data cannot be read.
BaseLayers bundled_base_layers();

} // namespace depmap::layers
