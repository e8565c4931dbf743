#pragma once
// Geodesics on the WGS84 ellipsoid, by Karney's algorithms through PROJ's geodesic.h:
// exact to well under a millimetre for any pair of points on Earth.
#include "geo/lonlat.hpp"

#include <span>

namespace depmap::geo {

struct GeodesicInverse {
    double distance_m = 0.0;
    double azimuth1_deg = 0.0;  // at the first point, clockwise from north, (-180, 180]
    double azimuth2_deg = 0.0;  // forward azimuth at the second point, (-180, 180]
};

// Distance and azimuths from `from` to `to`.
GeodesicInverse geodesic_inverse(LonLat from, LonLat to);

// Distance only (cheaper than geodesic_inverse: no azimuths).
double geodesic_distance_m(LonLat from, LonLat to);

struct DistanceAzimuth {
    double distance_m = 0.0;
    double azimuth_deg = 0.0;  // at `from`, as GeodesicInverse::azimuth1_deg
};

// Distance and the azimuth at `from` only, as geodesic_inverse gives them, without the
// azimuth at `to` (2-3 % of an inverse: what a query's millions of matches need).
DistanceAzimuth geodesic_distance_azimuth(LonLat from, LonLat to);

// An azimuth in (-180, 180] as a bearing: degrees clockwise from north in [0, 360), as
// surveyors and most GIS tools show it (-90 is 270; -0 is 0).
double bearing_deg(double azimuth_deg);

// The point `distance_m` from `from` along azimuth `azimuth_deg`.
LonLat geodesic_direct(LonLat from, double azimuth_deg, double distance_m);

// The area enclosed by a ring of points joined by geodesics, in square metres, whatever
// the ring's direction; the closing point may be repeated or left out. Karney's
// algorithm (geod_polygonarea): exact for rings of any size on the ellipsoid.
double geodesic_ring_area_m2(std::span<const LonLat> ring);

// The point whose geocentric direction is the mean of the points' (on the ellipsoid):
// a cheap centre for a projection around many points. It averages the points'
// earth-centred (ECEF) coordinates at height 0 and returns the ellipsoid point on the ray
// from the centre through that average, longitude in [-180, 180]. One point gives itself
// back; the order of the points does not matter; clusters across the antimeridian work.
// Points at one latitude average slightly poleward of it, as the geodesic between them
// bulges. Meaningless for points that cancel out (antipodes). Throws
// std::invalid_argument when points is empty.
LonLat geocentric_mean(std::span<const LonLat> points);

// The geodesic mean (Karcher or Frechet mean) of a few nearby points: the point that
// minimises the sum of the squared geodesic distances to them, where their distance
// vectors (length, azimuth) sum to zero. Iterated from geocentric_mean by geodesic steps
// until a step is under a micrometre. For points within a few hundred kilometres of each
// other; each iteration costs one geodesic inverse a point. Throws std::invalid_argument
// when points is empty.
LonLat geodesic_mean(std::span<const LonLat> points);

} // namespace depmap::geo
