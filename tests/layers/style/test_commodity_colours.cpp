#include "layers/model/commodities.hpp"
#include "layers/style/commodity_colours.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace depmap;

namespace {

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(' ');
    return first == std::string::npos ? "" : text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The rows of the first table after `heading` in a Markdown file, cells trimmed.
std::vector<std::vector<std::string>> table_after(const std::string& markdown, const std::string& heading) {
    std::istringstream lines(markdown.substr(markdown.find(heading)));
    std::vector<std::vector<std::string>> rows;
    std::string line;
    bool in_table = false;
    while (std::getline(lines, line)) {
        if (!line.starts_with("|")) {
            if (in_table) break;
            continue;
        }
        in_table = true;
        if (line.starts_with("| ---")) continue;
        std::vector<std::string> cells;
        std::istringstream parts(line.substr(1));
        std::string cell;
        while (std::getline(parts, cell, '|')) cells.push_back(trim(cell));
        rows.push_back(cells);
    }
    if (!rows.empty()) rows.erase(rows.begin());  // the header
    return rows;
}

const std::filesystem::path repository = std::filesystem::path(DEPMAP_TEST_DATA_DIR).parent_path();

} // namespace

TEST_CASE("commodity colours: every commodity of the bundled deposits has its own entry", "[layers][styles]") {
    const auto deposits = layers::read_layer(depmap::test::bundled("records.csv").string());
    for (const auto& [commodity, count] : layers::count_commodities(deposits, *layers::commodity_field(deposits))) {
        if (commodity.empty()) continue;
        INFO(commodity);
        const auto* entry = layers::find_commodity_colour(commodity);
        REQUIRE(entry != nullptr);
        CHECK(entry->commodity == commodity);
    }
}

TEST_CASE("commodity colours: Okabe-Ito colours, one colour and marker per commodity", "[layers][styles]") {
    const std::set<std::string> okabe_ito{"#000000", "#e69f00", "#56b4e9", "#009e73",
                                          "#f0e442", "#0072b2", "#d55e00", "#cc79a7"};
    std::set<std::string> names;
    std::set<std::pair<std::string, std::string>> looks;
    std::map<std::string, std::string> group_colour;
    for (const auto& entry : layers::commodity_colours()) {
        INFO(entry.commodity);
        CHECK(okabe_ito.count(layers::to_hex(entry.colour)) == 1);
        CHECK(names.insert(std::string(entry.commodity)).second);
        CHECK(looks.insert({layers::to_hex(entry.colour), std::string(entry.marker)}).second);
        // A group is one colour, and a colour one group.
        const auto [it, inserted] = group_colour.emplace(entry.group, layers::to_hex(entry.colour));
        CHECK(it->second == layers::to_hex(entry.colour));
    }
    CHECK(names.size() == 17);
    CHECK(group_colour.size() == okabe_ito.size());
    CHECK(layers::to_hex(layers::other_commodity_colour().colour) == "#999999");
    CHECK(layers::to_hex(layers::no_commodity_colour().colour) == "#ffffff");
}

TEST_CASE("commodity colours: names match ignoring case, others have no entry", "[layers][styles]") {
    REQUIRE(layers::find_commodity_colour("rare earth elements") != nullptr);
    CHECK(layers::find_commodity_colour("rare earth elements")->commodity == "Rare Earth Elements");
    CHECK(layers::find_commodity_colour("COAL")->colour == layers::Rgb{0, 0, 0});
    CHECK(layers::find_commodity_colour("Uranium") == nullptr);
    CHECK(layers::find_commodity_colour("") == nullptr);
}

TEST_CASE("commodity colours: symbols and short names take their commodity's colour", "[layers][styles]") {
    // As --commodity reads them: data that writes "Au" or "REE" is styled as gold and REE.
    REQUIRE(layers::find_commodity_colour("Au") != nullptr);
    CHECK(layers::find_commodity_colour("Au")->commodity == "Gold");
    CHECK(layers::find_commodity_colour("REE")->commodity == "Rare Earth Elements");
    CHECK(layers::find_commodity_colour("fe")->commodity == "Iron");
    CHECK(layers::find_commodity_colour("Mo")->marker == "triangle");
    CHECK(layers::find_commodity_colour("U") == nullptr);  // uranium: not in the vocabulary
    CHECK(layers::find_commodity_colour("PbZn") == nullptr);
}

TEST_CASE("commodity colours: README's Styles table is the table in the code", "[layers][styles]") {
    const auto rows = table_after(read_text(repository / "README.md"), "## Styles");
    std::vector<layers::CommodityColour> expected(layers::commodity_colours().begin(),
                                                  layers::commodity_colours().end());
    expected.push_back(layers::other_commodity_colour());
    expected.push_back(layers::no_commodity_colour());
    REQUIRE(rows.size() == expected.size());
    const std::regex hex("#[0-9a-f]{6}");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        INFO("README row " << i + 1 << ": " << rows[i][0]);
        REQUIRE(rows[i].size() >= 4);
        std::smatch colour;
        REQUIRE(std::regex_search(rows[i][2], colour, hex));
        CHECK(rows[i][0] == expected[i].commodity);
        CHECK(rows[i][1] == expected[i].group);
        CHECK(colour.str() == layers::to_hex(expected[i].colour));
        CHECK(rows[i][3] == expected[i].marker);
    }
}

TEST_CASE("commodity colours: data/README's vocabulary is the one coloured", "[layers][styles]") {
    std::set<std::string> vocabulary;
    for (const auto& row : table_after(read_text(repository / "data" / "README.md"), "## Commodity vocabulary"))
        if (!row[0].starts_with("(")) vocabulary.insert(row[0]);
    std::set<std::string> coloured;
    for (const auto& entry : layers::commodity_colours()) coloured.insert(std::string(entry.commodity));
    CHECK(vocabulary == coloured);
}

TEST_CASE("commodities: the primary commodity is the first one listed", "[layers][styles]") {
    CHECK(layers::primary_commodity("Rare Earth Elements;Niobium") == "Rare Earth Elements");
    CHECK(layers::primary_commodity(" ; Copper ;Gold") == "Copper");
    CHECK(layers::primary_commodity("").empty());
    CHECK(layers::primary_commodity(" ; ").empty());
    // A district's mix: commodities with their counts, the most common first.
    CHECK(layers::primary_commodity("Coal:202;Iron:5") == "Coal");
    CHECK(layers::primary_commodity("Rare Earth Elements : 3") == "Rare Earth Elements");
}
