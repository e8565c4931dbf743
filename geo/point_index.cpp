#include "geo/point_index.hpp"

#include "geo/geodesic.hpp"
#include "base/parallel.hpp"
#include "base/unfilled_vector.hpp"
#include "geo/wgs84.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>


#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <iterator>
#include <limits>
#include <numbers>
#include <utility>

namespace depmap::geo {

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using Point3 = bg::model::point<double, 3, bg::cs::cartesian>;
using Box3 = bg::model::box<Point3>;
using Entry = std::pair<Point3, std::size_t>;
// The packing constructor ignores the split algorithm and uses only the node
// capacity; 16 measured as fast as 8..32 for builds and queries on 1e6 points.
using Tree = bgi::rtree<Entry, bgi::quadratic<16>>;

using wgs84::deg;
constexpr double wgs84_a = wgs84::a_m;
constexpr double wgs84_f = wgs84::f;
constexpr double wgs84_e2 = wgs84::e2;
constexpr double half_pi = std::numbers::pi / 2.0;
constexpr double infinity = std::numeric_limits<double>::infinity();

// The smallest radius of curvature of the ellipsoid: the meridional one at the equator.
constexpr double min_curvature_radius = wgs84_a * (1.0 - wgs84_e2);

// Safety on top of the derived (mathematically exact) screening bounds. The relative
// part dwarfs Karney's ~15 nm error at every distance; the absolute chord part (about
// 6 µm on the ground) covers rounding of the unit vectors and chords, ~1e-15.
constexpr double relative_margin = 1e-9;
constexpr double chord_margin = 1e-12;
// Stored unit vectors are off the unit sphere by rounding only (~1e-16).
constexpr double box_padding = 1e-9;

// The library's own geodesics, so distances agree bit for bit everywhere.
double exact_distance_m(LonLat from, LonLat to) { return geodesic_distance_m(from, to); }

Neighbour exact_neighbour(LonLat from, LonLat to, std::size_t index) {
    const auto inverse = geodesic_distance_azimuth(from, to);
    return {index, inverse.distance_m, inverse.azimuth_deg};
}

bool is_valid(LonLat p) {
    return std::isfinite(p.lon_deg) && std::isfinite(p.lat_deg) && std::abs(p.lat_deg) <= 90.0;
}

// Geodetic latitude used as a spherical latitude: the sphere <-> ellipsoid map this
// defines stretches lengths by between M(lat) and N(lat), which the bounds rely on.
Point3 unit_vector(LonLat p) {
    const double lat = p.lat_deg * deg;
    const double lon = p.lon_deg * deg;
    const double c = std::cos(lat);
    return Point3(c * std::cos(lon), c * std::sin(lon), std::sin(lat));
}

double meridional_radius(double lat_rad) {
    const double s = std::sin(lat_rad);
    const double w2 = 1.0 - wgs84_e2 * s * s;
    return wgs84_a * (1.0 - wgs84_e2) / (w2 * std::sqrt(w2));
}

double normal_radius(double lat_rad) {
    const double s = std::sin(lat_rad);
    return wgs84_a / std::sqrt(1.0 - wgs84_e2 * s * s);
}

double squared_chord(const Point3& a, const Point3& b) {
    const double dx = a.get<0>() - b.get<0>();
    const double dy = a.get<1>() - b.get<1>();
    const double dz = a.get<2>() - b.get<2>();
    return dx * dx + dy * dy + dz * dz;
}

// The squared distance from a point to a box: no point in the box is nearer.
double squared_distance(const Box3& box, const Point3& p) {
    const auto gap = [](double low, double high, double x) { return x < low ? low - x : x > high ? x - high : 0.0; };
    const double dx = gap(box.min_corner().get<0>(), box.max_corner().get<0>(), p.get<0>());
    const double dy = gap(box.min_corner().get<1>(), box.max_corner().get<1>(), p.get<1>());
    const double dz = gap(box.min_corner().get<2>(), box.max_corner().get<2>(), p.get<2>());
    return dx * dx + dy * dy + dz * dz;
}

// The screen for one query centre. With s the geodesic distance and σ the central
// angle between the unit vectors, and M <= N the radii of curvature (both growing
// poleward):
//  - a geodesic of length s changes latitude by at most s / M(0), and along it lengths
//    shrink by at least M, so  σ <= s / M(max(0, |lat| - s / M(0)));
//  - the great circle arc stays within σ of the centre's latitude, and its image on
//    the ellipsoid is no shorter than the geodesic, so  s <= σ · N(min(90°, |lat| + σ)).
class Screen {
public:
    explicit Screen(LonLat centre)
        : m_centre(unit_vector(centre)), m_abs_lat_rad(std::abs(centre.lat_deg) * deg) {}

    const Point3& centre() const { return m_centre; }

    // Squared chord beyond which a point is certainly farther than distance_m.
    double outer_squared_chord(double distance_m) const {
        const double reach = distance_m / min_curvature_radius;
        const double sigma = distance_m / meridional_radius(std::max(0.0, m_abs_lat_rad - reach)) *
                             (1.0 + relative_margin);
        if (!(sigma < std::numbers::pi)) return infinity;
        const double chord = 2.0 * std::sin(sigma / 2.0) + chord_margin;
        return chord * chord;
    }

    // Squared chord within which a point is certainly within distance_m; negative when
    // no point is certain.
    double inner_squared_chord(double distance_m) const {
        const double reach = distance_m / min_curvature_radius;
        const double sigma = distance_m / normal_radius(std::min(half_pi, m_abs_lat_rad + reach)) *
                             (1.0 - relative_margin);
        if (!(sigma < std::numbers::pi)) return infinity;
        const double chord = 2.0 * std::sin(sigma / 2.0) - chord_margin;
        return chord > 0.0 ? chord * chord : -1.0;
    }

    // The bounding box of the points of the unit sphere within the chord, so that the
    // R-tree skips nodes that only the chord ball (not its cap on the sphere) reaches.
    Box3 cap_box(double squared_chord) const {
        if (!(squared_chord < 4.0)) return Box3(Point3(-2.0, -2.0, -2.0), Point3(2.0, 2.0, 2.0));
        const double cos_r = 1.0 - squared_chord / 2.0;
        const double sin_r = std::sqrt(std::max(0.0, 1.0 - cos_r * cos_r));
        double lo[3];
        double hi[3];
        const double c[3] = {m_centre.get<0>(), m_centre.get<1>(), m_centre.get<2>()};
        for (int i = 0; i < 3; ++i) {
            const double across = std::sqrt(std::max(0.0, 1.0 - c[i] * c[i]));
            hi[i] = c[i] >= cos_r ? 1.0 : c[i] * cos_r + across * sin_r;
            lo[i] = c[i] <= -cos_r ? -1.0 : c[i] * cos_r - across * sin_r;
        }
        return Box3(Point3(lo[0] - box_padding, lo[1] - box_padding, lo[2] - box_padding),
                    Point3(hi[0] + box_padding, hi[1] + box_padding, hi[2] + box_padding));
    }

private:
    Point3 m_centre;
    double m_abs_lat_rad;
};

// An output iterator that hands each R-tree hit to a function, so queries need no
// result vector.
template <typename F>
class VisitOutput {
public:
    using iterator_category = std::output_iterator_tag;
    using value_type = void;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = void;

    explicit VisitOutput(F& f) : m_f(&f) {}
    VisitOutput& operator*() { return *this; }
    VisitOutput& operator++() { return *this; }
    VisitOutput operator++(int) { return *this; }
    VisitOutput& operator=(const Entry& e) {
        (*m_f)(e);
        return *this;
    }

private:
    F* m_f;
};

// A function object, not a function, so that sorts inline it.
constexpr auto nearer = [](const Neighbour& a, const Neighbour& b) {
    return a.distance_m < b.distance_m || (a.distance_m == b.distance_m && a.index < b.index);
};

// Copies the points into `points` and makes the entries of the valid ones, each with
// its unit vector; a large set's parts are done on all cores (two sincos a point are a
// good part of the build, and the copy's page faults are shared out too).
std::vector<Entry> make_entries(std::span<const LonLat> input, UnfilledVector<LonLat>& points) {
    constexpr auto invalid = std::numeric_limits<std::size_t>::max();
    points.resize(input.size());
    std::vector<Entry> entries(input.size());
    std::atomic<bool> any_invalid{false};
    for_each_range(input.size(), threads_for(input.size(), 100000), [&](std::size_t begin, std::size_t end) {
        bool invalid_here = false;
        for (std::size_t i = begin; i < end; ++i) {
            points[i] = input[i];
            const bool valid = is_valid(input[i]);
            invalid_here |= !valid;
            entries[i] = valid ? Entry(unit_vector(input[i]), i) : Entry(Point3(0, 0, 0), invalid);
        }
        if (invalid_here) any_invalid = true;
    });
    if (any_invalid) std::erase_if(entries, [](const Entry& e) { return e.second == invalid; });
    return entries;
}

// The axis (0, 1, 2) along which the entries' unit vectors spread the widest, measured
// on all cores.
int widest_axis(const std::vector<Entry>& entries) {
    const std::size_t parts = threads_for(entries.size(), 100000);
    std::vector<std::array<double, 6>> extents(parts);  // per part: lows, then highs
    for_each_task(parts, parts, [&](std::size_t k) {
        auto& extent = extents[k];
        extent = {infinity, infinity, infinity, -infinity, -infinity, -infinity};
        for (std::size_t i = entries.size() * k / parts; i < entries.size() * (k + 1) / parts; ++i) {
            const Point3& p = entries[i].first;
            const double c[3] = {p.get<0>(), p.get<1>(), p.get<2>()};
            for (int a = 0; a < 3; ++a) {
                extent[a] = std::min(extent[a], c[a]);
                extent[3 + a] = std::max(extent[3 + a], c[a]);
            }
        }
    });
    std::array<double, 3> widths{};
    for (int a = 0; a < 3; ++a) {
        double low = infinity, high = -infinity;
        for (const auto& extent : extents) {
            low = std::min(low, extent[a]);
            high = std::max(high, extent[3 + a]);
        }
        widths[a] = high - low;
    }
    return static_cast<int>(std::max_element(widths.begin(), widths.end()) - widths.begin());
}

// Packs one tree over the entries (the range constructor bulk-loads: faster to build
// and to query than inserting one by one).
Tree pack(std::vector<Entry>::iterator begin, std::vector<Entry>::iterator end) { return Tree(begin, end); }

} // namespace

struct PointIndex::Impl {
    UnfilledVector<LonLat> points;
    std::size_t indexed = 0;  // points with valid coordinates, the only ones in the trees
    // A large set is split in two along its widest axis and each half packed into its
    // own tree on its own core (packing is one thread's work in Boost); queries ask both.
    std::vector<Tree> trees;

    explicit Impl(std::span<const LonLat> input) {
        auto entries = make_entries(input, points);
        indexed = entries.size();
        if (entries.size() <= 100000 || threads_for(entries.size(), 50000) < 2) {
            if (!entries.empty()) trees.push_back(pack(entries.begin(), entries.end()));
            return;
        }
        const int axis = widest_axis(entries);
        const auto coordinate = [axis](const Entry& e) {
            return axis == 0 ? e.first.get<0>() : axis == 1 ? e.first.get<1>() : e.first.get<2>();
        };
        const auto middle = entries.begin() + static_cast<std::ptrdiff_t>(entries.size() / 2);
        std::nth_element(entries.begin(), middle, entries.end(),
                         [&](const Entry& a, const Entry& b) { return coordinate(a) < coordinate(b); });
        trees.resize(2);
        for_each_task(2, 2, [&](std::size_t t) {
            trees[t] = t == 0 ? pack(entries.begin(), middle) : pack(middle, entries.end());
        });
    }

    // Calls visit(entry, squared_chord) for every indexed point within the squared chord.
    template <typename F>
    void visit_within(const Screen& screen, double max_squared_chord, F&& visit) const {
        const auto on_hit = [&](const Entry& e) {
            const double c2 = squared_chord(e.first, screen.centre());
            if (c2 <= max_squared_chord) visit(e, c2);
        };
        const Box3 cap = screen.cap_box(max_squared_chord);
        for (const auto& tree : trees) tree.query(bgi::intersects(cap), VisitOutput<decltype(on_hit)>(on_hit));
    }
};

PointIndex::PointIndex(std::span<const LonLat> points) : m_impl(std::make_unique<Impl>(points)) {}
PointIndex::~PointIndex() = default;
PointIndex::PointIndex(PointIndex&&) noexcept = default;
PointIndex& PointIndex::operator=(PointIndex&&) noexcept = default;

std::size_t PointIndex::size() const { return m_impl ? m_impl->points.size() : 0; }

std::vector<Neighbour> PointIndex::within(LonLat center, double radius_m) const {
    std::vector<Neighbour> found;
    if (!m_impl || m_impl->indexed == 0 || !is_valid(center) || !(radius_m >= 0.0)) return found;
    const Screen screen(center);
    // Every match needs its exact distance anyway, so only the outer bound is used.
    // The candidates are listed first: their coordinates lie anywhere in memory, and
    // each is asked for a few inverses ahead of its own instead of waited on.
    std::vector<std::size_t> candidates;
    m_impl->visit_within(screen, screen.outer_squared_chord(radius_m),
                         [&](const Entry& e, double) { candidates.push_back(e.second); });
    const auto& points = m_impl->points;
    constexpr std::size_t ahead = 4;
    found.reserve(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (i + ahead < candidates.size()) __builtin_prefetch(&points[candidates[i + ahead]]);
        const auto match = exact_neighbour(center, points[candidates[i]], candidates[i]);
        if (match.distance_m <= radius_m) found.push_back(match);
    }
    std::sort(found.begin(), found.end(), nearer);
    return found;
}

std::size_t PointIndex::count_within(LonLat center, double radius_m) const {
    if (!m_impl || m_impl->indexed == 0 || !is_valid(center) || !(radius_m >= 0.0)) return 0;
    const Screen screen(center);
    const double inner = screen.inner_squared_chord(radius_m);
    std::size_t count = 0;
    m_impl->visit_within(screen, screen.outer_squared_chord(radius_m), [&](const Entry& e, double c2) {
        if (c2 <= inner || exact_distance_m(center, m_impl->points[e.second]) <= radius_m) ++count;
    });
    return count;
}

void PointIndex::neighbours_of(std::size_t i, double radius_m, std::vector<std::size_t>& out) const {
    if (!m_impl || i >= m_impl->points.size() || !(radius_m >= 0.0)) return;
    const auto& points = m_impl->points;
    const LonLat center = points[i];
    if (!is_valid(center)) return;
    const Screen screen(center);
    const double inner = screen.inner_squared_chord(radius_m);
    m_impl->visit_within(screen, screen.outer_squared_chord(radius_m), [&](const Entry& e, double c2) {
        const std::size_t j = e.second;
        if (c2 <= inner || exact_distance_m(points[std::min(i, j)], points[std::max(i, j)]) <= radius_m)
            out.push_back(j);
    });
}

LonLat PointIndex::point(std::size_t i) const { return m_impl->points[i]; }

std::vector<Neighbour> PointIndex::nearest(LonLat center, std::size_t k, double max_distance_m) const {
    std::vector<Neighbour> best;
    if (!m_impl || m_impl->indexed == 0 || k == 0 || !is_valid(center) || !(max_distance_m >= 0.0))
        return best;
    const Screen screen(center);
    const double max_chord2 = screen.outer_squared_chord(max_distance_m);
    // Points with a squared chord above this are certainly not in the answer: beyond
    // max_distance_m, or (once k are held) farther than the k-th best so far.
    double limit_chord2 = max_chord2;

    // `best` is a max-heap under nearer(): its front is the current k-th best.
    best.reserve(std::min(k, m_impl->indexed));
    const auto consider = [&](std::size_t index) {
        const Neighbour candidate = exact_neighbour(center, m_impl->points[index], index);
        if (!(candidate.distance_m <= max_distance_m)) return;
        if (best.size() < k) {
            best.push_back(candidate);
            std::push_heap(best.begin(), best.end(), nearer);
        } else if (nearer(candidate, best.front())) {
            std::pop_heap(best.begin(), best.end(), nearer);
            best.back() = candidate;
            std::push_heap(best.begin(), best.end(), nearer);
        } else {
            return;
        }
        if (best.size() == k)
            limit_chord2 = std::min(max_chord2, screen.outer_squared_chord(best.front().distance_m));
    };
    // Considers candidates in chord order, up to the limit: no point farther along the
    // chord can be in the answer.
    using Candidate = std::pair<double, std::size_t>;  // squared chord, point index
    const auto consider_all = [&](std::span<Candidate> candidates) {
        std::sort(candidates.begin(), candidates.end());
        for (const auto& [c2, index] : candidates) {
            if (c2 > limit_chord2) return;
            consider(index);
        }
    };

    // A few more chord-nearest candidates than k usually show that no unseen point can
    // compete (at mid latitudes the bounds are within ~0.4% of each other), so one
    // R-tree pass suffices. The tree nearest the centre is asked first; a farther one
    // whose bounds are already beyond the limit holds no point of the answer.
    const auto& trees = m_impl->trees;
    std::vector<std::pair<double, std::size_t>> order;  // squared distance to the tree's bounds, tree
    for (std::size_t t = 0; t < trees.size(); ++t) order.emplace_back(squared_distance(trees[t].bounds(), screen.centre()), t);
    std::sort(order.begin(), order.end());
    std::vector<Candidate> candidates;
    std::vector<double> farthest(trees.size(), infinity);  // per tree: the largest squared chord it gave, or +inf when none can be unseen
    for (const auto& [bounds_chord2, t] : order) {
        if (trees[t].empty() || bounds_chord2 > limit_chord2) continue;
        const std::size_t count = std::min<std::size_t>(
            k >= trees[t].size() ? trees[t].size() : k + k / 2 + 4, std::numeric_limits<unsigned>::max());
        const std::size_t first = candidates.size();
        const auto collect = [&](const Entry& e) {
            candidates.emplace_back(squared_chord(e.first, screen.centre()), e.second);
        };
        trees[t].query(bgi::nearest(screen.centre(), static_cast<unsigned>(count)), VisitOutput<decltype(collect)>(collect));
        const std::span<Candidate> given(candidates.begin() + static_cast<std::ptrdiff_t>(first), candidates.end());
        if (count < trees[t].size())
            farthest[t] = std::max_element(given.begin(), given.end())->first;
        consider_all(given);
    }
    // A tree's unseen points are no nearer along the chord than the farthest it gave: it
    // needs a second look only when even that one was within the final limit.
    std::vector<std::size_t> seen;
    std::vector<Candidate> more;
    for (std::size_t t = 0; t < m_impl->trees.size(); ++t) {
        if (!(farthest[t] <= limit_chord2)) continue;
        if (seen.empty()) {
            for (const auto& c : candidates) seen.push_back(c.second);
            std::sort(seen.begin(), seen.end());
        }
        const auto on_hit = [&](const Entry& e) {
            const double c2 = squared_chord(e.first, screen.centre());
            if (c2 <= limit_chord2 && !std::binary_search(seen.begin(), seen.end(), e.second))
                more.emplace_back(c2, e.second);
        };
        m_impl->trees[t].query(bgi::intersects(screen.cap_box(limit_chord2)), VisitOutput<decltype(on_hit)>(on_hit));
    }
    consider_all(more);
    std::sort(best.begin(), best.end(), nearer);
    return best;
}

} // namespace depmap::geo
