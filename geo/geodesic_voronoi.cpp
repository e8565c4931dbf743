#include "geo/geodesic_voronoi.hpp"

#include "geo/geodesic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace depmap::geo {

namespace {

constexpr std::size_t no_owner = std::numeric_limits<std::size_t>::max();
constexpr double max_reach_m = 9.0e6;
// Roots are bracketed to a micrometre along the ray: where a ray grazes the border, h is
// nearly flat and a small |h| would still leave the end centimetres off (enough to fold a ring).
constexpr double root_tolerance_m = 1e-6;

// Where one ray from the site meets its cell's border.
struct Ray {
    double azimuth_deg = 0.0;
    double distance_m = 0.0;
    std::size_t owner = no_owner;  // the site across the border; no_owner where capped at reach
    LonLat end;
};

// The cell of one site: its neighbours nearest first, and rays cast from it.
class CellCaster {
public:
    CellCaster(std::span<const LonLat> sites, std::size_t i, double reach_m)
        : m_sites(sites), m_site(sites[i]), m_reach_m(reach_m) {
        for (std::size_t j = 0; j < sites.size(); ++j) {
            if (j == i) continue;
            const auto inverse = geodesic_inverse(m_site, sites[j]);
            m_neighbours.push_back({inverse.distance_m, inverse.azimuth1_deg, j});
        }
        std::sort(m_neighbours.begin(), m_neighbours.end(),
                  [](const auto& a, const auto& b) { return std::tie(a.distance_m, a.index) < std::tie(b.distance_m, b.index); });
    }

    Ray cast(double azimuth_deg) const {
        Ray ray{azimuth_deg, m_reach_m, no_owner, {}};
        for (const auto& n : m_neighbours) {
            // Site j can be nearer than this site at P(t) only if d(i, j) <= 2t.
            if (n.distance_m > 2.0 * ray.distance_m) break;
            const LonLat far = geodesic_direct(m_site, azimuth_deg, ray.distance_m);
            if (ray.distance_m - geodesic_distance_m(far, m_sites[n.index]) < 0.0) continue;
            ray.distance_m = crossing_m(azimuth_deg, n, ray.distance_m);
            ray.owner = n.index;
        }
        ray.end = geodesic_direct(m_site, azimuth_deg, ray.distance_m);
        return ray;
    }

    const LonLat& site() const { return m_site; }
    std::vector<double> neighbour_azimuths() const {
        std::vector<double> out;
        for (const auto& n : m_neighbours) out.push_back(n.azimuth_deg);
        return out;
    }

private:
    struct Neighbour {
        double distance_m;
        double azimuth_deg;
        std::size_t index;
    };

    // The root of h(t) = t - d(P(t), j) in [0, upper_m], where h(0) < 0 <= h(upper_m) and h
    // never decreases: the Illinois variant of regula falsi, first probing where the
    // planar bisector would be.
    double crossing_m(double azimuth_deg, const Neighbour& n, double upper_m) const {
        const auto h = [&](double t) {
            return t - geodesic_distance_m(geodesic_direct(m_site, azimuth_deg, t), m_sites[n.index]);
        };
        double lo = 0.0, h_lo = -n.distance_m;
        double hi = upper_m, h_hi = h(upper_m);
        if (h_hi <= 0.0) return hi;
        const double cos_angle = std::cos((azimuth_deg - n.azimuth_deg) * std::numbers::pi / 180.0);
        if (cos_angle > 0.0) {
            const double guess = n.distance_m / (2.0 * cos_angle);
            if (guess > lo && guess < hi) {
                const double h_guess = h(guess);
                if (h_guess < 0.0) { lo = guess; h_lo = h_guess; }
                else { hi = guess; h_hi = h_guess; }
            }
        }
        int side = 0;
        for (int iteration = 0; iteration < 200 && hi - lo > root_tolerance_m; ++iteration) {
            double t = (lo * h_hi - hi * h_lo) / (h_hi - h_lo);
            if (!(t > lo && t < hi)) t = 0.5 * (lo + hi);
            const double h_t = h(t);
            if (h_t == 0.0) return t;
            if (h_t < 0.0) {
                lo = t; h_lo = h_t;
                if (side == -1) h_hi *= 0.5;
                side = -1;
            } else {
                hi = t; h_hi = h_t;
                if (side == 1) h_lo *= 0.5;
                side = 1;
            }
        }
        return 0.5 * (lo + hi);
    }

    std::span<const LonLat> m_sites;
    LonLat m_site;
    double m_reach_m;
    std::vector<Neighbour> m_neighbours;
};

// Adds the rays strictly between `a` and `b` (azimuths increasing) that the tolerance asks for.
class Refiner {
public:
    Refiner(const CellCaster& caster, double tolerance_m, double min_gap_deg)
        : m_caster(caster), m_tolerance_m(tolerance_m), m_min_gap_deg(min_gap_deg) {}

    void between(const Ray& a, const Ray& b, std::vector<Ray>& out, int depth = 0) const {
        if (b.azimuth_deg - a.azimuth_deg <= m_min_gap_deg || depth > 60) return;
        if (!needs_split(a, b)) return;
        const Ray middle = m_caster.cast(0.5 * (a.azimuth_deg + b.azimuth_deg));
        between(a, middle, out, depth + 1);
        out.push_back(middle);
        between(middle, b, out, depth + 1);
    }

private:
    bool needs_split(const Ray& a, const Ray& b) const {
        // A corner lies between: close in on it until the ends are a tenth of the tolerance apart.
        if (a.owner != b.owner) return geodesic_distance_m(a.end, b.end) > m_tolerance_m / 10.0;
        if (a.owner == no_owner) return false;  // both at reach: outside what is kept
        for (const double u : {0.25, 0.5, 0.75}) {
            const LonLat q{a.end.lon_deg + u * (b.end.lon_deg - a.end.lon_deg),
                           a.end.lat_deg + u * (b.end.lat_deg - a.end.lat_deg)};
            const auto from_site = geodesic_inverse(m_caster.site(), q);
            const Ray through = m_caster.cast(from_site.azimuth1_deg);
            if (through.owner != a.owner) return true;
            if (std::abs(from_site.distance_m - through.distance_m) > m_tolerance_m) return true;
        }
        return false;
    }

    const CellCaster& m_caster;
    double m_tolerance_m;
    double m_min_gap_deg;
};

Polygon cell_polygon(std::span<const LonLat> sites, std::size_t i, const VoronoiOptions& options) {
    const CellCaster caster(sites, i, options.reach_m);
    std::vector<double> azimuths;
    for (int degree = 0; degree < 360; ++degree) azimuths.push_back(degree);
    for (double az : caster.neighbour_azimuths()) azimuths.push_back(az < 0.0 ? az + 360.0 : az);
    std::sort(azimuths.begin(), azimuths.end());
    azimuths.erase(std::unique(azimuths.begin(), azimuths.end()), azimuths.end());

    std::vector<Ray> initial;
    for (double az : azimuths) initial.push_back(caster.cast(az));
    Ray closing = initial.front();
    closing.azimuth_deg += 360.0;
    initial.push_back(closing);

    // A backstop only: splitting stops on the distances first.
    const double min_gap_deg = options.tolerance_m / 1000.0 / options.reach_m * 180.0 / std::numbers::pi;
    const Refiner refiner(caster, options.tolerance_m, min_gap_deg);
    std::vector<Ray> rays;
    for (std::size_t k = 0; k + 1 < initial.size(); ++k) {
        rays.push_back(initial[k]);
        refiner.between(initial[k], initial[k + 1], rays);
    }

    // Azimuths run clockwise: reverse for a counter-clockwise exterior.
    Polygon polygon;
    auto& ring = polygon.outer();
    // Ends a hundredth of the tolerance apart are one vertex: closer ones could fold the
    // ring over on the rounding of their roots.
    for (auto it = rays.rbegin(); it != rays.rend(); ++it)
        if (ring.empty() || geodesic_distance_m(ring.back(), it->end) > options.tolerance_m / 100.0)
            ring.push_back(it->end);
    while (ring.size() > 1 && geodesic_distance_m(ring.back(), ring.front()) <= options.tolerance_m / 100.0)
        ring.pop_back();
    ring.push_back(ring.front());
    for (std::size_t k = 1; k < ring.size(); ++k)
        if (std::abs(ring[k].lon_deg - ring[k - 1].lon_deg) > 180.0)
            throw std::invalid_argument(fmt::format(
                "the cell of the site at {:.6f},{:.6f} crosses the antimeridian or a pole; "
                "use a smaller region", sites[i].lon_deg, sites[i].lat_deg));
    return polygon;
}

void check(std::span<const LonLat> sites, const VoronoiOptions& options) {
    if (!(options.reach_m > 0.0) || options.reach_m > max_reach_m)
        throw std::invalid_argument(fmt::format("reach {} m: must be over 0 and at most {} m", options.reach_m, max_reach_m));
    if (!(options.tolerance_m > 0.0))
        throw std::invalid_argument(fmt::format("tolerance {} m: must be over 0", options.tolerance_m));
    for (std::size_t i = 0; i < sites.size(); ++i) {
        if (!std::isfinite(sites[i].lon_deg) || !(std::abs(sites[i].lat_deg) < 90.0))
            throw std::invalid_argument(fmt::format("site {} at {},{}: not a usable position", i + 1,
                                                    sites[i].lon_deg, sites[i].lat_deg));
        for (std::size_t j = 0; j < i; ++j)
            if (geodesic_distance_m(sites[i], sites[j]) == 0.0)
                throw std::invalid_argument(fmt::format("sites {} and {} are the same point", j + 1, i + 1));
    }
}

} // namespace

double distance_to_border_m(std::span<const LonLat> sites, std::size_t i, double azimuth_deg, double reach_m) {
    return CellCaster(sites, i, reach_m).cast(azimuth_deg).distance_m;
}

Polygon geodesic_voronoi_cell(std::span<const LonLat> sites, std::size_t i, const VoronoiOptions& options) {
    check(sites, options);
    if (i >= sites.size()) throw std::invalid_argument(fmt::format("no site {} of {}", i + 1, sites.size()));
    return cell_polygon(sites, i, options);
}

std::vector<Polygon> geodesic_voronoi_cells(std::span<const LonLat> sites, const VoronoiOptions& options) {
    check(sites, options);
    std::vector<Polygon> cells;
    for (std::size_t i = 0; i < sites.size(); ++i) cells.push_back(cell_polygon(sites, i, options));
    return cells;
}

} // namespace depmap::geo
