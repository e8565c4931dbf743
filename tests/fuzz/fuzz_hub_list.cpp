// --hubs place lists: split at commas, numbers paired into lon,lat, each item resolved
// as a PLACE. Any text gives places or an ArgumentError / InputError.
#include "layers/query/places.hpp"
#include "cli/query_input.hpp"
#include "fuzz_support.hpp"
#include "base/error.hpp"

#include <sstream>

using namespace depmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fuzz::text_of(data, size);
    try {
        const auto places = layers::split_place_list(text);
        fuzz::check(!places.empty(), "a list that splits has a place");
        std::ostringstream err;
        for (const auto& place : places) {
            fuzz::check(!place.empty(), "no empty place");
            (void)cli::resolve_place(place, fuzz::sample_layer(), cli::GlobalOptions{}, err);
        }
    } catch (const ArgumentError&) {
    } catch (const InputError&) {
    }
    return 0;
}
