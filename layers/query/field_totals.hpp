#pragma once
// What the region commands total and split by: --sum FIELD and --group-by FIELD, one
// rule for regions, clusters, catchments, hulls and grids; and the table they total in.
#include "layers/model/layer.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace depmap::layers {

// The columns of the numeric fields to total, in order. Throws ArgumentError for a field
// that is missing or holds text (--sum FIELD: ...).
std::vector<std::size_t> sum_columns(const Layer& points, const std::vector<std::string>& fields);

// A numeric value as it adds into a total: empty values add nothing.
double summand(const Column& column, std::size_t row);

// --group-by FIELD: the keys a row counts under. The field's text, except for the layer's
// commodity list, where a site counts under every commodity it lists; a row with no key
// counts under the empty key. No field: every row under the empty key.
// A table of totals, one row per region, cluster, hub or cell: the fields `before` (its
// keys, "count" and what goes with it), "sum_<field>" per --sum field, then `after`.
// Filled row by row, one value per field in their order, and a shape per row for a
// layer with geometry.
class TotalsTable {
public:
    // `start` names the table and holds its kind (Layer::empty_like).
    TotalsTable(Layer start, std::vector<Field> before, const std::vector<std::string>& sum_fields,
                std::vector<Field> after = {});
    template <class Value> void push(Value value) { next().push(value); }
    void push_null() { next().push_null(); }
    void push_shape(geo::Shape shape) { m_table.shapes.push_back(std::move(shape)); }
    Layer finish() &&;

private:
    Column& next();
    Layer m_table;
    std::size_t m_next = 0;
};

inline const Field count_field{"count", FieldType::Integer};

class GroupKeys {
public:
    // Throws ArgumentError naming an unknown field (--group-by FIELD: ...).
    GroupKeys(const Layer& points, const std::string& field);
    std::vector<std::string> of(std::size_t row) const;
    bool grouped() const { return m_field.has_value(); }
    std::optional<std::size_t> field() const { return m_field; }

private:
    const Layer& m_points;
    std::optional<std::size_t> m_field;
    bool m_split_lists = false;
};

} // namespace depmap::layers
