#pragma once
// The hubs of `depmap catchment --hubs`: a comma-separated list of places, or a file of points.
#include "cli/command.hpp"
#include "cli/secondary_input.hpp"
#include "layers/query/places.hpp"
#include "layers/model/layer.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace depmap::cli {

// Each --hubs value is a readable file of points (hub name from its "name" field, else its
// id), read with `files`' options, or a place list resolved like every PLACE against
// `layer` and the gazetteer.
std::vector<layers::Place> hub_places(const std::vector<std::string>& values, const SecondaryInput& files,
                                      const layers::Layer& layer,
                                      const GlobalOptions& global, std::ostream& err);

} // namespace depmap::cli
