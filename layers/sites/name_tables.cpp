#include "layers/sites/name_tables.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace depmap::layers {

namespace {

using namespace std::string_view_literals;

// Sorted, for binary search.
constexpr std::array generic_words{
    // what kind of place
    "area"sv, "body"sv, "deposit"sv, "deposits"sv, "district"sv, "field"sv, "group"sv, "mine"sv,
    "mines"sv, "mining"sv, "occurrence"sv, "occurrences"sv, "ore"sv, "orebody"sv, "ores"sv, "pit"sv,
    "project"sv, "prospect"sv, "prospects"sv, "quarry"sv, "shaft"sv, "showing"sv, "well"sv, "works"sv,
    // whose
    "co"sv, "company"sv, "corp"sv, "corporation"sv, "inc"sv, "limited"sv, "ltd"sv,
    // what (the commodity vocabulary and its usual minerals; commodities are compared apart)
    "cadmium"sv, "chromite"sv, "chromium"sv, "coal"sv, "copper"sv, "fluorite"sv, "fluorspar"sv,
    "gold"sv, "graphite"sv, "indium"sv, "iron"sv, "lead"sv, "molybdenum"sv, "nickel"sv,
    "niobium"sv, "phosphate"sv, "phosphorus"sv, "polymetallic"sv, "ree"sv, "silver"sv,
    "sulfur"sv, "sulphur"sv, "thorium"sv, "tin"sv, "tungsten"sv, "uranium"sv, "zinc"sv,
    // words around a number or a name
    "no"sv, "nr"sv, "number"sv, "of"sv, "the"sv,
};

constexpr std::array<std::array<std::string_view, 2>, 6> generic_phrases{{
    {"inner", "mongolia"}, {"nei", "mongol"}, {"nei", "menggu"}, {"rare", "earth"},
    {"rare", "earths"}, {"rare", "metals"},
}};

struct Qualifier {
    std::string_view word;
    std::string_view part;
};
constexpr std::array<Qualifier, 25> qualifiers{{
    {"center", "central"},  {"central", "central"}, {"centre", "central"}, {"east", "east"},
    {"eastern", "east"},    {"expansion", "expansion"}, {"extension", "extension"},
    {"lower", "lower"},     {"main", "main"},        {"middle", "central"}, {"north", "north"},
    {"northeast", "north east"}, {"northern", "north"}, {"northwest", "north west"},
    {"opencast", "open pit"}, {"south", "south"},    {"southeast", "south east"},
    {"southern", "south"},  {"southwest", "south west"}, {"surface", "open pit"},
    {"underground", "underground"}, {"upper", "upper"}, {"west", "west"}, {"western", "west"},
    {"openpit", "open pit"},
}};

constexpr std::array<std::array<std::string_view, 3>, 6> qualifier_phrases{{
    {"open", "pit", "open pit"}, {"open", "cut", "open pit"}, {"north", "east", "north east"},
    {"north", "west", "north west"}, {"south", "east", "south east"}, {"south", "west", "south west"},
}};

constexpr std::array roman_numerals{"i"sv,   "ii"sv,  "iii"sv, "iv"sv,   "v"sv,    "vi"sv,  "vii"sv,
                                    "viii"sv, "ix"sv,  "x"sv,   "xi"sv,   "xii"sv,  "xiii"sv, "xiv"sv,
                                    "xv"sv,  "xvi"sv, "xvii"sv, "xviii"sv, "xix"sv, "xx"sv};

constexpr std::array chinese_generic{
    U"内蒙古自治区"sv, U"股份有限公司"sv, U"有限责任公司"sv, U"有限公司"sv, U"内蒙古"sv,
    U"自治区"sv, U"公司"sv, U"集团"sv, U"矿业"sv, U"矿区"sv, U"矿床"sv, U"矿山"sv, U"矿点"sv, U"煤田"sv,
};

constexpr std::u32string_view chinese_commodities = U"铁铜铅锌金银锡钨钼铬镍铌稀土煤磷硫萤石墨铀钍";

constexpr std::array<std::pair<std::u32string_view, std::string_view>, 8> chinese_parts{{
    {U"露天", "open pit"}, {U"井工", "underground"}, {U"东", "east"}, {U"西", "west"},
    {U"南", "south"}, {U"北", "north"}, {U"主", "main"}, {U"中", "central"},
}};

constexpr std::array<Romanisation, 14> romanisation_table{{
    {"bayanobo", "bayanobo"}, {"baiyunobo", "bayanobo"}, {"bayanebo", "bayanobo"},
    {"baiyunebo", "bayanobo"}, {"paiyunopo", "bayanobo"}, {"白云鄂博", "bayanobo"},
    {"三合明", "sanheming"},  {"霍各乞", "huogeqi"},     {"东升庙", "dongshengmiao"},
    {"炭窑口", "tanyaokou"},  {"甲生盘", "jiashengpan"}, {"乌努格吐山", "wunugetushan"},
    {"贺根山", "hegenshan"},  {"浩布高", "haobugao"},
}};

} // namespace

bool is_generic_word(std::string_view word) {
    static const auto sorted = [] {
        auto words = generic_words;
        std::sort(words.begin(), words.end());
        return words;
    }();
    return std::binary_search(sorted.begin(), sorted.end(), word);
}

bool is_generic_phrase(std::string_view first, std::string_view second) {
    return std::any_of(generic_phrases.begin(), generic_phrases.end(),
                       [&](const auto& phrase) { return phrase[0] == first && phrase[1] == second; });
}

std::string_view part_qualifier(std::string_view word) {
    for (const auto& q : qualifiers)
        if (q.word == word) return q.part;
    return {};
}

std::string_view part_qualifier(std::string_view first, std::string_view second) {
    for (const auto& phrase : qualifier_phrases)
        if (phrase[0] == first && phrase[1] == second) return phrase[2];
    return {};
}

bool is_phase_word(std::string_view word) { return word == "phase" || word == "stage"; }

bool is_roman_numeral(std::string_view word) {
    return std::find(roman_numerals.begin(), roman_numerals.end(), word) != roman_numerals.end();
}

std::span<const std::u32string_view> chinese_generic_terms() { return chinese_generic; }

bool is_chinese_commodity(char32_t c) { return chinese_commodities.find(c) != std::u32string_view::npos; }

ChinesePart chinese_part_qualifier(std::u32string_view name) {
    for (const auto& [tail, part] : chinese_parts)
        if (name.size() > tail.size() + 1 && name.substr(name.size() - tail.size()) == tail)
            return {tail.size(), part};
    return {};
}

std::span<const Romanisation> romanisations() { return romanisation_table; }

} // namespace depmap::layers
