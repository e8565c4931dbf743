#include "layers/sites/site_records.hpp"

#include "base/error.hpp"
#include "base/text.hpp"
#include "geo/stated_precision.hpp"
#include "layers/model/commodities.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

namespace depmap::layers {

namespace {

std::optional<long long> whole_number(std::string_view text) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string text_of(const Layer& layer, std::optional<std::size_t> field, std::size_t row) {
    if (!field || layer.columns[*field].is_null(row)) return {};
    return std::string(trimmed(layer.columns[*field].to_text(row)));
}

std::vector<std::string> split(std::string_view text, std::string_view separators) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find_first_of(separators, start);
        if (end == std::string_view::npos) end = text.size();
        const auto item = trimmed(text.substr(start, end - start));
        if (!item.empty()) items.emplace_back(item);
        start = end + 1;
    }
    return items;
}

void add_names(SiteRecord& record, const std::vector<std::string>& texts, NameField field) {
    for (const auto& text : texts) {
        auto name = site_name(text);
        if (!name.empty()) record.names.push_back({std::move(name), field});
    }
}

SiteRecord record_of(const Layer& layer, std::size_t row, std::size_t input, std::string id) {
    SiteRecord record;
    record.id = std::move(id);
    record.input = input;
    record.row = row;
    record.position = layer.points[row];
    record.precision_rank = geo::stated_precision_rank(record.position.lon_deg, record.position.lat_deg);
    record.name = text_of(layer, layer.field_index("name"), row);
    record.name_zh = text_of(layer, layer.field_index("name_zh"), row);
    add_names(record, split(record.name, ";"), NameField::Name);
    add_names(record, split(text_of(layer, layer.field_index("alt_names"), row), ";"), NameField::Alternative);
    add_names(record, split(record.name_zh, " \t"), NameField::Chinese);
    if (const auto field = commodity_field(layer)) {
        record.commodities = split_commodities(text_of(layer, field, row));
        for (const auto& commodity : record.commodities) record.commodity_keys.push_back(canonical_commodity(commodity));
        std::sort(record.commodity_keys.begin(), record.commodity_keys.end());
        record.commodity_keys.erase(std::unique(record.commodity_keys.begin(), record.commodity_keys.end()),
                                    record.commodity_keys.end());
    }
    record.source = text_of(layer, layer.field_index("source"), row);
    if (record.source.empty()) record.source = layer.source;
    return record;
}

bool by_id(const SiteRecord& a, const SiteRecord& b) { return id_before(a.id, b.id); }

} // namespace

bool id_before(std::string_view a, std::string_view b) {
    const auto x = whole_number(a);
    const auto y = whole_number(b);
    if (x && y && *x != *y) return *x < *y;
    if (x.has_value() != y.has_value()) return x.has_value();
    return a < b;
}

std::vector<SiteRecord> site_records(std::span<const Layer> inputs) {
    std::vector<SiteRecord> records;
    for (std::size_t input = 0; input < inputs.size(); ++input) {
        const Layer& layer = inputs[input];
        if (!layer.is_points())
            throw InputError(fmt::format("{}: sites are made of points, not {}", layer.source, layer.geometry_type));
        for (const char* required : {"id", "name"})
            if (!layer.field_index(required))
                throw InputError(fmt::format("{}: no `{}` field; every record needs an id and a name to be "
                                             "linked into sites",
                                             layer.source, required));
        const auto id_field = layer.field_index("id");
        for (std::size_t row = 0; row < layer.size(); ++row) {
            auto id = text_of(layer, id_field, row);
            if (id.empty())
                throw InputError(fmt::format("{}: feature {} has no id; every record needs one to be linked "
                                             "into sites",
                                             layer.source, row + 1));
            records.push_back(record_of(layer, row, input, std::move(id)));
        }
    }
    std::sort(records.begin(), records.end(), by_id);
    for (std::size_t i = 1; i < records.size(); ++i) {
        const auto& a = records[i - 1];
        const auto& b = records[i];
        if (a.id != b.id) continue;
        throw InputError(fmt::format("{}: the id '{}' is given twice ({} feature {} and {} feature {}); "
                                     "records need ids of their own",
                                     inputs[b.input].source, a.id, inputs[a.input].source, a.row + 1,
                                     inputs[b.input].source, b.row + 1));
    }
    return records;
}

std::vector<SiteRecord> records_of_rows(const Layer& layer, std::span<const std::size_t> rows) {
    const auto id_field = layer.field_index("id");
    std::vector<SiteRecord> records;
    for (const std::size_t row : rows) {
        auto id = text_of(layer, id_field, row);
        records.push_back(record_of(layer, row, 0, id.empty() ? std::to_string(row + 1) : std::move(id)));
    }
    std::stable_sort(records.begin(), records.end(), by_id);
    return records;
}

} // namespace depmap::layers
