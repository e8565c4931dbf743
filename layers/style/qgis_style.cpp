#include "layers/style/qgis_style.hpp"

#include "base/error.hpp"
#include "layers/model/commodities.hpp"
#include "layers/style/commodity_colours.hpp"
#include "layers/model/geometry_kind.hpp"
#include "layers/style/grid_classes.hpp"
#include "layers/style/layer_symbols.hpp"
#include "layers/style/palette.hpp"
#include "layers/style/qgis_expression.hpp"
#include "layers/style/qgis_labels.hpp"
#include "layers/style/qgis_symbols.hpp"
#include "layers/style/xml_element.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace depmap::layers {

namespace {

// The oldest QGIS the styles are written for; newer ones upgrade them on reading.
constexpr std::string_view qgis_version = "3.22.0";
constexpr std::string_view doctype = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>";

std::string written(const StyleOptions& options, const std::string& name) {
    const auto it = options.written_names.find(name);
    return it == options.written_names.end() ? name : it->second;
}

std::string_view describe(StyleKind kind) {
    switch (kind) {
    case StyleKind::Points: return "points";
    case StyleKind::Lines: return "lines";
    case StyleKind::Areas: return "areas";
    case StyleKind::Outlines: return "outlines";
    case StyleKind::Grid: return "grid";
    default: return "automatic";
    }
}

StyleKind resolve_kind(const Layer& layer, StyleKind kind, GeometryKind geometry) {
    if (geometry == GeometryKind::None)
        throw ArgumentError(fmt::format("{}: a table without geometry has no map style; "
                                        "leave out the {}", layer.source, parameter("style")));
    const GeometryKind needs = kind == StyleKind::Points ? GeometryKind::Point
                               : kind == StyleKind::Lines ? GeometryKind::Line
                               : kind == StyleKind::Automatic ? geometry
                                                              : GeometryKind::Polygon;
    if (needs != geometry)
        throw ArgumentError(fmt::format("{}: a {} style needs {} geometry, but the layer holds {}s",
                                        layer.source, describe(kind), to_string(needs),
                                        to_string(geometry)));
    if (kind != StyleKind::Automatic) return kind;
    return geometry == GeometryKind::Point ? StyleKind::Points
           : geometry == GeometryKind::Line ? StyleKind::Lines
                                            : StyleKind::Areas;
}

SizeScale written_size_scale(const Layer& layer, const StyleOptions& options) {
    auto scale = size_scale(layer, options.size_by);
    scale.field = written(options, scale.field);
    return scale;
}

XmlElement& renderer(XmlElement& root, std::string_view type) {
    return root.add("renderer-v2").set("type", type).set("symbollevels", "0")
        .set("enableorderby", "0").set("forceraster", "0").set("referencescale", "-1");
}

XmlElement category_symbol(const std::string& name, const Category& category, StyleKind kind,
                           const std::optional<SizeScale>& size) {
    if (kind == StyleKind::Points) {
        auto marker = category_marker(*category.colour);
        marker.size_by = size;
        return marker_symbol(name, marker);
    }
    return fill_symbol(name, palette::commodity_fill(*category.colour));
}

void categorised(XmlElement& root, const Layer& layer, std::size_t field, StyleKind kind,
                 const StyleOptions& options, const std::optional<SizeScale>& size) {
    auto& r = renderer(root, "categorizedSymbol");
    const auto& none = no_commodity_colour().commodity;
    r.set("attr", primary_commodity_expression(written(options, layer.fields[field].name), none));
    if (kind == StyleKind::Points) r.set("symbollevels", "1");
    auto& categories = r.add("categories");
    auto& symbols = r.add("symbols");
    std::size_t index = 0;
    for (const auto& category : commodity_categories(layer.columns[field])) {
        const auto name = std::to_string(index++);
        categories.add("category").set("value", category.value).set("symbol", name)
            .set("label", category.label).set("render", "true");
        symbols.add(category_symbol(name, category, kind, size));
    }
    if (size) {
        // Large markers first, so the small ones stay visible on top of them.
        r.set("enableorderby", "1");
        r.add("orderby").add("orderByClause").set("asc", "0").set("nullsFirst", "0")
            .set_text(quote_field(size->field));
    }
}

void single(XmlElement& root, XmlElement symbol) {
    renderer(root, "singleSymbol").add("symbols").add(std::move(symbol));
}

void graduated(XmlElement& root, const Layer& layer, const StyleOptions& options) {
    const auto field = numeric_field(layer, options.grid_field, "grid field");
    auto& r = renderer(root, "graduatedSymbol");
    r.set("attr", written(options, layer.fields[field].name)).set("graduatedMethod", "GraduatedColor");
    auto& ranges = r.add("ranges");
    auto& symbols = r.add("symbols");
    const auto graduated = graduated_fills(layer.columns[field]);
    const auto& classes = graduated.classes;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const auto name = std::to_string(i);
        ranges.add("range").set("lower", fmt::format("{}", classes[i].lower))
            .set("upper", fmt::format("{}", classes[i].upper)).set("symbol", name)
            .set("label", classes[i].label).set("render", "true");
        // Empty cells only outlined, so a grid over the whole region does not hide the map.
        symbols.add(fill_symbol(name, graduated.fills[i]));
    }
    auto& method = r.add("classificationMethod").set("id", "Custom");
    method.add("symmetricMode").set("enabled", "0").set("symmetrypoint", "0").set("astride", "0");
    method.add("labelFormat").set("format", "%1 - %2").set("trimtrailingzeroes", "1").set("labelprecision", "4");
}

// name and name_zh, matched ignoring case.
std::string label_expression(const Layer& layer, const StyleOptions& options) {
    const auto field_name = [&](std::string_view name) {
        const auto index = layer.field_index(name);
        return index ? written(options, layer.fields[*index].name) : std::string();
    };
    return name_label_expression(field_name("name"), field_name("name_zh"));
}

std::string_view geometry_code(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::Point: return "0";
    case GeometryKind::Line: return "1";
    default: return "2";
    }
}

} // namespace

std::string qml_style(const Layer& layer, const StyleOptions& options) {
    const GeometryKind geometry = layer.kind;
    const StyleKind kind = resolve_kind(layer, options.kind, geometry);
    if (!options.size_by.empty() && kind != StyleKind::Points)
        throw ArgumentError(fmt::format("{} {}: sizes apply to point layers, and {} holds {}s",
                                        parameter("size_by"), options.size_by, layer.source, to_string(geometry)));
    std::optional<SizeScale> size;
    if (!options.size_by.empty()) size = written_size_scale(layer, options);

    XmlElement root("qgis");
    root.set("version", qgis_version).set("styleCategories", "Symbology|Labeling");
    const auto commodities = commodity_field(layer);
    switch (kind) {
    case StyleKind::Points:
        if (commodities) categorised(root, layer, *commodities, kind, options, size);
        else {
            MarkerStyle marker;
            marker.fill = palette::plain_marker;
            marker.size_by = size;
            single(root, marker_symbol("0", marker));
        }
        break;
    case StyleKind::Areas:
        if (commodities) categorised(root, layer, *commodities, kind, options, size);
        else single(root, fill_symbol("0", palette::plain_area()));
        break;
    case StyleKind::Lines: single(root, line_symbol("0", LineStyle{palette::area_outline, 0.5})); break;
    case StyleKind::Outlines: single(root, fill_symbol("0", palette::outlines())); break;
    default: graduated(root, layer, options); break;
    }

    const auto text = options.labels && kind != StyleKind::Grid ? label_expression(layer, options) : "";
    root.set("labelsEnabled", text.empty() ? "0" : "1");
    if (!text.empty()) root.add(labeling(text, geometry));
    root.add("layerGeometryType").set_text(std::string(geometry_code(geometry)));
    return to_xml(root, doctype);
}

} // namespace depmap::layers
