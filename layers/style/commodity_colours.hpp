#pragma once
// The fixed map colour of every commodity of the bundled vocabulary (data/README.md).
//
// Colours are the eight of Okabe and Ito's palette ("Color Universal Design", 2008),
// which people with any of the common colour-vision deficiencies tell apart. Seventeen
// commodities are more than eight distinguishable colours, so related commodities share
// a group colour and are told apart by marker shape within the group. README.md
// ("Styles") documents the same table; a test keeps the two in step.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace depmap::layers {

struct Rgb {
    std::uint8_t red = 0;
    std::uint8_t green = 0;
    std::uint8_t blue = 0;
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

// "#d55e00"
std::string to_hex(Rgb colour);

struct CommodityColour {
    std::string_view commodity;  // as the vocabulary spells it, or a fallback's label
    std::string_view group;      // the commodities sharing this colour
    Rgb colour;
    std::string_view marker;     // QGIS simple-marker shape: circle, square, triangle, diamond
};

// The vocabulary in legend order: group by group, and within a group by how many
// bundled sites list each commodity, with markers circle, square, triangle, diamond.
std::span<const CommodityColour> commodity_colours();

// The entry for a commodity, matched ignoring case; null when it is not in the vocabulary.
const CommodityColour* find_commodity_colour(std::string_view commodity);

// The entry a feature is drawn with, from its commodity list ("Coal;Iron", or a
// district's "Coal:202;Iron:5"): its primary commodity's; no_commodity_colour() for an
// empty list, other_commodity_colour() for a commodity outside the vocabulary.
const CommodityColour& primary_commodity_colour(std::string_view commodity_list);

// Fallbacks: a commodity outside the vocabulary (grey), and a site that lists none
// (white, so it reads as "no information" rather than as another commodity).
const CommodityColour& other_commodity_colour();
const CommodityColour& no_commodity_colour();

} // namespace depmap::layers
