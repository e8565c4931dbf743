#include "layers/sites/records_layer.hpp"

#include <algorithm>
#include <optional>

namespace depmap::layers {

namespace {

FieldType wider(FieldType a, FieldType b) {
    if (a == b) return a;
    if (a != FieldType::String && b != FieldType::String) return FieldType::Real;
    return FieldType::String;
}

void push_value(Column& to, const Column& from, std::size_t row) {
    if (from.is_null(row)) return to.push_null();
    if (to.type() == from.type()) {
        switch (from.type()) {
        case FieldType::Integer: return to.push(from.integer(row));
        case FieldType::Real: return to.push(from.real(row));
        case FieldType::String: return to.push(from.text(row));
        }
    }
    if (to.type() == FieldType::Real) return to.push(static_cast<double>(from.integer(row)));
    to.push(std::string_view(from.to_text(row)));
}

} // namespace

Layer records_layer(std::span<const Layer> inputs, std::span<const std::pair<std::size_t, std::size_t>> rows) {
    if (inputs.size() == 1) {
        std::vector<std::size_t> only;
        for (const auto& [input, row] : rows) only.push_back(row);
        return inputs.front().subset(only);
    }
    Layer out = inputs.front().empty_like(GeometryKind::Point);
    // field_of[input][f]: the input's field for out's field f.
    std::vector<std::vector<std::optional<std::size_t>>> field_of(inputs.size());
    for (std::size_t input = 0; input < inputs.size(); ++input)
        for (std::size_t f = 0; f < inputs[input].fields.size(); ++f) {
            const Field& field = inputs[input].fields[f];
            const auto it = std::find_if(out.fields.begin(), out.fields.end(), [&](const Field& x) { return x.name == field.name; });
            const auto at = static_cast<std::size_t>(it - out.fields.begin());
            if (it == out.fields.end()) out.fields.push_back(field);
            else it->type = wider(it->type, field.type);
            for (auto& own : field_of) own.resize(out.fields.size());
            field_of[input][at] = f;
        }
    for (const auto& field : out.fields) out.columns.emplace_back(field.type);
    for (const auto& [input, row] : rows) {
        for (std::size_t f = 0; f < out.fields.size(); ++f) {
            if (const auto from = field_of[input][f]) push_value(out.columns[f], inputs[input].columns[*from], row);
            else out.columns[f].push_null();
        }
        out.points.push_back(inputs[input].points[row]);
    }
    out.debug_check();
    return out;
}

} // namespace depmap::layers
