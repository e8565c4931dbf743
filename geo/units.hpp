#pragma once
// Distances as people type them: "50km", "12.5 mi", "800 m", "3nmi".
#include <string_view>

namespace depmap::geo {

// Parses a distance into metres. A bare number is metres. Units (case-insensitive, an
// optional space before them): mm, cm, m, km, mi (international mile, 1609.344 m), nmi (1852 m),
// and the words meter(s), metre(s), kilometer(s), kilometre(s), mile(s).
// Throws depmap::ArgumentError, with a message that names the text and the accepted
// units, for a negative, non-finite or unitless-garbage value, for one longer than
// max_distance_m, and for degrees ("0.5deg"), which are not a distance.
double parse_distance_m(std::string_view text);

// The longest distance accepted: the equator's length. Nothing on Earth is farther, and
// a larger cell or radius only makes work that cannot end well.
inline constexpr double max_distance_m = 40075017.0;

} // namespace depmap::geo
