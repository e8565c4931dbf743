#pragma once
// The attribute model of a layer: named, typed fields.
#include <string>
#include <string_view>

namespace depmap::layers {

// Integers are 64-bit. Dates, lists and other OGR types are held as their text.
enum class FieldType { Integer, Real, String };

std::string_view to_string(FieldType type);

struct Field {
    std::string name;
    FieldType type = FieldType::String;
};

} // namespace depmap::layers
