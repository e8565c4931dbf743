#pragma once
// The hubs of `depmap catchment --hubs`: a comma-separated list of places, or a file of points.
#include "cli/command.hpp"
#include "layers/derive/catchment.hpp"
#include "layers/model/layer.hpp"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::cli {

// "Baotou, 119.0,42.3, Chifeng" -> {"Baotou", "119.0,42.3", "Chifeng"}: items are split at
// commas, and two numbers in a row are joined back into one lon,lat place.
std::vector<std::string> split_place_list(std::string_view text);

// Each --hubs value is a readable file of points (hub name from its "name" field, else its
// id) or a place list resolved like every PLACE against `layer` and the gazetteer.
std::vector<layers::Hub> hub_places(const std::vector<std::string>& values, const layers::Layer& layer,
                                    const GlobalOptions& global, std::ostream& err);

} // namespace depmap::cli
