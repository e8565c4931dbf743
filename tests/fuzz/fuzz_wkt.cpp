// WKT both ways: whatever OGR reads and depmap holds as a shape, depmap writes as WKT that
// OGR reads back with the same parts, rings and vertices, every coordinate the same double.
#include "fuzz_support.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/gdal/ogr_geometry.hpp"
#include "layers/text/wkt.hpp"

#include <ogr_geometry.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

using namespace depmap;

namespace {

std::unique_ptr<OGRGeometry> parsed(const std::string& wkt) {
    OGRGeometry* geometry = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &geometry) != OGRERR_NONE) {
        delete geometry;
        return nullptr;
    }
    return std::unique_ptr<OGRGeometry>(geometry);
}

// Each ring, line or point as its vertex count and coordinates, in order.
using Outline = std::vector<double>;

template <typename Points>
void add(Outline& out, const Points& points) {
    out.push_back(static_cast<double>(points.size()));
    for (const auto& p : points) out.insert(out.end(), {p.lon_deg, p.lat_deg});
}

Outline outline(const geo::Shape& shape) {
    Outline out;
    if (const auto* points = std::get_if<geo::MultiPoint>(&shape)) add(out, *points);
    if (const auto* lines = std::get_if<geo::MultiLineString>(&shape))
        for (const auto& line : *lines) add(out, line);
    if (const auto* polygons = std::get_if<geo::MultiPolygon>(&shape))
        for (const auto& polygon : *polygons) {
            add(out, polygon.outer());
            for (const auto& inner : polygon.inners()) add(out, inner);
        }
    return out;
}

void add_curve(Outline& out, const OGRSimpleCurve& curve) {
    out.push_back(curve.getNumPoints());
    for (int i = 0; i < curve.getNumPoints(); ++i) out.insert(out.end(), {curve.getX(i), curve.getY(i)});
}

Outline outline(const OGRGeometry& geometry) {
    Outline out;
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbMultiPoint:
        out.push_back(geometry.toMultiPoint()->getNumGeometries());
        for (const auto* point : *geometry.toMultiPoint()) out.insert(out.end(), {point->getX(), point->getY()});
        break;
    case wkbMultiLineString:
        for (const auto* line : *geometry.toMultiLineString()) add_curve(out, *line);
        break;
    case wkbMultiPolygon:
        for (const auto* polygon : *geometry.toMultiPolygon())
            for (const auto* ring : *polygon) add_curve(out, *ring);
        break;
    default: fuzz::check(false, "depmap writes MULTIPOINT, MULTILINESTRING or MULTIPOLYGON");
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    layers::ensure_gdal();  // GDAL's complaints about bad WKT stay quiet
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto geometry = parsed(std::string(fuzz::text_of(data, size)));
    if (!geometry) return 0;
    geo::Shape shape;
    try {
        shape = layers::to_shape(*geometry);
    } catch (const std::invalid_argument&) {
        return 0;  // mixed collections, TINs, an empty collection: not a shape depmap holds
    }
    const auto expected = outline(shape);
    for (const double value : expected)
        if (!std::isfinite(value)) return 0;  // the readers refuse such coordinates: never written
    fmt::memory_buffer written;
    layers::append_wkt(written, shape);
    const auto again = parsed(fmt::to_string(written));
    fuzz::check(again != nullptr, "OGR reads depmap's WKT");
    const auto read_back = outline(*again);
    fuzz::check(expected.size() == read_back.size() &&
                    (expected.empty() ||  // bitwise: NaN is NaN, -0 is not 0
                     std::memcmp(expected.data(), read_back.data(), expected.size() * sizeof(double)) == 0),
                "OGR reads back every part, ring and vertex as the same doubles");
    (void)layers::to_ogr(shape);
    return 0;
}
