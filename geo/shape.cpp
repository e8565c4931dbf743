#include "geo/shape.hpp"

namespace depmap::geo {

namespace {

void extend(Box& box, const MultiPoint& points) {
    for (const auto& p : points) box.extend(p);
}

void extend(Box& box, const MultiLineString& lines) {
    for (const auto& line : lines) for (const auto& p : line) box.extend(p);
}

void extend(Box& box, const MultiPolygon& polygons) {
    // Holes lie inside their exterior ring, so the exteriors bound the shape.
    for (const auto& polygon : polygons) for (const auto& p : polygon.outer()) box.extend(p);
}

} // namespace

Box bounds(const Shape& shape) {
    Box box;
    std::visit([&box](const auto& s) { extend(box, s); }, shape);
    return box;
}

} // namespace depmap::geo
