#include "layers/style/qgis_expression.hpp"

#include <fmt/format.h>

namespace depmap::layers {

namespace {

std::string quoted(std::string_view text, char quote) {
    std::string out(1, quote);
    for (const char c : text) {
        if (c == quote) out += quote;
        out += c;
    }
    out += quote;
    return out;
}

} // namespace

std::string quote_field(std::string_view field) { return quoted(field, '"'); }

std::string quote_text(std::string_view text) { return quoted(text, '\''); }

std::string primary_commodity_expression(std::string_view field, std::string_view none_value) {
    // The leftmost run between separators holding a non-blank character: empty items
    // and blank ones are skipped, as split_commodities() skips them; a count after a
    // colon (a district's "Coal:202") is left out, as primary_commodity() leaves it.
    return fmt::format("coalesce(nullif(trim(regexp_substr({}, '[^;,:]*[^;,:[:blank:]][^;,:]*')), ''), {})",
                       quote_field(field), quote_text(none_value));
}

std::string name_label_expression(std::string_view name_field, std::string_view name_zh_field) {
    if (name_field.empty() && name_zh_field.empty()) return {};
    if (name_zh_field.empty()) return quote_field(name_field);
    if (name_field.empty()) return quote_field(name_zh_field);
    const auto name = quote_field(name_field);
    const auto zh = quote_field(name_zh_field);
    return fmt::format("CASE WHEN coalesce({1}, '') = '' OR {1} = {0} THEN {0} "
                       "WHEN coalesce({0}, '') = '' THEN {1} "
                       "ELSE {0} || char(10) || {1} END",
                       name, zh);
}

} // namespace depmap::layers
