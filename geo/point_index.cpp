#include "geo/point_index.hpp"

#include "base/error.hpp"
#include "base/parallel.hpp"
#include "base/unfilled_vector.hpp"
#include "geo/geodesic.hpp"
#include "geo/wgs84.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <numbers>
#include <utility>

namespace depmap::geo {

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using Point3 = bg::model::point<double, 3, bg::cs::cartesian>;
using FloatBox3 = bg::model::box<bg::model::point<float, 3, bg::cs::cartesian>>;

// A point as the index holds it: its unit vector in floats, each coordinate rounded to
// nearest (so at most 2^-25 from the double one), and its number in the caller's array.
struct Stored {
    float x, y, z;
    std::uint32_t index;
};

// The points are stored in the order of a Hilbert curve over lon/lat, and the R-tree
// holds one entry per run of `run_points` of them: the run's box and its number. Ten
// million points, one 32-byte entry each, took Boost's packing 9 to 18 s and 1.3 GB;
// their 625,000 runs pack in a fraction of a second, and a query reads each run's
// points from one place in memory.
constexpr std::size_t run_points = 16;
using Run = std::pair<FloatBox3, std::uint32_t>;
// The packing constructor ignores the split algorithm and uses only the node
// capacity; 16 measured as fast as 8..32 with one entry per point on 1e6 points.
using Tree = bgi::rtree<Run, bgi::quadratic<16>>;

using wgs84::deg;
constexpr double wgs84_a = wgs84::a_m;
constexpr double wgs84_f = wgs84::f;
constexpr double wgs84_e2 = wgs84::e2;
constexpr double half_pi = std::numbers::pi / 2.0;
constexpr double infinity = std::numeric_limits<double>::infinity();

// The smallest radius of curvature of the ellipsoid: the meridional one at the equator.
constexpr double min_curvature_radius = wgs84_a * (1.0 - wgs84_e2);

// How far a stored (float) unit vector may lie from the exact one: 2^-25 per coordinate
// from rounding to float, √3 · 2^-25 ≈ 5.2e-8 in all (about 0.33 m on the ground), plus
// the double rounding of the vector itself (~1e-16).
constexpr double stored_error = 5.2e-8 + 1e-12;
// Safety on top of the derived (mathematically exact) screening bounds. The relative
// part dwarfs Karney's ~15 nm error at every distance; the absolute chord part covers
// the stored vectors' error (a chord measured from one is off by at most stored_error)
// and the rounding of chords, ~1e-15: about 0.64 m on the ground, decided exactly.
constexpr double relative_margin = 1e-9;
constexpr double chord_margin = 1e-7;
// Per coordinate: a stored vector is within 2^-25 ≈ 3e-8 of its exact one.
constexpr double box_padding = 1e-7;

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

// The squared chord from a stored point to a query centre.
double squared_chord(const Stored& a, const Point3& b) {
    const double dx = double(a.x) - b.get<0>();
    const double dy = double(a.y) - b.get<1>();
    const double dz = double(a.z) - b.get<2>();
    return dx * dx + dy * dy + dz * dz;
}

// The squared distance from a point to a box: no point in the box is nearer.
double squared_distance(const FloatBox3& box, const Point3& p) {
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

    // A box holding every stored vector within the chord, so that the R-tree skips
    // nodes that only the chord ball (not its cap on the sphere) reaches: the box of
    // the points of the unit sphere within the chord plus the stored vectors' error,
    // padded by their error per coordinate, and rounded outward to floats.
    FloatBox3 cap_box(double squared_chord) const {
        const double chord = std::sqrt(squared_chord) + stored_error;
        if (!(chord < 2.0)) return FloatBox3({-2.0F, -2.0F, -2.0F}, {2.0F, 2.0F, 2.0F});
        const double cos_r = 1.0 - chord * chord / 2.0;
        const double sin_r = std::sqrt(std::max(0.0, 1.0 - cos_r * cos_r));
        double lo[3];
        double hi[3];
        const double c[3] = {m_centre.get<0>(), m_centre.get<1>(), m_centre.get<2>()};
        for (int i = 0; i < 3; ++i) {
            const double across = std::sqrt(std::max(0.0, 1.0 - c[i] * c[i]));
            hi[i] = c[i] >= cos_r ? 1.0 : c[i] * cos_r + across * sin_r;
            lo[i] = c[i] <= -cos_r ? -1.0 : c[i] * cos_r - across * sin_r;
        }
        const auto down = [](double x) {
            const auto f = static_cast<float>(x - box_padding);
            return double(f) > x - box_padding ? std::nextafter(f, -2.0F) : f;
        };
        const auto up = [](double x) {
            const auto f = static_cast<float>(x + box_padding);
            return double(f) < x + box_padding ? std::nextafter(f, 2.0F) : f;
        };
        return FloatBox3({down(lo[0]), down(lo[1]), down(lo[2])}, {up(hi[0]), up(hi[1]), up(hi[2])});
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
    VisitOutput& operator=(const Run& e) {
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

// The 16 bits of x and y, spread to the even bits.
std::uint32_t spread_bits(std::uint32_t x) {
    x = (x | (x << 8)) & 0x00FF00FFU;
    x = (x | (x << 4)) & 0x0F0F0F0FU;
    x = (x | (x << 2)) & 0x33333333U;
    x = (x | (x << 1)) & 0x55555555U;
    return x;
}

// The position of (x, y), each in [0, 1], along a Hilbert curve through a grid of
// 2^16 x 2^16 cells: points near each other on the curve are near each other. The
// curve's quadrant turns are found for all 16 levels at once by a prefix scan over the
// bits (as in the loop that turns one level at a time, giving the same keys), without
// its unpredictable branches.
std::uint32_t hilbert_key(double x, double y) {
    constexpr double side = 65536.0;
    const auto cx = static_cast<std::uint32_t>(std::clamp(x * side, 0.0, side - 1.0));
    const auto cy = static_cast<std::uint32_t>(std::clamp(y * side, 0.0, side - 1.0));
    std::uint32_t a = cx ^ cy;
    std::uint32_t b = 0xFFFFU ^ a;
    std::uint32_t c = 0xFFFFU ^ (cx | cy);
    std::uint32_t d = cx & (cy ^ 0xFFFFU);
    std::uint32_t ta = a | (b >> 1);
    std::uint32_t tb = (a >> 1) ^ a;
    std::uint32_t tc = ((c >> 1) ^ (b & (d >> 1))) ^ c;
    std::uint32_t td = ((a & (c >> 1)) ^ (d >> 1)) ^ d;
    for (const int shift : {2, 4, 8}) {
        a = ta;
        b = tb;
        c = tc;
        d = td;
        ta = (a & (a >> shift)) ^ (b & (b >> shift));
        tb = (a & (b >> shift)) ^ (b & ((a ^ b) >> shift));
        tc ^= (a & (c >> shift)) ^ (b & (d >> shift));
        td ^= (b & (c >> shift)) ^ ((a ^ b) & (d >> shift));
    }
    a = tc ^ (tc >> 1);
    b = td ^ (td >> 1);
    const std::uint32_t low = cx ^ cy;
    const std::uint32_t high = b | (0xFFFFU ^ (low | a));
    return (spread_bits(high) << 1) | spread_bits(low);
}

// Sorts values by their upper 32 bits, keeping the order of equal ones: two passes of
// 16 bits (a radix sort), several times faster than a comparison sort of ten million.
void sort_by_upper_half(UnfilledVector<std::uint64_t>& values) {
    UnfilledVector<std::uint64_t> other;
    other.resize(values.size());
    for (const int shift : {32, 48}) {
        std::vector<std::size_t> starts(65537, 0);
        for (const auto v : values) ++starts[((v >> shift) & 0xFFFFU) + 1];
        for (std::size_t d = 1; d < starts.size(); ++d) starts[d] += starts[d - 1];
        for (const auto v : values) other[starts[(v >> shift) & 0xFFFFU]++] = v;
        values.swap(other);
    }
}

// The lon/lat bounds of the valid points among `points`: lows, then highs (lows above
// highs when none is valid).
std::array<double, 4> lonlat_bounds(std::span<const LonLat> points) {
    const std::size_t parts = threads_for(points.size(), 100000);
    std::vector<std::array<double, 4>> bounds(parts, {infinity, infinity, -infinity, -infinity});
    for_each_task(parts, parts, [&](std::size_t k) {
        auto& b = bounds[k];
        for (std::size_t i = points.size() * k / parts; i < points.size() * (k + 1) / parts; ++i) {
            if (!is_valid(points[i])) continue;
            b = {std::min(b[0], points[i].lon_deg), std::min(b[1], points[i].lat_deg),
                 std::max(b[2], points[i].lon_deg), std::max(b[3], points[i].lat_deg)};
        }
    });
    for (const auto& b : bounds)
        bounds[0] = {std::min(bounds[0][0], b[0]), std::min(bounds[0][1], b[1]), std::max(bounds[0][2], b[2]),
                     std::max(bounds[0][3], b[3])};
    return bounds[0];
}

// The valid points of `points` in Hilbert order over their lon/lat bounds (ties by
// number), as stored vectors; keys, sort and vectors on all cores.
UnfilledVector<Stored> stored_in_curve_order(std::span<const LonLat> points) {
    const auto bounds = lonlat_bounds(points);  // west, south, east, north
    const double west = bounds[0], south = bounds[1];
    const double width = bounds[2] > west ? bounds[2] - west : 1.0;
    const double height = bounds[3] > south ? bounds[3] - south : 1.0;
    // Each point as (key << 32 | number), an invalid one as all ones.
    constexpr auto invalid = std::numeric_limits<std::uint64_t>::max();
    UnfilledVector<std::uint64_t> order;
    order.resize(points.size());
    std::atomic<std::size_t> invalid_count{0};
    for_each_range(points.size(), threads_for(points.size(), 100000), [&](std::size_t begin, std::size_t end) {
        std::size_t invalid_here = 0;
        for (std::size_t i = begin; i < end; ++i) {
            const bool valid = is_valid(points[i]);
            invalid_here += valid ? 0 : 1;
            order[i] = valid ? std::uint64_t{hilbert_key((points[i].lon_deg - west) / width,
                                                         (points[i].lat_deg - south) / height)} << 32 | i
                             : invalid;
        }
        invalid_count += invalid_here;
    });
    sort_by_upper_half(order);  // equal keys stay in the order of their numbers
    if (invalid_count > 0) std::erase(order, invalid);  // no valid one is all ones: its number is below 2^32 - 1

    UnfilledVector<Stored> stored;
    stored.resize(order.size());
    for_each_range(order.size(), threads_for(order.size(), 100000), [&](std::size_t begin, std::size_t end) {
        constexpr std::size_t ahead = 16;  // the points are read in no order: ask early
        for (std::size_t j = begin; j < end; ++j) {
            if (j + ahead < end) __builtin_prefetch(&points[static_cast<std::uint32_t>(order[j + ahead])]);
            const auto i = static_cast<std::uint32_t>(order[j]);
            const Point3 v = unit_vector(points[i]);
            stored[j] = {static_cast<float>(v.get<0>()), static_cast<float>(v.get<1>()),
                         static_cast<float>(v.get<2>()), i};
        }
    });
    return stored;
}

// The runs of `stored`, each with the box of its vectors (exact: floats' bounds).
std::vector<Run> runs_of(const UnfilledVector<Stored>& stored) {
    std::vector<Run> runs((stored.size() + run_points - 1) / run_points);
    for_each_range(runs.size(), threads_for(runs.size(), 10000), [&](std::size_t begin, std::size_t end) {
        for (std::size_t r = begin; r < end; ++r) {
            std::array<float, 3> lo{2.0F, 2.0F, 2.0F};
            std::array<float, 3> hi{-2.0F, -2.0F, -2.0F};
            for (std::size_t j = r * run_points; j < std::min(stored.size(), (r + 1) * run_points); ++j) {
                const std::array<float, 3> v{stored[j].x, stored[j].y, stored[j].z};
                for (int a = 0; a < 3; ++a) {
                    lo[a] = std::min(lo[a], v[a]);
                    hi[a] = std::max(hi[a], v[a]);
                }
            }
            runs[r] = Run(FloatBox3({lo[0], lo[1], lo[2]}, {hi[0], hi[1], hi[2]}), static_cast<std::uint32_t>(r));
        }
    });
    return runs;
}

} // namespace

struct PointIndex::Impl {
    UnfilledVector<LonLat> points;  // as given, for the exact distances
    UnfilledVector<Stored> stored;  // the valid ones, the only ones indexed, in runs
    Tree tree;                      // over the runs

    explicit Impl(std::span<const LonLat> input) {
        if (input.size() > std::numeric_limits<std::uint32_t>::max())
            throw LimitError(fmt::format("{} points: a point index holds at most {}; query a part of them at a time",
                                         input.size(), std::numeric_limits<std::uint32_t>::max()));
        points.resize(input.size());
        for_each_range(input.size(), threads_for(input.size(), 100000), [&](std::size_t begin, std::size_t end) {
            std::copy(input.begin() + static_cast<std::ptrdiff_t>(begin), input.begin() + static_cast<std::ptrdiff_t>(end),
                      points.begin() + static_cast<std::ptrdiff_t>(begin));
        });
        stored = stored_in_curve_order(points);
        const auto runs = runs_of(stored);
        // The range constructor bulk-loads: faster to build and to query than inserts.
        tree = Tree(runs.begin(), runs.end());
    }

    std::size_t indexed() const { return stored.size(); }

    // The stored points of run r.
    std::span<const Stored> run(std::uint32_t r) const {
        const std::size_t begin = std::size_t{r} * run_points;
        return {stored.data() + begin, std::min(stored.size(), begin + run_points) - begin};
    }

    // Calls visit(index, squared_chord) for every indexed point within the squared
    // chord (of its stored vector).
    template <typename F>
    void visit_within(const Screen& screen, double max_squared_chord, F&& visit) const {
        const auto on_run = [&](const Run& r) {
            for (const Stored& p : run(r.second)) {
                const double c2 = squared_chord(p, screen.centre());
                if (c2 <= max_squared_chord) visit(std::size_t{p.index}, c2);
            }
        };
        tree.query(bgi::intersects(screen.cap_box(max_squared_chord)), VisitOutput<decltype(on_run)>(on_run));
    }
};

PointIndex::PointIndex(std::span<const LonLat> points) : m_impl(std::make_unique<Impl>(points)) {}
PointIndex::~PointIndex() = default;
PointIndex::PointIndex(PointIndex&&) noexcept = default;
PointIndex& PointIndex::operator=(PointIndex&&) noexcept = default;

std::size_t PointIndex::size() const { return m_impl ? m_impl->points.size() : 0; }

std::vector<Neighbour> PointIndex::within(LonLat center, double radius_m) const {
    std::vector<Neighbour> found;
    if (!m_impl || m_impl->indexed() == 0 || !is_valid(center) || !(radius_m >= 0.0)) return found;
    const Screen screen(center);
    // Every match needs its exact distance anyway, so only the outer bound is used.
    // The candidates are listed first: their coordinates lie anywhere in memory, and
    // each is asked for a few inverses ahead of its own instead of waited on.
    std::vector<std::size_t> candidates;
    m_impl->visit_within(screen, screen.outer_squared_chord(radius_m),
                         [&](std::size_t index, double) { candidates.push_back(index); });
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
    if (!m_impl || m_impl->indexed() == 0 || !is_valid(center) || !(radius_m >= 0.0)) return 0;
    const Screen screen(center);
    const double inner = screen.inner_squared_chord(radius_m);
    std::size_t count = 0;
    m_impl->visit_within(screen, screen.outer_squared_chord(radius_m), [&](std::size_t index, double c2) {
        if (c2 <= inner || exact_distance_m(center, m_impl->points[index]) <= radius_m) ++count;
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
    m_impl->visit_within(screen, screen.outer_squared_chord(radius_m), [&](std::size_t j, double c2) {
        if (c2 <= inner || exact_distance_m(points[std::min(i, j)], points[std::max(i, j)]) <= radius_m)
            out.push_back(j);
    });
}

LonLat PointIndex::point(std::size_t i) const { return m_impl->points[i]; }

std::vector<Neighbour> PointIndex::nearest(LonLat center, std::size_t k, double max_distance_m) const {
    std::vector<Neighbour> best;
    if (!m_impl || m_impl->indexed() == 0 || k == 0 || !is_valid(center) || !(max_distance_m >= 0.0))
        return best;
    const Screen screen(center);
    const double max_chord2 = screen.outer_squared_chord(max_distance_m);
    // Points with a squared chord above this are certainly not in the answer: beyond
    // max_distance_m, or (once k are held) farther than the k-th best so far.
    double limit_chord2 = max_chord2;

    // `best` is a max-heap under nearer(): its front is the current k-th best.
    best.reserve(std::min(k, m_impl->indexed()));
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

    // The runs nearest the centre, with a few more points than k, usually show that no
    // unseen point can compete (at mid latitudes the bounds are within ~0.4% of each
    // other), so one R-tree pass suffices.
    const Tree& tree = m_impl->tree;
    const std::size_t runs_wanted = std::min<std::size_t>(
        std::min(tree.size(), (k + k / 2 + 4) / run_points + 2), std::numeric_limits<unsigned>::max());
    std::vector<std::uint32_t> seen;  // runs
    double farthest = 0.0;            // the largest squared distance to a run given
    std::vector<Candidate> candidates;
    const auto collect = [&](const Run& r) {
        seen.push_back(r.second);
        farthest = std::max(farthest, squared_distance(r.first, screen.centre()));
        for (const Stored& p : m_impl->run(r.second)) candidates.emplace_back(squared_chord(p, screen.centre()), p.index);
    };
    tree.query(bgi::nearest(screen.centre(), static_cast<unsigned>(runs_wanted)), VisitOutput<decltype(collect)>(collect));
    consider_all(candidates);
    // An unseen run is no nearer than the farthest run given (Boost measures boxes as
    // squared_distance does), nor its points: it needs a look only when that one was
    // within the final limit.
    std::vector<Candidate> more;
    if (runs_wanted < tree.size() && farthest <= limit_chord2) {
        std::sort(seen.begin(), seen.end());
        const auto on_run = [&](const Run& r) {
            if (std::binary_search(seen.begin(), seen.end(), r.second)) return;
            for (const Stored& p : m_impl->run(r.second)) {
                const double c2 = squared_chord(p, screen.centre());
                if (c2 <= limit_chord2) more.emplace_back(c2, p.index);
            }
        };
        tree.query(bgi::intersects(screen.cap_box(limit_chord2)), VisitOutput<decltype(on_run)>(on_run));
    }
    consider_all(more);
    std::sort(best.begin(), best.end(), nearer);
    return best;
}

} // namespace depmap::geo
