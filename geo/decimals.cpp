#include "geo/decimals.hpp"

#include <charconv>
#include <cmath>

namespace depmap::geo {

double rounded_to_decimals(double value, int decimals) {
    if (!std::isfinite(value)) return value;
    // to_chars with a precision is printf's %.*f: exact, ties to even, in any locale.
    char text[400];
    const auto printed = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, decimals);
    double rounded = value;
    std::from_chars(text, printed.ptr, rounded);
    return rounded == 0.0 ? 0.0 : rounded;  // no "-0"
}

namespace {

template <typename Ring>
void round_ring(Ring& ring, int decimals) {
    Ring out;
    for (const auto& p : ring) {
        const LonLat q{rounded_to_decimals(p.lon_deg, decimals), rounded_to_decimals(p.lat_deg, decimals)};
        if (out.empty() || !(out.back() == q)) out.push_back(q);
    }
    ring = std::move(out);
}

} // namespace

void round_vertices(MultiPolygon& polygons, int decimals) {
    for (auto& polygon : polygons) {
        round_ring(polygon.outer(), decimals);
        for (auto& inner : polygon.inners()) round_ring(inner, decimals);
    }
}

} // namespace depmap::geo
