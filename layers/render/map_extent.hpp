#pragma once
// Which part of the world a map shows, in lon/lat.
#include "geo/lonlat.hpp"
#include "layers/model/layer.hpp"

#include <optional>
#include <span>
#include <string>

namespace depmap::layers {

struct ExtentChoice {
    std::optional<geo::Box> bbox;  // exactly this box. DEFAULT: none.
    std::string division;          // a division's name (English or Chinese). DEFAULT: "".
    // The box of the geodesic circle of `radius_m` around this place. DEFAULT: none.
    std::optional<geo::LonLat> centre;
    double radius_m = 0;
};

// The map's extent: the box asked for; else the box of the circle around `centre`
// (ArgumentError naming `radius` for a circle over a pole or the antimeridian); else the named division of `divisions` with a
// margin; else the features of `layers` with a margin (a twentieth of each side, at
// least 0.05 degrees), or `fallback` (the boundary) when they hold none. Throws
// ArgumentError naming `extent` and listing the divisions when none has that name
// (names as find_region() matches them: "Xilingol", "包头市").
geo::Box map_extent(std::span<const Layer> layers, const ExtentChoice& choice, const Layer& divisions,
                    const geo::Box& fallback);

// `box` grown by a twentieth of its size on each side, and at least 0.05 degrees.
geo::Box with_margin(const geo::Box& box);

} // namespace depmap::layers
