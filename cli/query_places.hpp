#pragma once
// The places a proximity query asks about: one PLACE argument, or every feature of
// --from FILE. Declared here once for near and nearest.
#include "cli/command.hpp"
#include "cli/secondary_input.hpp"
#include "layers/query/places.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace depmap::cli {

struct QueryPlaces {
    std::string place;
    SecondaryInput from{"from"};

    // The PLACE argument and --from FILE.
    void add_to(CLI::App& command);
    // Exactly one of PLACE and --from must be given (an ArgumentError otherwise).
    std::vector<layers::Place> resolve(const layers::Layer& layer, const GlobalOptions& global,
                                       std::ostream& err) const;
};

} // namespace depmap::cli
