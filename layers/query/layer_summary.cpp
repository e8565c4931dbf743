#include "layers/query/layer_summary.hpp"

#include "layers/model/catalogue.hpp"
#include "layers/model/commodities.hpp"
#include "layers/read/read.hpp"

#include <algorithm>

namespace depmap::layers {

LayerSummary summarise_layer(const Layer& layer) {
    LayerSummary summary{layer.source, layer.name, layer.driver, layer.size(), layer.skipped, layer.extent(),
                         layer.crs, layer.geometry_type, layer.geometry_source, layer.coordinate_columns,
                         layer.fields, std::nullopt, std::nullopt};
    if (const auto counts = layer.field_index("record_count"); counts && layer.fields[*counts].type == FieldType::Integer) {
        std::size_t records = 0;
        for (std::size_t row = 0; row < layer.size(); ++row)
            if (!layer.columns[*counts].is_null(row)) records += static_cast<std::size_t>(layer.columns[*counts].integer(row));
        summary.records = records;
    }
    const auto field = commodity_field(layer);
    if (!field) return summary;
    CommoditySummary commodities{layer.fields[*field].name, {}, 0};
    for (const auto& [name, sites] : count_commodities(layer, *field)) {
        if (name.empty()) commodities.without = sites;
        else commodities.commodities.push_back({name, sites});
    }
    // The map is in name order; a stable sort keeps it among equal counts.
    std::stable_sort(commodities.commodities.begin(), commodities.commodities.end(),
                     [](const CommodityCount& a, const CommodityCount& b) { return a.sites > b.sites; });
    summary.commodities = std::move(commodities);
    return summary;
}

Layer bundled_layer_list() {
    Layer out;
    out.name = "bundled";
    out.kind = GeometryKind::None;  // a table
    out.fields = {{"name", FieldType::String}, {"features", FieldType::Integer}, {"geometry", FieldType::String},
                  {"file", FieldType::String}, {"what", FieldType::String}};
    for (const auto& field : out.fields) out.columns.emplace_back(field.type);
    for (const auto& bundled : bundled_layers()) {
        const auto layer = read_layer(bundled_path(bundled.layer).string());
        out.columns[0].push(std::string_view(bundled.name));
        out.columns[1].push(static_cast<std::int64_t>(layer.size()));
        out.columns[2].push(std::string_view(to_string(layer.kind)));
        out.columns[3].push(std::string_view(bundled.file));
        out.columns[4].push(std::string_view(bundled.what));
    }
    return out;
}

} // namespace depmap::layers
