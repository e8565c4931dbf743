#include "geo/geodesic_buffer.hpp"

#include "base/error.hpp"
#include "geo/decimals.hpp"
#include "geo/geodesic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

namespace depmap::geo {

namespace {

// Deep enough for any circle that passes the pole and antimeridian checks; a guard
// against looping, not a limit met in practice.
constexpr int max_splits = 24;
// Vertices lie this fraction of the tolerance outside the radius, so the edges between
// them sag across the circle: the boundary straddles it, and an edge may sag 1.5
// tolerances, which needs about a quarter fewer vertices than edges hanging inside it.
constexpr double vertex_offset = 0.5;

class CircleBuilder {
public:
    CircleBuilder(LonLat centre, const GeodesicCircleOptions& options)
        : m_centre(centre), m_radius_m(options.radius_m), m_tolerance_m(options.tolerance_m),
          m_decimals(options.vertex_decimals) {}

    LonLat vertex(double azimuth_deg) const {
        const LonLat p = geodesic_direct(m_centre, azimuth_deg, m_radius_m + vertex_offset * m_tolerance_m);
        // Longitude unrolled around the centre's: beyond +-180 means the circle crosses
        // the antimeridian.
        const double delta = std::remainder(p.lon_deg - m_centre.lon_deg, 360.0);
        const double lon = m_centre.lon_deg + delta;
        if (lon > 180.0 || lon < -180.0)
            throw InputError(fmt::format(
                "a buffer of {} m around {},{} crosses the antimeridian (longitude 180); "
                "depmap does not split polygons there: use a smaller radius or split the input",
                m_radius_m, m_centre.lon_deg, m_centre.lat_deg));
        if (m_decimals < 0) return LonLat{lon, p.lat_deg};
        return LonLat{rounded_to_decimals(lon, m_decimals), rounded_to_decimals(p.lat_deg, m_decimals)};
    }

    // Whether the straight lon/lat edge a-b stays within the tolerance of the radius.
    bool edge_ok(LonLat a, LonLat b) const {
        for (const double t : {0.5, 0.25, 0.75}) {
            const LonLat q{a.lon_deg + t * (b.lon_deg - a.lon_deg), a.lat_deg + t * (b.lat_deg - a.lat_deg)};
            if (std::abs(geodesic_distance_m(m_centre, q) - m_radius_m) > m_tolerance_m) return false;
        }
        return true;
    }

    // Appends a and the vertices between a and b (not b), splitting the arc as needed.
    void refine(double az_a, LonLat a, double az_b, LonLat b, int depth, std::vector<LonLat>& ring) const {
        if (depth >= max_splits || edge_ok(a, b)) {
            ring.push_back(a);
            return;
        }
        const double az_m = (az_a + az_b) / 2;
        const LonLat m = vertex(az_m);
        refine(az_a, a, az_m, m, depth + 1, ring);
        refine(az_m, m, az_b, b, depth + 1, ring);
    }

private:
    LonLat m_centre;
    double m_radius_m;
    double m_tolerance_m;
    int m_decimals;
};

// Edges a plane circle needs for its chords to sag less than the allowance, with a
// little to spare for the ellipsoid; at least 16 so large circles start round.
int initial_edges(double radius_m, double tolerance_m) {
    const double sag = std::min(0.9 * (1.0 + vertex_offset) * tolerance_m / radius_m, 1.0);
    const double step_rad = 2.0 * std::acos(1.0 - sag);
    return std::clamp(static_cast<int>(std::ceil(2.0 * std::numbers::pi / step_rad)), 16, 1 << 20);
}

void check_poles(LonLat centre, double radius_m) {
    for (const double pole_lat : {90.0, -90.0}) {
        if (geodesic_distance_m(centre, LonLat{centre.lon_deg, pole_lat}) <= radius_m)
            throw InputError(fmt::format(
                "a buffer of {} m around {},{} contains the {} pole; depmap does not draw lon/lat "
                "polygons around a pole: use a smaller radius",
                radius_m, centre.lon_deg, centre.lat_deg, pole_lat > 0 ? "North" : "South"));
    }
}

} // namespace

Polygon geodesic_circle(LonLat centre, const GeodesicCircleOptions& options) {
    if (!(options.radius_m > 0.0) || !std::isfinite(options.radius_m))
        throw std::invalid_argument(fmt::format("buffer radius must be a positive distance, not {} m", options.radius_m));
    if (!(options.tolerance_m > 0.0) || !std::isfinite(options.tolerance_m))
        throw std::invalid_argument(
            fmt::format("buffer tolerance must be a positive distance, not {} m", options.tolerance_m));
    check_poles(centre, options.radius_m);

    const CircleBuilder builder(centre, options);
    const int edges = initial_edges(options.radius_m, options.tolerance_m);
    std::vector<LonLat> ring;
    ring.reserve(static_cast<std::size_t>(edges) + edges / 4 + 1);
    // Azimuths decrease so the ring runs counter-clockwise (azimuths turn clockwise).
    const double step_deg = 360.0 / edges;
    double az_a = 360.0;
    LonLat a = builder.vertex(az_a);
    const LonLat first = a;
    for (int i = 1; i <= edges; ++i) {
        const double az_b = 360.0 - i * step_deg;
        const LonLat b = i == edges ? first : builder.vertex(az_b);
        builder.refine(az_a, a, az_b, b, 0, ring);
        az_a = az_b;
        a = b;
    }
    ring.push_back(first);

    Polygon polygon;
    polygon.outer().assign(ring.begin(), ring.end());
    return polygon;
}

} // namespace depmap::geo
