#pragma once
// A layer as the GeoJSON an HTML map carries (RFC 7946: lon/lat): every feature with its
// attributes by field name (numbers as numbers, null for a null) and its geometry.
#include "layers/model/layer.hpp"

#include <string>

namespace depmap::layers {

// The FeatureCollection's JSON text, UTF-8, on one line. Each coordinate is rounded to
// at most `decimals` decimals and written in the shortest form that reads back the same:
// a position read as 109.9746 stays 109.9746, never more digits than the data holds.
// A multi-part geometry of one part is written as its single type.
std::string feature_collection(const Layer& layer, int decimals);

} // namespace depmap::layers
