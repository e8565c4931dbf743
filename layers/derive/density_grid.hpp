#pragma once
// Density grids: how many features, and how much of a field, fall in each cell of an
// equal-area grid (geo/grid.hpp), as a layer of cell polygons ready for a heat map.
#include "geo/grid.hpp"
#include "geo/shape.hpp"
#include "layers/model/layer.hpp"

#include <string>
#include <vector>

namespace depmap::layers {

struct DensityGridOptions {
    geo::GridOptions grid;                // cell size and shape
    std::vector<std::string> sum_fields;  // numeric fields totalled per cell (sum_<field>)
    // Polygons the features must lie in (boundaries included) to be counted; the grid
    // covers their lon/lat box. DEFAULT: none, every feature counts and the grid covers
    // the layer's extent.
    std::vector<geo::MultiPolygon> extent;
    // Also the cells without features: every cell of the grid, or with an extent the
    // cells that touch it (a vertex of either inside the other). DEFAULT: off
    bool keep_empty = false;
};

// One polygon per cell, rows south to north then west to east, with `cell_id`
// ("r<row>c<col>", see geo/grid.hpp), `count`, `sum_<field>` for each sum field (nulls
// count as nothing) and `area_km2` (the cell's area, the same for every cell). The
// counts add up to the features inside the extent. Throws InputError for a layer that
// is not points, ArgumentError for a sum field that is missing or not numeric. A layer
// without features and without an extent gives an empty grid.
Layer density_grid(const Layer& points, const DensityGridOptions& options);

} // namespace depmap::layers
