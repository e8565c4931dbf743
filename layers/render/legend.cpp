#include "layers/render/legend.hpp"

#include "layers/model/commodities.hpp"
#include "layers/style/layer_symbols.hpp"
#include "layers/style/palette.hpp"

#include <filesystem>
#include <map>
#include <unordered_map>

namespace depmap::layers {

std::string layer_title(const Layer& layer) {
    if (!layer.name.empty()) return layer.name;
    return std::filesystem::path(layer.source).stem().string();
}

std::vector<const CommodityColour*> primary_colours(const Column& column) {
    std::vector<const CommodityColour*> colours(column.size());
    const CommodityColour* none = &primary_commodity_colour("");
    if (column.type() != FieldType::String) {
        for (std::size_t row = 0; row < column.size(); ++row) colours[row] = &primary_commodity_colour(column.to_text(row));
        return colours;
    }
    // The views point into the column, which outlives the map.
    std::unordered_map<std::string_view, const CommodityColour*> known;
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.is_null(row)) {
            colours[row] = none;
            continue;
        }
        const auto text = column.text(row);
        auto [it, added] = known.try_emplace(text, nullptr);
        if (added) it->second = &primary_commodity_colour(text);
        colours[row] = it->second;
    }
    return colours;
}

std::vector<LegendEntry> legend_entries(std::span<const ShownLayer> shown) {
    std::vector<LegendEntry> entries;
    for (const auto& part : shown) {
        const Layer& layer = *part.layer;
        if (!layer.has_geometry() || part.size() == 0) continue;
        const auto field = commodity_field(layer);
        if (!field || layer.kind == GeometryKind::Line) {
            const Rgb colour = layer.kind == GeometryKind::Point   ? palette::plain_marker
                               : layer.kind == GeometryKind::Line ? palette::area_outline
                                                                  : palette::area_fill;
            entries.push_back(LegendEntry{layer_title(layer), part.size(), layer.kind, colour, "circle"});
            continue;
        }
        // The shown rows' own column: the catch-all's label names what is on the map.
        std::optional<Column> gathered;
        if (part.rows) gathered = layer.columns[*field].gather(*part.rows);
        const Column& column = gathered ? *gathered : layer.columns[*field];
        std::map<const CommodityColour*, std::size_t> counts;
        for (const auto* colour : primary_colours(column)) ++counts[colour];
        for (const auto& category : commodity_categories(column)) {
            const auto it = counts.find(category.colour);
            if (it == counts.end()) continue;  // the catch-all, when nothing falls in it
            entries.push_back(LegendEntry{category.label, it->second, layer.kind, category.colour->colour,
                                          category.colour->marker});
        }
    }
    return entries;
}

std::vector<LegendEntry> legend_entries(std::span<const Layer> layers) {
    std::vector<ShownLayer> shown;
    for (const auto& layer : layers) shown.push_back(ShownLayer{&layer, std::nullopt});
    return legend_entries(shown);
}

} // namespace depmap::layers
