#pragma once
// Areas of lon/lat polygons on the WGS84 ellipsoid, edges taken as geodesics.
#include "geo/shape.hpp"

namespace depmap::geo {

// Exterior ring minus holes, in square metres.
double area_m2(const Polygon& polygon);
double area_m2(const MultiPolygon& polygons);

} // namespace depmap::geo
