#include "geo/polygon_index.hpp"

#include <catch2/catch.hpp>

#include <boost/geometry/algorithms/correct.hpp>
#include <boost/geometry/algorithms/covered_by.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iomanip>
#include <limits>
#include <optional>
#include <random>
#include <vector>

using depmap::geo::LonLat;
using depmap::geo::MultiPolygon;
using depmap::geo::Polygon;
using depmap::geo::PolygonIndex;

namespace {

using Ring = Polygon::ring_type;

// A closed counter-clockwise rectangle ring.
Ring rectangle(double x0, double y0, double x1, double y1) {
    return Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
}

Ring reversed(Ring ring) {
    std::reverse(ring.begin(), ring.end());
    return ring;
}

Polygon polygon(Ring outer, std::vector<Ring> holes = {}) {
    Polygon p;
    p.outer() = std::move(outer);
    for (auto& hole : holes) p.inners().push_back(std::move(hole));
    return p;
}

MultiPolygon multi(std::vector<Polygon> parts) {
    MultiPolygon m;
    for (auto& part : parts) m.push_back(std::move(part));
    return m;
}

// A closed star-shaped ring around (cx, cy) with radii in [r0, r1], the way round asked.
Ring star(std::mt19937_64& rng, double cx, double cy, double r0, double r1, int vertices, bool ccw) {
    std::uniform_real_distribution<double> radius(r0, r1);
    const double pi = std::acos(-1.0);
    Ring ring;
    for (int i = 0; i < vertices; ++i) {
        const double a = 2.0 * pi * i / vertices * (ccw ? 1.0 : -1.0);
        const double r = radius(rng);
        ring.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
    }
    ring.push_back(ring.front());
    return ring;
}

// The answer by definition: the lowest-indexed polygon that covers the point.
std::optional<std::size_t> brute_force(const std::vector<MultiPolygon>& corrected, LonLat p) {
    for (std::size_t i = 0; i < corrected.size(); ++i)
        if (boost::geometry::covered_by(p, corrected[i])) return i;
    return std::nullopt;
}

// Points that hit the polygons' vertices and edges exactly or almost, and random ones.
// Every `stride`-th edge is probed, to keep the brute force affordable on big rings.
std::vector<LonLat> probe_points(std::mt19937_64& rng, const std::vector<MultiPolygon>& polygons,
                                 std::size_t random_count, double x0, double y0, double x1, double y1,
                                 std::size_t stride = 1) {
    std::vector<LonLat> points;
    std::uniform_real_distribution<double> t(0.0, 1.0);
    for (const auto& m : polygons) {
        for (const auto& part : m) {
            std::vector<const Ring*> rings{&part.outer()};
            for (const auto& hole : part.inners()) rings.push_back(&hole);
            for (const Ring* ring : rings) {
                for (std::size_t i = 0; i + 1 < ring->size(); i += stride) {
                    const LonLat a = (*ring)[i];
                    const LonLat b = (*ring)[i + 1];
                    const double s = t(rng);
                    const double up = std::numeric_limits<double>::infinity();
                    points.push_back(a);
                    points.push_back({std::nextafter(a.lon_deg, up), a.lat_deg});
                    points.push_back({a.lon_deg, std::nextafter(a.lat_deg, -up)});
                    points.push_back({(a.lon_deg + b.lon_deg) / 2, (a.lat_deg + b.lat_deg) / 2});
                    points.push_back({a.lon_deg + s * (b.lon_deg - a.lon_deg), a.lat_deg + s * (b.lat_deg - a.lat_deg)});
                    points.push_back({a.lon_deg + s * (b.lon_deg - a.lon_deg) + 1e-9, a.lat_deg});
                    points.push_back({a.lon_deg, a.lat_deg + s * (b.lat_deg - a.lat_deg)});
                }
            }
        }
    }
    std::uniform_real_distribution<double> x(x0, x1);
    std::uniform_real_distribution<double> y(y0, y1);
    for (std::size_t i = 0; i < random_count; ++i) points.push_back({x(rng), y(rng)});
    std::shuffle(points.begin(), points.end(), rng);
    return points;
}

// locate, locate_all and the brute force agree on every point; returns how many points
// some polygon covers, so callers can check the probe was not vacuous.
std::size_t check_against_brute_force(const std::vector<MultiPolygon>& polygons, const std::vector<LonLat>& points) {
    const PolygonIndex index(polygons);
    const auto all = index.locate_all(points);
    std::vector<MultiPolygon> corrected = polygons;
    for (auto& m : corrected) boost::geometry::correct(m);
    REQUIRE(all.size() == points.size());
    std::size_t covered = 0;
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto expected = brute_force(corrected, points[i]);
        const auto one = index.locate(points[i]);
        if (one != expected || all[i] != expected) {
            ++mismatches;
            if (mismatches <= 5) {
                INFO("point " << i << std::setprecision(17) << " (" << points[i].lon_deg << ", "
                               << points[i].lat_deg << "): expected " << (expected ? int(*expected) : -1)
                               << ", locate " << (one ? int(*one) : -1) << ", locate_all "
                               << (all[i] ? int(*all[i]) : -1));
                CHECK(one == expected);
                CHECK(all[i] == expected);
            }
        }
        if (expected) ++covered;
    }
    CHECK(mismatches == 0);
    return covered;
}

const std::optional<std::size_t> none = std::nullopt;

} // namespace

TEST_CASE("polygon index: a square with a hole", "[geo]") {
    const std::vector<MultiPolygon> polygons{multi({polygon(rectangle(0, 0, 10, 10), {reversed(rectangle(4, 4, 6, 6))})})};
    const PolygonIndex index(polygons);

    CHECK(index.locate({1, 1}) == 0u);
    CHECK(index.locate({9.5, 5}) == 0u);
    CHECK(index.locate({5, 5}) == none);     // in the hole
    CHECK(index.locate({4.5, 5.9}) == none); // in the hole, near its edge
    CHECK(index.locate({10, 5}) == 0u);      // on the outer edge
    CHECK(index.locate({3, 0}) == 0u);
    CHECK(index.locate({4, 5}) == 0u);       // on the hole's edge
    CHECK(index.locate({5, 6}) == 0u);
    CHECK(index.locate({0, 0}) == 0u);       // vertices
    CHECK(index.locate({10, 10}) == 0u);
    CHECK(index.locate({6, 6}) == 0u);
    CHECK(index.locate({10.000001, 5}) == none);
    CHECK(index.locate({-1, -1}) == none);
}

TEST_CASE("polygon index: a multipolygon with two parts", "[geo]") {
    const std::vector<MultiPolygon> polygons{
        multi({polygon(rectangle(0, 0, 1, 1)), polygon(rectangle(5, 5, 6, 6))}),
        multi({polygon(rectangle(2, 2, 3, 3))}),
    };
    const PolygonIndex index(polygons);

    CHECK(index.locate({0.5, 0.5}) == 0u);
    CHECK(index.locate({5.5, 5.5}) == 0u);
    CHECK(index.locate({6, 6}) == 0u);
    CHECK(index.locate({2.5, 2.5}) == 1u);
    CHECK(index.locate({3.5, 3.5}) == none); // between the parts, inside their common box
    CHECK(index.locate({4, 1}) == none);
}

TEST_CASE("polygon index: two squares sharing an edge", "[geo]") {
    const Ring west = rectangle(0, 0, 1, 1);
    const Ring east = rectangle(1, 0, 2, 1);

    SECTION("a point on the shared edge goes to the lower index") {
        const std::vector<MultiPolygon> we{multi({polygon(west)}), multi({polygon(east)})};
        const std::vector<MultiPolygon> ew{multi({polygon(east)}), multi({polygon(west)})};
        CHECK(PolygonIndex(we).locate({1, 0.5}) == 0u);
        CHECK(PolygonIndex(ew).locate({1, 0.5}) == 0u);
        CHECK(PolygonIndex(we).locate({1, 1}) == 0u); // shared vertex
        CHECK(PolygonIndex(ew).locate({1, 0}) == 0u);
        CHECK(PolygonIndex(we).locate({1.5, 0.5}) == 1u);
        CHECK(PolygonIndex(ew).locate({0.5, 0.5}) == 1u);
    }

    SECTION("every point of a lattice over both is counted once") {
        const std::vector<MultiPolygon> polygons{multi({polygon(west)}), multi({polygon(east)})};
        std::vector<LonLat> points;
        for (int i = 0; i <= 8; ++i)
            for (int j = 0; j <= 4; ++j) points.push_back({i * 0.25, j * 0.25});
        const auto found = PolygonIndex(polygons).locate_all(points);
        std::size_t counts[2] = {0, 0};
        std::size_t missing = 0;
        for (const auto& f : found) {
            if (f) ++counts[*f];
            else ++missing;
        }
        CHECK(missing == 0);
        CHECK(counts[0] == 25); // x = 0 .. 1, the shared edge included
        CHECK(counts[1] == 20); // x = 1.25 .. 2
    }
}

TEST_CASE("polygon index: points outside everything", "[geo]") {
    const std::vector<MultiPolygon> polygons{multi({polygon(rectangle(0, 0, 1, 1))}),
                                             multi({polygon(rectangle(2, 0, 3, 1))})};
    const PolygonIndex index(polygons);
    CHECK(index.locate({1.5, 0.5}) == none);
    CHECK(index.locate({0.5, 1.5}) == none);
    CHECK(index.locate({-180, -90}) == none);
    CHECK(index.locate({std::nan(""), 0.5}) == none);
    CHECK(index.locate({0.5, std::numeric_limits<double>::infinity()}) == none);

    const PolygonIndex empty(std::vector<MultiPolygon>{});
    CHECK(empty.locate({0.5, 0.5}) == none);
    CHECK(empty.locate_all(std::vector<LonLat>(20000, LonLat{0.5, 0.5})) ==
          std::vector<std::optional<std::size_t>>(20000));
}

TEST_CASE("polygon index: rings given clockwise or unclosed", "[geo]") {
    // Exterior clockwise, hole counter-clockwise: the reverse of the stored convention.
    const std::vector<MultiPolygon> clockwise{
        multi({polygon(reversed(rectangle(0, 0, 10, 10)), {rectangle(4, 4, 6, 6)})})};
    const PolygonIndex index(clockwise);
    CHECK(index.locate({1, 1}) == 0u);
    CHECK(index.locate({5, 5}) == none);
    CHECK(index.locate({4, 5}) == 0u);
    CHECK(index.locate({10, 10}) == 0u);
    CHECK(index.locate({11, 5}) == none);

    // A triangle whose missing closing edge is its hypotenuse.
    const std::vector<MultiPolygon> unclosed{multi({polygon(Ring{{20, 2}, {20, 0}, {22, 0}})})};
    const PolygonIndex open_index(unclosed);
    CHECK(open_index.locate({20.5, 0.5}) == 0u);
    CHECK(open_index.locate({21, 1}) == 0u);         // on the closing edge
    CHECK(open_index.locate({21.5, 1.5}) == none);   // in its box, beyond the closing edge
    CHECK(open_index.locate({19.5, 0.5}) == none);
}

TEST_CASE("polygon index: a 4 x 3 grid of cells counts each point once", "[geo]") {
    // Cells numbered west to east, then south to north, bounds computed as the peers do.
    std::vector<MultiPolygon> cells;
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 4; ++c)
            cells.push_back(multi({polygon(rectangle(97.2 + c * 7.2, 37.4 + r * 5.3, 97.2 + (c + 1) * 7.2,
                                                     37.4 + (r + 1) * 5.3))}));
    const PolygonIndex index(cells);
    CHECK(index.locate({100, 40}) == 0u);
    CHECK(index.locate({125, 52}) == 11u);
    CHECK(index.locate({97.2 + 7.2, 40}) == 0u);              // edge between cells 0 and 1
    CHECK(index.locate({110, 37.4 + 5.3}) == 1u);             // edge between cells 1 and 5
    CHECK(index.locate({97.2 + 7.2, 37.4 + 5.3}) == 0u);      // corner of cells 0, 1, 4, 5
    CHECK(index.locate({126.0, 53.3}) == 11u);                // the grid's far corner
    CHECK(index.locate({126.0 + 1e-9, 53.3}) == none);

    std::mt19937_64 rng(7);
    const auto points = probe_points(rng, cells, 30000, 96, 37, 127, 54);
    CHECK(check_against_brute_force(cells, points) > 20000);
}

TEST_CASE("polygon index: locate_all equals locate and the brute force on random polygons", "[geo]") {
    std::mt19937_64 rng(20240611);
    std::vector<MultiPolygon> polygons;
    // Overlapping stars, some with holes, some clockwise, some in two parts.
    for (int i = 0; i < 12; ++i) {
        std::uniform_real_distribution<double> centre(0.0, 20.0);
        const double cx = centre(rng);
        const double cy = centre(rng);
        const bool ccw = i % 3 != 0;
        Polygon p = polygon(star(rng, cx, cy, 2.0, 5.0, 8 + 7 * i, ccw));
        if (i % 2 == 0) p.inners().push_back(star(rng, cx, cy, 0.5, 1.5, 5 + i, !ccw));
        MultiPolygon m = multi({p});
        if (i % 4 == 1) m.push_back(polygon(star(rng, cx + 12.0, cy - 9.0, 0.5, 2.0, 6, ccw)));
        polygons.push_back(m);
    }
    // Rectangles sharing edges and corners with each other, on an exact lattice.
    for (int c = 0; c < 3; ++c)
        for (int r = 0; r < 2; ++r) polygons.push_back(multi({polygon(rectangle(c * 2.5, r * 2.5, (c + 1) * 2.5, (r + 1) * 2.5))}));

    auto points = probe_points(rng, polygons, 40000, -8, -14, 40, 28);
    for (int i = 0; i <= 32; ++i)
        for (int j = 0; j <= 24; ++j) points.push_back({i * 0.25, j * 0.25});
    CHECK(points.size() > 40000); // far more than one thread's share
    CHECK(check_against_brute_force(polygons, points) > 10000);
}

TEST_CASE("polygon index: a polygon with thousands of vertices and a hole", "[geo]") {
    std::mt19937_64 rng(99);
    std::vector<MultiPolygon> polygons{
        multi({polygon(star(rng, 110, 45, 3.0, 8.0, 1600, true), {star(rng, 110, 45, 0.5, 2.5, 400, false)})}),
        multi({polygon(rectangle(104, 40, 112, 46))}),
    };
    const auto points = probe_points(rng, polygons, 6000, 100, 35, 120, 55, 4);
    CHECK(check_against_brute_force(polygons, points) > 3000);

    const PolygonIndex index(polygons);
    CHECK(index.locate({110, 45}) == 1u); // in the star's hole, inside the rectangle
    CHECK(index.locate({119.5, 54.5}) == none);
}
