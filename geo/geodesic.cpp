#include "geo/geodesic.hpp"

#include "geo/wgs84.hpp"

#include <geodesic.h>

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace depmap::geo {

namespace {

using wgs84::deg;
constexpr double wgs84_a = wgs84::a_m;
constexpr double wgs84_f = wgs84::f;
constexpr double wgs84_e2 = wgs84::e2;

// Initialised once (thread-safe static); geod_* only read it afterwards, so it is
// shared by all threads without locking.
const geod_geodesic& ellipsoid() {
    static const geod_geodesic g = [] {
        geod_geodesic init{};
        geod_init(&init, wgs84_a, wgs84_f);
        return init;
    }();
    return g;
}

// geod_* may answer -180 for a due-south azimuth; the contract is (-180, 180].
double to_half_open(double azimuth_deg) {
    return azimuth_deg <= -180.0 ? azimuth_deg + 360.0 : azimuth_deg;
}

} // namespace

GeodesicInverse geodesic_inverse(LonLat from, LonLat to) {
    GeodesicInverse result;
    geod_inverse(&ellipsoid(), from.lat_deg, from.lon_deg, to.lat_deg, to.lon_deg,
                 &result.distance_m, &result.azimuth1_deg, &result.azimuth2_deg);
    result.azimuth1_deg = to_half_open(result.azimuth1_deg);
    result.azimuth2_deg = to_half_open(result.azimuth2_deg);
    return result;
}

double geodesic_distance_m(LonLat from, LonLat to) {
    double distance_m = 0.0;
    // Null azimuth outputs let geod_inverse skip their computation.
    geod_inverse(&ellipsoid(), from.lat_deg, from.lon_deg, to.lat_deg, to.lon_deg, &distance_m,
                 nullptr, nullptr);
    return distance_m;
}

DistanceAzimuth geodesic_distance_azimuth(LonLat from, LonLat to) {
    DistanceAzimuth result;
    geod_inverse(&ellipsoid(), from.lat_deg, from.lon_deg, to.lat_deg, to.lon_deg, &result.distance_m,
                 &result.azimuth_deg, nullptr);
    result.azimuth_deg = to_half_open(result.azimuth_deg);
    return result;
}

LonLat geodesic_direct(LonLat from, double azimuth_deg, double distance_m) {
    LonLat result;
    geod_direct(&ellipsoid(), from.lat_deg, from.lon_deg, azimuth_deg, distance_m, &result.lat_deg,
                &result.lon_deg, nullptr);
    return result;
}

double geodesic_ring_area_m2(std::span<const LonLat> ring) {
    std::size_t n = ring.size();
    if (n > 1 && ring.front() == ring.back()) --n;  // geod_polygonarea closes the ring itself
    if (n < 3) return 0.0;
    geod_polygon polygon;
    geod_polygon_init(&polygon, 0);
    for (std::size_t i = 0; i < n; ++i) geod_polygon_addpoint(&ellipsoid(), &polygon, ring[i].lat_deg, ring[i].lon_deg);
    double area_m2 = 0.0;
    // reverse = 0, sign = 1: counter-clockwise positive, so one direction gives -area.
    geod_polygon_compute(&ellipsoid(), &polygon, 0, 1, &area_m2, nullptr);
    return std::abs(area_m2);
}

// Averages the earth-centred (ECEF) coordinates of the points on the ellipsoid
// (height 0), then returns the point of the ellipsoid on the ray from the centre
// through that average. Plain sums keep it symmetric in its inputs; for one point the
// ray passes through the point itself, so it comes back unchanged (up to rounding).
// A cluster straddling the antimeridian averages correctly, unlike a mean of longitudes.
LonLat geocentric_mean(std::span<const LonLat> points) {
    if (points.empty()) throw std::invalid_argument("geocentric_mean: no points");

    double x = 0.0, y = 0.0, z = 0.0;
    for (const LonLat& p : points) {
        const double sin_lat = std::sin(p.lat_deg * deg);
        const double cos_lat = std::cos(p.lat_deg * deg);
        // Prime vertical radius of curvature.
        const double n = wgs84_a / std::sqrt(1.0 - wgs84_e2 * sin_lat * sin_lat);
        x += n * cos_lat * std::cos(p.lon_deg * deg);
        y += n * cos_lat * std::sin(p.lon_deg * deg);
        z += n * (1.0 - wgs84_e2) * sin_lat;
    }
    // Dividing by the count would not change the direction.
    const double r = std::hypot(x, y);
    // On the ellipsoid z / r = (1 - e2) tan(geodetic latitude).
    return LonLat{std::atan2(y, x) / deg, std::atan2(z, (1.0 - wgs84_e2) * r) / deg};
}

// Gradient descent on the sum of squared distances: its gradient at m is minus twice the
// sum of the vectors from m to each point (distance along the azimuth at m), so a step
// to their mean converges within a few iterations for nearby points.
LonLat geodesic_mean(std::span<const LonLat> points) {
    LonLat mean = geocentric_mean(points);
    for (int iteration = 0; iteration < 50; ++iteration) {
        double east_m = 0.0, north_m = 0.0;
        for (const LonLat& p : points) {
            const auto to = geodesic_distance_azimuth(mean, p);
            east_m += to.distance_m * std::sin(to.azimuth_deg * deg);
            north_m += to.distance_m * std::cos(to.azimuth_deg * deg);
        }
        const auto n = static_cast<double>(points.size());
        const double step_m = std::hypot(east_m, north_m) / n;
        if (step_m == 0.0) break;
        mean = geodesic_direct(mean, std::atan2(east_m, north_m) / deg, step_m);
        if (step_m < 1e-6) break;
    }
    return mean;
}

double bearing_deg(double azimuth_deg) {
    const double bearing = azimuth_deg < 0 ? azimuth_deg + 360 : azimuth_deg + 0.0;  // + 0.0: -0 is 0
    return bearing < 360 ? bearing : 0.0;  // -1e-20 + 360 rounds to 360
}

} // namespace depmap::geo
