#pragma once
// The WGS84 ellipsoid, for the code that needs its numbers rather than its geodesics.
#include <numbers>

namespace depmap::geo::wgs84 {

inline constexpr double a_m = 6378137.0;                 // equatorial radius
inline constexpr double f = 1.0 / 298.257223563;         // flattening
inline constexpr double e2 = f * (2.0 - f);              // first eccentricity squared
inline constexpr double deg = std::numbers::pi / 180.0;  // radians per degree

} // namespace depmap::geo::wgs84
