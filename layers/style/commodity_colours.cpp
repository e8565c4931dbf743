#include "layers/style/commodity_colours.hpp"

#include "layers/model/commodities.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace depmap::layers {

namespace {

// Okabe-Ito.
constexpr Rgb black{0, 0, 0};
constexpr Rgb orange{230, 159, 0};
constexpr Rgb sky_blue{86, 180, 233};
constexpr Rgb bluish_green{0, 158, 115};
constexpr Rgb yellow{240, 228, 66};
constexpr Rgb blue{0, 114, 178};
constexpr Rgb vermillion{213, 94, 0};
constexpr Rgb reddish_purple{204, 121, 167};

constexpr std::string_view energy = "energy";
constexpr std::string_view ferrous = "iron and ferro-alloy metals";
constexpr std::string_view copper = "copper";
constexpr std::string_view lead_zinc = "lead, zinc and their by-products";
constexpr std::string_view precious = "precious metals";
constexpr std::string_view rare = "rare earths and rare metals";
constexpr std::string_view tin = "tin";
constexpr std::string_view industrial = "industrial minerals";

constexpr std::array<CommodityColour, 17> vocabulary{{
    {"Coal", energy, black, "circle"},
    {"Iron", ferrous, vermillion, "circle"},
    {"Chromium", ferrous, vermillion, "square"},
    {"Molybdenum", ferrous, vermillion, "triangle"},
    {"Copper", copper, bluish_green, "circle"},
    {"Zinc", lead_zinc, blue, "circle"},
    {"Lead", lead_zinc, blue, "square"},
    {"Cadmium", lead_zinc, blue, "triangle"},
    {"Indium", lead_zinc, blue, "diamond"},
    {"Silver", precious, yellow, "circle"},
    {"Gold", precious, yellow, "square"},
    {"Rare Earth Elements", rare, reddish_purple, "circle"},
    {"Niobium", rare, reddish_purple, "square"},
    {"Tin", tin, sky_blue, "circle"},
    {"Graphite", industrial, orange, "circle"},
    {"Phosphorus-Phosphates", industrial, orange, "square"},
    {"Sulfur", industrial, orange, "triangle"},
}};

constexpr CommodityColour other{"other", "not in the vocabulary", Rgb{153, 153, 153}, "circle"};
constexpr CommodityColour none{"(none listed)", "no commodity listed", Rgb{255, 255, 255}, "circle"};

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
        return std::tolower(x) == std::tolower(y);
    });
}

} // namespace

std::string to_hex(Rgb colour) {
    return fmt::format("#{:02x}{:02x}{:02x}", colour.red, colour.green, colour.blue);
}

std::span<const CommodityColour> commodity_colours() { return vocabulary; }

const CommodityColour* find_commodity_colour(std::string_view commodity) {
    const auto name = canonical_commodity(commodity);  // "Au" is gold
    for (const auto& entry : vocabulary)
        if (same_ignoring_case(entry.commodity, name)) return &entry;
    return nullptr;
}

const CommodityColour& primary_commodity_colour(std::string_view commodity_list) {
    const auto primary = primary_commodity(commodity_list);
    if (primary.empty()) return none;
    const auto* entry = find_commodity_colour(primary);
    return entry ? *entry : other;
}

const CommodityColour& other_commodity_colour() { return other; }

const CommodityColour& no_commodity_colour() { return none; }

} // namespace depmap::layers
