#include "layers/project/bundled_project.hpp"

#include <catch2/catch.hpp>

using namespace depmap;

namespace {

layers::Layer named(const char* name) {
    layers::Layer layer;
    layer.name = name;
    return layer;
}

} // namespace

TEST_CASE("bundled project: bundled layers around the added ones, clashing names renamed", "[layers][project]") {
    const auto deposits = named("deposits"), plants = named("plants"), divisions = named("divisions"),
               boundary = named("boundary");
    std::vector<layers::AddedFile> added;
    added.push_back({"/tmp/Plants.geojson", {}});
    added.back().layers.push_back(named("ignored: one layer is named after its file"));
    added.push_back({"/tmp/two.gpkg", {}});
    added.back().layers.push_back(named("gpkg_contents"));
    added.back().layers.push_back(named("grid"));
    const auto recipe = layers::bundled_project(deposits, plants, divisions, boundary, added);
    std::vector<std::string> names;
    for (const auto& entry : recipe.entries) names.push_back(entry.name);
    CHECK(names == std::vector<std::string>{"deposits", "plants", "Plants_2", "layer_gpkg_contents", "grid",
                                            "divisions", "boundary"});
    REQUIRE(recipe.notes.size() == 2);
    CHECK(recipe.notes[0] == "`add` /tmp/Plants.geojson: its layer 'Plants' is 'Plants_2' in the project, "
                             "which has a 'Plants' already");
    CHECK(recipe.entries.back().style.kind == layers::StyleKind::Outlines);
}
