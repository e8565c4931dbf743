#include "base/error.hpp"
#include "layers/style/commodity_colours.hpp"
#include "layers/style/qgis_style.hpp"
#include "layers/read/read.hpp"
#include "layers/style/xml_element.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <map>

using namespace depmap;
using Catch::Matchers::Contains;

namespace {

const layers::XmlElement& at(const layers::XmlElement& element, std::initializer_list<const char*> path) {
    const layers::XmlElement* node = &element;
    for (const char* name : path) {
        INFO("no <" << name << "> under <" << node->name() << ">");
        node = node->child(name);
        REQUIRE(node != nullptr);
    }
    return *node;
}

// The value of <Option name="..."> anywhere below `element`.
std::string option(const layers::XmlElement& element, const std::string& name) {
    for (const auto& child : element.children()) {
        if (child.name() == "Option" && child.attribute("name") == name) return child.attribute("value");
        if (auto value = option(child, name); !value.empty()) return value;
    }
    return {};
}

struct Category {
    std::string value;
    std::string label;
    std::string colour;  // "r,g,b,a"
    std::string marker;
};

std::vector<Category> categories(const layers::XmlElement& qml) {
    const auto& renderer = at(qml, {"renderer-v2"});
    std::map<std::string, const layers::XmlElement*> symbols;
    for (const auto* symbol : at(renderer, {"symbols"}).children("symbol")) symbols[symbol->attribute("name")] = symbol;
    std::vector<Category> out;
    for (const auto* category : at(renderer, {"categories"}).children("category")) {
        const auto* symbol = symbols.at(category->attribute("symbol"));
        out.push_back({category->attribute("value"), category->attribute("label"), option(*symbol, "color"),
                       option(*symbol, "name")});
    }
    return out;
}

std::string qgis_rgb(layers::Rgb c) { return fmt::format("{},{},{},255", c.red, c.green, c.blue); }

layers::Layer bundled(const std::string& file) { return layers::read_layer(depmap::test::bundled(file).string()); }

} // namespace

TEST_CASE("qml: the bundled deposits get one category per main commodity, in table order", "[layers][styles]") {
    const auto qml = layers::parse_xml(layers::qml_style(bundled("records.csv")));
    CHECK(qml.name() == "qgis");
    CHECK(qml.attribute("labelsEnabled") == "1");
    CHECK(at(qml, {"layerGeometryType"}).text() == "0");
    const auto& renderer = at(qml, {"renderer-v2"});
    CHECK(renderer.attribute("type") == "categorizedSymbol");
    CHECK_THAT(renderer.attribute("attr"), Contains("\"commodities\""));

    const std::vector<std::string> expected{
        "Coal", "Iron", "Chromium", "Molybdenum", "Copper", "Zinc", "Lead", "Gold",
        "Rare Earth Elements", "Tin", "Graphite", "Phosphorus-Phosphates", "(none listed)", ""};
    const auto found = categories(qml);
    REQUIRE(found.size() == expected.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        INFO(expected[i]);
        CHECK(found[i].value == expected[i]);
        const auto* entry = layers::find_commodity_colour(expected[i]);
        const auto& colour = entry ? *entry
                             : expected[i].empty() ? layers::other_commodity_colour()
                                                   : layers::no_commodity_colour();
        CHECK(found[i].colour == qgis_rgb(colour.colour));
        CHECK(found[i].marker == colour.marker);
    }
    CHECK(found.back().label == "other");  // no commodity outside the vocabulary
}

TEST_CASE("qml: unknown commodities fall in the catch-all, named in its label", "[layers][styles]") {
    depmap::test::ScratchDir dir;
    const auto layer = layers::read_layer(dir.write("odd.csv",
        "name,commodities,lon,lat\n"
        "a,coal,110,40\n"
        "b,Uranium,110,41\n"
        "c,\"Salt \"\"rock\"\" & <potash>\",110,42\n"
        "d,,110,43\n"));
    const auto found = categories(layers::parse_xml(layers::qml_style(layer)));
    REQUIRE(found.size() == 3);
    CHECK(found[0].value == "coal");  // the layer's spelling, the vocabulary's colour
    CHECK(found[0].colour == qgis_rgb(layers::find_commodity_colour("Coal")->colour));
    CHECK(found[1].value == "(none listed)");
    CHECK(found[2].value.empty());
    CHECK(found[2].label == "other: Salt \"rock\" & <potash>, Uranium");
}

TEST_CASE("qml: labels by name with the Chinese name, or by whichever there is", "[layers][styles]") {
    const auto expression = [](const layers::Layer& layer, bool labels = true) {
        layers::StyleOptions options;
        options.labels = labels;
        const auto qml = layers::parse_xml(layers::qml_style(layer, options));
        const auto* labeling = qml.child("labeling");
        return labeling ? at(*labeling, {"settings", "text-style"}).attribute("fieldName") : std::string();
    };
    const auto deposits = bundled("records.csv");
    CHECK_THAT(expression(deposits), Contains("\"name\"") && Contains("\"name_zh\"") && Contains("char(10)"));
    CHECK(expression(deposits, false).empty());
    CHECK(expression(bundled("cities.csv")) == "\"name\"");
    depmap::test::ScratchDir dir;
    CHECK(expression(layers::read_layer(dir.write("zh.csv", "name_zh,lon,lat\n包头,110,40\n"))) == "\"name_zh\"");
    CHECK(expression(layers::read_layer(dir.write("none.csv", "id,lon,lat\n1,110,40\n"))).empty());
}

TEST_CASE("qml: size_by scales markers between the field's extremes", "[layers][styles]") {
    const auto layer = layers::read_layer(depmap::test::fixture("styled.csv"));
    layers::StyleOptions options;
    options.size_by = "tonnage";
    const auto qml = layers::parse_xml(layers::qml_style(layer, options));
    const auto& symbol = *at(qml, {"renderer-v2", "symbols"}).children("symbol").front();
    CHECK(option(symbol, "field") == "tonnage");
    CHECK(option(symbol, "minValue") == "3");
    CHECK(option(symbol, "maxValue") == "1200");
    CHECK(option(symbol, "scaleType") == "2");
    CHECK(at(qml, {"renderer-v2", "orderby", "orderByClause"}).text() == "\"tonnage\"");

    options.size_by = "tons";
    CHECK_THROWS_MATCHES(layers::qml_style(layer, options), ArgumentError,
                         Catch::Message("`size_by` tons: no such field in " + depmap::test::fixture("styled.csv") +
                                        "; its numeric fields: tonnage"));
    options.size_by = "name";
    CHECK_THROWS_WITH(layers::qml_style(layer, options), Contains("holds text, not numbers"));
    options.size_by = "tonnage";
    options.kind = layers::StyleKind::Outlines;
    CHECK_THROWS_AS(layers::qml_style(bundled("divisions.geojson"), options), ArgumentError);
}

TEST_CASE("qml: field names as the output format wrote them", "[layers][styles]") {
    layers::StyleOptions options;
    options.size_by = "tonnage";
    options.written_names = {{"commodities", "commoditie"}, {"tonnage", "tonnage_t"}, {"name_zh", "name_zh"}};
    const auto qml = layers::qml_style(layers::read_layer(depmap::test::fixture("styled.csv")), options);
    CHECK_THAT(qml, Contains("&quot;commoditie&quot;") && Contains("value=\"tonnage_t\""));
    CHECK_THAT(qml, !Contains("&quot;commodities&quot;"));
}

TEST_CASE("qml: polygons as outlines, areas and graduated grids", "[layers][styles]") {
    const auto divisions = bundled("divisions.geojson");
    layers::StyleOptions outlines;
    outlines.kind = layers::StyleKind::Outlines;
    auto qml = layers::parse_xml(layers::qml_style(divisions, outlines));
    CHECK(at(qml, {"renderer-v2"}).attribute("type") == "singleSymbol");
    CHECK(option(at(qml, {"renderer-v2", "symbols"}), "style") == "no");
    CHECK(at(qml, {"layerGeometryType"}).text() == "2");
    CHECK(at(qml, {"labeling", "settings", "placement"}).attribute("placement") == "1");

    qml = layers::parse_xml(layers::qml_style(divisions));  // automatic: areas
    CHECK(option(at(qml, {"renderer-v2", "symbols"}), "style") == "solid");

    depmap::test::ScratchDir dir;
    const auto grid = layers::read_layer(dir.write("grid.csv",
        "count,wkt\n"
        "0,\"POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))\"\n"
        "3,\"POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))\"\n"
        "12,\"POLYGON ((2 0, 3 0, 3 1, 2 1, 2 0))\"\n"));
    layers::StyleOptions graduated;
    graduated.kind = layers::StyleKind::Grid;
    qml = layers::parse_xml(layers::qml_style(grid, graduated));
    const auto& renderer = at(qml, {"renderer-v2"});
    CHECK(renderer.attribute("type") == "graduatedSymbol");
    CHECK(renderer.attribute("attr") == "count");
    const auto ranges = at(renderer, {"ranges"}).children("range");
    REQUIRE(ranges.size() == 3);
    CHECK(ranges[0]->attribute("label") == "0");
    CHECK(ranges[1]->attribute("label") == "1–3");
    CHECK(ranges[2]->attribute("lower") == "3");
    CHECK(ranges[2]->attribute("upper") == "12");
    CHECK(qml.attribute("labelsEnabled") == "0");

    CHECK_THROWS_WITH(layers::qml_style(divisions, graduated), Contains("grid field count: no such field"));
}

TEST_CASE("qml: a style that does not fit the geometry is refused", "[layers][styles]") {
    layers::StyleOptions options;
    options.kind = layers::StyleKind::Points;
    CHECK_THROWS_WITH(layers::qml_style(bundled("divisions.geojson"), options),
                      Contains("a points style needs point geometry, but the layer holds polygons"));
    options.kind = layers::StyleKind::Grid;
    CHECK_THROWS_AS(layers::qml_style(bundled("records.csv"), options), ArgumentError);
    layers::Layer table;
    table.kind = layers::GeometryKind::None;
    CHECK_THROWS_WITH(layers::qml_style(table), Contains("a table without geometry has no map style"));
}

TEST_CASE("qml: the same layer gives the same style, byte for byte", "[layers][styles]") {
    const auto deposits = bundled("records.csv");
    CHECK(layers::qml_style(deposits) == layers::qml_style(deposits));
}
