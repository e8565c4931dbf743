#pragma once
// Commodities of a site: the bundled data lists them in one field, `;`-separated.
#include "layers/model/layer.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

// The field that lists commodities: "commodities" or "commodity", any case.
std::optional<std::size_t> commodity_field(const Layer& layer);

// "Rare Earth Elements;Niobium" -> {"Rare Earth Elements", "Niobium"}; `;` or `,`
// separated, blanks trimmed, empty items dropped.
std::vector<std::string> split_commodities(std::string_view list);

// The first commodity of a list, the site's main one ("" when the list is empty);
// of a district's mix "Coal:202;Iron:5", the commodity of the most sites: "Coal".
std::string primary_commodity(std::string_view list);

// A commodity's name in lower case, symbols and short names written out as the
// vocabulary of data/README.md spells them: "REE" -> "rare earth elements", "Au" -> "gold".
std::string canonical_commodity(std::string_view name);

// Every name canonical_commodity() turns into the canonical name of `name`, in lower case:
// "Fe" -> {"iron", "fe"}.
std::vector<std::string> commodity_spellings(std::string_view name);

// Whether `name` (any case, or a symbol: "U") is a mineral commodity depmap knows: the
// vocabulary of data/README.md and the other commodities of the USGS's mineral lists,
// whether or not any layer lists it.
bool is_known_commodity(std::string_view name);

// The known commodity, or one of `also` (a layer's own names), nearest to a misspelt
// `name` ("Cooper" -> "Copper"), when one is within two letters' edits; spelt as known.
std::optional<std::string> nearest_commodity(std::string_view name, const std::vector<std::string>& also = {});

// How many features list each commodity (a feature with two counts for both);
// features with none count under "" (empty key).
std::map<std::string, std::size_t> count_commodities(const Layer& layer, std::size_t field);

} // namespace depmap::layers
