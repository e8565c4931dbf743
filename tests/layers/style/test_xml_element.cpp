#include "base/error.hpp"
#include "layers/style/xml_element.hpp"

#include <catch2/catch.hpp>

using namespace depmap;

TEST_CASE("xml: text and attributes survive a round trip through a real parser", "[layers][xml]") {
    const std::string awkward = "Bayan Obo \"Main\" & <East>, 'Baotou'\n白云鄂博\ttab";
    layers::XmlElement root("qgis");
    root.set("value", awkward);
    root.add("name").set_text(awkward);
    auto& nested = root.add("categories");
    nested.add("category").set("value", "Coal");
    nested.add("category").set("value", "");

    const auto text = layers::to_xml(root, "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>");
    CHECK(text.starts_with("<!DOCTYPE qgis"));
    CHECK(text.find("&#10;") != std::string::npos);  // a line break in an attribute is kept

    const auto back = layers::parse_xml(text);
    CHECK(back.name() == "qgis");
    CHECK(back.attribute("value") == awkward);
    REQUIRE(back.child("name") != nullptr);
    CHECK(back.child("name")->text() == awkward);
    const auto categories = back.child("categories")->children("category");
    REQUIRE(categories.size() == 2);
    CHECK(categories[0]->attribute("value") == "Coal");
    CHECK(categories[1]->has_attribute("value"));
    CHECK(categories[1]->attribute("value", "absent").empty());
}

TEST_CASE("xml: characters XML cannot hold are dropped, not written", "[layers][xml]") {
    layers::XmlElement root("a");
    root.set("b", std::string("x\x01y\x1fz"));
    CHECK(layers::parse_xml(layers::to_xml(root)).attribute("b") == "xyz");
}

TEST_CASE("xml: a document that is not XML is an InputError", "[layers][xml]") {
    CHECK_THROWS_AS(layers::parse_xml("<qgis><renderer-v2></qgis>"), InputError);
    CHECK_THROWS_AS(layers::parse_xml(""), InputError);
}

TEST_CASE("xml: setting an attribute twice keeps one, with the last value", "[layers][xml]") {
    layers::XmlElement root("a");
    root.set("b", "1").set("b", "2");
    CHECK(root.attributes().size() == 1);
    CHECK(root.attribute("b") == "2");
}
