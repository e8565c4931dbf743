#pragma once
// Equal-area grids of square or hexagonal cells over a lon/lat extent, laid out in a
// Lambert azimuthal equal-area projection centred on the extent (LocalProjection), so
// every cell has the same area on the ellipsoid. Points are put in cells arithmetically
// (project, divide, round), without polygon tests.
//
// Layout, in projected metres: square cells are cell_m on a side with corners on
// multiples of cell_m from the projection centre. Hexagons are pointy-top with the
// same area as a cell_m square (side cell_m * sqrt(2 / (3 sqrt 3)), about 0.62 cell_m;
// 1.075 cell_m across the flats), centred on (col * w + (row odd ? w / 2 : 0),
// row * 1.5 side) with w the flat-to-flat width; a hexagon is the set of points nearer
// its centre than any other.
//
// Rows count from the south, columns from the west, both from 0 at the extent's
// south-west corner: the cell id "r3c12" is row 3, column 12.
//
// A point on an edge shared by two cells belongs to the cell south of the edge, or
// for a north-south edge the cell west of it; a corner shared by several cells goes
// to the southernmost, then westernmost. So every point is in exactly one cell.
#include "geo/local_projection.hpp"
#include "geo/lonlat.hpp"
#include "geo/shape.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace depmap::geo {

enum class CellShape { Square, Hexagon };

struct GridOptions {
    double cell_m = 50000.0;                // square side; hexagons have its square's area
    CellShape shape = CellShape::Square;    // DEFAULT: Square
    // Cell outlines in lon/lat get a vertex at least every this many metres along each
    // edge (projected). Their geodesic area stays within 0.01 % of cell_m squared at
    // any spacing up to 50 km (measured over Inner Mongolia); the spacing bounds how
    // far the outline, drawn straight in lon/lat as GIS tools draw it, strays from the
    // cell's true edge: at 5 km, a few metres, so about 1 point in 100,000 lies in
    // another cell's outline than the one it is counted in (at 50 km, 1 in 1,000).
    // DEFAULT: 5 km.
    double max_vertex_spacing_m = 5000.0;
};

struct CellIndex {
    std::int32_t row = 0;
    std::int32_t col = 0;
    friend bool operator==(const CellIndex&, const CellIndex&) = default;
};

// Throws ArgumentError unless a cell of `cell_m` (its side, metres) is finite and above 0.
void check_cell_size(double cell_m);

class Grid {
public:
    // A grid whose cells cover `extent` (as projected: its outline densified). Throws
    // ArgumentError for a cell size that is not positive, or one so small the grid
    // would exceed 100 million cells, and std::invalid_argument for an empty extent.
    Grid(const Box& extent, const GridOptions& options);
    ~Grid();
    Grid(Grid&&) noexcept;
    Grid& operator=(Grid&&) noexcept;

    const GridOptions& options() const { return m_options; }
    const LocalProjection& projection() const { return m_projection; }
    std::int32_t rows() const { return m_rows; }
    std::int32_t cols() const { return m_cols; }
    std::size_t size() const { return static_cast<std::size_t>(m_rows) * static_cast<std::size_t>(m_cols); }
    // The vertices of a cell's polygon(), the closing one included.
    std::size_t polygon_vertices() const;
    // Every cell's area, cell_m squared.
    double cell_area_m2() const { return m_options.cell_m * m_options.cell_m; }

    // The cell holding a projected point. Points just outside the grid (by less than a
    // millimetre of projection round-off) are clamped into the nearest edge cell; a
    // point farther out gives a cell outside [0, rows) x [0, cols), which callers test
    // with contains().
    CellIndex cell_of(XY p) const;
    bool contains(CellIndex c) const { return c.row >= 0 && c.row < m_rows && c.col >= 0 && c.col < m_cols; }
    // The flat index row * cols + col of each point's cell, or -1 for a point outside
    // the grid; projects on all cores (or the thread cap) for large inputs.
    std::vector<std::int64_t> flat_cells(std::span<const LonLat> points) const;

    // The projected centre and outline (counter-clockwise, closed) of a cell.
    XY centre(CellIndex c) const;
    std::vector<XY> outline(CellIndex c) const;
    // The cell's outline in lon/lat, densified (options().max_vertex_spacing_m).
    Polygon polygon(CellIndex c) const;
    static std::string id(CellIndex c);

private:
    GridOptions m_options;
    LocalProjection m_projection;
    double m_side_m = 0.0;      // hexagon side; square side for squares
    double m_pitch_x_m = 0.0;   // centre-to-centre distance along a row
    double m_pitch_y_m = 0.0;   // between rows
    std::int64_t m_row0 = 0;    // absolute row and column (counted from the projection
    std::int64_t m_col0 = 0;    // centre) of the grid's row 0, column 0
    std::array<double, 4> m_bounds{};  // the extent's projected x0, y0, x1, y1
    std::int32_t m_rows = 0;
    std::int32_t m_cols = 0;

    CellIndex absolute_cell(XY p) const;
};

} // namespace depmap::geo
