#include "layers/render/legend.hpp"

#include "layers/model/commodities.hpp"
#include "layers/style/grid_classes.hpp"
#include "layers/style/layer_symbols.hpp"
#include "layers/style/palette.hpp"

#include <fmt/format.h>

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

std::vector<LegendEntry> legend_entries(std::span<const ShownLayer> shown, const std::string& class_by) {
    std::vector<LegendEntry> entries;
    for (const auto& part : shown) {
        const Layer& layer = *part.layer;
        if (!layer.has_geometry() || part.size() == 0) continue;
        if (&part == &shown.front() && !class_by.empty()) {
            // The classes of every row (as the map fills them), counted over the rows shown.
            const auto graduated = graduated_fills(layer.columns[numeric_field(layer, class_by, "class field")]);
            std::vector<std::size_t> counts(graduated.classes.size());
            for (std::size_t i = 0; i < part.size(); ++i) ++counts[graduated.row_class[part.row(i)]];
            LegendEntry heading{fmt::format("{}: {}", layer_title(layer), class_by)};
            heading.heading = true;
            entries.push_back(std::move(heading));
            for (std::size_t c = 0; c < counts.size(); ++c) {
                if (counts[c] == 0) continue;
                const auto& fill = graduated.fills[c];
                entries.push_back(LegendEntry{graduated.classes[c].label, counts[c], layer.kind,
                                              fill.fill.value_or(fill.stroke.value_or(palette::outline)), "circle", fill});
            }
            continue;
        }
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

std::vector<LegendEntry> legend_entries(std::span<const Layer> layers, const std::string& class_by) {
    std::vector<ShownLayer> shown;
    for (const auto& layer : layers) shown.push_back(ShownLayer{&layer, std::nullopt});
    return legend_entries(shown, class_by);
}

} // namespace depmap::layers
