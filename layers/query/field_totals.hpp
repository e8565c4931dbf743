#pragma once
// What the region commands total and split by: --sum FIELD and --group-by FIELD, one
// rule for regions, clusters, catchments, hulls and grids.
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
