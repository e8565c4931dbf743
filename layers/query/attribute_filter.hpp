#pragma once
// Selecting features by their attributes: OGR SQL WHERE clauses, and commodities.
#include "layers/model/layer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

// The rows whose attributes satisfy `where`, an OGR SQL WHERE clause
// (`commodities LIKE '%Coal%' AND status = 'operating'`), in layer order. Evaluated by
// OGR's own SQL engine. Throws ArgumentError with OGR's message for a bad clause, naming
// the parameter `name` that gave it.
std::vector<std::size_t> rows_where(const Layer& layer, const std::string& where,
                                    std::string_view name = "where");

// The rows listing `commodity` (case-insensitive, with the usual abbreviations: REE,
// Fe, Cu, Pb, Zn, Au, Ag, ...). Throws ArgumentError when the layer has no commodity
// field, and for a word that is no commodity (is_known_commodity) and that no feature
// lists, with the nearest commodity when one is close ("Cooper": did you mean Copper?).
// A known commodity no feature lists selects no row.
std::vector<std::size_t> rows_with_commodity(const Layer& layer, const std::string& commodity);

// The rows both `where` and `commodity` select, an empty one selecting every row.
std::vector<std::size_t> rows_selected(const Layer& layer, const std::string& where, const std::string& commodity);

} // namespace depmap::layers
