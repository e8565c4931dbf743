#include "layers/model/layer.hpp"
#include "layers/model/layer_builder.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace depmap;
using layers::GeometryKind;
using Catch::Matchers::Contains;

namespace {

// Two sites with an id each.
layers::Layer two_points() {
    layers::Layer layer;
    layer.kind = GeometryKind::Point;
    layer.fields = {{"id", layers::FieldType::Integer}};
    layer.columns.emplace_back(layers::FieldType::Integer);
    for (std::int64_t id : {1, 2}) layer.columns[0].push(id);
    layer.points = {{110, 41}, {111, 42}};
    return layer;
}

geo::Shape square() {
    geo::Polygon polygon;
    polygon.outer() = {{110, 40}, {111, 40}, {111, 41}, {110, 41}, {110, 40}};
    return geo::MultiPolygon{polygon};
}

} // namespace

TEST_CASE("layer: a whole layer keeps its invariants", "[layers][layer]") {
    CHECK_NOTHROW(two_points().check_invariants());
    CHECK_NOTHROW(layers::Layer{}.check_invariants());
    auto none = two_points().empty_like(GeometryKind::Polygon);
    CHECK(none.kind == GeometryKind::Polygon);
    CHECK_FALSE(none.is_points());
    CHECK_NOTHROW(none.check_invariants());
}

TEST_CASE("layer: a broken layer is caught, naming what is wrong", "[layers][layer]") {
    auto missing_value = two_points();
    missing_value.points.push_back({112, 43});
    CHECK_THROWS_WITH(missing_value.check_invariants(), Contains("field 'id' has 2 values for 3 rows"));

    auto extra_column = two_points();
    extra_column.columns.emplace_back(layers::FieldType::Real);
    CHECK_THROWS_WITH(extra_column.check_invariants(), Contains("2 columns for 1 fields"));

    auto points_as_polygons = two_points();
    points_as_polygons.kind = GeometryKind::Polygon;
    CHECK_THROWS_WITH(points_as_polygons.check_invariants(), Contains("points among its shapes"));

    auto table_with_points = two_points();
    table_with_points.kind = GeometryKind::None;
    CHECK_THROWS_WITH(table_with_points.check_invariants(), Contains("a table without geometry holds geometry"));

    auto polygons_as_points = two_points();
    polygons_as_points.points.clear();
    polygons_as_points.shapes = {square(), square()};
    CHECK_THROWS_WITH(polygons_as_points.check_invariants(), Contains("a line or polygon among its points"));
    polygons_as_points.kind = GeometryKind::Polygon;
    CHECK_NOTHROW(polygons_as_points.check_invariants());
}

TEST_CASE("layer: subset keeps the kind, even of no rows", "[layers][layer]") {
    auto polygons = two_points();
    polygons.points.clear();
    polygons.shapes = {square(), square()};
    polygons.kind = GeometryKind::Polygon;
    const auto none = polygons.subset(std::vector<std::size_t>{});
    CHECK(none.kind == GeometryKind::Polygon);
    CHECK_FALSE(none.is_points());
    CHECK(none.size() == 0);
    const auto second = polygons.subset(std::vector<std::size_t>{1});
    CHECK(second.size() == 1);
    CHECK_NOTHROW(second.check_invariants());
}

TEST_CASE("layer builder: the kind of the features, else the one the reader declared", "[layers][layer]") {
    layers::Layer empty;
    empty.kind = GeometryKind::Polygon;
    empty.geometry_type = "MultiPolygon";
    layers::LayerBuilder(empty).finish();
    CHECK(empty.kind == GeometryKind::Polygon);
    CHECK(empty.geometry_type == "MultiPolygon");

    layers::Layer mixed;
    mixed.kind = GeometryKind::Point;
    layers::LayerBuilder builder(mixed);
    builder.add_point({110, 41});
    builder.add_shape(square(), "Polygon");
    builder.finish();
    CHECK(mixed.kind == GeometryKind::Polygon);
    CHECK(mixed.shapes.size() == 2);
    CHECK_NOTHROW(mixed.check_invariants());

    layers::Layer multipoints;
    layers::LayerBuilder more(multipoints);
    more.add_point({110, 41});
    more.add_shape(geo::MultiPoint{{111, 42}, {112, 43}}, "MultiPoint");
    more.finish();
    CHECK(multipoints.kind == GeometryKind::Point);
    CHECK_FALSE(multipoints.is_points());  // its features are shapes
    CHECK(multipoints.size() == 2);
    CHECK_NOTHROW(multipoints.check_invariants());
}
