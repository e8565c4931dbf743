#include "geo/grid.hpp"

#include "base/error.hpp"
#include "base/parallel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace depmap::geo {

namespace {

constexpr double max_cells = 1e8;
// Round-off of the projection that may put a point of the extent just outside it.
constexpr double clamp_slack_m = 1e-3;

// The box's outline in projected metres, a vertex at least every 0.05 degrees, so the
// projected bounds hold every point of the box to well under a metre.
void projected_bounds(const LocalProjection& projection, const Box& box, double& x0, double& y0, double& x1,
                      double& y1) {
    x0 = y0 = std::numeric_limits<double>::infinity();
    x1 = y1 = -std::numeric_limits<double>::infinity();
    const auto take = [&](double lon, double lat) {
        const XY p = projection.forward(LonLat{lon, lat});
        x0 = std::min(x0, p.x_m);
        y0 = std::min(y0, p.y_m);
        x1 = std::max(x1, p.x_m);
        y1 = std::max(y1, p.y_m);
    };
    const double width = box.max_lon_deg - box.min_lon_deg, height = box.max_lat_deg - box.min_lat_deg;
    const int steps = static_cast<int>(std::ceil(std::max(width, height) / 0.05)) + 1;
    for (int k = 0; k <= steps; ++k) {
        const double t = static_cast<double>(k) / steps;
        take(box.min_lon_deg + width * t, box.min_lat_deg);
        take(box.min_lon_deg + width * t, box.max_lat_deg);
        take(box.min_lon_deg, box.min_lat_deg + height * t);
        take(box.max_lon_deg, box.min_lat_deg + height * t);
    }
}

} // namespace

void check_cell_size(double cell_m) {
    if (!(cell_m > 0) || !std::isfinite(cell_m)) throw ArgumentError("a cell must be larger than 0 m");
}

Grid::Grid(const Box& extent, const GridOptions& options)
    : m_options(options), m_projection(LocalProjection::for_box(extent)) {
    check_cell_size(options.cell_m);
    if (!(options.max_vertex_spacing_m > 0))
        throw ArgumentError("the vertex spacing of grid cells must be larger than 0 m");
    double x0, y0, x1, y1;
    projected_bounds(m_projection, extent, x0, y0, x1, y1);
    m_bounds = {x0, y0, x1, y1};

    std::int64_t row_min, row_max, col_min, col_max;
    if (options.shape == CellShape::Square) {
        m_side_m = m_pitch_x_m = m_pitch_y_m = options.cell_m;
        // Cells are (i D, (i + 1) D]: the point x lies in column ceil(x / D) - 1.
        col_min = static_cast<std::int64_t>(std::ceil(x0 / m_pitch_x_m)) - 1;
        col_max = static_cast<std::int64_t>(std::ceil(x1 / m_pitch_x_m)) - 1;
        row_min = static_cast<std::int64_t>(std::ceil(y0 / m_pitch_y_m)) - 1;
        row_max = static_cast<std::int64_t>(std::ceil(y1 / m_pitch_y_m)) - 1;
    } else {
        // Area of a regular hexagon of side s: 3 sqrt(3) / 2 s^2 = cell_m^2.
        m_side_m = options.cell_m * std::sqrt(2.0 / (3.0 * std::numbers::sqrt3));
        m_pitch_x_m = std::numbers::sqrt3 * m_side_m;
        m_pitch_y_m = 1.5 * m_side_m;
        // A point lies in the row below or above floor(y / pitch); odd rows are shifted
        // east by half a pitch.
        row_min = static_cast<std::int64_t>(std::floor(y0 / m_pitch_y_m));
        row_max = static_cast<std::int64_t>(std::floor(y1 / m_pitch_y_m)) + 1;
        col_min = static_cast<std::int64_t>(std::ceil((x0 - m_pitch_x_m / 2) / m_pitch_x_m - 0.5));
        col_max = static_cast<std::int64_t>(std::ceil(x1 / m_pitch_x_m - 0.5));
    }
    const double count = static_cast<double>(row_max - row_min + 1) * static_cast<double>(col_max - col_min + 1);
    if (count > max_cells)
        throw ArgumentError(fmt::format("cells of {:g} m: the grid would have {:.3g} cells (at most {:g}); take larger cells",
                                        options.cell_m, count, max_cells));
    m_row0 = row_min;
    m_col0 = col_min;
    m_rows = static_cast<std::int32_t>(row_max - row_min + 1);
    m_cols = static_cast<std::int32_t>(col_max - col_min + 1);
}

Grid::~Grid() = default;
Grid::Grid(Grid&&) noexcept = default;
Grid& Grid::operator=(Grid&&) noexcept = default;

CellIndex Grid::absolute_cell(XY p) const {
    if (m_options.shape == CellShape::Square) {
        return CellIndex{static_cast<std::int32_t>(std::ceil(p.y_m / m_pitch_y_m) - 1),
                         static_cast<std::int32_t>(std::ceil(p.x_m / m_pitch_x_m) - 1)};
    }
    // The nearest centre of the row below and of the row above; ties go west within a
    // row (ceil of t - 1/2), and south between rows (<=).
    const auto below = static_cast<std::int64_t>(std::floor(p.y_m / m_pitch_y_m));
    CellIndex best{};
    double best_d2 = std::numeric_limits<double>::infinity();
    for (std::int64_t row = below; row <= below + 1; ++row) {
        const double offset = (row & 1) ? m_pitch_x_m / 2 : 0.0;
        const auto col = static_cast<std::int64_t>(std::ceil((p.x_m - offset) / m_pitch_x_m - 0.5));
        const double dx = p.x_m - (static_cast<double>(col) * m_pitch_x_m + offset);
        const double dy = p.y_m - static_cast<double>(row) * m_pitch_y_m;
        const double d2 = dx * dx + dy * dy;
        if (d2 < best_d2) {
            best_d2 = d2;
            best = CellIndex{static_cast<std::int32_t>(row), static_cast<std::int32_t>(col)};
        }
    }
    return best;
}

CellIndex Grid::cell_of(XY p) const {
    const auto near = [](double v, double lo, double hi) { return v >= lo - clamp_slack_m && v <= hi + clamp_slack_m; };
    if (near(p.x_m, m_bounds[0], m_bounds[2]) && near(p.y_m, m_bounds[1], m_bounds[3])) {
        p.x_m = std::clamp(p.x_m, m_bounds[0], m_bounds[2]);
        p.y_m = std::clamp(p.y_m, m_bounds[1], m_bounds[3]);
    }
    const CellIndex a = absolute_cell(p);
    return CellIndex{static_cast<std::int32_t>(a.row - m_row0), static_cast<std::int32_t>(a.col - m_col0)};
}

std::vector<std::int64_t> Grid::flat_cells(std::span<const LonLat> points) const {
    std::vector<std::int64_t> cells(points.size());
    const auto work = [&](std::size_t begin, std::size_t end) {
        // PROJ objects are not shared between threads: one projection each.
        const LocalProjection projection(m_projection.centre());
        constexpr std::size_t chunk = 1 << 14;
        std::vector<XY> xy(chunk);
        for (std::size_t start = begin; start < end; start += chunk) {
            const std::size_t n = std::min(chunk, end - start);
            projection.forward(points.subspan(start, n), std::span<XY>(xy.data(), n));
            for (std::size_t k = 0; k < n; ++k) {
                const CellIndex c = cell_of(xy[k]);
                cells[start + k] = contains(c) ? static_cast<std::int64_t>(c.row) * m_cols + c.col : -1;
            }
        }
    };
    for_each_range(points.size(), points.size() < 100000 ? 1 : threads_for(points.size(), 1), work);
    return cells;
}

XY Grid::centre(CellIndex c) const {
    const std::int64_t row = c.row + m_row0, col = c.col + m_col0;
    if (m_options.shape == CellShape::Square)
        return XY{(static_cast<double>(col) + 0.5) * m_pitch_x_m, (static_cast<double>(row) + 0.5) * m_pitch_y_m};
    const double offset = (row & 1) ? m_pitch_x_m / 2 : 0.0;
    return XY{static_cast<double>(col) * m_pitch_x_m + offset, static_cast<double>(row) * m_pitch_y_m};
}

std::vector<XY> Grid::outline(CellIndex c) const {
    const XY m = centre(c);
    std::vector<XY> ring;
    if (m_options.shape == CellShape::Square) {
        const double h = m_side_m / 2;
        ring = {{m.x_m - h, m.y_m - h}, {m.x_m + h, m.y_m - h}, {m.x_m + h, m.y_m + h}, {m.x_m - h, m.y_m + h}};
    } else {
        // Pointy-top: vertices at -90, -30, 30, 90, 150 and 210 degrees.
        const double half_w = m_pitch_x_m / 2, s = m_side_m;
        ring = {{m.x_m, m.y_m - s},          {m.x_m + half_w, m.y_m - s / 2}, {m.x_m + half_w, m.y_m + s / 2},
                {m.x_m, m.y_m + s},          {m.x_m - half_w, m.y_m + s / 2}, {m.x_m - half_w, m.y_m - s / 2}};
    }
    ring.push_back(ring.front());
    return ring;
}

Polygon Grid::polygon(CellIndex c) const {
    const auto ring = outline(c);
    Polygon polygon;
    auto& out = polygon.outer();
    for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
        const XY a = ring[k], b = ring[k + 1];
        const double length = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
        const int steps = std::max(1, static_cast<int>(std::ceil(length / m_options.max_vertex_spacing_m)));
        for (int s = 0; s < steps; ++s) {
            const double t = static_cast<double>(s) / steps;
            out.push_back(m_projection.inverse(XY{a.x_m + (b.x_m - a.x_m) * t, a.y_m + (b.y_m - a.y_m) * t}));
        }
    }
    out.push_back(out.front());
    return polygon;
}

std::size_t Grid::polygon_vertices() const {
    const std::size_t edges = m_options.shape == CellShape::Square ? 4 : 6;
    const double steps = std::max(1.0, std::ceil(m_side_m / m_options.max_vertex_spacing_m));
    return edges * static_cast<std::size_t>(steps) + 1;
}

std::string Grid::id(CellIndex c) { return fmt::format("r{}c{}", c.row, c.col); }

} // namespace depmap::geo
