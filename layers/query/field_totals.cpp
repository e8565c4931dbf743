#include "layers/query/field_totals.hpp"

#include "base/error.hpp"
#include "layers/model/commodities.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

namespace depmap::layers {

std::vector<std::size_t> sum_columns(const Layer& points, const std::vector<std::string>& fields) {
    std::vector<std::size_t> columns;
    for (const auto& name : fields) {
        const auto f = points.field_index(name);
        if (!f) throw ArgumentError(fmt::format("{} {}: no such field in {}", parameter("sum_fields"), name, points.source));
        if (points.fields[*f].type == FieldType::String)
            throw ArgumentError(fmt::format("{} {}: the field holds text, not numbers", parameter("sum_fields"), name));
        columns.push_back(*f);
    }
    return columns;
}

double summand(const Column& column, std::size_t row) {
    if (column.is_null(row)) return 0.0;
    return column.type() == FieldType::Integer ? static_cast<double>(column.integer(row)) : column.real(row);
}

TotalsTable::TotalsTable(Layer start, std::vector<Field> before, const std::vector<std::string>& sum_fields,
                         std::vector<Field> after)
    : m_table(std::move(start)) {
    m_table.fields = std::move(before);
    for (const auto& name : sum_fields) m_table.fields.push_back({"sum_" + name, FieldType::Real});
    m_table.fields.insert(m_table.fields.end(), after.begin(), after.end());
    for (const auto& field : m_table.fields) m_table.columns.emplace_back(field.type);
}

Column& TotalsTable::next() {
    Column& column = m_table.columns[m_next];
    m_next = (m_next + 1) % m_table.columns.size();
    return column;
}

Layer TotalsTable::finish() && {
    m_table.debug_check();
    return std::move(m_table);
}

GroupKeys::GroupKeys(const Layer& points, const std::string& field) : m_points(points) {
    if (field.empty()) return;
    m_field = points.field_index(field);
    if (!m_field) throw ArgumentError(fmt::format("{} {}: no such field in {}", parameter("group_by"), field, points.source));
    m_split_lists = m_field == commodity_field(points);
}

std::vector<std::string> GroupKeys::of(std::size_t row) const {
    if (!m_field) return {""};
    const auto text = m_points.columns[*m_field].to_text(row);
    auto keys = m_split_lists ? split_commodities(text) : std::vector<std::string>{text};
    if (keys.empty()) keys.emplace_back();
    return keys;
}

} // namespace depmap::layers
