#include "layers/sites/site_descriptions.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace depmap::layers {

namespace {

// From the most to the least active; words not listed come after, by spelling.
constexpr std::array<std::string_view, 7> activity{"operating", "construction", "mothballed", "proposed",
                                                    "shelved",   "retired",      "cancelled"};

std::size_t activity_rank(std::string_view status) {
    return static_cast<std::size_t>(std::find(activity.begin(), activity.end(), status) - activity.begin());
}

bool more_active(const std::string& a, const std::string& b) {
    const auto ra = activity_rank(a), rb = activity_rank(b);
    return ra != rb ? ra < rb : a < b;
}

} // namespace

const std::vector<std::string>& description_fields() {
    static const std::vector<std::string> fields{"status", "site_type", "deposit_type", "licence"};
    return fields;
}

std::vector<Column> site_descriptions(std::span<const Layer> inputs, std::span<const SiteRecord> records,
                                      std::span<const std::vector<std::size_t>> members) {
    std::vector<Column> out;
    for (const auto& name : description_fields()) {
        Column column(FieldType::String);
        for (const auto& site : members) {
            std::vector<std::string> values;
            for (const std::size_t r : site) {
                const Layer& layer = inputs[records[r].input];
                const auto f = layer.field_index(name);
                if (!f || layer.columns[*f].is_null(records[r].row)) continue;
                std::string value = layer.columns[*f].to_text(records[r].row);
                if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end())
                    values.push_back(std::move(value));
            }
            if (values.empty()) {
                column.push_null();
            } else if (name == "status") {
                column.push(std::string_view(*std::min_element(values.begin(), values.end(), more_active)));
            } else {
                column.push(std::string_view(fmt::format("{}", fmt::join(values, name == "licence" ? " | " : "; "))));
            }
        }
        out.push_back(std::move(column));
    }
    return out;
}

} // namespace depmap::layers
