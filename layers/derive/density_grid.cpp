#include "layers/derive/density_grid.hpp"

#include "geo/area.hpp"
#include "geo/decimals.hpp"
#include "base/error.hpp"
#include "base/memory_budget.hpp"
#include "layers/query/field_totals.hpp"
#include "geo/polygon_index.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstdint>

namespace depmap::layers {

namespace {


geo::Box extent_box(const Layer& points, const std::vector<geo::MultiPolygon>& extent) {
    if (extent.empty()) return points.extent();
    geo::Box box;
    for (const auto& polygons : extent) box.extend(geo::bounds(geo::Shape(polygons)));
    return box;
}

// The cells an extent touches: those holding one of its vertices, and those with a
// vertex or centre of their outline inside it. A polygon's edge that crosses a cell
// with neither vertex inside the other is missed: slivers under 5 km across.
std::vector<bool> cells_touching(const geo::Grid& grid, const std::vector<geo::MultiPolygon>& extent,
                                 const geo::PolygonIndex& inside) {
    std::vector<bool> touched(grid.size());
    for (const auto& polygons : extent)
        for (const auto& polygon : polygons) {
            const auto mark = [&](const auto& ring) {
                for (const auto& vertex : ring) {
                    const auto c = grid.cell_of(grid.projection().forward(vertex));
                    if (grid.contains(c)) touched[static_cast<std::size_t>(c.row) * grid.cols() + c.col] = true;
                }
            };
            mark(polygon.outer());
            for (const auto& hole : polygon.inners()) mark(hole);
        }
    for (std::size_t cell = 0; cell < grid.size(); ++cell) {
        if (touched[cell]) continue;
        const geo::CellIndex index{static_cast<std::int32_t>(cell / static_cast<std::size_t>(grid.cols())),
                                   static_cast<std::int32_t>(cell % static_cast<std::size_t>(grid.cols()))};
        if (inside.locate(grid.projection().inverse(grid.centre(index)))) {
            touched[cell] = true;
            continue;
        }
        const auto outline = grid.polygon(index);
        for (const auto& vertex : outline.outer())
            if (inside.locate(vertex)) {
                touched[cell] = true;
                break;
            }
    }
    return touched;
}

// The bytes a grid takes: counts and totals for every cell, and for every cell kept
// its polygon (a ring grown by doubling, in a polygon, in a shape) and attributes, with
// room for the doubling of the columns as they grow, twice over: writers may copy the
// layer (FlatGeobuf reorders it). Measured: 718,272 cells to .fgb peak at 411 MB.
double estimated_bytes(const geo::Grid& grid, std::size_t points, std::size_t kept_cells, std::size_t sums) {
    constexpr double allocation = 16;  // malloc's own bytes per block
    const double per_cell = 8.0 * static_cast<double>(1 + sums) + 0.25;
    const double ring = 16.0 * static_cast<double>(std::bit_ceil(grid.polygon_vertices())) + allocation;
    const double shape = ring + 48 + allocation + 2 * sizeof(geo::Shape);
    const double attributes = 2 * (16.0 + 8 + 1 + 9.0 * static_cast<double>(2 + sums));
    return per_cell * static_cast<double>(grid.size()) + 16.0 * static_cast<double>(points) +
           2 * (shape + attributes) * static_cast<double>(kept_cells);
}

} // namespace

Layer density_grid(const Layer& points, const DensityGridOptions& options) {
    if (!points.is_points())
        throw InputError(fmt::format("{}: grid counts points, but it holds {}", points.source, points.geometry_type));
    const auto sums = sum_columns(points, options.sum_fields);
    Layer start = points.empty_like(GeometryKind::Polygon);
    start.name = "grid";
    TotalsTable out(std::move(start), {{"cell_id", FieldType::String}, count_field}, options.sum_fields,
                    {{"area_km2", FieldType::Real}});
    const geo::Box box = extent_box(points, options.extent);
    if (box.empty()) return std::move(out).finish();
    const geo::Grid grid(box, options.grid);
    const std::size_t kept = options.keep_empty ? grid.size() : std::min(grid.size(), points.size());
    depmap::require_memory(estimated_bytes(grid, points.size(), kept, sums.size()),
                        fmt::format("a grid of {} cells{}", grid.size(), options.keep_empty ? " (" + parameter("keep_empty") + ")" : ""),
                        fmt::format("take larger cells ({}), or a smaller {}", parameter("cell_m"), parameter("extent")));

    auto cells = grid.flat_cells(points.points);
    std::vector<bool> keep(grid.size(), options.keep_empty);
    if (!options.extent.empty()) {
        const geo::PolygonIndex inside(options.extent);
        const auto where = inside.locate_all(points.points);
        for (std::size_t row = 0; row < cells.size(); ++row)
            if (!where[row]) cells[row] = -1;
        if (options.keep_empty) keep = cells_touching(grid, options.extent, inside);
    }
    std::vector<std::int64_t> counts(grid.size());
    std::vector<double> totals(grid.size() * sums.size());
    for (std::size_t row = 0; row < cells.size(); ++row) {
        if (cells[row] < 0) continue;
        const auto cell = static_cast<std::size_t>(cells[row]);
        ++counts[cell];
        for (std::size_t s = 0; s < sums.size(); ++s) {
            totals[cell * sums.size() + s] += summand(points.columns[sums[s]], row);
        }
    }

    for (std::size_t cell = 0; cell < grid.size(); ++cell) {
        if (counts[cell] == 0 && !keep[cell]) continue;
        const geo::CellIndex index{static_cast<std::int32_t>(cell / static_cast<std::size_t>(grid.cols())),
                                   static_cast<std::int32_t>(cell % static_cast<std::size_t>(grid.cols()))};
        out.push(std::string_view(geo::Grid::id(index)));
        out.push(counts[cell]);
        for (std::size_t s = 0; s < sums.size(); ++s) out.push(totals[cell * sums.size() + s]);
        // The cell as written (rounded as every format writes it), not the projected square.
        geo::MultiPolygon outline{grid.polygon(index)};
        geo::round_vertices(outline);
        out.push(geo::area_m2(outline) / 1e6);
        out.push_shape(std::move(outline));
    }
    return std::move(out).finish();
}

} // namespace depmap::layers
