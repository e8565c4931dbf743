#include "layers/gdal/gdal_session.hpp"
#include "layers/gdal/ogr_geometry.hpp"
#include "layers/text/wkt.hpp"

#include <catch2/catch.hpp>
#include <ogr_geometry.h>

#include <memory>
#include <string>

using namespace depmap;

namespace {

std::string wkt(const geo::Shape& shape) {
    fmt::memory_buffer out;
    layers::append_wkt(out, shape);
    return fmt::to_string(out);
}

// The shape read back by GDAL, as the lon/lat of each vertex in order.
std::vector<geo::LonLat> vertices_read_by_gdal(const std::string& text, OGRwkbGeometryType& type) {
    layers::ensure_gdal();
    OGRGeometry* geometry = nullptr;
    REQUIRE(OGRGeometryFactory::createFromWkt(text.c_str(), nullptr, &geometry) == OGRERR_NONE);
    std::unique_ptr<OGRGeometry> owned(geometry);
    type = wkbFlatten(owned->getGeometryType());
    std::vector<geo::LonLat> out;
    const auto add_curve = [&](const OGRSimpleCurve& curve) {
        for (int i = 0; i < curve.getNumPoints(); ++i) out.push_back({curve.getX(i), curve.getY(i)});
    };
    if (type == wkbMultiPoint) {
        for (const auto* point : *owned->toMultiPoint()) out.push_back({point->getX(), point->getY()});
    } else if (type == wkbMultiLineString) {
        for (const auto* line : *owned->toMultiLineString()) add_curve(*line);
    } else if (type == wkbMultiPolygon) {
        for (const auto* polygon : *owned->toMultiPolygon())
            for (const auto* ring : *polygon) add_curve(*ring);
    }
    return out;
}

} // namespace

TEST_CASE("wkt: the layout GDAL writes, parts and holes in order", "[layers][wkt]") {
    geo::MultiPolygon polygons;
    polygons.resize(2);
    polygons[0].outer() = {{0, 0}, {1, 0}, {1, 1}, {0, 0}};
    polygons[0].inners().push_back({{0.25, 0.25}, {0.5, 0.25}, {0.5, 0.5}, {0.25, 0.25}});
    polygons[1].outer() = {{5, 5}, {6, 5}, {6, 6}, {5, 5}};
    CHECK(wkt(polygons) ==
          "MULTIPOLYGON (((0 0,1 0,1 1,0 0),(0.25 0.25,0.5 0.25,0.5 0.5,0.25 0.25)),((5 5,6 5,6 6,5 5)))");
    geo::MultiLineString lines{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
    CHECK(wkt(lines) == "MULTILINESTRING ((1 2,3 4),(5 6,7 8))");
    CHECK(wkt(geo::MultiPoint{{109.5, 40.25}, {-3, -4.5}}) == "MULTIPOINT (109.5 40.25,-3 -4.5)");
    CHECK(wkt(geo::MultiPoint{}) == "MULTIPOINT EMPTY");
    CHECK(wkt(geo::MultiPolygon{}) == "MULTIPOLYGON EMPTY");
}

TEST_CASE("wkt: an empty part OGR reads is no part, not a point at 0 0 or a ring \"(())\"",
          "[layers][wkt]") {
    const auto read_and_written = [](const std::string& text) {
        OGRGeometry* geometry = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(text.c_str(), nullptr, &geometry) == OGRERR_NONE);
        const std::unique_ptr<OGRGeometry> owned(geometry);
        return wkt(layers::to_shape(*owned));
    };
    CHECK(read_and_written("MULTIPOLYGON (EMPTY,((110 40,111 40,111 41,110 40)))") ==
          "MULTIPOLYGON (((110 40,111 40,111 41,110 40)))");
    CHECK(read_and_written("GEOMETRYCOLLECTION (POINT EMPTY,POINT (110 41))") == "MULTIPOINT (110 41)");
    CHECK(read_and_written("MULTILINESTRING (EMPTY,(1 2,3 4))") == "MULTILINESTRING ((1 2,3 4))");
    CHECK(read_and_written("POINT EMPTY") == "MULTIPOINT EMPTY");
    CHECK(read_and_written("LINESTRING EMPTY") == "MULTILINESTRING EMPTY");
    CHECK(read_and_written("POLYGON EMPTY") == "MULTIPOLYGON EMPTY");
    CHECK(read_and_written("MULTIPOLYGON EMPTY") == "MULTIPOLYGON EMPTY");
    // Holes without an outline bound nothing; an empty hole is no hole.
    CHECK(read_and_written("POLYGON (EMPTY,(110 40,111 40,111 41,110 40))") == "MULTIPOLYGON EMPTY");
    CHECK(read_and_written("MULTIPOLYGON ((EMPTY,(109 0.5)))") == "MULTIPOLYGON EMPTY");
}

TEST_CASE("wkt: GDAL reads back every coordinate as the same double", "[layers][wkt]") {
    // Values that 15 significant digits would change: 0.1 + 0.2, a grid corner as
    // computed, a tiny and a huge one.
    const std::vector<geo::LonLat> awkward{{0.1 + 0.2, 40.0 / 3.0},
                                           {109.68645870549003, 37.312906637411006},
                                           {1e-7, -2.5e-12},
                                           {179.99999999999997, -89.99999999999999}};
    geo::MultiPolygon polygons;
    polygons.resize(1);
    polygons[0].outer().assign(awkward.begin(), awkward.end());
    polygons[0].outer().push_back(awkward.front());
    geo::MultiLineString lines{{awkward[0], awkward[1]}, {awkward[2], awkward[3]}};
    const geo::MultiPoint points(awkward.begin(), awkward.end());
    const std::vector<std::pair<geo::Shape, OGRwkbGeometryType>> shapes{
        {polygons, wkbMultiPolygon}, {lines, wkbMultiLineString}, {points, wkbMultiPoint}};
    for (const auto& [shape, expected_type] : shapes) {
        const auto text = wkt(shape);
        INFO(text);
        OGRwkbGeometryType type = wkbUnknown;
        const auto back = vertices_read_by_gdal(text, type);
        CHECK(type == expected_type);
        std::vector<geo::LonLat> expected;
        std::visit([&](const auto& parts) {
            using T = std::decay_t<decltype(parts)>;
            if constexpr (std::is_same_v<T, geo::MultiPoint>) expected.assign(parts.begin(), parts.end());
            else if constexpr (std::is_same_v<T, geo::MultiLineString>)
                for (const auto& line : parts) expected.insert(expected.end(), line.begin(), line.end());
            else
                for (const auto& polygon : parts) expected.insert(expected.end(), polygon.outer().begin(), polygon.outer().end());
        }, shape);
        CHECK(back == expected);  // bit for bit
    }
}

TEST_CASE("wkt: a polyhedral surface or a TIN is read as the polygons of its faces", "[layers][wkt]") {
    const auto read_and_written = [](const std::string& text) {
        OGRGeometry* geometry = nullptr;
        REQUIRE(OGRGeometryFactory::createFromWkt(text.c_str(), nullptr, &geometry) == OGRERR_NONE);
        const std::unique_ptr<OGRGeometry> owned(geometry);
        return wkt(layers::to_shape(*owned));  // recursed forever before
    };
    CHECK(read_and_written("POLYHEDRALSURFACE (((0 0,0 1,1 1,0 0)),((1 1,2 1,2 2,1 1)))") ==
          "MULTIPOLYGON (((0 0,1 1,0 1,0 0)),((1 1,2 1,2 2,1 1)))");
    CHECK(read_and_written("TIN (((0 0,0 1,1 1,0 0)))") == "MULTIPOLYGON (((0 0,1 1,0 1,0 0)))");
}
