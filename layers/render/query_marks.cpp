#include "layers/render/query_marks.hpp"

#include "geo/geodesic_buffer.hpp"

namespace depmap::layers {

std::vector<Layer> query_marks(std::span<const Place> places, double radius_m) {
    std::vector<Layer> marks;
    if (places.empty()) return marks;
    Layer where;
    where.name = "query places";
    where.kind = GeometryKind::Point;
    Column names(FieldType::String);
    for (const auto& place : places) {
        where.points.push_back(place.position);
        names.push(place.name);
    }
    where.add_field({"name", FieldType::String}, std::move(names));
    if (radius_m > 0) {
        Layer circles;
        circles.name = "search radius";
        circles.kind = GeometryKind::Polygon;
        geo::GeodesicCircleOptions options;
        options.radius_m = radius_m;
        options.tolerance_m = 10;
        Column radius(FieldType::Real);
        for (const auto& place : places) {
            circles.shapes.emplace_back(geo::MultiPolygon{geo::geodesic_circle(place.position, options)});
            radius.push(radius_m / 1000);
        }
        circles.add_field({"radius_km", FieldType::Real}, std::move(radius));
        marks.push_back(std::move(circles));
    }
    marks.push_back(std::move(where));
    return marks;
}

} // namespace depmap::layers
