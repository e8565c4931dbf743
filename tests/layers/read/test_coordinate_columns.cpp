#include "layers/read/coordinate_columns.hpp"

#include <catch2/catch.hpp>

using depmap::layers::ColumnRole;
using depmap::layers::CoordinateColumns;
using depmap::layers::find_coordinate_columns;
using depmap::layers::role_of_header;

TEST_CASE("coordinate columns: header names announce their role", "[layers][csv]") {
    const std::vector<std::pair<std::string, ColumnRole>> cases{
        {"lon", ColumnRole::Lon},         {"LON", ColumnRole::Lon},
        {"Lng", ColumnRole::Lon},         {"long", ColumnRole::Lon},
        {"Longitude", ColumnRole::Lon},   {"longitude (deg)", ColumnRole::Lon},
        {"LON_DD", ColumnRole::Lon},      {"Longitude [°E]", ColumnRole::Lon},
        {"lon_wgs84", ColumnRole::Lon},   {"x", ColumnRole::Lon},
        {"X", ColumnRole::Lon},           {"Easting", ColumnRole::Lon},
        {"经度", ColumnRole::Lon},        {"经度（°）", ColumnRole::Lon},
        {"经度°", ColumnRole::Lon},       {" decimal longitude ", ColumnRole::Lon},
        {"lat", ColumnRole::Lat},         {"Latitude", ColumnRole::Lat},
        {"LAT_DEG", ColumnRole::Lat},     {"latitude(degrees)", ColumnRole::Lat},
        {"y", ColumnRole::Lat},           {"northing", ColumnRole::Lat},
        {"纬度", ColumnRole::Lat},        {"緯度", ColumnRole::Lat},
        {"WKT", ColumnRole::Wkt},         {"geometry", ColumnRole::Wkt},
        {"the_geom", ColumnRole::Wkt},    {"geom", ColumnRole::Wkt},
        {"name", ColumnRole::None},       {"long_name", ColumnRole::None},
        {"latency", ColumnRole::None},    {"flux", ColumnRole::None},
        {"lat_lon", ColumnRole::None},    {"", ColumnRole::None},
        {"名称", ColumnRole::None},       {"xy", ColumnRole::None},
    };
    for (const auto& [header, role] : cases) {
        INFO("header: '" << header << "'");
        CHECK(role_of_header(header) == role);
    }
}

TEST_CASE("coordinate columns: a named lon/lat pair wins, lon/lat over x/y", "[layers][csv]") {
    const auto c = find_coordinate_columns({"id", "x", "y", "Latitude", "Longitude"}, {});
    REQUIRE(c.kind == CoordinateColumns::Kind::LonLat);
    CHECK(c.lon == 4);
    CHECK(c.lat == 3);
}

TEST_CASE("coordinate columns: a WKT column when there is no pair", "[layers][csv]") {
    const auto by_name = find_coordinate_columns({"id", "lon", "wkt"}, {"1", "109", "POINT (1 2)"});
    REQUIRE(by_name.kind == CoordinateColumns::Kind::Wkt);
    CHECK(by_name.wkt == 2);

    const auto by_value = find_coordinate_columns({"id", "shape_text"}, {"1", "multipolygon (((0 0,1 0,1 1,0 0)))"});
    REQUIRE(by_value.kind == CoordinateColumns::Kind::Wkt);
    CHECK(by_value.wkt == 1);
}

TEST_CASE("coordinate columns: unnamed DMS columns found by their hemisphere letters", "[layers][csv]") {
    const auto c = find_coordinate_columns({"site", "breite", "laenge"},
                                           {"Bayan Obo", "41°47'N", "109°58'E"});
    REQUIRE(c.kind == CoordinateColumns::Kind::LonLat);
    CHECK(c.lon == 2);
    CHECK(c.lat == 1);
}

TEST_CASE("coordinate columns: nothing found", "[layers][csv]") {
    CHECK(find_coordinate_columns({"id", "name", "grade"}, {"1", "a", "0.5"}).kind ==
          CoordinateColumns::Kind::None);
    CHECK(find_coordinate_columns({"id", "longitude"}, {"1", "109"}).kind ==
          CoordinateColumns::Kind::None);
}
