#pragma once
// Coordinates rounded to a number of decimals, correctly: the exact binary value of the
// double is rounded in decimal (ties to even, as printf and Python's Decimal round), not
// value * 10^n rounded in floating point, whose product is itself rounded (111.1625 is
// held as 111.16249999999999431..., which rounds to 111.162, not 111.163; and past 2^53
// the product loses the very digits being rounded).
#include "geo/shape.hpp"

namespace depmap::geo {

// The double nearest to `value` rounded to `decimals` (0 to 17) decimal places.
double rounded_to_decimals(double value, int decimals);

// Decimals of the vertices of every polygon depmap derives (buffers, hulls, districts,
// catchments, grid cells): about 1 cm, GeoJSON's default. Every format then writes
// exactly the polygon whose area area_km2 gives.
constexpr int shape_decimals = 7;

// Rounds every vertex to `decimals` decimals and drops a vertex that rounds onto the one
// before it (rings stay closed).
void round_vertices(MultiPolygon& polygons, int decimals = shape_decimals);

// A text writer that prints a value rounded by rounded_to_decimals(v, decimals) with
// decimals + spare_decimals digits prints exactly its rounded decimal text when
// |v| < 1000 and decimals <= max_exact_decimals: the double is then within
// 0.5e-(decimals + 3) of the text. (GDAL 3.6 trims what looks like binary noise, five 0s
// or 9s before the last digit; with fewer spare digits it cuts real ones.)
constexpr int spare_decimals = 3;
constexpr int max_exact_decimals = 10;

} // namespace depmap::geo
