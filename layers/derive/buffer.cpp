#include "layers/derive/buffer.hpp"

#include "geo/area.hpp"
#include "geo/decimals.hpp"
#include "base/error.hpp"
#include "base/memory_budget.hpp"
#include "geo/geodesic_buffer.hpp"
#include "base/parallel.hpp"
#include "base/union_find.hpp"
#include "geo/point_index.hpp"
#include "layers/gdal/overlay.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <numbers>
#include <stdexcept>

namespace depmap::layers {

void check_buffer_radius(double radius_m) {
    if (!(radius_m > 0.0) || !std::isfinite(radius_m))
        throw ArgumentError("a buffer radius must be larger than 0 m, such as 10km");
}

void check_buffer_tolerance(double tolerance_m) {
    // The vertices are rounded to 7 decimals (about 1 cm), as every format writes them.
    if (!(tolerance_m >= min_tolerance_m) || !std::isfinite(tolerance_m))
        throw ArgumentError(fmt::format("a buffer tolerance must be at least {:g} m, such as 1m", min_tolerance_m));
}

namespace {

geo::GeodesicCircleOptions circle_options(const BufferOptions& options) {
    check_buffer_radius(options.radius_m);
    check_buffer_tolerance(options.tolerance_m);
    return {options.radius_m, options.tolerance_m, geo::shape_decimals};
}

// Runs work(i) for every i in [0, n) over all cores, in contiguous ranges (the error
// of the lowest range is rethrown, so errors name the same item every run).
template <typename Work>
void on_all_cores(std::size_t n, Work work) {
    depmap::for_each_range(n, depmap::threads_for(n, 32), [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) work(i);
    });
}

// Groups of centres whose circles may meet: centres within 2 (radius + tolerance) of one
// another, transitively. Circles of different groups cannot overlap, so each group is
// merged alone, and a lone circle needs no merging at all. Ordered by first member.
std::vector<std::vector<std::size_t>> meeting_groups(std::span<const geo::LonLat> centres, const BufferOptions& options) {
    depmap::UnionFind sets(centres.size());
    const geo::PointIndex index(centres);
    const double reach_m = 2 * (options.radius_m + options.tolerance_m);
    for (std::size_t i = 0; i < centres.size(); ++i)
        for (const auto& near : index.within(centres[i], reach_m)) sets.unite(i, near.index);
    return sets.groups();
}

// The bytes the circles take: a plane circle's vertex count for the tolerance (as
// geodesic_circle starts, plus half again for its splits) at 16 bytes, twice over for
// the copies on the way; a dissolve also holds them in OGR and GEOS, a group at a time.
// Measured: 487 circles of 10 km at 1 mm peak at 142 MB, dissolved at 184 MB.
double estimated_bytes(std::size_t centres, const BufferOptions& options, bool dissolve) {
    const double sag = std::min(1.35 * options.tolerance_m / options.radius_m, 1.0);
    const double vertices = std::clamp(std::numbers::pi / std::acos(1.0 - sag), 16.0, 1048576.0) * 1.5;
    return static_cast<double>(centres) * vertices * (dissolve ? 48.0 : 32.0);
}

} // namespace

std::vector<geo::Polygon> buffers(std::span<const geo::LonLat> centres, const BufferOptions& options) {
    const auto circle = circle_options(options);
    std::vector<geo::Polygon> out(centres.size());
    on_all_cores(centres.size(), [&](std::size_t i) { out[i] = geo::geodesic_circle(centres[i], circle); });
    return out;
}

geo::MultiPolygon dissolved_buffers(std::span<const geo::LonLat> centres, const BufferOptions& options) {
    auto circles = buffers(centres, options);
    const auto groups = meeting_groups(centres, options);
    std::vector<geo::MultiPolygon> merged(groups.size());
    on_all_cores(groups.size(), [&](std::size_t g) {
        const auto& members = groups[g];
        if (members.size() == 1) {
            merged[g].push_back(std::move(circles[members.front()]));
            return;
        }
        std::vector<geo::MultiPolygon> parts;
        parts.reserve(members.size());
        for (const auto i : members) parts.push_back(geo::MultiPolygon{std::move(circles[i])});
        merged[g] = union_of(parts);
    });
    geo::MultiPolygon out;
    for (auto& part : merged)
        for (auto& polygon : part) out.push_back(std::move(polygon));
    return out;
}

Layer buffer_layer(const Layer& points, const BufferOptions& options, bool dissolve) {
    if (!points.is_points()) throw InputError(points.source + ": buffer needs a point layer");
    circle_options(options);  // a bad radius or tolerance is named before the estimate
    depmap::require_memory(estimated_bytes(points.size(), options, dissolve),
                        fmt::format("buffering {} features at {} {:g} m", points.size(), parameter("tolerance_m"), options.tolerance_m),
                        fmt::format("give a larger {}, or fewer features ({})", parameter("tolerance_m"), parameter("where")));
    if (dissolve) {
        Layer out = points.empty_like(GeometryKind::Polygon);
        out.name = "buffers";
        Column count(FieldType::Integer);
        Column area(FieldType::Real);
        if (!points.points.empty()) {
            auto merged = dissolved_buffers(points.points, options);
            geo::round_vertices(merged);  // the union's new corners
            count.push(static_cast<std::int64_t>(points.size()));
            area.push(geo::area_m2(merged) / 1e6);
            out.shapes.emplace_back(std::move(merged));
        }
        out.add_field({"count", FieldType::Integer}, std::move(count));
        out.add_field({"area_km2", FieldType::Real}, std::move(area));
        return out;
    }
    Layer out = points.empty_like(GeometryKind::Polygon);
    out.name = "buffers";
    out.fields = points.fields;
    out.columns = points.columns;
    Column area(FieldType::Real);
    for (auto& circle : buffers(points.points, options)) {
        area.push(geo::area_m2(circle) / 1e6);
        out.shapes.emplace_back(geo::MultiPolygon{std::move(circle)});
    }
    out.add_field({"area_km2", FieldType::Real}, std::move(area));
    return out;
}

} // namespace depmap::layers
