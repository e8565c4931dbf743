#include "cli/query_places.hpp"

#include "cli/option_errors.hpp"
#include "cli/query_input.hpp"

namespace depmap::cli {

void QueryPlaces::add_to(CLI::App& command) {
    command.add_option("place", place, "A feature name or id, a gazetteer place, lon,lat or DMS");
    from.add_to(command, "A layer of places to ask about, one after another");
}

std::vector<layers::Place> QueryPlaces::resolve(const layers::Layer& layer, const GlobalOptions& global,
                                                std::ostream& err) const {
    if (place.empty() == !from.given())
        throw ArgumentError("give one PLACE, or --from FILE with many places, not both and not neither");
    if (from.given()) return naming_option("--from:", [file = from.load(global, err)] { return layers::places_of(file); });
    return {resolve_place(place, layer, global, err)};
}

} // namespace depmap::cli
