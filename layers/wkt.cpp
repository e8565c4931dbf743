#include "layers/wkt.hpp"

#include <fmt/compile.h>

#include <iterator>
#include <string_view>
#include <variant>

namespace depmap::layers {

namespace {

// "x y,x y,...": the points of a line, a ring or a multipoint.
template <typename Points>
void append_points(fmt::memory_buffer& out, const Points& points) {
    bool first = true;
    for (const auto& p : points) {
        if (!first) out.push_back(',');
        first = false;
        fmt::format_to(std::back_inserter(out), FMT_COMPILE("{} {}"), p.lon_deg, p.lat_deg);
    }
}

// "(...),(...)": each part in parentheses, its contents written by `part`.
template <typename Parts, typename Part>
void append_parts(fmt::memory_buffer& out, const Parts& parts, Part part) {
    bool first = true;
    for (const auto& p : parts) {
        if (!first) out.push_back(',');
        first = false;
        out.push_back('(');
        part(p);
        out.push_back(')');
    }
}

} // namespace

void append_wkt(fmt::memory_buffer& out, const geo::Shape& shape) {
    std::visit([&](const auto& parts) {
        using T = std::decay_t<decltype(parts)>;
        constexpr std::string_view name = std::is_same_v<T, geo::MultiPoint>        ? "MULTIPOINT"
                                          : std::is_same_v<T, geo::MultiLineString> ? "MULTILINESTRING"
                                                                                    : "MULTIPOLYGON";
        out.append(name);
        if (parts.empty()) {
            out.append(std::string_view(" EMPTY"));
            return;
        }
        out.append(std::string_view(" ("));
        if constexpr (std::is_same_v<T, geo::MultiPoint>) {
            append_points(out, parts);
        } else if constexpr (std::is_same_v<T, geo::MultiLineString>) {
            append_parts(out, parts, [&](const auto& line) { append_points(out, line); });
        } else {
            append_parts(out, parts, [&](const geo::Polygon& polygon) {
                out.push_back('(');
                append_points(out, polygon.outer());
                out.push_back(')');
                for (const auto& inner : polygon.inners()) {
                    out.append(std::string_view(",("));
                    append_points(out, inner);
                    out.push_back(')');
                }
            });
        }
        out.push_back(')');
    }, shape);
}

} // namespace depmap::layers
