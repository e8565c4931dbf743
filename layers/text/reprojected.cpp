#include "layers/text/reprojected.hpp"

#include "base/error.hpp"

#include <boost/geometry/algorithms/for_each.hpp>
#include <fmt/format.h>

#include <cmath>
#include <span>

namespace depmap::layers {

namespace {

// Transforms `points` in place, in one call to PROJ; false when any fails.
bool transform_all(std::span<geo::LonLat> points, OGRCoordinateTransformation& transform) {
    std::vector<double> x(points.size()), y(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        x[i] = points[i].lon_deg;
        y[i] = points[i].lat_deg;
    }
    std::vector<int> ok(points.size(), FALSE);
    if (!points.empty() && !transform.Transform(points.size(), x.data(), y.data(), nullptr, ok.data())) return false;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!ok[i] || !std::isfinite(x[i]) || !std::isfinite(y[i])) return false;
        points[i] = {x[i], y[i]};
    }
    return true;
}

} // namespace

Reprojected reprojected(const Layer& layer, OGRCoordinateTransformation& transform, const std::string& path) {
    const auto refuse = [&](std::size_t row) {
        return OutputError(fmt::format("{}: feature {} cannot be transformed to the output CRS; choose a CRS that "
                                       "covers it", path, row + 1));
    };
    Reprojected out;
    if (layer.is_points()) {
        out.points = layer.points;
        if (!transform_all(out.points, transform)) {
            for (std::size_t row = 0; row < layer.size(); ++row) {
                auto one = layer.points[row];
                if (!transform_all(std::span(&one, 1), transform)) throw refuse(row);
            }
        }
        return out;
    }
    out.shapes = layer.shapes;
    for (std::size_t row = 0; row < out.shapes.size(); ++row) {
        bool ok = true;
        std::visit([&](auto& parts) {
            boost::geometry::for_each_point(parts, [&](geo::LonLat& p) { ok = ok && transform_all(std::span(&p, 1), transform); });
        }, out.shapes[row]);
        if (!ok) throw refuse(row);
    }
    return out;
}

} // namespace depmap::layers
