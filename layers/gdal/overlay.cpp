#include "layers/gdal/overlay.hpp"

#include "layers/gdal/ogr_geometry.hpp"

#include <cpl_error.h>
#include <ogr_geometry.h>

#include <memory>
#include <stdexcept>

namespace depmap::layers {

namespace {

using OgrPtr = std::unique_ptr<OGRGeometry>;

OgrPtr to_ogr_polygons(const geo::MultiPolygon& polygons) {
    return to_ogr(geo::Shape{polygons});
}

// GEOS needs valid input for overlay; a self-touching boundary from a file is repaired.
OgrPtr valid(OgrPtr geometry) {
    if (geometry->IsValid()) return geometry;
    OgrPtr repaired(geometry->MakeValid());
    if (!repaired) throw std::runtime_error("GEOS could not repair an invalid polygon: " + std::string(CPLGetLastErrorMsg()));
    return repaired;
}

void collect_polygons(const OGRGeometry& geometry, geo::MultiPolygon& out) {
    const auto flat = wkbFlatten(geometry.getGeometryType());
    if (flat == wkbPolygon) {
        if (geometry.IsEmpty()) return;
        auto shape = to_shape(geometry);
        for (auto& polygon : std::get<geo::MultiPolygon>(shape)) out.push_back(std::move(polygon));
    } else if (flat == wkbMultiPolygon || flat == wkbGeometryCollection) {
        for (const auto* part : *geometry.toGeometryCollection()) collect_polygons(*part, out);
    }
}

} // namespace

geo::MultiPolygon union_of(std::span<const geo::MultiPolygon> polygons) {
    if (polygons.empty()) return {};
    auto all = std::make_unique<OGRMultiPolygon>();
    for (const auto& multi : polygons) {
        auto part = valid(to_ogr_polygons(multi));
        geo::MultiPolygon pieces;
        collect_polygons(*part, pieces);
        for (const auto& piece : pieces)
            all->addGeometryDirectly(to_ogr(geo::Shape{geo::MultiPolygon{piece}}, wkbPolygon).release());
    }
    OgrPtr merged(all->UnionCascaded());
    if (!merged) throw std::runtime_error("GEOS could not dissolve the polygons: " + std::string(CPLGetLastErrorMsg()));
    geo::MultiPolygon out;
    collect_polygons(*merged, out);
    return out;
}

geo::MultiPolygon intersection(const geo::MultiPolygon& a, const geo::MultiPolygon& b) {
    if (a.empty() || b.empty()) return {};
    const auto ga = valid(to_ogr_polygons(a));
    const auto gb = valid(to_ogr_polygons(b));
    OgrPtr cut(ga->Intersection(gb.get()));
    if (!cut) throw std::runtime_error("GEOS could not intersect the polygons: " + std::string(CPLGetLastErrorMsg()));
    geo::MultiPolygon out;
    collect_polygons(*cut, out);
    return out;
}

bool is_valid(const geo::MultiPolygon& polygons) {
    return to_ogr_polygons(polygons)->IsValid();
}

} // namespace depmap::layers
