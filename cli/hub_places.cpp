#include "cli/hub_places.hpp"

#include "cli/query_input.hpp"
#include "base/error.hpp"
#include "cli/option_errors.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/query/places.hpp"

#include <filesystem>

namespace depmap::cli {

std::vector<layers::Place> hub_places(const std::vector<std::string>& values, const SecondaryInput& files,
                                      const layers::Layer& layer,
                                      const GlobalOptions& global, std::ostream& err) {
    std::vector<layers::Place> hubs;
    for (const auto& value : values) {
        if (value.find(',') == std::string::npos && names_a_layer(value)) {
            for (auto place : naming_option("--hubs:", [file = files.load(value, global, err)] { return layers::places_of(file); })) {
                if (place.name.empty()) place.name = place.id;
                hubs.push_back(std::move(place));
            }
            continue;
        }
        for (const auto& text : naming_option("--hubs", [&] { return layers::split_place_list(value); }))
            hubs.push_back(resolve_place(text, layer, global, err));
    }
    return hubs;
}

} // namespace depmap::cli
