#pragma once
// How precisely a source states a coordinate, read from the coordinate itself: sources
// record no accuracy, but their digits say how finely they were written. A value's digits
// are the shortest decimal text that reads back as the double (so `41.650000` is `41.65`:
// trailing zeros say nothing). It is stated to
//  - 1' when it has 4 decimals or more and is within half a unit of its last digit of a
//    whole number of arc-minutes (`109.9667` is 109°58'),
//  - else 1" when it has 6 decimals or more and is such a whole number of arc-seconds
//    (`109.974444444444` is 109°58'28", stated to the arc-second, not to 12 decimals),
//  - else to its last decimal (`41.75` 0.01°, `109.985565` 0.000001°).
// Fewer digits would match arc-minutes or arc-seconds by chance too often to tell.
#include <string>

namespace depmap::geo {

// The rank of the grid `degrees` is stated to: 0 for 1°, larger for finer grids (so
// ranks compare: the larger, the more precisely stated). Non-finite values rank 0.
int stated_precision_rank(double degrees);

// The grid of a rank, in words: "1°", "0.1°", "1′", "0.01°", "0.001°", "1″", "0.0001°", ...
std::string stated_precision_text(int rank);

// A point is stated as precisely as the coarser of its two coordinates.
inline int stated_precision_rank(double lon_deg, double lat_deg) {
    const int lon = stated_precision_rank(lon_deg);
    const int lat = stated_precision_rank(lat_deg);
    return lon < lat ? lon : lat;
}

} // namespace depmap::geo
