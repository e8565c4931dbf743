#include "layers/render/legend.hpp"

#include "layers/model/commodities.hpp"
#include "layers/style/grid_classes.hpp"
#include "layers/style/layer_symbols.hpp"
#include "layers/style/palette.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>

namespace depmap::layers {

std::string layer_title(const Layer& layer) {
    if (!layer.name.empty()) return layer.name;
    return std::filesystem::path(layer.source).stem().string();
}

std::vector<LegendEntry> legend_entries(std::span<const Layer> layers, const std::string& class_by) {
    std::vector<LegendEntry> entries;
    for (const auto& layer : layers) {
        if (!layer.has_geometry() || layer.size() == 0) continue;
        if (&layer == &layers.front() && !class_by.empty()) {
            const auto graduated = graduated_fills(layer.columns[numeric_field(layer, class_by, "class field")]);
            std::vector<std::size_t> counts(graduated.classes.size());
            for (const auto c : graduated.row_class) ++counts[c];
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
            entries.push_back(LegendEntry{layer_title(layer), layer.size(), layer.kind, colour, "circle"});
            continue;
        }
        const Column& column = layer.columns[*field];
        std::map<const CommodityColour*, std::size_t> counts;
        for (std::size_t row = 0; row < column.size(); ++row) ++counts[&primary_commodity_colour(column.to_text(row))];
        for (const auto& category : commodity_categories(column)) {
            const auto it = counts.find(category.colour);
            if (it == counts.end()) continue;  // the catch-all, when nothing falls in it
            entries.push_back(LegendEntry{category.label, it->second, layer.kind, category.colour->colour,
                                          category.colour->marker});
        }
    }
    return entries;
}

} // namespace depmap::layers
