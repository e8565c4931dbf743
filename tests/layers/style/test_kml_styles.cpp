#include "layers/style/kml_styles.hpp"

#include "base/error.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using depmap::layers::Column;
using depmap::layers::FieldType;
using depmap::layers::KmlStyles;
using depmap::layers::Layer;

namespace {

Layer deposits(const std::vector<const char*>& commodities) {
    Layer layer;
    layer.kind = depmap::layers::GeometryKind::Point;
    layer.fields = {{"commodity", FieldType::String}};
    layer.columns = {Column(FieldType::String)};
    for (const char* commodity : commodities) {
        layer.columns[0].push(std::string_view(commodity));
        layer.points.push_back({110.0, 41.0});
    }
    return layer;
}

std::string styled(const KmlStyles& styles, std::string_view placemarks, const std::vector<std::size_t>& rows) {
    std::string out;
    styles.style(placemarks, rows, [&](std::string_view piece) { out += piece; }, "out.kml");
    return out;
}

// Two placemarks as GDAL's KML driver writes them: one with a name and attributes, one
// with neither.
constexpr std::string_view placemarks = "  <Placemark>\n"
                                        "\t<name>白云鄂博</name>\n"
                                        "\t<ExtendedData><SchemaData schemaUrl=\"#d\">\n"
                                        "\t\t<SimpleData name=\"commodity\">Iron</SimpleData>\n"
                                        "\t</SchemaData></ExtendedData>\n"
                                        "      <Point><coordinates>109.97,41.8</coordinates></Point>\n"
                                        "  </Placemark>\n"
                                        "  <Placemark>\n"
                                        "      <Point><coordinates>110.1,41.2</coordinates></Point>\n"
                                        "  </Placemark>\n";

} // namespace

TEST_CASE("KML styles: each placemark gets its row's styleUrl after its name, before its data", "[kml]") {
    const KmlStyles styles(deposits({"Coal", "Iron; Rare Earth Elements", "Coal"}));
    const std::vector<std::size_t> rows{1, 2};  // a part holding the layer's second and third rows
    const auto text = styled(styles, placemarks, rows);
    CHECK(text == "  <Placemark>\n"
                  "\t<name>白云鄂博</name>\n"
                  "\t<styleUrl>#commodity-Iron</styleUrl>\n"
                  "\t<ExtendedData><SchemaData schemaUrl=\"#d\">\n"
                  "\t\t<SimpleData name=\"commodity\">Iron</SimpleData>\n"
                  "\t</SchemaData></ExtendedData>\n"
                  "      <Point><coordinates>109.97,41.8</coordinates></Point>\n"
                  "  </Placemark>\n"
                  "  <Placemark>\n"
                  "\t<styleUrl>#commodity-Coal</styleUrl>\n"
                  "      <Point><coordinates>110.1,41.2</coordinates></Point>\n"
                  "  </Placemark>\n");
    // The join places each part by these sizes before writing it.
    CHECK(text.size() == placemarks.size() + styles.added_bytes(rows));
}

TEST_CASE("KML styles: one shared Style per commodity used, after the Document line", "[kml]") {
    const KmlStyles styles(deposits({"Coal", "Iron", "Coal"}));
    const auto head = styles.with_shared_styles("<?xml version=\"1.0\"?>\n<kml>\n<Document id=\"root_doc\">\n<Folder>\n", "out.kml");
    CHECK(head.starts_with("<?xml version=\"1.0\"?>\n<kml>\n<Document id=\"root_doc\">\n<Style id=\"commodity-Coal\">"));
    CHECK(head.find("<Style id=\"commodity-Iron\">") != std::string::npos);
    CHECK(head.ends_with("</Style>\n<Folder>\n"));
    CHECK_THROWS_AS(styles.with_shared_styles("<kml>\n", "out.kml"), depmap::OutputError);
}

TEST_CASE("KML styles: placemarks that are not one per row are an error, not a shifted style", "[kml]") {
    const KmlStyles styles(deposits({"Coal", "Iron", "Coal"}));
    CHECK_THROWS_AS(styled(styles, placemarks, {0}), depmap::OutputError);
    CHECK_THROWS_AS(styled(styles, placemarks, {0, 1, 2}), depmap::OutputError);
}

TEST_CASE("KML styles: a layer without commodities passes its placemarks through", "[kml]") {
    Layer plain = deposits({"Coal", "Iron"});
    plain.fields[0].name = "kind";
    const KmlStyles styles(plain);
    CHECK(styles.empty());
    CHECK(styled(styles, placemarks, {0, 1}) == placemarks);
    CHECK(styles.added_bytes(std::vector<std::size_t>{0, 1}) == 0);
}
