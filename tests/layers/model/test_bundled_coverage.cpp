// data/README.md's coverage table says, per commodity, how many bundled records list it
// and how many of them hold a figure for it: the counts must be the data's.
#include "layers/model/commodities.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>

using namespace depmap;

namespace {

struct CoverageRow {
    std::string commodity;
    std::size_t records;
    std::size_t with_figures;
    std::vector<std::string> fields;  // the `field` names of its fields column
};

// The rows "| commodity | records | with figures | fields | ... |" of the section
// "## Coverage".
std::vector<CoverageRow> coverage_rows() {
    std::ifstream readme(test::bundled("README.md"));
    REQUIRE(readme);
    const std::regex row(R"(^\| ([A-Za-z][^|]*?) \| ([0-9]+) \| ([0-9]+) \| ([^|]*)\|)");
    const std::regex field("`([a-z_]+)`");
    std::vector<CoverageRow> rows;
    bool in_section = false;
    for (std::string line; std::getline(readme, line);) {
        if (line.starts_with("## ")) in_section = line == "## Coverage";
        std::smatch match;
        if (!in_section || !std::regex_search(line, match, row)) continue;
        CoverageRow parsed{match[1], std::stoul(match[2]), std::stoul(match[3]), {}};
        const std::string fields = match[4];
        for (std::sregex_iterator it(fields.begin(), fields.end(), field), end; it != end; ++it)
            parsed.fields.push_back((*it)[1]);
        rows.push_back(parsed);
    }
    return rows;
}

} // namespace

TEST_CASE("bundled data: the coverage table's counts are the data's", "[data]") {
    const auto deposits = layers::read_layer(test::bundled("records.csv").string());
    const auto& commodities = deposits.columns[*layers::commodity_field(deposits)];
    const auto rows = coverage_rows();
    REQUIRE(rows.size() >= 20);
    std::set<std::string> listed;
    for (const auto& row : rows) {
        INFO(row.commodity);
        listed.insert(layers::canonical_commodity(row.commodity));
        std::size_t records = 0, with_figures = 0;
        for (std::size_t r = 0; r < deposits.size(); ++r) {
            bool lists = false;
            for (const auto& item : layers::split_commodities(commodities.to_text(r)))
                lists |= layers::canonical_commodity(item) == layers::canonical_commodity(row.commodity);
            if (!lists) continue;
            ++records;
            bool has_figure = false;
            for (const auto& name : row.fields) {
                const auto index = deposits.field_index(name);
                REQUIRE(index);
                has_figure |= !deposits.columns[*index].is_null(r);
            }
            with_figures += has_figure;
        }
        CHECK(row.records == records);
        CHECK(row.with_figures == with_figures);
    }
    // Every commodity of the records has its row, and so do the region's notable ones.
    for (const auto& [commodity, count] : layers::count_commodities(deposits, *layers::commodity_field(deposits)))
        if (!commodity.empty()) CHECK(listed.count(layers::canonical_commodity(commodity)));
    for (const char* notable : {"REE", "Fe", "Nb", "Th", "U", "Coal", "Cu", "Pb", "Zn", "Mo", "Au", "Ag", "Sn", "W",
                                "fluorite", "graphite"})
        CHECK(listed.count(layers::canonical_commodity(notable)));
}
