#include "geo/area.hpp"

#include "geo/geodesic.hpp"

namespace depmap::geo {

double area_m2(const Polygon& polygon) {
    double area = geodesic_ring_area_m2(polygon.outer());
    for (const auto& hole : polygon.inners()) area -= geodesic_ring_area_m2(hole);
    return area;
}

double area_m2(const MultiPolygon& polygons) {
    double area = 0.0;
    for (const auto& polygon : polygons) area += area_m2(polygon);
    return area;
}

} // namespace depmap::geo
