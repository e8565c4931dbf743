// PLACE strings: a name or id of tests/fixtures/sample.csv, a place of the bundled
// gazetteer, "lon,lat" or DMS. Any text resolves to a finite lon/lat or an InputError.
#include "fuzz_support.hpp"
#include "base/error.hpp"
#include "layers/query/places.hpp"

#include <cmath>

using namespace depmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const layers::PlaceResolver resolver(fuzz::sample_layer(), layers::bundled_gazetteers());
    try {
        const auto place = resolver.resolve(fuzz::text_of(data, size));
        fuzz::check(std::isfinite(place.position.lon_deg) && std::isfinite(place.position.lat_deg),
                    "a place has a finite position");
    } catch (const InputError&) {
    }
    return 0;
}
