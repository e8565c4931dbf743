#include "layers/gdal/ogr_geometry.hpp"

#include <boost/geometry/algorithms/correct.hpp>
#include <ogrsf_frmts.h>

#include <memory>
#include <optional>
#include <stdexcept>

namespace depmap::layers {

namespace {

geo::LineString to_line(const OGRLineString& line) {
    geo::LineString out;
    out.reserve(static_cast<std::size_t>(line.getNumPoints()));
    for (int i = 0; i < line.getNumPoints(); ++i) out.push_back({line.getX(i), line.getY(i)});
    return out;
}

geo::Polygon to_polygon(const OGRPolygon& polygon) {
    geo::Polygon out;
    if (const auto* exterior = polygon.getExteriorRing()) {
        const auto ring = to_line(*exterior);
        out.outer().assign(ring.begin(), ring.end());
    }
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
        if (polygon.getInteriorRing(i)->IsEmpty()) continue;  // no hole
        const auto ring = to_line(*polygon.getInteriorRing(i));
        out.inners().emplace_back(ring.begin(), ring.end());
    }
    boost::geometry::correct(out);  // depmap's winding: exterior counter-clockwise
    return out;
}

// An empty geometry as no parts of its kind: OGR gives POINT EMPTY the coordinates 0 0,
// and an empty ring would be written as "(())", which no one reads.
geo::Shape empty_shape(OGRwkbGeometryType flat) {
    if (flat == wkbPoint || flat == wkbMultiPoint) return geo::MultiPoint{};
    if (OGR_GT_IsCurve(flat) || OGR_GT_IsSubClassOf(flat, wkbMultiCurve)) return geo::MultiLineString{};
    if (OGR_GT_IsSurface(flat) || OGR_GT_IsSubClassOf(flat, wkbMultiSurface)) return geo::MultiPolygon{};
    throw std::invalid_argument("an empty geometry");
}

} // namespace

geo::Shape to_shape(const OGRGeometry& geometry) {
    const auto flat = wkbFlatten(geometry.getGeometryType());
    if (geometry.IsEmpty()) return empty_shape(flat);
    if (OGR_GT_IsCurve(flat) && flat != wkbLineString) {
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        return to_shape(*linear);
    }
    if (flat == wkbPolyhedralSurface || flat == wkbTIN) {  // linear already: their faces as polygons
        std::unique_ptr<OGRGeometry> faces(OGRGeometryFactory::forceToMultiPolygon(geometry.clone()));
        if (wkbFlatten(faces->getGeometryType()) != wkbMultiPolygon)
            throw std::invalid_argument("a polyhedral surface or TIN that is no set of polygons");
        return to_shape(*faces);
    }
    if (OGR_GT_IsSurface(flat) && flat != wkbPolygon) {
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        return to_shape(*linear);
    }
    switch (flat) {
    case wkbPoint: {
        const auto& p = *geometry.toPoint();
        return geo::MultiPoint{{p.getX(), p.getY()}};
    }
    case wkbLineString: return geo::MultiLineString{to_line(*geometry.toLineString())};
    case wkbPolygon: {
        // Holes without an outline ("POLYGON (EMPTY, (...))") bound nothing.
        const auto* exterior = geometry.toPolygon()->getExteriorRing();
        if (exterior == nullptr || exterior->IsEmpty()) return geo::MultiPolygon{};
        return geo::MultiPolygon{to_polygon(*geometry.toPolygon())};
    }
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbMultiCurve:
    case wkbMultiSurface:
    case wkbGeometryCollection: {
        // A collection of one kind becomes that kind's multi geometry.
        std::optional<geo::Shape> merged;
        for (const auto* part : *geometry.toGeometryCollection()) {
            if (part->IsEmpty()) continue;  // adds nothing
            auto shape = to_shape(*part);
            if (!merged) { merged = std::move(shape); continue; }
            if (merged->index() != shape.index())
                throw std::invalid_argument("a geometry collection of mixed types");
            std::visit([&shape](auto& into) {
                auto& from = std::get<std::decay_t<decltype(into)>>(shape);
                into.insert(into.end(), from.begin(), from.end());
            }, *merged);
        }
        if (!merged) throw std::invalid_argument("an empty geometry");
        return *merged;
    }
    default:
        throw std::invalid_argument(std::string("a geometry of type ") +
                                    OGRGeometryTypeToName(geometry.getGeometryType()));
    }
}

namespace {

template <typename Line = OGRLineString>
Line to_ogr_line(const auto& points) {
    Line line;
    line.setNumPoints(static_cast<int>(points.size()), FALSE);
    int i = 0;
    for (const auto& p : points) line.setPoint(i++, p.lon_deg, p.lat_deg);
    return line;
}

} // namespace

std::unique_ptr<OGRGeometry> to_ogr(const geo::Shape& shape) {
    return std::visit([](const auto& s) -> std::unique_ptr<OGRGeometry> {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, geo::MultiPoint>) {
            auto out = std::make_unique<OGRMultiPoint>();
            for (const auto& p : s) out->addGeometry(std::make_unique<OGRPoint>(p.lon_deg, p.lat_deg).get());
            return out;
        } else if constexpr (std::is_same_v<T, geo::MultiLineString>) {
            auto out = std::make_unique<OGRMultiLineString>();
            for (const auto& line : s) {
                auto ogr_line = to_ogr_line(line);
                out->addGeometry(&ogr_line);
            }
            return out;
        } else {
            auto out = std::make_unique<OGRMultiPolygon>();
            for (const auto& polygon : s) {
                OGRPolygon ogr_polygon;
                auto outer = to_ogr_line<OGRLinearRing>(polygon.outer());
                ogr_polygon.addRing(&outer);
                for (const auto& inner : polygon.inners()) {
                    auto ring = to_ogr_line<OGRLinearRing>(inner);
                    ogr_polygon.addRing(&ring);
                }
                out->addGeometry(&ogr_polygon);
            }
            return out;
        }
    }, shape);
}

OGRwkbGeometryType layer_geometry_type(const Layer& layer) {
    // By kind: None, Point, Line, Polygon.
    static constexpr OGRwkbGeometryType single[] = {wkbNone, wkbPoint, wkbLineString, wkbPolygon};
    static constexpr OGRwkbGeometryType several[] = {wkbNone, wkbMultiPoint, wkbMultiLineString, wkbMultiPolygon};
    const auto kind = static_cast<std::size_t>(layer.kind);
    if (!layer.has_geometry()) return wkbNone;
    // No features: still a layer of its kind (an empty set of hulls is a polygon layer,
    // so it can be appended to or styled as one).
    if (layer.size() == 0) {
        const auto declared = wkbFlatten(OGRFromOGCGeomType(layer.geometry_type.c_str()));
        return geometry_kind(declared) == layer.kind ? declared : single[kind];
    }
    if (layer.is_points()) return wkbPoint;
    std::optional<std::size_t> shape_kind;
    bool multi = false;
    for (const auto& shape : layer.shapes) {
        if (shape_kind && *shape_kind != shape.index()) return wkbUnknown;
        shape_kind = shape.index();
        multi |= std::visit([](const auto& parts) { return parts.size() > 1; }, shape);
    }
    // A shape's index is its kind's less one (MultiPoint, MultiLineString, MultiPolygon).
    return multi ? several[*shape_kind + 1] : single[*shape_kind + 1];
}

GeometryKind geometry_kind(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
    case wkbPoint:
    case wkbMultiPoint: return GeometryKind::Point;
    case wkbLineString:
    case wkbMultiLineString: return GeometryKind::Line;
    case wkbPolygon:
    case wkbMultiPolygon: return GeometryKind::Polygon;
    default: return GeometryKind::None;
    }
}

std::unique_ptr<OGRGeometry> to_ogr(const geo::Shape& shape, OGRwkbGeometryType type) {
    auto geometry = to_ogr(shape);
    const int parts = geometry->toGeometryCollection()->getNumGeometries();
    if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection) || parts > 1) return geometry;
    // An empty shape (a catchment outside the region) in a layer of single parts: an empty
    // geometry of that type, so strict formats (GeoPackage) take it.
    if (parts == 0)
        return type == wkbUnknown ? std::move(geometry)
                                  : std::unique_ptr<OGRGeometry>(OGRGeometryFactory::createGeometry(wkbFlatten(type)));
    return std::unique_ptr<OGRGeometry>(geometry->toGeometryCollection()->getGeometryRef(0)->clone());
}

std::string geometry_type_name(const OGRGeometry& geometry) {
    return geometry_type_name(geometry.getGeometryType());
}

std::string geometry_type_name(OGRwkbGeometryType type) {
    std::string name = OGRGeometryTypeToName(wkbFlatten(type));
    std::erase(name, ' ');  // "Multi Line String" -> "MultiLineString"
    return name;
}

} // namespace depmap::layers
