#include "layers/buffer.hpp"

#include "geo/area.hpp"
#include "geo/error.hpp"
#include "geo/geodesic_buffer.hpp"
#include "layers/ogr_geometry.hpp"

#include <fmt/format.h>
#include <ogr_geometry.h>

#include <cmath>
#include <memory>
#include <stdexcept>

namespace depmap::layers {

namespace {

geo::GeodesicCircleOptions circle_options(const BufferOptions& options) {
    if (!(options.radius_m > 0.0) || !std::isfinite(options.radius_m))
        throw ArgumentError(fmt::format("--radius: give a positive distance such as 10km, not {} m", options.radius_m));
    if (!(options.tolerance_m > 0.0) || !std::isfinite(options.tolerance_m))
        throw ArgumentError(fmt::format("--tolerance: give a positive distance such as 1m, not {} m", options.tolerance_m));
    return {options.radius_m, options.tolerance_m};
}

// A circle (one ring, no holes) as OGR, built directly: cheaper than the general
// to_ogr for the thousands of circles a dissolve merges.
std::unique_ptr<OGRPolygon> to_ogr_polygon(const geo::Polygon& polygon) {
    auto ring = std::make_unique<OGRLinearRing>();
    ring->setNumPoints(static_cast<int>(polygon.outer().size()), false);
    int i = 0;
    for (const auto& p : polygon.outer()) ring->setPoint(i++, p.lon_deg, p.lat_deg);
    auto out = std::make_unique<OGRPolygon>();
    out->addRingDirectly(ring.release());
    return out;
}

} // namespace

std::vector<geo::Polygon> buffers(std::span<const geo::LonLat> centres, const BufferOptions& options) {
    const auto circle = circle_options(options);
    std::vector<geo::Polygon> out;
    out.reserve(centres.size());
    for (const auto& centre : centres) out.push_back(geo::geodesic_circle(centre, circle));
    return out;
}

geo::MultiPolygon dissolved_buffers(std::span<const geo::LonLat> centres, const BufferOptions& options) {
    const auto circles = buffers(centres, options);
    if (circles.empty()) return {};
    OGRMultiPolygon all;
    for (const auto& circle : circles) all.addGeometryDirectly(to_ogr_polygon(circle).release());
    std::unique_ptr<OGRGeometry> merged(all.UnionCascaded());
    if (!merged) throw std::runtime_error("GEOS could not merge the buffers (GDAL built without GEOS?)");
    return std::get<geo::MultiPolygon>(to_shape(*merged));
}

Layer buffer_layer(const Layer& points, const BufferOptions& options, bool dissolve) {
    if (!points.is_points()) throw InputError(points.source + ": buffer needs a point layer");
    if (dissolve) {
        Layer out;
        out.name = "buffers";
        out.source = points.source;
        out.geometry_type = "MultiPolygon";
        Column count(FieldType::Integer);
        Column area(FieldType::Real);
        if (!points.points.empty()) {
            auto merged = dissolved_buffers(points.points, options);
            count.push(static_cast<std::int64_t>(points.size()));
            area.push(geo::area_m2(merged) / 1e6);
            out.shapes.emplace_back(std::move(merged));
        }
        out.add_field({"count", FieldType::Integer}, std::move(count));
        out.add_field({"area_km2", FieldType::Real}, std::move(area));
        return out;
    }
    Layer out = points;
    out.name = "buffers";
    out.geometry_type = "Polygon";
    out.points.clear();
    Column area(FieldType::Real);
    for (auto& circle : buffers(points.points, options)) {
        area.push(geo::area_m2(circle) / 1e6);
        out.shapes.emplace_back(geo::MultiPolygon{std::move(circle)});
    }
    out.add_field({"area_km2", FieldType::Real}, std::move(area));
    return out;
}

} // namespace depmap::layers
