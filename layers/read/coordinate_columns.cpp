#include "layers/read/coordinate_columns.hpp"

#include "geo/dms.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace depmap::layers {

namespace {

// Words that qualify a coordinate column name without changing its meaning.
constexpr std::array qualifiers{"deg", "degree", "degrees", "dd", "decimal", "dec", "wgs84",
                                "wgs", "84", "4326", "epsg", "dms", "coord", "coordinate", "°"};
constexpr std::array lon_names{"lon", "lng", "long", "longitude", "x", "easting",
                               "经度", "經度", "东经", "東經"};
constexpr std::array lat_names{"lat", "latitude", "y", "northing",
                               "纬度", "緯度", "北纬", "北緯"};
constexpr std::array wkt_names{"wkt", "geometry", "geom", "thegeom", "wktgeometry", "shape"};

template <std::size_t N>
bool contains(const std::array<const char*, N>& words, std::string_view word) {
    return std::any_of(words.begin(), words.end(),
                       [word](const char* w) { return word == w; });
}

// Removes "(...)", "[...]" and full-width "（...）" parts: they hold units.
std::string without_brackets(std::string_view text) {
    std::string out;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 3) == "（") { ++depth; i += 2; continue; }
        if (text.substr(i, 3) == "）") { depth = std::max(0, depth - 1); i += 2; continue; }
        const char c = text[i];
        if (c == '(' || c == '[') ++depth;
        else if (c == ')' || c == ']') depth = std::max(0, depth - 1);
        else if (depth == 0) out += c;
    }
    return out;
}

// Lower-cased ASCII words; non-ASCII bytes (Chinese) stay inside words, the degree
// sign is a separator of its own.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (text.substr(i, 2) == "°") { words.emplace_back(); ++i; continue; }
        if (c < 0x80 && !std::isalnum(c)) { words.emplace_back(); continue; }
        words.back() += static_cast<char>(std::tolower(c));
    }
    std::erase_if(words, [](const std::string& w) { return w.empty(); });
    return words;
}

std::optional<std::size_t> first_with_role(const std::vector<std::string>& header, ColumnRole role) {
    // Prefer a name that says lon/lat over x/y, which may be anything.
    std::optional<std::size_t> fallback;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (role_of_header(header[i]) != role) continue;
        const auto words = words_of(header[i]);
        const bool generic = words.size() == 1 && (words[0] == "x" || words[0] == "y");
        if (!generic) return i;
        if (!fallback) fallback = i;
    }
    return fallback;
}

bool looks_like_wkt(std::string_view value) {
    constexpr std::array prefixes{"POINT", "MULTIPOINT", "LINESTRING", "MULTILINESTRING",
                                  "POLYGON", "MULTIPOLYGON", "GEOMETRYCOLLECTION"};
    std::string head;
    for (char c : value.substr(0, 20)) {
        if (std::isalpha(static_cast<unsigned char>(c))) head += static_cast<char>(std::toupper(c));
        else break;
    }
    return contains(prefixes, head);
}

} // namespace

ColumnRole role_of_header(std::string_view header) {
    auto words = words_of(without_brackets(header));
    std::erase_if(words, [](const std::string& w) { return contains(qualifiers, w); });
    std::string joined;
    for (const auto& w : words) joined += w;
    if (words.size() == 1 && contains(lon_names, joined)) return ColumnRole::Lon;
    if (words.size() == 1 && contains(lat_names, joined)) return ColumnRole::Lat;
    if (contains(wkt_names, joined)) return ColumnRole::Wkt;
    return ColumnRole::None;
}

CoordinateColumns find_coordinate_columns(const std::vector<std::string>& header,
                                          const std::vector<std::string_view>& first_row) {
    const auto lon = first_with_role(header, ColumnRole::Lon);
    const auto lat = first_with_role(header, ColumnRole::Lat);
    if (lon && lat) return {CoordinateColumns::Kind::LonLat, *lon, *lat, 0};
    if (const auto wkt = first_with_role(header, ColumnRole::Wkt))
        return {CoordinateColumns::Kind::Wkt, 0, 0, *wkt};

    // Nothing by name: look at the values.
    std::optional<std::size_t> dms_lon, dms_lat;
    for (std::size_t i = 0; i < first_row.size(); ++i) {
        if (looks_like_wkt(first_row[i])) return {CoordinateColumns::Kind::Wkt, 0, 0, i};
        const auto angle = geo::parse_angle(first_row[i]);
        if (!angle) continue;
        if (angle->axis == geo::Axis::Lon && !dms_lon) dms_lon = i;
        if (angle->axis == geo::Axis::Lat && !dms_lat) dms_lat = i;
    }
    if (dms_lon && dms_lat) return {CoordinateColumns::Kind::LonLat, *dms_lon, *dms_lat, 0};
    return {};
}

} // namespace depmap::layers
