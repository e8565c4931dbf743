// Site linkage on hand-labelled fixtures (tests/fixtures/sites/: real rows of
// data/records.csv, and small made-up cases whose `source` says what they should give)
// and on the bundled deposits.
#include "base/error.hpp"
#include "geo/geodesic.hpp"
#include "layers/read/read.hpp"
#include "layers/sites/sites.hpp"
#include "layers/text/text_output.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>
#include <sstream>

using namespace depmap;
using Catch::Matchers::Contains;

namespace {

layers::Layer fixture(const std::string& name) { return layers::read_layer(test::fixture("sites/" + name)); }

layers::SitesResult link(const layers::Layer& layer, const layers::SiteOptions& options = {}) {
    return layers::link_sites(std::span<const layers::Layer>(&layer, 1), options);
}

layers::SiteOptions with_overrides(const std::string& name) {
    layers::SiteOptions options;
    options.overrides = layers::read_link_overrides(test::fixture("sites/" + name));
    return options;
}

std::string cell(const layers::Layer& layer, std::size_t row, const char* field) {
    return layer.columns[*layer.field_index(field)].to_text(row);
}

// Each site as its record ids ("A;B"), sorted.
std::set<std::string> sites_of(const layers::SitesResult& result) {
    std::set<std::string> sites;
    for (std::size_t row = 0; row < result.sites.size(); ++row) sites.insert(cell(result.sites, row, "record_ids"));
    return sites;
}

// The row of the site holding this record.
std::size_t site_row(const layers::SitesResult& result, const std::string& id) {
    for (std::size_t row = 0; row < result.sites.size(); ++row) {
        const auto ids = cell(result.sites, row, "record_ids");
        std::size_t at = 0;
        for (std::size_t end = 0; end != std::string::npos; at = end + 1) {  // each id of the list
            end = ids.find(';', at);
            if (ids.compare(at, end == std::string::npos ? std::string::npos : end - at, id) == 0) return row;
        }
    }
    FAIL("no site holds " << id);
    return 0;
}

// The evidence row of a pair, in either order.
std::size_t link_row(const layers::SitesResult& result, const std::string& a, const std::string& b) {
    for (std::size_t row = 0; row < result.links.size(); ++row) {
        const auto x = cell(result.links, row, "record_a");
        const auto y = cell(result.links, row, "record_b");
        if ((x == a && y == b) || (x == b && y == a)) return row;
    }
    FAIL("no evidence for " << a << " and " << b);
    return 0;
}

std::string csv(const layers::Layer& layer) {
    std::ostringstream out;
    layers::write_csv(layer, out);
    return out.str();
}

} // namespace

TEST_CASE("sites: the Bayan Obo records, rows of data/records.csv", "[layers][sites]") {
    const auto result = link(fixture("bayan_obo.csv"));
    // Without overrides, MRDS's Bayan Obo Mine (19 km south of the pits) is 26.3 km from
    // OFR 2005-1294's Bayan Obo and 28.5 km from the North mine; Dongjie Legle's name is
    // no part the rules know. The eight others are one site: the USGS records by name
    // (Bayan E Bo by romanisation), GEM's Main, East, West and North mines as its parts.
    CHECK(sites_of(result) == std::set<std::string>{
        "IM-GEMIRON-0003;IM-GEMIRON-0004;IM-GEMIRON-0005;IM-GEMIRON-0011;IM-USGS-0001;IM-USGS-0003;IM-USGS-0009;IM-USGS-0014",
        "IM-USGS-0002", "IM-GEMIRON-0010"});
    const auto row = site_row(result, "IM-USGS-0001");
    CHECK(cell(result.sites, row, "site_id") == "site-IM-GEMIRON-0003");
    CHECK(cell(result.sites, row, "name") == "Bayan Obo");
    CHECK(cell(result.sites, row, "name_rule") == "most records but the parts: 3 of 4");
    // No record's Chinese name is the site's own (they are its pits'): the table's spelling.
    CHECK(cell(result.sites, row, "name_zh") == "白云鄂博");
    CHECK(cell(result.sites, row, "commodities") == "Rare Earth Elements;Iron;Niobium");
    CHECK(cell(result.sites, row, "part_count") == "4");
    CHECK(cell(result.sites, row, "parts") ==
          "Bayan Obo East Mine;Bayan Obo Main Mine;Bayan Obo West Mine;Bayan Obo North Iron Mine");
    // The position of one record, the most precisely stated (GEM's to 1e-6°; USGS's to
    // 1", 1' or 1e-4°), ties to the smallest id: never an average.
    CHECK(cell(result.sites, row, "position_record") == "IM-GEMIRON-0003");
    CHECK(cell(result.sites, row, "position_precision") == "0.000001°");
    CHECK(result.sites.points[row] == geo::LonLat{109.985565, 41.801566});
    // The records keep their part.
    for (std::size_t r = 0; r < result.records.size(); ++r)
        if (cell(result.records, r, "id") == "IM-GEMIRON-0004") {
            CHECK(cell(result.records, r, "site_id") == "site-IM-GEMIRON-0003");
            CHECK(cell(result.records, r, "site_part") == "main");
        }
    // The evidence says why.
    const auto blocked = link_row(result, "IM-USGS-0001", "IM-USGS-0002");
    CHECK(cell(result.links, blocked, "decision") == "link");
    CHECK(cell(result.links, blocked, "same_site") == "no");
    CHECK_THAT(cell(result.links, blocked, "reason"), Contains("not joined") && Contains("apart"));
    const auto romanised = link_row(result, "IM-USGS-0001", "IM-USGS-0003");
    CHECK(cell(result.links, romanised, "name_rule") == "romanisation");
    const auto part = link_row(result, "IM-GEMIRON-0004", "IM-USGS-0014");
    CHECK(cell(result.links, part, "name_rule") == "part");
    CHECK(cell(result.links, part, "reason") == "'Bayan Obo Main Mine' is the main part of 'Bayan Obo'; both list Iron");
}

TEST_CASE("sites: no chain past the limit: records 26.3 km apart are never one site", "[layers][sites]") {
    // 0002 is within 25 km of 0001 and 0009, which are within 25 km of 0014; but 0002 and
    // 0014 are 26.3 km apart. Single linkage would make one site of the four.
    const auto layer = fixture("bayan_obo_chain.csv");
    const auto result = link(layer);
    CHECK(sites_of(result) == std::set<std::string>{"IM-USGS-0001;IM-USGS-0009;IM-USGS-0014", "IM-USGS-0002"});
    CHECK(geo::geodesic_distance_m(layer.points[1], layer.points[3]) == Approx(26268.16).margin(0.01));
    for (std::size_t row = 0; row < result.sites.size(); ++row)
        CHECK(result.sites.columns[*result.sites.field_index("spread_m")].real(row) <= 25000.0);
    // A link override joins them, whatever the distance; that pair only is exempt.
    const auto linked = link(layer, with_overrides("overrides_link.csv"));
    CHECK(sites_of(linked) == std::set<std::string>{"IM-USGS-0001;IM-USGS-0002;IM-USGS-0009;IM-USGS-0014"});
    const auto row = link_row(linked, "IM-USGS-0002", "IM-USGS-0014");
    CHECK(cell(linked.links, row, "decision") == "link");
    CHECK_THAT(cell(linked.links, row, "reason"), Contains("override (overrides_link.csv:2): MRDS places"));
    // A tighter limit splits them further.
    layers::SiteOptions tight;
    tight.max_distance_m = 6000;
    CHECK(link(layer, tight).sites.size() == 3);
}

TEST_CASE("sites: a separate override keeps two records apart, and their site with them", "[layers][sites]") {
    const auto result = link(fixture("bayan_obo_chain.csv"), with_overrides("overrides_separate.csv"));
    const auto a = site_row(result, "IM-USGS-0001");
    const auto b = site_row(result, "IM-USGS-0009");
    CHECK(a != b);
    const auto row = link_row(result, "IM-USGS-0001", "IM-USGS-0009");
    CHECK(cell(result.links, row, "decision") == "separate");
    CHECK(cell(result.links, row, "same_site") == "no");
}

TEST_CASE("sites: overrides are checked, naming the file and line", "[layers][sites]") {
    const auto layer = fixture("bayan_obo_chain.csv");
    CHECK_THROWS_WITH(link(layer, with_overrides("overrides_unknown.csv")),
                      Contains("overrides_unknown.csv:3: no record has the id 'IM-USGS-9999'"));
    CHECK_THROWS_WITH(with_overrides("overrides_no_reason.csv"), Contains("overrides_no_reason.csv:2: no reason"));
    CHECK_THROWS_WITH(with_overrides("overrides_bad_decision.csv"),
                      Contains("overrides_bad_decision.csv:2: decision 'merge' is neither link nor separate"));
    CHECK_THROWS_WITH(layers::read_link_overrides(test::fixture("sites/minimal.csv")),
                      Contains("minimal.csv: no column `record_a`"));
    // Links that cannot all hold: 0001-0002 linked, but 0001 and 0009 kept apart while
    // 0002-0009 is linked too.
    test::ScratchDir dir;
    const auto clash = dir.write("clash.csv", "record_a,record_b,decision,reason\n"
                                              "IM-USGS-0001,IM-USGS-0009,separate,apart\n"
                                              "IM-USGS-0001,IM-USGS-0002,link,one\n"
                                              "IM-USGS-0002,IM-USGS-0009,link,one too\n");
    layers::SiteOptions options;
    options.overrides = layers::read_link_overrides(clash);
    CHECK_THROWS_WITH(link(layer, options), Contains("clash.csv:4: linking IM-USGS-0002 and IM-USGS-0009 cannot hold"));
}

TEST_CASE("sites: numbered names never merge across numbers", "[layers][sites]") {
    const auto result = link(fixture("hegenshan.csv"));
    CHECK(result.sites.size() == 3);
    const auto row = link_row(result, "IM-USGS-0028", "IM-USGS-0029");
    CHECK(cell(result.links, row, "name_rule") == "numbers differ");
    CHECK(cell(result.links, row, "decision") == "separate");
}

TEST_CASE("sites: distance alone never links; one name at one place does", "[layers][sites]") {
    // Buertai and Xinzhen at the very same point, Yangbaoqu and Hedong Baijialiang 1.0 km
    // apart, Yangshita No. 1 and No. 2 at one point: six mines.
    CHECK(link(fixture("coal_neighbours.csv")).sites.size() == 6);
    // GEM's expansion phases of one mine (one name, one position) are one site; so are a
    // mine and its surface mine 2.7 km away.
    const auto phases = link(fixture("coal_phases.csv"));
    CHECK(sites_of(phases) == std::set<std::string>{"IM-GEMCOAL-0004;IM-GEMCOAL-0005",
                                                    "IM-GEMCOAL-0054;IM-GEMCOAL-0055;IM-GEMCOAL-0056",
                                                    "IM-GEMCOAL-0329;IM-GEMCOAL-0415"});
    const auto wulanqu = site_row(phases, "IM-GEMCOAL-0415");
    CHECK(cell(phases.sites, wulanqu, "name") == "Inner Mongolia Wulanqu Coal Mine");
    CHECK(cell(phases.sites, wulanqu, "parts") == "Inner Mongolia Wulanqu Surface Coal Mine");
}

TEST_CASE("sites: romanisations and Chinese names are one name", "[layers][sites]") {
    const auto result = link(fixture("romanisations.csv"));
    CHECK(sites_of(result) == std::set<std::string>{"R1;R2;R3;R4;R5", "R6"});
    CHECK(cell(result.links, link_row(result, "R1", "R4"), "name_rule") == "romanisation");
    CHECK(cell(result.links, link_row(result, "R1", "R5"), "name_rule") == "romanisation");
    // Sanheming in USGS, 三合明铁矿 in GEM's Chinese name, at one position.
    const auto sanheming = link(fixture("sanheming.csv"));
    REQUIRE(sanheming.sites.size() == 1);
    CHECK(cell(sanheming.sites, 0, "name") == "Sanheming");
    CHECK(cell(sanheming.sites, 0, "name_rule") == "most records: 1 of 2, the shortest of the names tied");
    CHECK(cell(sanheming.sites, 0, "name_zh") == "三合明铁矿");
}

TEST_CASE("sites: one name without a commodity in common is two sites", "[layers][sites]") {
    const auto result = link(fixture("commodity_clash.csv"));
    CHECK(result.sites.size() == 2);
    const auto row = link_row(result, "C1", "C2");
    CHECK(cell(result.links, row, "decision") == "separate");
    CHECK_THAT(cell(result.links, row, "reason"), Contains("no commodity in common: Coal / Au"));
}

TEST_CASE("sites: figures add up within a source, never across sources", "[layers][sites]") {
    const auto result = link(fixture("figures.csv"));
    REQUIRE(result.sites.size() == 3);
    const auto alpha = site_row(result, "Q1");
    // Q1 and Q2 (its east part) are GEM's two records: 10 + 5. USGS's 12 describes the
    // same mine: not added. ore_mt only USGS gives.
    CHECK(cell(result.sites, alpha, "capacity_mtpa") == "15");
    CHECK(cell(result.sites, alpha, "capacity_mtpa_source") == "GEM");
    CHECK(cell(result.sites, alpha, "ore_mt") == "300");
    CHECK(cell(result.sites, alpha, "ore_mt_source") == "USGS");
    // A grade is no amount: the parts' one value, never their sum; years that differ
    // leave the figure empty and say why.
    CHECK(cell(result.sites, alpha, "grade_fe_pct") == "31.5");
    CHECK(result.sites.columns[*result.sites.field_index("opening_year")].is_null(alpha));
    CHECK(cell(result.sites, alpha, "opening_year_source") == "GEM: its records differ (a grade or a year is not added up)");
    // No record of Beta gives a figure: empty, not 0.
    const auto beta = site_row(result, "Q4");
    CHECK(result.sites.columns[*result.sites.field_index("capacity_mtpa")].is_null(beta));
    CHECK(result.sites.columns[*result.sites.field_index("capacity_mtpa_source")].is_null(beta));
    // Gamma: one record from each of two sources: the first in source order (by name).
    const auto gamma = site_row(result, "Q5");
    CHECK(cell(result.sites, gamma, "capacity_mtpa") == "8");
    CHECK(cell(result.sites, gamma, "capacity_mtpa_source") == "Survey");
}

TEST_CASE("sites: status is the most active of its records', the other words all of theirs", "[layers][sites]") {
    const auto result = link(fixture("descriptions.csv"));
    REQUIRE(result.sites.size() == 3);
    const auto delta = site_row(result, "D1");
    // One working pit of three records: the site is in production.
    CHECK(cell(result.sites, delta, "status") == "operating");
    CHECK(cell(result.sites, delta, "site_type") == "coal mine (surface); coal mine (underground)");
    CHECK(cell(result.sites, delta, "licence") == "CC BY 4.0 | public domain");
    // A mothballed mine can start again; a retired one will not.
    CHECK(cell(result.sites, site_row(result, "D4"), "status") == "mothballed");
    // No record says: empty, never a guess.
    const auto zeta = site_row(result, "D6");
    CHECK(result.sites.columns[*result.sites.field_index("status")].is_null(zeta));
    CHECK(result.sites.columns[*result.sites.field_index("licence")].is_null(zeta));
}

TEST_CASE("sites: the same records in any order give the same bytes", "[layers][sites]") {
    const auto layer = fixture("bayan_obo.csv");
    const auto before = link(layer, with_overrides("overrides_link.csv"));
    std::vector<std::size_t> rows(layer.size());
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    std::mt19937 random(7);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(rows.begin(), rows.end(), random);
        const auto after = link(layer.subset(rows), with_overrides("overrides_link.csv"));
        CHECK(csv(after.sites) == csv(before.sites));
        CHECK(csv(after.records) == csv(before.records));
        CHECK(csv(after.links) == csv(before.links));
    }
}

TEST_CASE("sites: only id and name are required", "[layers][sites]") {
    const auto result = link(fixture("minimal.csv"));
    REQUIRE(result.sites.size() == 1);
    CHECK(cell(result.sites, 0, "site_id") == "site-1");  // ids that are numbers, by value
    CHECK(cell(result.sites, 0, "record_ids") == "1;2;10");
    CHECK(cell(result.sites, 0, "sources") == test::fixture("sites/minimal.csv"));
    CHECK_THROWS_WITH(link(fixture("no_id.csv")), Contains("no_id.csv: no `id` field"));
    test::ScratchDir dir;
    const auto twice = layers::read_layer(dir.write("twice.csv", "id,name,lon,lat\nA,x,1,1\nA,y,2,2\n"));
    CHECK_THROWS_WITH(link(twice), Contains("the id 'A' is given twice"));
}

TEST_CASE("sites: the bundled deposits", "[layers][sites][data]") {
    const auto deposits = layers::read_layer(test::bundled("records.csv").string());
    layers::SiteOptions options;
    options.overrides = layers::read_link_overrides(test::bundled("site_links.csv").string());
    const auto result = link(deposits, options);
    // Counted by hand from data/records.csv (grep for each name, distances checked): 487
    // records, of which 27 join another record's site:
    //   Bayan Obo's 10 records (USGS 0001, 0002, 0003, 0009, 0014; GEM iron 0003, 0004,
    //   0005, 0010, 0011) 9; Huogeqi 3 -> 2; Dongshengmiao 3 -> 2; Jiashengpan 3 -> 2;
    //   Tanyaokou 3 -> 2; Wunugetushan, Haobugao, Sanheming 2 -> 1 each (3);
    //   GEM coal: Baiyinhua Haizhou No. 4 (2 phases) 1, Shengli East No.2 (3) 2,
    //   Qipanjing (2) 1, Changcheng No. 2 (phases 1 and 2 of GEM M3706) 1,
    //   Manlailiang and its surface mine 1, Wulanqu and its surface mine 1.
    //   9 + 4 * 2 + 3 + 1 + 2 + 1 + 1 + 1 + 1 = 27; 487 - 27 = 460.
    CHECK(result.sites.size() == 460);
    CHECK(result.records.size() == 487);
    const auto bayan_obo = site_row(result, "IM-USGS-0001");
    CHECK(cell(result.sites, bayan_obo, "record_ids") ==
          "IM-GEMIRON-0003;IM-GEMIRON-0004;IM-GEMIRON-0005;IM-GEMIRON-0010;IM-GEMIRON-0011;"
          "IM-USGS-0001;IM-USGS-0002;IM-USGS-0003;IM-USGS-0009;IM-USGS-0014");
    CHECK(cell(result.sites, bayan_obo, "name") == "Bayan Obo");
    const std::vector<std::pair<std::string, std::vector<std::string>>> named{
        {"Jiashengpan", {"IM-USGS-0007", "IM-USGS-0017", "IM-USGS-0039"}},
        {"Tanyaokou", {"IM-USGS-0008", "IM-USGS-0021", "IM-USGS-0040"}},
        {"Huogeqi", {"IM-USGS-0004", "IM-USGS-0006", "IM-USGS-0038"}},
        {"Dongshengmiao", {"IM-USGS-0005", "IM-USGS-0015", "IM-USGS-0036"}},
        {"Wunugetushan", {"IM-USGS-0022", "IM-USGS-0026"}},
    };
    for (const auto& [name, ids] : named) {
        INFO(name);
        const auto row = site_row(result, ids.front());
        CHECK(cell(result.sites, row, "name") == name);
        CHECK(cell(result.sites, row, "record_count") == std::to_string(ids.size()));
        for (const auto& id : ids) CHECK(site_row(result, id) == row);
    }
    // Every pair of a site is within the limit but the pairs an override links.
    std::set<std::pair<std::string, std::string>> overridden;
    for (const auto& o : options.overrides) overridden.insert(std::minmax(o.record_a, o.record_b));
    for (std::size_t i = 0; i < result.records.size(); ++i)
        for (std::size_t j = i + 1; j < result.records.size(); ++j) {
            if (cell(result.records, i, "site_id") != cell(result.records, j, "site_id")) continue;
            const auto a = cell(result.records, i, "id");
            const auto b = cell(result.records, j, "id");
            const std::pair<std::string, std::string> pair = std::minmax(a, b);
            if (overridden.count(pair)) continue;
            INFO(pair.first << " " << pair.second);
            CHECK(geo::geodesic_distance_m(result.records.points[i], result.records.points[j]) <= 25000.0);
        }
    // data/README.md counts the overrides.
    CHECK_THAT(test::slurp(test::bundled("README.md")),
               Contains(fmt::format("| `site_links.csv` | {} |", options.overrides.size())));
}
