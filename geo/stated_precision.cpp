#include "geo/stated_precision.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace depmap::geo {

namespace {

// Decimals of the shortest fixed text that reads back as `value`.
int written_decimals(double value) {
    std::array<char, 400> text{};
    const auto [end, error] = std::to_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
    if (error != std::errc()) return 17;
    for (const char* c = text.data(); c != end; ++c)
        if (*c == '.') return static_cast<int>(end - c - 1);
    return 0;
}

// Whether `value`, written with `decimals`, is within half a unit of its last digit of a
// multiple of 1 / `per_degree`.
bool on_grid(double value, int decimals, long double per_degree) {
    const long double lines = static_cast<long double>(value) * per_degree;
    const long double slack = 0.5L * std::pow(10.0L, -decimals) * (1.0L + 1e-9L) * per_degree;
    return std::fabs(lines - std::nearbyint(lines)) <= slack;
}

} // namespace

int stated_precision_rank(double degrees) {
    if (!std::isfinite(degrees)) return 0;
    const int decimals = written_decimals(degrees);
    // Arc-minutes and arc-seconds are read only from digits enough for a chance match to be
    // rare (under 1 %): 4 decimals for 1' (60 lines a degree), 6 for 1" (3600).
    if (decimals >= 4 && on_grid(degrees, decimals, 60.0L)) return 2;
    if (decimals >= 6 && on_grid(degrees, decimals, 3600.0L)) return 5;
    if (decimals <= 1) return decimals;  // 1°, 0.1°
    return decimals <= 3 ? decimals + 1 : decimals + 2;  // 0.01° is 3, 0.001° 4, 0.0001° 6, ...
}

std::string stated_precision_text(int rank) {
    if (rank == 2) return "1′";  // U+2032 and U+2033: no quote for CSV to escape
    if (rank == 5) return "1″";
    const int decimals = rank < 2 ? rank : rank < 5 ? rank - 1 : rank - 2;  // 1°, 0.1°, 0.01°, 0.001°, 0.0001°...
    if (decimals == 0) return "1°";
    return "0." + std::string(static_cast<std::size_t>(decimals - 1), '0') + "1°";
}

} // namespace depmap::geo
