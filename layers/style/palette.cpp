#include "layers/style/palette.hpp"

namespace depmap::layers::palette {

std::vector<Rgb> grid_colours(std::size_t classes) {
    switch (classes) {
    case 1: return {{254, 196, 79}};
    case 2: return {{255, 247, 188}, {217, 95, 14}};
    case 3: return {{255, 247, 188}, {254, 196, 79}, {217, 95, 14}};
    case 4: return {{255, 255, 212}, {254, 217, 142}, {254, 153, 41}, {204, 76, 2}};
    default: return {{255, 255, 212}, {254, 217, 142}, {254, 153, 41}, {217, 95, 14}, {153, 52, 4}};
    }
}

FillStyle commodity_fill(const CommodityColour& colour) {
    const bool white = colour.colour == Rgb{255, 255, 255};
    return FillStyle{colour.colour, area_opacity, white ? Rgb{120, 120, 120} : colour.colour, 0.4};
}

FillStyle plain_area() { return FillStyle{area_fill, area_opacity, area_outline, 0.4}; }

FillStyle grid_cell(std::optional<Rgb> colour) {
    if (!colour) return FillStyle{std::nullopt, 0, Rgb{190, 190, 190}, 0.1};
    return FillStyle{*colour, grid_opacity, Rgb{255, 255, 255}, 0.1};
}

FillStyle outlines() { return FillStyle{std::nullopt, 0, outline, 0.4}; }

} // namespace depmap::layers::palette
