#include "layers/text/json_value.hpp"

#include <cmath>

namespace depmap::layers {

nlohmann::ordered_json json_value(const Column& column, std::size_t row) {
    using Json = nlohmann::ordered_json;
    if (column.is_null(row)) return nullptr;
    switch (column.type()) {
    case FieldType::Integer: return column.integer(row);
    case FieldType::Real: return std::isfinite(column.real(row)) ? Json(column.real(row)) : Json(nullptr);
    case FieldType::String: return std::string(column.text(row));
    }
    return nullptr;
}

} // namespace depmap::layers
