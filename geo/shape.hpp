#pragma once
// Lines and polygons in lon/lat degrees, as Boost.Geometry models. Point layers keep
// plain LonLat arrays instead; these are for everything that is not a single point.
#include "geo/lonlat.hpp"

#include <boost/geometry/core/cs.hpp>
#include <boost/geometry/geometries/linestring.hpp>
#include <boost/geometry/geometries/multi_linestring.hpp>
#include <boost/geometry/geometries/multi_point.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/geometries/register/point.hpp>

#include <variant>

// Lon/lat are treated as planar coordinates for containment, as GIS tools treat
// EPSG:4326 polygons; distances never use this, they are geodesic.
BOOST_GEOMETRY_REGISTER_POINT_2D(depmap::geo::LonLat, double, boost::geometry::cs::cartesian,
                                 lon_deg, lat_deg)

namespace depmap::geo {

using MultiPoint = boost::geometry::model::multi_point<LonLat>;
using LineString = boost::geometry::model::linestring<LonLat>;
using MultiLineString = boost::geometry::model::multi_linestring<LineString>;
// Exterior rings counter-clockwise, holes clockwise (RFC 7946), rings closed.
using Polygon = boost::geometry::model::polygon<LonLat, false, true>;
using MultiPolygon = boost::geometry::model::multi_polygon<Polygon>;

using Shape = std::variant<MultiPoint, MultiLineString, MultiPolygon>;

// The lon/lat box around a shape; empty for an empty shape.
Box bounds(const Shape& shape);

} // namespace depmap::geo
