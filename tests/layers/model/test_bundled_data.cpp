// Every bundled file opens, and holds as many features as data/README.md says.
#include "layers/read/read.hpp"
#include "layers/write/dbf_fields.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>

using namespace depmap;

namespace {

// The rows "| `file` | count | ..." of the README's file table.
std::vector<std::pair<std::string, std::size_t>> documented_counts() {
    std::ifstream readme(depmap::test::bundled("README.md"));
    REQUIRE(readme);
    const std::regex row(R"(^\|\s*`([^`]+)`\s*\|\s*([0-9][0-9,]*)\s*\|)");
    std::vector<std::pair<std::string, std::size_t>> counts;
    for (std::string line; std::getline(readme, line);) {
        std::smatch match;
        if (!std::regex_search(line, match, row)) continue;
        std::string digits = match[2];
        std::erase(digits, ',');
        counts.emplace_back(match[1], std::stoul(digits));
    }
    return counts;
}

} // namespace

TEST_CASE("bundled data: every file holds the count data/README.md states", "[data]") {
    const auto counts = documented_counts();
    REQUIRE(counts.size() >= 5);
    for (const auto& [file, count] : counts) {
        const auto path = depmap::test::bundled(file);
        if (path.extension() != ".csv" && path.extension() != ".geojson") continue;
        if (file == "site_links.csv") continue;  // a table of pairs, not a layer: tests/layers/sites counts it
        INFO(file);
        const auto layer = layers::read_layer(path.string());
        CHECK(layer.size() == count);
        CHECK(layer.skipped.count == 0);
        CHECK(layer.crs == "EPSG:4326");
        // All of it lies in and around Inner Mongolia.
        const auto extent = layer.extent();
        CHECK(extent.min_lon_deg > 97.0);
        CHECK(extent.max_lon_deg < 126.1);
        CHECK(extent.min_lat_deg > 37.3);
        CHECK(extent.max_lat_deg < 53.4);
    }
}

TEST_CASE("bundled data: the deposits carry the documented fields and Chinese names", "[data]") {
    const auto layer = layers::read_layer(depmap::test::bundled("records.csv").string());
    for (const char* field : {"id", "name", "name_zh", "commodities", "status", "source", "licence"})
        CHECK(layer.field_index(field));
    const auto zh = *layer.field_index("name_zh");
    std::size_t with_chinese = 0;
    for (std::size_t row = 0; row < layer.size(); ++row)
        with_chinese += !layer.columns[zh].is_null(row);
    CHECK(with_chinese > 0);
}

TEST_CASE("bundled data: every field keeps its own name when cut to a Shapefile's 10 characters", "[data]") {
    for (const auto& [file, count] : documented_counts()) {
        // sites.csv is made by depmap sites, whose <figure>_source fields share their
        // figure's first ten letters: a Shapefile of sites numbers them (with a note).
        // site_links.csv is a table of decisions, not a layer.
        if (!file.ends_with(".csv") || file == "sites.csv" || file == "site_links.csv") continue;
        INFO(file);
        const auto layer = layers::read_layer(depmap::test::bundled(file).string());
        // No rows: the names are planned without the values, some too long for dBASE.
        const auto planned = layers::plan_dbf_fields(layer.subset({}), file);
        std::set<std::string> cut;
        for (std::size_t f = 0; f < planned.size(); ++f) {
            INFO(layer.fields[f].name);
            CHECK(planned[f].name == layers::shorten_utf8(layer.fields[f].name, 10));  // not numbered
            CHECK(cut.insert(planned[f].name).second);
        }
    }
}
