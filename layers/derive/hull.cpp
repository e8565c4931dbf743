#include "layers/derive/hull.hpp"

#include "geo/area.hpp"
#include "geo/decimals.hpp"
#include "base/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/local_projection.hpp"
#include "layers/query/field_totals.hpp"
#include "base/parameter.hpp"

#include <boost/geometry/algorithms/correct.hpp>
#include <fmt/format.h>
#include <ogr_core.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>
#include <vector>

namespace depmap::layers {

namespace {

// How far a drawn (straight lon/lat) edge may stray from the projected hull's edge.
constexpr double max_stray_m = hull_margin_m / 4;
// A guard against looping; a 2,000 km edge needs about 13 splits to reach centimetres.
constexpr int max_splits = 30;
// Quarter-circle segments of the grown hull's rounded corners: their chords stay within
// 8 % of the margin of the true offset, which the stray allowance leaves room for.
constexpr int corner_segments = 2;

double segment_distance_m(geo::XY p, geo::XY a, geo::XY b) {
    const double dx = b.x_m - a.x_m, dy = b.y_m - a.y_m;
    const double length2 = dx * dx + dy * dy;
    double t = length2 > 0 ? ((p.x_m - a.x_m) * dx + (p.y_m - a.y_m) * dy) / length2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(p.x_m - (a.x_m + t * dx), p.y_m - (a.y_m + t * dy));
}

// Brings a projected ring back to lon/lat, adding vertices until every straight lon/lat
// edge lies within max_stray_m of the projected edge it stands for (sampled at 1/4, 1/2
// and 3/4 of its length).
class RingDensifier {
public:
    explicit RingDensifier(const geo::LocalProjection& projection) : m_projection(projection) {}

    std::vector<geo::LonLat> to_lonlat(const OGRLinearRing& ring) const {
        std::vector<geo::LonLat> out;
        const int n = ring.getNumPoints();
        if (n == 0) return out;
        geo::XY a{ring.getX(0), ring.getY(0)};
        geo::LonLat la = m_projection.inverse(a);
        for (int i = 1; i < n; ++i) {
            const geo::XY b{ring.getX(i), ring.getY(i)};
            const geo::LonLat lb = m_projection.inverse(b);
            refine(a, la, b, lb, 0, out);
            a = b;
            la = lb;
        }
        out.push_back(out.front());  // closed exactly, whatever rounding did
        return out;
    }

private:
    void refine(geo::XY a, geo::LonLat la, geo::XY b, geo::LonLat lb, int depth, std::vector<geo::LonLat>& out) const {
        if (std::abs(lb.lon_deg - la.lon_deg) > 180.0)
            throw InputError("the hull crosses the antimeridian (longitude 180); depmap does not split "
                             "polygons there: split the selection, e.g. with " + parameter("where"));
        if (depth >= max_splits || edge_ok(a, la, b, lb)) {
            out.push_back(la);
            return;
        }
        const geo::XY m{(a.x_m + b.x_m) / 2, (a.y_m + b.y_m) / 2};
        const geo::LonLat lm = m_projection.inverse(m);
        refine(a, la, m, lm, depth + 1, out);
        refine(m, lm, b, lb, depth + 1, out);
    }

    bool edge_ok(geo::XY a, geo::LonLat la, geo::XY b, geo::LonLat lb) const {
        for (const double t : {0.5, 0.25, 0.75}) {
            const geo::LonLat q{la.lon_deg + t * (lb.lon_deg - la.lon_deg), la.lat_deg + t * (lb.lat_deg - la.lat_deg)};
            if (segment_distance_m(m_projection.forward(q), a, b) > max_stray_m) return false;
        }
        return true;
    }

    const geo::LocalProjection& m_projection;
};

double cross(geo::XY o, geo::XY a, geo::XY b) {
    return (a.x_m - o.x_m) * (b.y_m - o.y_m) - (a.y_m - o.y_m) * (b.x_m - o.x_m);
}

// The corners of the planar convex hull (Andrew's monotone chain): handing GEOS these
// few instead of a million points makes the same hull in a fraction of the time. A corner
// lost to rounding lies within nanometres of the hull, far inside the margin.
std::vector<geo::XY> hull_corners(std::vector<geo::XY> points) {
    std::sort(points.begin(), points.end(),
              [](geo::XY a, geo::XY b) { return a.x_m < b.x_m || (a.x_m == b.x_m && a.y_m < b.y_m); });
    if (points.size() < 3) return points;
    std::vector<geo::XY> hull(2 * points.size());
    std::size_t k = 0;
    for (const auto& p : points) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
        hull[k++] = p;
    }
    const std::size_t lower = k + 1;
    for (auto it = points.rbegin() + 1; it != points.rend(); ++it) {
        while (k >= lower && cross(hull[k - 2], hull[k - 1], *it) <= 0) --k;
        hull[k++] = *it;
    }
    hull.resize(k - 1);
    return hull;
}

std::vector<const OGRPolygon*> polygons_in(const OGRGeometry& geometry) {
    std::vector<const OGRPolygon*> out;
    const auto flat = wkbFlatten(geometry.getGeometryType());
    if (flat == wkbPolygon) out.push_back(geometry.toPolygon());
    else if (flat == wkbMultiPolygon)
        for (const auto* part : *geometry.toMultiPolygon()) out.push_back(part);
    else throw std::runtime_error(fmt::format("GEOS gave a {} for a grown hull, not a polygon",
                                              OGRGeometryTypeToName(geometry.getGeometryType())));
    return out;
}

void check_poles(const OGRGeometry& grown, const geo::LocalProjection& projection) {
    for (const double pole_lat : {90.0, -90.0}) {
        const geo::XY pole = projection.forward(geo::LonLat{0.0, pole_lat});
        if (!std::isfinite(pole.x_m) || !std::isfinite(pole.y_m)) continue;
        const OGRPoint point(pole.x_m, pole.y_m);
        if (grown.Intersects(&point))
            throw InputError(fmt::format("the hull contains the {} pole; depmap does not draw lon/lat polygons "
                                         "around a pole: split the selection, e.g. with {}",
                                         pole_lat > 0 ? "North" : "South", parameter("where")));
    }
}

struct Hull {
    geo::MultiPolygon polygon;
    bool spans_area = true;  // false for one point, or points in a line: a disc or strip
};

} // namespace

void check_concave_ratio(double ratio) {
    if (!(ratio > 0.0 && ratio <= 1.0))
        throw ArgumentError(fmt::format("a concave ratio must be in (0, 1] (1 is the convex hull), not {}", ratio));
}

namespace {

Hull grown_hull(std::span<const geo::LonLat> points, const HullOptions& options) {
    check_concave_ratio(options.concave_ratio);
    if (points.empty()) return {};

    const geo::LocalProjection projection(geo::geocentric_mean(points));
    std::vector<geo::XY> xy(points.size());
    projection.forward(points, xy);
    if (options.concave_ratio >= 1.0) xy = hull_corners(std::move(xy));
    OGRMultiPoint projected;
    for (const auto& p : xy) projected.addGeometryDirectly(new OGRPoint(p.x_m, p.y_m));

    std::unique_ptr<OGRGeometry> hull(options.concave_ratio < 1.0 ? projected.ConcaveHull(options.concave_ratio, false)
                                                                  : projected.ConvexHull());
    if (!hull) throw std::runtime_error("GEOS could not compute the hull (GDAL built without GEOS 3.11?)");
    Hull out;
    out.spans_area = OGR_GT_IsSurface(wkbFlatten(hull->getGeometryType())) && !hull->IsEmpty();
    std::unique_ptr<OGRGeometry> grown(hull->Buffer(hull_margin_m, corner_segments));
    if (!grown) throw std::runtime_error("GEOS could not grow the hull");
    check_poles(*grown, projection);

    const RingDensifier densifier(projection);
    for (const OGRPolygon* polygon : polygons_in(*grown)) {
        geo::Polygon part;
        const auto outer = densifier.to_lonlat(*polygon->getExteriorRing());
        part.outer().assign(outer.begin(), outer.end());
        for (int i = 0; i < polygon->getNumInteriorRings(); ++i) {
            const auto inner = densifier.to_lonlat(*polygon->getInteriorRing(i));
            part.inners().emplace_back(inner.begin(), inner.end());
        }
        out.polygon.push_back(std::move(part));
    }
    boost::geometry::correct(out.polygon);
    geo::round_vertices(out.polygon);  // as every format writes it: area_km2 is its area
    return out;
}

} // namespace

geo::MultiPolygon hull_of(std::span<const geo::LonLat> points, const HullOptions& options) {
    return grown_hull(points, options).polygon;
}

Layer hull_layer(const Layer& points, const HullOptions& options, const std::string& group_by) {
    if (!points.is_points()) throw InputError(points.source + ": hull needs a point layer");
    const GroupKeys groups(points, group_by);
    const auto group = groups.field();
    std::map<std::string, std::vector<geo::LonLat>> members;
    for (std::size_t row = 0; row < points.size(); ++row)
        for (const auto& key : groups.of(row)) members[key].push_back(points.points[row]);

    Layer out = points.empty_like(GeometryKind::Polygon);
    out.name = "hulls";
    Column key_column(FieldType::String);
    Column count(FieldType::Integer);
    Column area(FieldType::Real);
    for (const auto& [key, group_points] : members) {
        auto [hull, spans_area] = grown_hull(group_points, options);
        if (!spans_area)
            out.notes.push_back(fmt::format(
                "{}{} point{} {} no area (fewer than 3 distinct points, or all in a line): its hull is "
                "the points grown by {} m",
                group ? fmt::format("{} '{}': ", points.fields[*group].name, key) : "", group_points.size(),
                group_points.size() == 1 ? "" : "s", group_points.size() == 1 ? "has" : "span", hull_margin_m));
        if (key.empty()) key_column.push_null();
        else key_column.push(std::string_view(key));
        count.push(static_cast<std::int64_t>(group_points.size()));
        area.push(geo::area_m2(hull) / 1e6);
        out.shapes.emplace_back(std::move(hull));
    }
    if (group) out.add_field({points.fields[*group].name, FieldType::String}, std::move(key_column));
    out.add_field({"count", FieldType::Integer}, std::move(count));
    out.add_field({"area_km2", FieldType::Real}, std::move(area));
    return out;
}

} // namespace depmap::layers
