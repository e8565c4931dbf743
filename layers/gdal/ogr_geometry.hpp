#pragma once
// OGR geometries to depmap's lon/lat shapes.
#include "geo/shape.hpp"
#include "layers/model/layer.hpp"

#include <ogr_geometry.h>

#include <memory>
#include <string>

namespace depmap::layers {

// Points, lines and polygons (single, multi, and collections of one kind); curves are
// linearised. Anything else (mixed collections, TINs) throws std::invalid_argument
// naming what it is; callers add the file and feature.
geo::Shape to_shape(const OGRGeometry& geometry);

// The shape as an OGR geometry (MultiPoint, MultiLineString or MultiPolygon).
std::unique_ptr<OGRGeometry> to_ogr(const geo::Shape& shape);

// The one OGR geometry type that holds every feature of `layer`, from its kind: Point
// for a point layer, a single type (Polygon) when no feature has several parts, its
// Multi type otherwise; wkbUnknown when kinds are mixed, wkbNone for a table without
// geometry. With no features, the type its source declared if of the same kind (a
// MultiPolygon layer stays one), else the kind's single type.
OGRwkbGeometryType layer_geometry_type(const Layer& layer);

// The kind of an OGR geometry type: None for wkbNone, wkbUnknown and collections.
GeometryKind geometry_kind(OGRwkbGeometryType type);

// The shape as a geometry of `type` (one of layer_geometry_type's answers): a single
// part as a single geometry when `type` is single or unknown.
std::unique_ptr<OGRGeometry> to_ogr(const geo::Shape& shape, OGRwkbGeometryType type);

// The geometry type name as users know it: "Point", "MultiPolygon", ...
std::string geometry_type_name(const OGRGeometry& geometry);
std::string geometry_type_name(OGRwkbGeometryType type);

} // namespace depmap::layers
