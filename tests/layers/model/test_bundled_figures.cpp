// The figures of the bundled deposits and plants, as depmap reads them: the sources'
// numbers exactly, unknowns empty, and only sites' figures on sites.
#include "layers/model/layer.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace depmap;

namespace {

const layers::Layer& deposits() {
    static const auto layer = layers::read_layer(test::bundled("records.csv").string());
    return layer;
}

std::size_t row_of(const layers::Layer& layer, const std::string& id) {
    const auto& ids = layer.columns[*layer.field_index("id")];
    for (std::size_t row = 0; row < layer.size(); ++row)
        if (ids.text(row) == id) return row;
    FAIL("no row " << id << " in " << layer.source);
    return 0;
}

const layers::Column& column(const layers::Layer& layer, const char* field) {
    const auto index = layer.field_index(field);
    REQUIRE(index);
    return layer.columns[*index];
}

// The value as depmap holds it; empty for null.
std::string value(const layers::Layer& layer, const std::string& id, const char* field) {
    return column(layer, field).to_text(row_of(layer, id));
}

double real(const layers::Layer& layer, const std::string& id, const char* field) {
    const auto& values = column(layer, field);
    REQUIRE(values.type() == layers::FieldType::Real);
    const auto row = row_of(layer, id);
    REQUIRE_FALSE(values.is_null(row));
    return values.real(row);
}

} // namespace

TEST_CASE("bundled data: figures are the sources' numbers, units in their names", "[data]") {
    // gem_site_figures.csv, Aimin Wendu Coal Mine: gcmt_capacity 1.2, gcmt_reserves 91.0,
    // gcmt_resources 186 (million tonnes (per year)).
    CHECK(real(deposits(), "IM-GEMCOAL-0001", "capacity_mtpa") == 1.2);
    CHECK(real(deposits(), "IM-GEMCOAL-0001", "reserves_mt") == 91.0);
    CHECK(real(deposits(), "IM-GEMCOAL-0001", "resources_mt") == 186.0);
    CHECK(value(deposits(), "IM-GEMCOAL-0001", "figures_year") == "2024");
    // GIOMT's thousand tonnes, as million tonnes: Bayan Obo West's design capacity
    // 10000.0 kt, Heinaobao's total resource 6029.200000000001 kt (the digits kept).
    CHECK(real(deposits(), "IM-GEMIRON-0005", "capacity_mtpa") == 10.0);
    CHECK(real(deposits(), "IM-GEMIRON-0005", "production_mtpa") == 10.0);
    CHECK(value(deposits(), "IM-GEMIRON-0008", "resources_mt") == "6.029200000000001");
    // MinMod: Bayan Obo's 1540.0 Mt at 12628.336264062658 ppm La (Weng et al. 2015).
    CHECK(real(deposits(), "IM-USGS-0001", "ore_mt") == 1540.0);
    CHECK(value(deposits(), "IM-USGS-0001", "grade_la_ppm") == "12628.336264062658");
    CHECK(value(deposits(), "IM-USGS-0014", "grade_la_ppm") == "12628.336264062658");
    CHECK(value(deposits(), "IM-USGS-0001", "tonnage_source").find("doi:10.2113/econgeo.110.8.1925") !=
          std::string::npos);
    // Jiawula is in two articles with one estimate: copper from one, gold from the other.
    CHECK(real(deposits(), "IM-USGS-0018", "ore_mt") == 5.0);
    CHECK(real(deposits(), "IM-USGS-0018", "grade_cu_pct") == 0.4);
    CHECK(real(deposits(), "IM-USGS-0018", "grade_au_gpt") == 0.4);
    CHECK(real(deposits(), "IM-USGS-0018", "grade_ag_gpt") == 125.0);

    const auto plants = layers::read_layer(test::bundled("plants.csv").string());
    CHECK(value(plants, "IM-GEMSTEEL-0001", "steel_capacity_ktpa") == "15610");
    CHECK(value(plants, "IM-GEMSTEEL-0001", "iron_capacity_ktpa") == "16990");
    CHECK(value(plants, "IM-GEMSTEEL-0001", "figures_year") == "2025");
}

TEST_CASE("bundled data: what a source does not know stays empty, never 0", "[data]") {
    // Aimin Wendu's opening year is "TBD"; Shenhua Baorixile's capacity is blank beside its
    // production of 35.0; Bayan Obo Main's total resource is "unknown".
    CHECK(value(deposits(), "IM-GEMCOAL-0001", "opening_year").empty());
    CHECK(value(deposits(), "IM-GEMCOAL-0059", "capacity_mtpa").empty());
    CHECK(real(deposits(), "IM-GEMCOAL-0059", "production_mtpa") == 35.0);
    CHECK(value(deposits(), "IM-GEMIRON-0004", "resources_mt").empty());
    CHECK(real(deposits(), "IM-GEMIRON-0004", "reserves_mt") == 193.03);
    // Bayan Obo North: every figure unknown, so no year and no source either.
    for (const char* field : {"capacity_mtpa", "production_mtpa", "reserves_mt", "resources_mt",
                              "opening_year", "figures_year", "figures_source"})
        CHECK(value(deposits(), "IM-GEMIRON-0011", field).empty());
    // No source states a zero figure for a deposit: a 0 would be an unknown made a number.
    for (const char* field : {"capacity_mtpa", "production_mtpa", "reserves_mt", "resources_mt", "ore_mt",
                              "grade_cu_pct", "grade_la_ppm"}) {
        INFO(field);
        const auto& values = column(deposits(), field);
        for (std::size_t row = 0; row < values.size(); ++row)
            CHECK((values.is_null(row) || values.real(row) > 0));
    }
}

TEST_CASE("bundled data: tonnage only on the records the source names", "[data]") {
    // 11 USGS records; the province-wide graphite total (4.0 Mt) is no site's and the
    // graphite records carry nothing; no GEM or GSC row has a tonnage.
    const auto& ore = column(deposits(), "ore_mt");
    const auto& ids = column(deposits(), "id");
    const auto& commodities = column(deposits(), "commodities");
    std::size_t with_tonnage = 0;
    for (std::size_t row = 0; row < deposits().size(); ++row) {
        if (ore.is_null(row)) continue;
        ++with_tonnage;
        CHECK(std::string(ids.text(row)).starts_with("IM-USGS-"));
        CHECK(commodities.text(row).find("Graphite") == std::string_view::npos);
    }
    CHECK(with_tonnage == 11);
}
