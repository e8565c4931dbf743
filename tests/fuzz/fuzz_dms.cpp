// Angles and positions as people write them: any text parses to finite degrees or to
// nothing, and a parsed pair puts one angle on each axis.
#include "fuzz_support.hpp"
#include "geo/dms.hpp"

#include <cmath>

using namespace depmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fuzz::text_of(data, size);
    if (const auto angle = geo::parse_angle(text)) {
        fuzz::check(std::isfinite(angle->deg), "a parsed angle is finite");
        (void)geo::looks_like_dms(text);
    }
    if (const auto position = geo::parse_lonlat(text))
        fuzz::check(std::isfinite(position->lon_deg) && std::isfinite(position->lat_deg),
                    "a parsed position is finite");
    return 0;
}
