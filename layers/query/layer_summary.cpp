#include "layers/query/layer_summary.hpp"

#include "layers/model/commodities.hpp"

#include <algorithm>

namespace depmap::layers {

LayerSummary summarise_layer(const Layer& layer) {
    LayerSummary summary{layer.source, layer.name, layer.driver, layer.size(), layer.skipped, layer.extent(),
                         layer.crs, layer.geometry_type, layer.geometry_source, layer.coordinate_columns,
                         layer.fields, std::nullopt};
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

} // namespace depmap::layers
