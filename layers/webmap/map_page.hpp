#pragma once
// depmap's own part of an HTML map: the script that draws the data block with Leaflet
// (layers, markers, popups, legend, layers control, credits) and its style sheet.
#include <string_view>

namespace depmap::layers {

// Reads the JSON of <script id="depmap-data">: {title, attribution, tiles, layers: [{name,
// kind, base, symbols: [{label, count, shape, fill, fill_opacity, stroke, stroke_px,
// size_px, pass}], symbol: [per feature], features: FeatureCollection}]}.
std::string_view map_page_script();
std::string_view map_page_style();

} // namespace depmap::layers
