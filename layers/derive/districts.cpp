#include "layers/derive/districts.hpp"

#include "geo/area.hpp"
#include "geo/decimals.hpp"
#include "layers/derive/buffer.hpp"
#include "layers/derive/clusters.hpp"
#include "layers/derive/hull.hpp"

namespace depmap::layers {

Layer district_layer(const Layer& points, const geo::DbscanResult& clusters, const DistrictOptions& options) {
    DistrictTotalsOptions totals;
    totals.sum_fields = options.sum_fields;
    Layer out = district_totals(points, clusters, totals);
    out.kind = GeometryKind::Polygon;  // the totals, each row given its shape
    Column area(FieldType::Real);
    for (const auto& rows : cluster_members(clusters)) {
        std::vector<geo::LonLat> members;
        members.reserve(rows.size());
        for (const auto row : rows) members.push_back(points.points[row]);
        geo::MultiPolygon shape;
        if (options.shape == DistrictShape::Hull) {
            HullOptions hull;
            hull.concave_ratio = options.concave_ratio;
            shape = hull_of(members, hull);
        } else {
            BufferOptions buffer;
            buffer.radius_m = options.buffer_m;
            buffer.tolerance_m = options.tolerance_m;
            shape = dissolved_buffers(members, buffer);
        }
        geo::round_vertices(shape);  // as every format writes it: area_km2 is its area
        area.push(geo::area_m2(shape) / 1e6);
        out.shapes.emplace_back(std::move(shape));
    }
    out.add_field({"area_km2", FieldType::Real}, std::move(area));
    return out;
}

} // namespace depmap::layers
