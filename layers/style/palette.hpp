#pragma once
// The colours of depmap's layers beyond the commodity table (commodity_colours.hpp):
// plain markers, translucent areas, outlines and density grids. The QGIS styles
// (qgis_style.hpp) and the HTML maps (layers/webmap/) take them from here, so a map and
// a QGIS project of one layer agree.
#include "layers/style/commodity_colours.hpp"
#include "layers/style/qgis_symbols.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace depmap::layers::palette {

inline constexpr Rgb plain_marker{0, 114, 178};   // Okabe-Ito blue: points without commodities
inline constexpr Rgb area_fill{86, 180, 233};     // Okabe-Ito sky blue
inline constexpr Rgb area_outline{0, 114, 178};
inline constexpr Rgb outline{51, 51, 51};         // boundaries and divisions, over other layers
inline constexpr double area_opacity = 0.35;
inline constexpr double grid_opacity = 0.8;

// ColorBrewer YlOrBr for `classes` classes of a density grid (light = few, dark = many),
// colour-blind safe: the n-class schemes for 3 to 5, the 3-class one's colours for fewer.
std::vector<Rgb> grid_colours(std::size_t classes);

// A translucent fill in a commodity's colour, outlined in it (white ones outlined grey).
FillStyle commodity_fill(const CommodityColour& colour);
// A plain translucent area, when there is no commodity to colour it by.
FillStyle plain_area();
// A grid cell of the class `colour`; empty cells (no colour) only outlined, so a grid
// over the whole region does not hide the map.
FillStyle grid_cell(std::optional<Rgb> colour);
// Outlines only: boundaries and divisions.
FillStyle outlines();

} // namespace depmap::layers::palette
