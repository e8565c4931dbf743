#pragma once
// The QGIS expressions depmap's styles evaluate, built from field names with QGIS's
// quoting, so any field name (quotes, spaces, Chinese) is safe.
#include <string>
#include <string_view>

namespace depmap::layers {

// "field" with inner double quotes doubled.
std::string quote_field(std::string_view field);
// 'text' with inner single quotes doubled.
std::string quote_text(std::string_view text);

// The category value QGIS computes for a feature of a commodity-list field: the first
// non-blank item of the `;`/`,`-separated list, trimmed (as primary_commodity() does),
// or `none_value` for an empty or null list.
std::string primary_commodity_expression(std::string_view field, std::string_view none_value);

// Label text from a name and a Chinese name: "name", with the Chinese name on a second
// line when it is given and differs; either alone when the other is empty. Pass an
// empty field name for a field the layer lacks; both empty gives "".
std::string name_label_expression(std::string_view name_field, std::string_view name_zh_field);

} // namespace depmap::layers
