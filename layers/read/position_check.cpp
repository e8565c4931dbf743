#include "layers/read/position_check.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <cmath>

namespace depmap::layers {

namespace {

bool lon_in_range(double lon) { return lon >= -180.0 && lon < 360.0; }
bool lat_in_range(double lat) { return lat >= -90.0 && lat <= 90.0; }

std::string hint_for(geo::LonLat p) {
    if (lon_in_range(p.lat_deg) && lat_in_range(p.lon_deg))
        return "; the values look swapped: check which column holds longitude and which latitude";
    if (std::abs(p.lon_deg) > 1000.0 || std::abs(p.lat_deg) > 1000.0)
        return "; these look like projected coordinates: give their CRS with " + parameter("src_crs") +
               " (e.g. EPSG:32649 for UTM zone 49N)";
    return "";
}

} // namespace

std::optional<PositionProblem> check_position(geo::LonLat p) {
    if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg))
        return PositionProblem{"coordinate not finite",
                               fmt::format("coordinate is not a finite number (lon {}, lat {})",
                                           p.lon_deg, p.lat_deg)};
    if (!lat_in_range(p.lat_deg))
        return PositionProblem{"latitude out of range",
                               fmt::format("latitude {} is outside [-90, 90]{}", p.lat_deg,
                                           hint_for(p))};
    if (!lon_in_range(p.lon_deg))
        return PositionProblem{"longitude out of range",
                               fmt::format("longitude {} is outside [-180, 360){}", p.lon_deg,
                                           hint_for(p))};
    return std::nullopt;
}

} // namespace depmap::layers
