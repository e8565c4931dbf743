#include "layers/write/dbf_fields.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

namespace depmap::layers {

std::string shorten_utf8(std::string_view name, std::size_t bytes) {
    if (name.size() <= bytes) return std::string(name);
    auto end = bytes;
    while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;  // continuation byte
    return std::string(name.substr(0, end));
}

namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// Unique names of at most 10 bytes: as they are when they fit, else cut, and numbered
// when two cuts collide (dBASE readers compare names regardless of case).
std::vector<std::string> short_names(const std::vector<Field>& fields) {
    std::set<std::string> taken;
    for (const auto& field : fields)
        if (field.name.size() <= 10) taken.insert(upper(field.name));
    std::vector<std::string> names;
    for (const auto& field : fields) {
        if (field.name.size() <= 10) {
            names.push_back(field.name);
            continue;
        }
        auto name = shorten_utf8(field.name, 10);
        for (int n = 1; taken.count(upper(name)); ++n) {
            const auto suffix = fmt::format("_{}", n);
            name = shorten_utf8(field.name, 10 - suffix.size()) + suffix;
        }
        taken.insert(upper(name));
        names.push_back(name);
    }
    return names;
}

// Digits before and after the point that `value` needs in fixed notation to read back
// the same: from its shortest round-trip form.
std::pair<int, int> real_digits(double value) {
    char text[64];
    const auto end = std::to_chars(text, text + sizeof text, value, std::chars_format::scientific).ptr;
    const std::string_view form(text, static_cast<std::size_t>(end - text));
    const auto e = form.find('e');
    const int exponent = std::stoi(std::string(form.substr(e + 1)));
    const auto point = form.find('.');
    const int mantissa_decimals = point == std::string_view::npos ? 0 : static_cast<int>(e - point - 1);
    return {std::max(1, exponent + 1), std::max(0, mantissa_decimals - exponent)};
}

} // namespace

std::vector<DbfField> plan_dbf_fields(const Layer& layer, const std::string& path) {
    if (layer.fields.size() > dbf_max_fields)
        throw OutputError(fmt::format("{}: {} fields, more than a Shapefile's {}; write a GeoPackage (.gpkg)",
                                      path, layer.fields.size(), dbf_max_fields));
    const auto names = short_names(layer.fields);
    std::vector<DbfField> planned;
    for (std::size_t f = 0; f < layer.fields.size(); ++f) {
        const auto& column = layer.columns[f];
        DbfField field{names[f], column.type(), false, 1, 0};
        int integer_digits = 1;
        bool negative = false;
        for (std::size_t row = 0; row < column.size(); ++row) {
            if (column.is_null(row)) continue;
            int width = 0;
            switch (column.type()) {
            case FieldType::String: width = static_cast<int>(column.text(row).size()); break;
            case FieldType::Integer: {
                const auto value = column.integer(row);
                width = static_cast<int>(fmt::formatted_size("{}", value));
                field.wide_integer |= value < INT32_MIN || value > INT32_MAX;
                break;
            }
            case FieldType::Real: {
                const auto value = column.real(row);
                if (!std::isfinite(value))
                    throw OutputError(fmt::format("{}: field '{}' row {}: {} cannot be stored in a Shapefile; "
                                                  "write a GeoPackage (.gpkg)", path, layer.fields[f].name,
                                                  row + 1, value));
                const auto [before, after] = real_digits(value);
                negative |= std::signbit(value);
                integer_digits = std::max(integer_digits, before);
                field.precision = std::max(field.precision, after);
                width = negative + integer_digits + (field.precision ? 1 + field.precision : 0);
                break;
            }
            }
            if (width > dbf_max_width)
                throw OutputError(fmt::format("{}: field '{}' row {}: a value of {} characters does not fit a "
                                              "Shapefile's {}; write a GeoPackage (.gpkg), or leave the field out ({})",
                                              path, layer.fields[f].name, row + 1, width, dbf_max_width,
                                              parameter("fields")));
            field.width = std::max(field.width, width);
        }
        planned.push_back(field);
    }
    return planned;
}

} // namespace depmap::layers
