#pragma once
// The places a proximity query asks about: one PLACE argument, or every feature of
// --from FILE.
#include "cli/command.hpp"
#include "layers/query/places.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace depmap::cli {

// Exactly one of `place` and `from_file` must be given (an ArgumentError otherwise).
std::vector<layers::Place> query_places(const std::string& place, const std::string& from_file,
                                             const layers::Layer& layer, const GlobalOptions& global,
                                             std::ostream& err);

} // namespace depmap::cli
