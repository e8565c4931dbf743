#include "layers/commodities.hpp"

namespace depmap::layers {

std::optional<std::size_t> commodity_field(const Layer& layer) {
    if (auto index = layer.field_index("commodities")) return index;
    return layer.field_index("commodity");
}

std::vector<std::string> split_commodities(std::string_view list) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find_first_of(";,", start);
        if (end == std::string_view::npos) end = list.size();
        auto item = list.substr(start, end - start);
        const auto first = item.find_first_not_of(" \t");
        if (first != std::string_view::npos)
            items.emplace_back(item.substr(first, item.find_last_not_of(" \t") - first + 1));
        start = end + 1;
    }
    return items;
}

std::string primary_commodity(std::string_view list) {
    auto items = split_commodities(list);
    if (items.empty()) return {};
    // A district's mix names each commodity with its count ("Coal:202"): the name is
    // what is before the colon (no commodity's name holds one).
    std::string_view item = items.front();
    item = item.substr(0, item.find(':'));
    const auto last = item.find_last_not_of(" \t");
    return std::string(item.substr(0, last == std::string_view::npos ? 0 : last + 1));
}

std::map<std::string, std::size_t> count_commodities(const Layer& layer, std::size_t field) {
    std::map<std::string, std::size_t> counts;
    const Column& column = layer.columns[field];
    for (std::size_t row = 0; row < column.size(); ++row) {
        const auto items = split_commodities(column.to_text(row));
        if (items.empty()) ++counts[""];
        for (const auto& item : items) ++counts[item];
    }
    return counts;
}

} // namespace depmap::layers
