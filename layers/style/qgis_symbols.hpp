#pragma once
// QGIS 3.22 symbol XML: the <symbol> elements of a style's renderer, and the <Option>
// maps QGIS keeps settings in.
#include "layers/style/commodity_colours.hpp"
#include "layers/style/xml_element.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace depmap::layers {

// Marker size from a numeric field, as QGIS's size assistant sets it up: Flannery's
// compensation (exponent 0.57) between the field's smallest and largest values, so
// perceived areas follow the values; features without a value get the smallest size.
struct SizeScale {
    std::string field;
    double min_value = 0;
    double max_value = 1;
    double min_size_mm = 1.5;
    double max_size_mm = 8;
};

struct MarkerStyle {
    Rgb fill;
    std::string_view shape = "circle";
    double size_mm = 2.4;
    Rgb stroke{35, 35, 35};
    double stroke_mm = 0.2;
    std::optional<SizeScale> size_by;
    int pass = 0;  // drawing order when symbol levels are on: higher passes on top
};

struct FillStyle {
    std::optional<Rgb> fill;  // none: outline only
    double fill_opacity = 1;
    std::optional<Rgb> stroke;
    double stroke_mm = 0.26;
    double stroke_opacity = 1;
};

struct LineStyle {
    Rgb colour;
    double width_mm = 0.5;
};

// "r,g,b,a" as QGIS writes colours; alpha from an opacity in [0, 1].
std::string qgis_colour(Rgb colour, double opacity = 1);

// <Option type="Map" name="..."> under `parent` (no name attribute when `name` is empty).
XmlElement& option_map(XmlElement& parent, std::string_view name = {});
// <Option type="..." name="..." value="..."/> under a map.
void option(XmlElement& map, std::string_view name, std::string_view type, std::string_view value);

// <symbol name="..."> elements for a renderer's <symbols>.
XmlElement marker_symbol(const std::string& name, const MarkerStyle& style);
XmlElement fill_symbol(const std::string& name, const FillStyle& style);
XmlElement line_symbol(const std::string& name, const LineStyle& style);

} // namespace depmap::layers
