// Equal-area grids: every cell's geodesic area against the nominal one, and each
// point's cell against a brute-force search over the cell centres.
#include "geo/area.hpp"
#include "base/error.hpp"
#include "geo/grid.hpp"
#include "geo/polygon_index.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace depmap::geo;

namespace {

// The bench box around Inner Mongolia (../shared/bench-peers/README.md).
const Box inner_mongolia{97.2, 37.4, 126.0, 53.3};

double worst_area_error(const Grid& grid) {
    double worst = 0;
    for (std::int32_t row = 0; row < grid.rows(); ++row)
        for (std::int32_t col = 0; col < grid.cols(); ++col) {
            const double area = area_m2(grid.polygon({row, col}));
            worst = std::max(worst, std::abs(area / grid.cell_area_m2() - 1));
        }
    return worst;
}

double squared_distance(XY a, XY b) { return (a.x_m - b.x_m) * (a.x_m - b.x_m) + (a.y_m - b.y_m) * (a.y_m - b.y_m); }

} // namespace

TEST_CASE("grid: every cell over Inner Mongolia has the nominal area on the ellipsoid", "[geo][grid]") {
    // Geodesic areas (Karney, tested against GeographicLib's Planimeter) of the lon/lat
    // outlines, against cell_m squared: within the 0.01 % geo/grid.hpp promises.
    SECTION("10 km squares") {
        const Grid grid(inner_mongolia, {10000.0, CellShape::Square});
        CHECK(grid.size() > 40000);
        CHECK(worst_area_error(grid) < 0.0001);
    }
    SECTION("25 km hexagons") {
        const Grid grid(inner_mongolia, {25000.0, CellShape::Hexagon});
        CHECK(worst_area_error(grid) < 0.0001);
    }
    SECTION("200 and 500 km squares and hexagons, densified") {
        for (const double cell_m : {200000.0, 500000.0}) {
            CHECK(worst_area_error(Grid(inner_mongolia, {cell_m, CellShape::Square})) < 0.0001);
            CHECK(worst_area_error(Grid(inner_mongolia, {cell_m, CellShape::Hexagon})) < 0.0001);
        }
    }
}

TEST_CASE("grid: without densification large cells miss the promise", "[geo][grid]") {
    // So the area test above can fail: 500 km squares with only their corners are
    // 0.08 % off at the grid's edges.
    GridOptions corners_only{500000.0, CellShape::Square};
    corners_only.max_vertex_spacing_m = 1e9;
    CHECK(worst_area_error(Grid(inner_mongolia, corners_only)) > 0.0001);
}

TEST_CASE("grid: hexagons have the area of the square of the cell size", "[geo][grid]") {
    const Grid grid(inner_mongolia, {30000.0, CellShape::Hexagon});
    const auto ring = grid.outline({3, 4});
    REQUIRE(ring.size() == 7);
    double twice = 0;  // shoelace, in projected metres
    for (std::size_t k = 0; k + 1 < ring.size(); ++k)
        twice += ring[k].x_m * ring[k + 1].y_m - ring[k + 1].x_m * ring[k].y_m;
    CHECK(twice / 2 == Approx(30000.0 * 30000.0).epsilon(1e-12));
    // Its six sides are equal.
    for (std::size_t k = 0; k + 1 < ring.size(); ++k)
        CHECK(std::sqrt(squared_distance(ring[k], ring[k + 1])) == Approx(30000.0 * std::sqrt(2 / (3 * std::sqrt(3.0)))));
}

TEST_CASE("grid: each point's cell is the one with the nearest centre", "[geo][grid]") {
    // Square and hexagonal cells are the Voronoi cells of their centres, so brute force
    // over every centre finds the same cell.
    for (const auto shape : {CellShape::Square, CellShape::Hexagon}) {
        const Grid grid(inner_mongolia, {150000.0, shape});
        std::mt19937 random(7);
        std::uniform_real_distribution<double> lon(inner_mongolia.min_lon_deg, inner_mongolia.max_lon_deg);
        std::uniform_real_distribution<double> lat(inner_mongolia.min_lat_deg, inner_mongolia.max_lat_deg);
        int mismatches = 0;
        for (int n = 0; n < 3000; ++n) {
            const XY p = grid.projection().forward(LonLat{lon(random), lat(random)});
            const CellIndex found = grid.cell_of(p);
            REQUIRE(grid.contains(found));
            double best = std::numeric_limits<double>::infinity();
            CellIndex nearest{};
            for (std::int32_t row = 0; row < grid.rows(); ++row)
                for (std::int32_t col = 0; col < grid.cols(); ++col)
                    if (const double d = squared_distance(p, grid.centre({row, col})); d < best) {
                        best = d;
                        nearest = {row, col};
                    }
            mismatches += !(found == nearest);
        }
        CHECK(mismatches == 0);
    }
}

TEST_CASE("grid: points lie in the outline of the cell that counts them", "[geo][grid]") {
    // Boost.Geometry's containment in the lon/lat outlines, as a GIS draws them, against
    // the arithmetic: only points within metres of an edge may differ.
    for (const auto shape : {CellShape::Square, CellShape::Hexagon}) {
        const Grid grid(inner_mongolia, {50000.0, shape});
        std::vector<MultiPolygon> outlines;
        for (std::int32_t row = 0; row < grid.rows(); ++row)
            for (std::int32_t col = 0; col < grid.cols(); ++col) outlines.push_back(MultiPolygon{grid.polygon({row, col})});
        std::mt19937 random(5);
        std::uniform_real_distribution<double> lon(97.2, 126.0), lat(37.4, 53.3);
        std::vector<LonLat> points(100000);
        for (auto& p : points) p = {lon(random), lat(random)};
        const auto where = PolygonIndex(outlines).locate_all(points);
        const auto cells = grid.flat_cells(points);
        int elsewhere = 0;
        for (std::size_t i = 0; i < points.size(); ++i)
            elsewhere += !where[i] || static_cast<std::int64_t>(*where[i]) != cells[i];
        CHECK(elsewhere <= 10);
    }
}

TEST_CASE("grid: a point on a square's edge lies south or west of it", "[geo][grid]") {
    // 10 km squares: centres and edges are exact in binary floating point.
    const Grid grid(inner_mongolia, {10000.0, CellShape::Square});
    const CellIndex c{20, 30};
    const XY m = grid.centre(c);
    CHECK(grid.cell_of(XY{m.x_m + 5000, m.y_m}) == c);                        // east edge: c
    CHECK(grid.cell_of(XY{m.x_m, m.y_m + 5000}) == c);                        // north edge: c
    CHECK(grid.cell_of(XY{m.x_m + 5000, m.y_m + 5000}) == c);                 // north-east corner: c
    CHECK(grid.cell_of(XY{m.x_m - 5000, m.y_m}) == CellIndex{20, 29});        // west edge: its west neighbour
    CHECK(grid.cell_of(XY{m.x_m, m.y_m - 5000}) == CellIndex{19, 30});        // south edge: its south neighbour
    CHECK(Grid::id(c) == "r20c30");
}

TEST_CASE("grid: rows count from the south, columns from the west", "[geo][grid]") {
    const Grid grid(inner_mongolia, {100000.0, CellShape::Square});
    // In the projection meridians converge northwards and parallels are arcs around
    // the pole, lowest on the central meridian: the westmost and eastmost points are
    // the southern corners, the southmost the middle of the southern edge, the
    // northmost the northern corners.
    const auto cell = [&](double lon, double lat) { return grid.cell_of(grid.projection().forward({lon, lat})); };
    const double mid_lon = (inner_mongolia.min_lon_deg + inner_mongolia.max_lon_deg) / 2;
    CHECK(cell(inner_mongolia.min_lon_deg, inner_mongolia.min_lat_deg).col == 0);
    CHECK(cell(inner_mongolia.max_lon_deg, inner_mongolia.min_lat_deg).col == grid.cols() - 1);
    CHECK(cell(mid_lon, inner_mongolia.min_lat_deg).row == 0);
    CHECK(cell(inner_mongolia.max_lon_deg, inner_mongolia.max_lat_deg).row == grid.rows() - 1);
    CHECK(grid.centre({1, 0}).y_m > grid.centre({0, 0}).y_m);
    CHECK(grid.centre({0, 1}).x_m > grid.centre({0, 0}).x_m);
    // The box's corners and edges are all in the grid.
    for (double t = 0; t <= 1; t += 0.01) {
        const double lon = inner_mongolia.min_lon_deg + t * (inner_mongolia.max_lon_deg - inner_mongolia.min_lon_deg);
        CHECK(grid.contains(grid.cell_of(grid.projection().forward({lon, inner_mongolia.min_lat_deg}))));
        CHECK(grid.contains(grid.cell_of(grid.projection().forward({lon, inner_mongolia.max_lat_deg}))));
    }
}

TEST_CASE("grid: flat_cells agrees with cell_of on both cores", "[geo][grid][parallel]") {
    const Grid grid(inner_mongolia, {20000.0, CellShape::Hexagon});
    std::mt19937 random(11);
    std::uniform_real_distribution<double> lon(97.2, 126.0), lat(37.4, 53.3);
    std::vector<LonLat> points(200000);
    for (auto& p : points) p = {lon(random), lat(random)};
    points.push_back({10.0, 10.0});  // far outside
    const auto cells = grid.flat_cells(points);
    CHECK(cells.back() == -1);
    int mismatches = 0;
    for (std::size_t i = 0; i + 1 < points.size(); i += 97) {
        const auto c = grid.cell_of(grid.projection().forward(points[i]));
        mismatches += cells[i] != static_cast<std::int64_t>(c.row) * grid.cols() + c.col;
    }
    CHECK(mismatches == 0);
}

TEST_CASE("grid: a cell size must be positive and not absurdly small", "[geo][grid]") {
    CHECK_THROWS_AS(Grid(inner_mongolia, {0.0, CellShape::Square}), depmap::ArgumentError);
    CHECK_THROWS_AS(Grid(inner_mongolia, {10.0, CellShape::Square}), depmap::ArgumentError);
}
