#include "layers/text/wkt.hpp"

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

void append_wkt(fmt::memory_buffer& out, const geo::Shape& shape, WktParts layout) {
    std::visit([&](const auto& parts) {
        using T = std::decay_t<decltype(parts)>;
        constexpr bool points = std::is_same_v<T, geo::MultiPoint>;
        constexpr bool lines = std::is_same_v<T, geo::MultiLineString>;
        const bool single = layout == WktParts::Single ? parts.size() <= 1
                            : layout == WktParts::SingleWherePossible ? parts.size() == 1
                                                                      : false;
        if (!single) out.append(std::string_view("MULTI"));
        out.append(std::string_view(points ? "POINT" : lines ? "LINESTRING" : "POLYGON"));
        if (parts.empty()) {
            out.append(std::string_view(" EMPTY"));
            return;
        }
        out.append(std::string_view(" ("));
        if constexpr (points) {
            append_points(out, parts);
        } else if constexpr (lines) {
            if (single) append_points(out, parts.front());
            else append_parts(out, parts, [&](const auto& line) { append_points(out, line); });
        } else {
            const auto polygon_rings = [&](const geo::Polygon& polygon) {
                out.push_back('(');
                append_points(out, polygon.outer());
                out.push_back(')');
                for (const auto& inner : polygon.inners()) {
                    out.append(std::string_view(",("));
                    append_points(out, inner);
                    out.push_back(')');
                }
            };
            if (single) polygon_rings(parts.front());
            else append_parts(out, parts, polygon_rings);
        }
        out.push_back(')');
    }, shape);
}

} // namespace depmap::layers
