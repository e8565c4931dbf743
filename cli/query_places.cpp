#include "cli/query_places.hpp"

#include "cli/option_errors.hpp"
#include "cli/query_input.hpp"
#include "layers/read/read.hpp"

namespace depmap::cli {

std::vector<layers::Place> query_places(const std::string& place, const std::string& from_file,
                                        const layers::Layer& layer, const GlobalOptions& global, std::ostream& err) {
    if (place.empty() == from_file.empty())
        throw ArgumentError("give one PLACE, or --from FILE with many places, not both and not neither");
    if (!from_file.empty())
        return naming_option("--from:", [file = layers::read_layer(from_file)] { return layers::places_of(file); });
    return {resolve_place(place, layer, global, err)};
}

} // namespace depmap::cli
