#include "base/error.hpp"
#include "layers/derive/density_grid.hpp"
#include "layers/read/read.hpp"
#include "layers/style/commodity_colours.hpp"
#include "layers/style/qgis_style.hpp"
#include "layers/webmap/html_map.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>

using namespace depmap;
using Json = nlohmann::json;

namespace {

// The data block a map carries, parsed back.
Json data_block(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"depmap-data\">";
    const auto begin = page.find(open);
    REQUIRE(begin != std::string::npos);
    const auto end = page.find("</script>", begin);
    REQUIRE(end != std::string::npos);
    return Json::parse(page.substr(begin + open.size(), end - begin - open.size()));
}

const Json& layer_named(const Json& data, const std::string& name) {
    for (const auto& layer : data["layers"])
        if (layer["name"] == name) return layer;
    FAIL("no layer " << name);
    throw;
}

// The colour the QGIS style gives a commodity's category, as "#rrggbb".
std::string qgis_colour_of(const std::string& qml, const std::string& commodity) {
    std::smatch match;
    REQUIRE(std::regex_search(qml, match, std::regex("<category[^>]*value=\"" + commodity + "\"[^>]*symbol=\"([0-9]+)\"")));
    const auto symbol = qml.find("<symbol type=\"marker\" name=\"" + match[1].str() + "\"");
    REQUIRE(symbol != std::string::npos);
    const auto rest = qml.substr(symbol);
    REQUIRE(std::regex_search(rest, match, std::regex("name=\"color\" type=\"QString\" value=\"([0-9]+),([0-9]+),([0-9]+),")));
    return layers::to_hex({static_cast<std::uint8_t>(std::stoi(match[1])), static_cast<std::uint8_t>(std::stoi(match[2])),
                           static_cast<std::uint8_t>(std::stoi(match[3]))});
}

// Every http(s) URL in `text`.
std::vector<std::string> urls(const std::string& text) {
    static const std::regex url(R"(https?://[^\s"'<>)]*)", std::regex::icase);
    std::vector<std::string> found;
    for (std::sregex_iterator it(text.begin(), text.end(), url), end; it != end; ++it) found.push_back(it->str());
    return found;
}

std::string without(std::string text, const std::string& part) {
    const auto at = text.find(part);
    REQUIRE(at != std::string::npos);
    return text.erase(at, part.size());
}

} // namespace

TEST_CASE("an HTML map holds the answer's GeoJSON, styled as the QGIS style, and Leaflet", "[webmap]") {
    const test::ScratchDir dir;
    const auto sites = layers::read_layer(test::bundled("sites.csv").string());
    const auto base = layers::bundled_base_layers();
    const layers::MapLayer layer{&sites, "Deposits and mines", {}};
    const auto path = dir.file("sites.html");
    layers::write_html_map({&layer, 1}, base, {}, path);
    const auto page = test::slurp(path);
    const auto data = data_block(page);

    SECTION("every feature, with its attributes, Chinese names as they are") {
        const auto& drawn = layer_named(data, "Deposits and mines");
        CHECK(drawn["base"] == false);
        CHECK(drawn["kind"] == "points");
        REQUIRE(drawn["features"]["features"].size() == sites.size());
        REQUIRE(drawn["symbol"].size() == sites.size());
        bool found = false;
        for (const auto& feature : drawn["features"]["features"]) {
            if (feature["properties"]["site_id"] != "site-IM-GEMIRON-0003") continue;
            found = true;
            CHECK(feature["properties"]["name_zh"] == "白云鄂博");
            CHECK(feature["properties"]["commodities"] == "Rare Earth Elements;Iron;Niobium");
            CHECK(feature["geometry"]["type"] == "Point");
        }
        CHECK(found);
        // The base map: the divisions, the boundary, the cities.
        CHECK(layer_named(data, "Leagues and cities")["features"]["features"].size() == base.divisions.size());
        CHECK(layer_named(data, "Cities")["base"] == true);
    }
    SECTION("coordinates as the data holds them, no more digits") {
        const auto& first = layer_named(data, "Deposits and mines")["features"]["features"][0]["geometry"]["coordinates"];
        CHECK(first[0].get<double>() == sites.points[0].lon_deg);
        CHECK(page.find("[120.771111,43.7025]") != std::string::npos);  // sites.csv's first row, as written there
    }
    SECTION("commodity colours and markers of the QGIS style, with the legend's counts") {
        const auto qml = layers::qml_style(sites);
        const auto& drawn = layer_named(data, "Deposits and mines");
        std::size_t total = 0;
        std::map<std::string, Json> by_label;
        for (const auto& symbol : drawn["symbols"]) {
            total += symbol["count"].get<std::size_t>();
            by_label[symbol["label"]] = symbol;
        }
        CHECK(total == sites.size());
        REQUIRE(by_label.count("Iron"));
        CHECK(by_label["Iron"]["fill"] == qgis_colour_of(qml, "Iron"));
        CHECK(by_label["Iron"]["fill"] == "#d55e00");
        CHECK(by_label["Coal"]["fill"] == qgis_colour_of(qml, "Coal"));
        CHECK(by_label["Coal"]["count"] == 415);
        CHECK(by_label["Chromium"]["shape"] == "square");
        CHECK(by_label["Rare Earth Elements"]["fill"] == qgis_colour_of(qml, "Rare Earth Elements"));
        // Bayan Obo is drawn with the rare earths' symbol.
        const auto& features = drawn["features"]["features"];
        for (std::size_t i = 0; i < features.size(); ++i)
            if (features[i]["properties"]["site_id"] == "site-IM-GEMIRON-0003")
                CHECK(drawn["symbols"][drawn["symbol"][i].get<std::size_t>()]["label"] == "Rare Earth Elements");
    }
    SECTION("Leaflet inlined with its licence, and no URL a browser would fetch") {
        const auto leaflet = layers::read_leaflet();
        CHECK(page.find(leaflet.script) != std::string::npos);
        CHECK(page.find(leaflet.style) != std::string::npos);
        CHECK(page.find("Vladimir Agafonkin") != std::string::npos);
        CHECK(page.find("url(images/") == std::string::npos);  // the CSS's icons inlined too
        const auto own = without(without(page, leaflet.script), leaflet.style);
        CHECK(own.find("src=") == std::string::npos);
        CHECK(urls(own).empty());
        // Leaflet's own code names the SVG namespace and links its name in the credits
        // (replaced by plain text on the page): neither is fetched.
        for (const auto& url : urls(leaflet.script))
            CHECK((url == "http://www.w3.org/2000/svg" || url == "https://leafletjs.com"));
    }
    SECTION("a credit line from the licences and sources") {
        const std::string credits = data["attribution"];
        CHECK(credits.starts_with("Data: CC BY 4.0 (Global Energy Monitor; attribution required); public domain (USGS)"));
        CHECK(credits.find("Natural Earth") != std::string::npos);
    }
    SECTION("the same bytes every time, and no file replaced without overwrite") {
        const auto again = dir.file("again.html");
        layers::write_html_map({&layer, 1}, base, {}, again);
        CHECK(test::slurp(again) == page);
        CHECK_THROWS_AS(layers::write_html_map({&layer, 1}, base, {}, path), OutputError);
        layers::HtmlMapOptions overwrite;
        overwrite.overwrite = true;
        overwrite.title = "Another";
        layers::write_html_map({&layer, 1}, base, overwrite, path);
        CHECK(test::slurp(path).find("<title>Another</title>") != std::string::npos);
    }
}

TEST_CASE("an HTML map escapes what the data says", "[webmap]") {
    const test::ScratchDir dir;
    const auto csv = dir.write("odd.csv", "lon,lat,name,commodities\n"
                                          "110,41,\"</script><b>bold</b> & co\",Gold\n"
                                          "111,42,测试矿,Unobtainium\n");
    const auto layer = layers::read_layer(csv);
    const layers::MapLayer drawn{&layer, "<i>odd</i>", {}};
    layers::HtmlMapOptions options;
    options.title = "a <title> & more";
    const auto page = layers::html_map({&drawn, 1}, {}, layers::read_leaflet(), options);
    CHECK(page.find("<b>bold</b>") == std::string::npos);
    CHECK(page.find("<i>odd</i>") == std::string::npos);
    CHECK(page.find("<title>a &lt;title&gt; &amp; more</title>") != std::string::npos);
    const auto data = data_block(page);
    const auto& features = layer_named(data, "<i>odd</i>")["features"]["features"];
    CHECK(features[0]["properties"]["name"] == "</script><b>bold</b> & co");
    CHECK(features[1]["properties"]["name"] == "测试矿");
    // A commodity outside the vocabulary is "other", named in its legend entry.
    const auto& symbols = layer_named(data, "<i>odd</i>")["symbols"];
    REQUIRE(symbols.size() == 2);
    CHECK(symbols[1]["label"] == "other: Unobtainium");
    CHECK(symbols[1]["fill"] == layers::to_hex(layers::other_commodity_colour().colour));
}

TEST_CASE("an HTML map draws tiles only when asked, from a URL template", "[webmap]") {
    const auto sites = layers::read_layer(test::bundled("sites.csv").string());
    const layers::MapLayer layer{&sites, "sites", {}};
    layers::HtmlMapOptions options;
    options.tiles = "https://tile.example.org/{z}/{x}/{y}.png";
    const auto data = data_block(layers::html_map({&layer, 1}, {}, layers::read_leaflet(), options));
    CHECK(data["tiles"]["url"] == options.tiles);
    CHECK(data["tiles"]["attribution"] == "tiles: https://tile.example.org");
    CHECK(data_block(layers::html_map({&layer, 1}, {}, layers::read_leaflet(), {}))["tiles"].is_null());
    for (const auto* bad : {"tile.example.org/{z}/{x}/{y}.png", "https://tile.example.org/{z}/{x}.png",
                            "https://t.example.org/{z}/{x}/{y}.png\" onload=\"x", "javascript:{z}{x}{y}"}) {
        options.tiles = bad;
        CHECK_THROWS_AS(layers::html_map({&layer, 1}, {}, layers::read_leaflet(), options), ArgumentError);
    }
}

TEST_CASE("an HTML map of a density grid is graduated as its QGIS style", "[webmap]") {
    const auto sites = layers::read_layer(test::bundled("sites.csv").string());
    layers::DensityGridOptions grid_options;
    grid_options.grid.cell_m = 100000;
    const auto grid = layers::density_grid(sites, grid_options);
    layers::StyleOptions style;
    style.kind = layers::StyleKind::Grid;
    const layers::MapLayer layer{&grid, "grid", style};
    const auto data = data_block(layers::html_map({&layer, 1}, {}, layers::read_leaflet(), {}));
    const auto& drawn = layer_named(data, "grid");
    CHECK(drawn["kind"] == "grid");
    std::size_t total = 0;
    for (const auto& symbol : drawn["symbols"]) total += symbol["count"].get<std::size_t>();
    CHECK(total == grid.size());
    CHECK(drawn["symbols"].back()["fill"] == "#993404");  // YlOrBr's darkest, as in the .qml
    CHECK(layers::qml_style(grid, style).find("153,52,4,204") != std::string::npos);
}

TEST_CASE("an HTML map names a missing Leaflet and how to install it", "[webmap]") {
    const test::ScratchDir dir;
    try {
        layers::read_leaflet(dir.file("nowhere"));
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Catch::Contains("libjs-leaflet"));
    }
}
