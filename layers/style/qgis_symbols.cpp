#include "layers/style/qgis_symbols.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace depmap::layers {

namespace {

std::string number(double value) { return fmt::format("{}", value); }

XmlElement symbol(const std::string& name, std::string_view type) {
    XmlElement element("symbol");
    element.set("type", type).set("name", name).set("alpha", "1").set("clip_to_extent", "1")
        .set("force_rhr", "0");
    return element;
}

XmlElement& symbol_layer(XmlElement& symbol, std::string_view layer_class, int pass = 0) {
    return symbol.add("layer").set("class", layer_class).set("enabled", "1").set("locked", "0")
        .set("pass", std::to_string(pass));
}

// The data-defined size property QGIS's size assistant writes (a field with a size
// scale transformer; scaleType 2 is Flannery).
void add_size_property(XmlElement& layer, const SizeScale& scale) {
    auto& collection = option_map(layer.add("data_defined_properties"));
    option(collection, "name", "QString", "");
    auto& size = option_map(option_map(collection, "properties"), "size");
    option(size, "active", "bool", "true");
    option(size, "field", "QString", scale.field);
    option(size, "type", "int", "2");
    auto& transformer = option_map(size, "transformer");
    option(transformer, "t", "int", "1");
    auto& d = option_map(transformer, "d");
    option(d, "scaleType", "int", "2");
    option(d, "exponent", "double", "0.57");
    option(d, "minValue", "double", number(scale.min_value));
    option(d, "maxValue", "double", number(scale.max_value));
    option(d, "minSize", "double", number(scale.min_size_mm));
    option(d, "maxSize", "double", number(scale.max_size_mm));
    option(d, "nullSize", "double", number(scale.min_size_mm));
    option(collection, "type", "QString", "collection");
}

} // namespace

std::string qgis_colour(Rgb colour, double opacity) {
    const int alpha = static_cast<int>(std::lround(std::clamp(opacity, 0.0, 1.0) * 255));
    return fmt::format("{},{},{},{}", colour.red, colour.green, colour.blue, alpha);
}

XmlElement& option_map(XmlElement& parent, std::string_view name) {
    auto& map = parent.add("Option").set("type", "Map");
    if (!name.empty()) map.set("name", name);
    return map;
}

void option(XmlElement& map, std::string_view name, std::string_view type, std::string_view value) {
    map.add("Option").set("name", name).set("type", type).set("value", value);
}

XmlElement marker_symbol(const std::string& name, const MarkerStyle& style) {
    auto element = symbol(name, "marker");
    auto& layer = symbol_layer(element, "SimpleMarker", style.pass);
    auto& options = option_map(layer);
    option(options, "name", "QString", style.shape);
    option(options, "color", "QString", qgis_colour(style.fill));
    option(options, "outline_color", "QString", qgis_colour(style.stroke));
    option(options, "outline_style", "QString", "solid");
    option(options, "outline_width", "QString", number(style.stroke_mm));
    option(options, "outline_width_unit", "QString", "MM");
    option(options, "size", "QString", number(style.size_mm));
    option(options, "size_unit", "QString", "MM");
    option(options, "scale_method", "QString", "diameter");
    option(options, "angle", "QString", "0");
    option(options, "joinstyle", "QString", "miter");
    option(options, "horizontal_anchor_point", "QString", "1");
    option(options, "vertical_anchor_point", "QString", "1");
    if (style.size_by) add_size_property(layer, *style.size_by);
    return element;
}

XmlElement fill_symbol(const std::string& name, const FillStyle& style) {
    auto element = symbol(name, "fill");
    auto& options = option_map(symbol_layer(element, "SimpleFill"));
    option(options, "style", "QString", style.fill ? "solid" : "no");
    option(options, "color", "QString", qgis_colour(style.fill.value_or(Rgb{255, 255, 255}),
                                                    style.fill ? style.fill_opacity : 0));
    option(options, "outline_style", "QString", style.stroke ? "solid" : "no");
    option(options, "outline_color", "QString",
           qgis_colour(style.stroke.value_or(Rgb{}), style.stroke_opacity));
    option(options, "outline_width", "QString", number(style.stroke_mm));
    option(options, "outline_width_unit", "QString", "MM");
    option(options, "joinstyle", "QString", "round");
    return element;
}

XmlElement line_symbol(const std::string& name, const LineStyle& style) {
    auto element = symbol(name, "line");
    auto& options = option_map(symbol_layer(element, "SimpleLine"));
    option(options, "line_color", "QString", qgis_colour(style.colour));
    option(options, "line_style", "QString", "solid");
    option(options, "line_width", "QString", number(style.width_mm));
    option(options, "line_width_unit", "QString", "MM");
    option(options, "capstyle", "QString", "round");
    option(options, "joinstyle", "QString", "round");
    return element;
}

} // namespace depmap::layers
