#include "layers/derive/catchment.hpp"

#include "base/progress.hpp"
#include "geo/area.hpp"
#include "geo/decimals.hpp"
#include "base/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/geodesic_voronoi.hpp"
#include "base/parallel.hpp"
#include "geo/point_index.hpp"
#include "geo/polygon_index.hpp"
#include "layers/query/field_totals.hpp"
#include "layers/gdal/overlay.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace depmap::layers {

void check_catchment_tolerance(double tolerance_m) {
    // Finer than a millimetre only adds vertices (GeoJSON's 7 decimals are about 1 cm).
    if (!(tolerance_m >= 0.001) || !std::isfinite(tolerance_m))
        throw ArgumentError("a catchment tolerance must be at least 0.001 m (a millimetre), such as 10m");
}

namespace {


void check_hubs(std::span<const Place> hubs, double tolerance_m) {
    if (hubs.empty()) throw ArgumentError("no hubs: give at least one");
    for (std::size_t i = 0; i < hubs.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            const double apart_m = geo::geodesic_distance_m(hubs[i].position, hubs[j].position);
            if (apart_m < tolerance_m)
                throw ArgumentError(fmt::format(
                    "hubs {} '{}' and {} '{}' are the same place ({:.3f} m apart): give each hub once",
                    j + 1, hubs[j].name, i + 1, hubs[i].name, apart_m));
        }
}

// Far enough from `hub` to hold all of the region it could draw from, with room for the
// straight edges of the cell's outer arcs (which cut up to ~0.01% of it inward) and the
// region's own straight edges (which may bulge a little beyond their ends).
double reach_m(const Place& hub, const geo::MultiPolygon& region) {
    double farthest_m = 0.0;
    for (const auto& polygon : region)
        for (const auto& vertex : polygon.outer())
            farthest_m = std::max(farthest_m, geo::geodesic_distance_m(hub.position, vertex));
    const double reach = 1.1 * farthest_m + 10000.0;
    if (reach > 9.0e6)
        throw ArgumentError(fmt::format(
            "the region reaches {:.0f} km from hub '{}': catchments need every hub within about "
            "8,000 km of all of it; use a smaller {} region", farthest_m / 1000, hub.name, parameter("within")));
    return reach;
}

std::vector<geo::MultiPolygon> cells(std::span<const Place> hubs, const geo::MultiPolygon& region,
                                     double tolerance_m) {
    if (hubs.size() == 1) return {region};
    std::vector<geo::LonLat> sites;
    for (const auto& hub : hubs) sites.push_back(hub.position);
    std::vector<double> reaches;
    for (const auto& hub : hubs) reaches.push_back(reach_m(hub, region));

    // Cells are independent: drawn on every core, each thread taking the next hub.
    std::vector<geo::Polygon> drawn(hubs.size());
    ProgressStep progress("catchments", hubs.size());
    depmap::for_each_task(hubs.size(), depmap::threads_for(hubs.size(), 1), [&](std::size_t h) {
        geo::VoronoiOptions options;
        options.tolerance_m = tolerance_m;
        options.reach_m = reaches[h];
        try {
            drawn[h] = geo::geodesic_voronoi_cell(sites, h, options);
        } catch (const std::invalid_argument& e) {
            throw ArgumentError(fmt::format("catchment of hub '{}': {}", hubs[h].name, e.what()));
        }
        progress.advance();
    });

    std::vector<geo::MultiPolygon> out;
    for (const auto& cell : drawn) out.push_back(intersection(geo::MultiPolygon{cell}, region));
    return out;
}

} // namespace

Layer catchments(const Layer& points, std::span<const Place> hubs, const geo::MultiPolygon& region,
                 const CatchmentOptions& options) {
    if (!points.is_points()) throw InputError(points.source + ": catchment counts need a point layer");
    check_catchment_tolerance(options.tolerance_m);
    check_hubs(hubs, options.tolerance_m);
    const auto sums = sum_columns(points, options.sum_fields);

    // Totals: the nearest hub of every feature inside the region, by exact distance.
    std::vector<geo::LonLat> positions;
    for (const auto& hub : hubs) positions.push_back(hub.position);
    const geo::PointIndex hub_index(positions);
    const std::vector<geo::MultiPolygon> regions{region};
    const auto inside = geo::PolygonIndex(regions).locate_all(points.points);
    std::vector<std::int64_t> counts(hubs.size(), 0);
    std::vector<std::vector<double>> totals(hubs.size(), std::vector<double>(sums.size(), 0.0));
    for (std::size_t row = 0; row < points.size(); ++row) {
        if (!inside[row]) continue;
        const auto nearest = hub_index.nearest(points.points[row], 1);
        if (nearest.empty()) continue;
        const auto h = nearest.front().index;
        ++counts[h];
        for (std::size_t s = 0; s < sums.size(); ++s) {
            totals[h][s] += summand(points.columns[sums[s]], row);
        }
    }

    Layer start = points.empty_like(GeometryKind::Polygon);
    start.name = "catchments";
    TotalsTable out(std::move(start),
                    {{"hub", FieldType::String}, {"hub_lon", FieldType::Real}, {"hub_lat", FieldType::Real}, count_field},
                    options.sum_fields, {{"area_km2", FieldType::Real}});
    auto polygons = cells(hubs, region, options.tolerance_m);
    for (std::size_t h = 0; h < hubs.size(); ++h) {
        out.push(std::string_view(hubs[h].name));
        out.push(hubs[h].position.lon_deg);
        out.push(hubs[h].position.lat_deg);
        out.push(counts[h]);
        for (const double total : totals[h]) out.push(total);
        geo::round_vertices(polygons[h]);  // as every format writes it: area_km2 is its area
        out.push(geo::area_m2(polygons[h]) / 1e6);
        out.push_shape(std::move(polygons[h]));
    }
    return std::move(out).finish();
}

} // namespace depmap::layers
