#include "layers/style/layer_symbols.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"
#include "layers/model/commodities.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_set>

namespace depmap::layers {

std::vector<Category> commodity_categories(const Column& column) {
    std::set<std::string> present;
    // Each distinct text of a String column read once: a million rows hold a few dozen.
    std::unordered_set<std::string_view> seen;
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.type() != FieldType::String || column.is_null(row))
            present.insert(primary_commodity(column.to_text(row)));
        else if (const auto text = column.text(row); seen.insert(text).second)
            present.insert(primary_commodity(text));
    }
    const auto colours = commodity_colours();
    std::vector<std::pair<std::size_t, std::string>> known;
    std::vector<std::string> unknown;
    bool has_none = false;
    for (const auto& value : present) {
        if (value.empty()) has_none = true;
        else if (const auto* colour = find_commodity_colour(value))
            known.emplace_back(static_cast<std::size_t>(colour - colours.data()), value);
        else unknown.push_back(value);
    }
    std::sort(known.begin(), known.end());
    std::vector<Category> categories;
    for (const auto& [index, value] : known) categories.push_back({value, value, &colours[index]});
    const auto& none = no_commodity_colour();
    if (has_none) categories.push_back({std::string(none.commodity), std::string(none.commodity), &none});
    const auto& other = other_commodity_colour();
    std::string label(other.commodity);
    if (!unknown.empty()) {
        constexpr std::size_t shown = 5;
        label += fmt::format(": {}", fmt::join(unknown.begin(),
                                               unknown.begin() + std::min(shown, unknown.size()), ", "));
        if (unknown.size() > shown) label += fmt::format(" and {} more", unknown.size() - shown);
    }
    categories.push_back({"", label, &other});
    return categories;
}

MarkerStyle category_marker(const CommodityColour& colour) {
    MarkerStyle marker;
    marker.fill = colour.colour;
    marker.shape = colour.marker;
    const bool background = colour.commodity == "Coal" || &colour == &other_commodity_colour() ||
                            &colour == &no_commodity_colour();
    marker.pass = background ? 0 : 1;
    return marker;
}

std::size_t numeric_field(const Layer& layer, const std::string& name, std::string_view what) {
    const auto index = layer.field_index(name);
    if (!index) {
        std::vector<std::string> numeric;
        for (const auto& field : layer.fields)
            if (field.type != FieldType::String) numeric.push_back(field.name);
        throw ArgumentError(fmt::format("{} {}: no such field in {}; its numeric fields: {}", what,
                                        name, layer.source,
                                        numeric.empty() ? "none" : fmt::format("{}", fmt::join(numeric, ", "))));
    }
    if (layer.fields[*index].type == FieldType::String)
        throw ArgumentError(fmt::format("{} {}: the field holds text, not numbers", what, name));
    return *index;
}

SizeScale size_scale(const Layer& layer, const std::string& size_by) {
    const auto index = numeric_field(layer, size_by, parameter("size_by"));
    const Column& column = layer.columns[index];
    SizeScale scale;
    scale.field = layer.fields[index].name;
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.is_null(row)) continue;
        const double value = column.type() == FieldType::Integer
                                 ? static_cast<double>(column.integer(row)) : column.real(row);
        if (!std::isfinite(value)) continue;
        low = std::min(low, value);
        high = std::max(high, value);
    }
    if (low > high) low = high = 0;  // no values: every marker at the smallest size
    scale.min_value = low;
    scale.max_value = high > low ? high : low + 1;
    return scale;
}

double scaled_size_mm(const SizeScale& scale, std::optional<double> value) {
    if (!value || !std::isfinite(*value)) return scale.min_size_mm;
    constexpr double flannery_exponent = 0.57;
    const double t = std::clamp((*value - scale.min_value) / (scale.max_value - scale.min_value), 0.0, 1.0);
    return scale.min_size_mm + std::pow(t, flannery_exponent) * (scale.max_size_mm - scale.min_size_mm);
}

} // namespace depmap::layers
