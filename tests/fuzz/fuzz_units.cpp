// Distances with units: any text gives a finite, non-negative number of metres or an
// ArgumentError.
#include "fuzz_support.hpp"
#include "base/error.hpp"
#include "geo/units.hpp"

#include <cmath>

using namespace depmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const double metres = geo::parse_distance_m(fuzz::text_of(data, size));
        fuzz::check(std::isfinite(metres) && metres >= 0.0, "a distance is finite and not negative");
    } catch (const ArgumentError&) {
    }
    return 0;
}
