#include "layers/model/commodities.hpp"

#include "base/edits.hpp"
#include "base/text.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

namespace depmap::layers {

std::optional<std::size_t> commodity_field(const Layer& layer) {
    if (auto index = layer.field_index("commodities")) return index;
    return layer.field_index("commodity");
}

std::vector<std::string> split_commodities(std::string_view list) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find_first_of(";,", start);
        if (end == std::string_view::npos) end = list.size();
        const auto item = trimmed(list.substr(start, end - start));
        if (!item.empty()) items.emplace_back(item);
        start = end + 1;
    }
    return items;
}

std::string primary_commodity(std::string_view list) {
    auto items = split_commodities(list);
    if (items.empty()) return {};
    // A district's mix names each commodity with its count ("Coal:202"): the name is
    // what is before the colon (no commodity's name holds one).
    std::string_view item = items.front();
    item = item.substr(0, item.find(':'));
    const auto last = item.find_last_not_of(" \t");
    return std::string(item.substr(0, last == std::string_view::npos ? 0 : last + 1));
}

namespace {

// Symbols and short names people use for the vocabulary of data/README.md.
const std::map<std::string, std::string, std::less<>>& abbreviations() {
    static const std::map<std::string, std::string, std::less<>> names{
        {"ree", "rare earth elements"}, {"rare earths", "rare earth elements"},
        {"fe", "iron"},   {"cu", "copper"},  {"pb", "lead"},     {"zn", "zinc"},
        {"au", "gold"},   {"ag", "silver"},  {"nb", "niobium"},  {"th", "thorium"},
        {"u", "uranium"}, {"sn", "tin"},     {"w", "tungsten"},  {"mo", "molybdenum"},
        {"cr", "chromium"}, {"cd", "cadmium"}, {"in", "indium"}, {"s", "sulfur"},
        {"f", "fluorite"}, {"fluorspar", "fluorite"}, {"c", "graphite"},
        {"p", "phosphorus-phosphates"}, {"phosphate", "phosphorus-phosphates"},
    };
    return names;
}

// Every commodity depmap knows by name, as data/README.md spells them: those of the
// bundled data, and the other mineral commodities of the USGS's lists.
const std::vector<std::string>& vocabulary() {
    static const std::vector<std::string> names{
        "Aluminum", "Antimony", "Arsenic", "Asbestos", "Barite", "Bauxite", "Bentonite", "Beryllium",
        "Bismuth", "Boron", "Bromine", "Cadmium", "Cesium", "Chromium", "Clay", "Coal", "Cobalt",
        "Copper", "Diamond", "Diatomite", "Feldspar", "Fluorite", "Gallium", "Garnet", "Germanium",
        "Gold", "Graphite", "Gypsum", "Hafnium", "Helium", "Indium", "Iodine", "Iron", "Kaolin",
        "Lead", "Limestone", "Lithium", "Magnesite", "Magnesium", "Manganese", "Mercury", "Mica",
        "Molybdenum", "Natural Gas", "Nickel", "Niobium", "Oil Shale", "Perlite", "Petroleum",
        "Phosphorus-Phosphates", "Platinum Group Elements", "Potash", "Pumice", "Quartz",
        "Rare Earth Elements", "Rhenium", "Rubidium", "Salt", "Scandium", "Selenium", "Silica",
        "Silver", "Sodium Carbonate", "Steel", "Strontium", "Sulfur", "Talc", "Tantalum",
        "Tellurium", "Thallium", "Thorium", "Tin", "Titanium", "Tungsten", "Uranium", "Vanadium",
        "Vermiculite", "Wollastonite", "Zeolites", "Zinc", "Zirconium",
    };
    return names;
}

} // namespace

bool is_known_commodity(std::string_view name) {
    const auto wanted = canonical_commodity(name);
    return std::any_of(vocabulary().begin(), vocabulary().end(),
                       [&](const std::string& known) { return ascii_lower(known) == wanted; });
}

std::optional<std::string> nearest_commodity(std::string_view name, const std::vector<std::string>& also) {
    const auto wanted = ascii_lower(name);
    std::optional<std::string> best;
    std::size_t fewest = 3;  // more than two edits is another word
    for (const auto* names : {&also, &vocabulary()})
        for (const auto& known : *names)
            if (const auto n = edits(wanted, ascii_lower(known)); n < fewest && n < wanted.size()) {
                fewest = n;
                best = known;
            }
    return best;
}

std::string canonical_commodity(std::string_view name) {
    const std::string lower = ascii_lower(name);
    const auto it = abbreviations().find(lower);
    return it == abbreviations().end() ? lower : it->second;
}

std::vector<std::string> commodity_spellings(std::string_view name) {
    const std::string wanted = canonical_commodity(name);
    std::vector<std::string> spellings{wanted};
    for (const auto& [spelling, canonical] : abbreviations())
        if (canonical == wanted) spellings.push_back(spelling);
    return spellings;
}

std::map<std::string, std::size_t> count_commodities(const Layer& layer, std::size_t field) {
    std::map<std::string, std::size_t> counts;
    const Column& column = layer.columns[field];
    for (std::size_t row = 0; row < column.size(); ++row) {
        const auto items = split_commodities(column.to_text(row));
        if (items.empty()) ++counts[""];
        for (const auto& item : items) ++counts[item];
    }
    return counts;
}

} // namespace depmap::layers
