#pragma once
// A cell as a JSON value, as depmap's JSON and GeoJSON give it: integers and reals as
// numbers, text as strings, NULL (and a real that is not finite) as null.
#include "layers/model/layer.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>

namespace depmap::layers {

nlohmann::ordered_json json_value(const Column& column, std::size_t row);

} // namespace depmap::layers
