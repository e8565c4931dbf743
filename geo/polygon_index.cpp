#include "geo/polygon_index.hpp"

#include "base/parallel.hpp"

#include <boost/container/small_vector.hpp>
#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <utility>

namespace depmap::geo {

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

using RtreeBox = bg::model::box<LonLat>;
// The box of one polygon part and the part's number in PolygonIndex::Impl::m_parts.
using Entry = std::pair<RtreeBox, std::uint32_t>;
using Rtree = bgi::rtree<Entry, bgi::quadratic<16>>;

constexpr double k_eps = std::numeric_limits<double>::epsilon();
// Fewer points than this per thread cost more in thread start-up than they save.
constexpr std::size_t k_min_chunk = 8192;
// A ring needs 4 points when closed; boost::geometry treats a shorter one as empty.
constexpr std::size_t k_min_ring_size = 4;
constexpr std::uint32_t k_max_slabs = 1u << 16;

// One ring edge as the prepared test reads it.
struct Edge {
    double x1, y1, x2, y2;
    // The edge's box, widened so that every point that boost::geometry could place on
    // the edge (its tolerances) or whose side of the edge rounding could flip is inside.
    double min_x, max_x, min_y, max_y;
    std::uint32_t ring; // 0 = exterior, 1.. = holes in order
};

enum class Side { outside, covered, unsure };

// One polygon part with its edges bucketed into horizontal slabs, so that a point only
// looks at the few edges near its latitude instead of walking thousands of vertices.
//
// The answer is the winding number of each ring (a horizontal ray, half-open rule),
// which is exact whenever the point is clearly away from every edge; boost::geometry's
// covered_by (nonzero winding per ring, holes subtracted) agrees with exact arithmetic
// there. When a point is within the tolerance band of an edge the part answers
// `unsure` and the caller asks covered_by itself, so boundary points keep its rules.
struct Part {
    std::size_t polygon = 0;
    const Polygon* shape = nullptr;
    double y0 = 0.0;
    double inv_slab_height = 0.0;
    std::uint32_t slabs = 1;
    double tolerance = 0.0; // scales the determinant's "too close to call" band
    std::vector<std::uint32_t> offsets; // edges of slab s: [offsets[s], offsets[s + 1])
    std::vector<Edge> edges;

    // Monotonic in y, so an edge listed for slab_of(lo)..slab_of(hi) is seen by every
    // point with lo <= y <= hi.
    std::uint32_t slab_of(double y) const {
        const double t = (y - y0) * inv_slab_height;
        if (!(t > 0.0)) return 0;
        if (t >= static_cast<double>(slabs)) return slabs - 1;
        return static_cast<std::uint32_t>(t);
    }

    Side classify(LonLat p) const {
        const double px = p.lon_deg;
        const double py = p.lat_deg;
        const std::uint32_t slab = slab_of(py);
        int winding = 0;
        std::uint32_t ring = 0;
        for (std::uint32_t i = offsets[slab], end = offsets[slab + 1]; i < end; ++i) {
            const Edge& e = edges[i];
            if (e.ring != ring) {
                // Rings come in order; a finished exterior the ray leaves at zero, or a
                // finished hole around the point, decides it (as covered_by does).
                if (ring == 0 ? winding == 0 : winding != 0) return Side::outside;
                ring = e.ring;
                winding = 0;
            }
            if (py < e.min_y || py > e.max_y) continue;
            const bool up = e.y1 <= py && py < e.y2;
            const bool down = e.y2 <= py && py < e.y1;
            if (px < e.min_x) {
                winding += static_cast<int>(up) - static_cast<int>(down);
                continue;
            }
            if (px > e.max_x) continue;
            const double dx = e.x2 - e.x1;
            const double dy = e.y2 - e.y1;
            const double dpx = px - e.x1;
            const double dpy = py - e.y1;
            const double det = dx * dpy - dy * dpx;
            const double scale = std::abs(dx) + std::abs(dy) + 1.0;
            if (std::abs(det) <= tolerance * scale * (std::abs(dpx) + std::abs(dpy) + scale))
                return Side::unsure;
            if (up && det > 0.0) ++winding;
            else if (down && det < 0.0) --winding;
        }
        if (ring == 0) return winding != 0 ? Side::covered : Side::outside;
        return winding != 0 ? Side::outside : Side::covered;
    }

    bool covers(LonLat p) const {
        const Side side = classify(p);
        if (side != Side::unsure) return side == Side::covered;
        return bg::covered_by(p, *shape);
    }
};

bool finite(const LonLat& p) { return std::isfinite(p.lon_deg) && std::isfinite(p.lat_deg); }

bool all_finite(const Polygon& polygon) {
    const auto finite_ring = [](const auto& ring) { return std::all_of(ring.begin(), ring.end(), finite); };
    if (!finite_ring(polygon.outer())) return false;
    return std::all_of(polygon.inners().begin(), polygon.inners().end(), finite_ring);
}

// Fills the slabs of `part`; `shape` has a proper exterior ring and finite coordinates.
// Returns the box of every point covered_by could place in or on the part: its envelope
// widened by the tolerance bands, so the rtree filter never rejects what covered_by,
// with its tolerances, would accept.
Box prepare(Part& part, const Polygon& shape) {
    std::vector<const Polygon::ring_type*> rings{&shape.outer()};
    for (const auto& inner : shape.inners())
        if (inner.size() >= k_min_ring_size) rings.push_back(&inner); // shorter: no hole

    Box box;
    for (const LonLat& p : shape.outer()) box.extend(p);
    const double width = box.max_lon_deg - box.min_lon_deg;
    const double height = box.max_lat_deg - box.min_lat_deg;
    double magnitude = std::max({1.0, width, height});
    for (double v : {box.min_lon_deg, box.max_lon_deg, box.min_lat_deg, box.max_lat_deg})
        magnitude = std::max(magnitude, std::abs(v));
    // boost::geometry calls coordinates equal within eps * magnitude and a side zero
    // within eps * magnitude of the determinant, and rounding adds a few eps more. The
    // margin and the determinant band below are far wider, so every point those could
    // judge differently from exact arithmetic comes out unsure.
    const double margin = 1e-10 * magnitude;
    part.tolerance = 64.0 * k_eps * magnitude;

    std::vector<Edge> edges;
    double sum_dy = 0.0;
    for (std::uint32_t r = 0; r < rings.size(); ++r) {
        const auto& ring = *rings[r];
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const LonLat a = ring[i];
            const LonLat b = ring[i + 1];
            const double dx = std::abs(b.lon_deg - a.lon_deg);
            // covered_by's side test for a nearly vertical edge reaches about
            // eps * magnitude / |dx| above and below it; widen by that, up to a cap.
            double reach = margin;
            if (dx > 0.0) reach += std::min(32.0 * k_eps * magnitude / dx, 16.0 * magnitude);
            edges.push_back(Edge{a.lon_deg, a.lat_deg, b.lon_deg, b.lat_deg,
                                 std::min(a.lon_deg, b.lon_deg) - margin,
                                 std::max(a.lon_deg, b.lon_deg) + margin,
                                 std::min(a.lat_deg, b.lat_deg) - reach,
                                 std::max(a.lat_deg, b.lat_deg) + reach, r});
            sum_dy += std::abs(b.lat_deg - a.lat_deg);
        }
    }

    // About one slab per edge, fewer when tall edges would be copied into too many.
    const double n = static_cast<double>(edges.size());
    double slabs = std::max(1.0, n);
    if (sum_dy > 0.0) slabs = std::min(slabs, 8.0 * n * height / sum_dy);
    part.slabs = static_cast<std::uint32_t>(std::clamp(slabs, 1.0, double(k_max_slabs)));
    part.y0 = box.min_lat_deg;
    part.inv_slab_height = height > 0.0 ? part.slabs / height : 0.0;

    // Counting pass then filling pass; edges keep their ring order within a slab.
    part.offsets.assign(part.slabs + 1, 0);
    for (const Edge& e : edges)
        for (std::uint32_t s = part.slab_of(e.min_y), last = part.slab_of(e.max_y); s <= last; ++s)
            ++part.offsets[s + 1];
    for (std::uint32_t s = 0; s < part.slabs; ++s) part.offsets[s + 1] += part.offsets[s];
    part.edges.resize(part.offsets.back());
    std::vector<std::uint32_t> fill(part.offsets.begin(), part.offsets.end() - 1);
    for (const Edge& e : edges)
        for (std::uint32_t s = part.slab_of(e.min_y), last = part.slab_of(e.max_y); s <= last; ++s)
            part.edges[fill[s]++] = e;

    Box reach;
    for (const Edge& e : edges) {
        reach.extend(LonLat{e.min_x, e.min_y});
        reach.extend(LonLat{e.max_x, e.max_y});
    }
    return reach;
}

} // namespace

struct PolygonIndex::Impl {
    std::vector<MultiPolygon> m_polygons; // corrected copies; m_parts point into them
    std::vector<Part> m_parts;            // ordered by polygon, then part
    Rtree m_tree;

    explicit Impl(std::span<const MultiPolygon> polygons) : m_polygons(polygons.begin(), polygons.end()) {
        std::vector<Entry> entries;
        for (std::size_t i = 0; i < m_polygons.size(); ++i) {
            // Rings may come either way round or unclosed.
            bg::correct(m_polygons[i]);
            for (const Polygon& shape : m_polygons[i]) {
                // A part without a proper exterior covers nothing (as for covered_by); one
                // with a non-finite coordinate has no box and is left out too.
                if (shape.outer().size() < k_min_ring_size || !all_finite(shape)) continue;
                Part part;
                part.polygon = i;
                part.shape = &shape;
                const Box box = prepare(part, shape);
                entries.emplace_back(RtreeBox{{box.min_lon_deg, box.min_lat_deg}, {box.max_lon_deg, box.max_lat_deg}},
                                     static_cast<std::uint32_t>(m_parts.size()));
                m_parts.push_back(std::move(part));
            }
        }
        m_tree = Rtree(entries.begin(), entries.end()); // packing construction
    }

    std::optional<std::size_t> locate(LonLat point) const {
        if (!finite(point)) return std::nullopt;
        boost::container::small_vector<std::uint32_t, 16> candidates;
        m_tree.query(bgi::intersects(point),
                     boost::make_function_output_iterator([&](const Entry& e) { candidates.push_back(e.second); }));
        // Parts are numbered in polygon order, so the first covering part has the lowest
        // polygon index. Usually one or two candidates: insertion sort for those.
        if (candidates.size() > 16) {
            std::sort(candidates.begin(), candidates.end());
        } else {
            for (std::size_t i = 1; i < candidates.size(); ++i)
                for (std::size_t j = i; j > 0 && candidates[j] < candidates[j - 1]; --j)
                    std::swap(candidates[j], candidates[j - 1]);
        }
        for (std::uint32_t id : candidates)
            if (m_parts[id].covers(point)) return m_parts[id].polygon;
        return std::nullopt;
    }
};

PolygonIndex::PolygonIndex(std::span<const MultiPolygon> polygons) : m_impl(std::make_unique<Impl>(polygons)) {}
PolygonIndex::~PolygonIndex() = default;
PolygonIndex::PolygonIndex(PolygonIndex&&) noexcept = default;
PolygonIndex& PolygonIndex::operator=(PolygonIndex&&) noexcept = default;

std::optional<std::size_t> PolygonIndex::locate(LonLat point) const { return m_impl->locate(point); }

std::vector<std::optional<std::size_t>> PolygonIndex::locate_all(std::span<const LonLat> points) const {
    std::vector<std::optional<std::size_t>> result(points.size());
    const auto run = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) result[i] = m_impl->locate(points[i]);
    };

    for_each_range(points.size(), threads_for(points.size(), k_min_chunk), run);
    return result;
}

} // namespace depmap::geo
