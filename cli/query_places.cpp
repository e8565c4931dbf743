#include "cli/query_places.hpp"

#include "cli/query_input.hpp"
#include "base/error.hpp"
#include "layers/read/read.hpp"

namespace depmap::cli {

std::vector<layers::QueryPlace> query_places(const std::string& place, const std::string& from_file,
                                             const layers::Layer& layer, const GlobalOptions& global,
                                             std::ostream& err) {
    if (place.empty() == from_file.empty())
        throw ArgumentError("give one PLACE, or --from FILE with many places, not both and not neither");
    if (!from_file.empty()) {
        const auto places = layers::read_layer(from_file);
        if (!places.is_points())
            throw InputError(from_file + ": --from needs points (places), not " + places.geometry_type);
        return layers::query_places(places);
    }
    const auto resolved = resolve_place(place, layer, global, err);
    return {{place, resolved.label, resolved.position}};
}

} // namespace depmap::cli
