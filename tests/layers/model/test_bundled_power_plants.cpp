// The bundled coal-fired power plants: one row per plant, its units counted and summed
// as data/README.md says, and the plant the source misplaces left out.
#include "layers/model/layer.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <string>

using namespace depmap;

namespace {

const layers::Layer& plants() {
    static const auto layer = layers::read_layer(test::bundled("power_plants.csv").string());
    return layer;
}

std::string cell(const char* field, std::size_t row) {
    const auto index = plants().field_index(field);
    REQUIRE(index);
    return plants().columns[*index].to_text(row);
}

std::size_t row_of(const std::string& gem_location_id) {
    for (std::size_t row = 0; row < plants().size(); ++row)
        if (cell("source_record_id", row) == gem_location_id) return row;
    FAIL("no plant " << gem_location_id);
    return 0;
}

// Most advanced first, as data/README.md orders them.
constexpr std::array<const char*, 8> statuses{"operating", "construction", "permitted", "pre_permit",
                                              "announced", "shelved",      "retired",   "cancelled"};

} // namespace

TEST_CASE("bundled data: the power plant GEM places in Xinjiang is left out", "[data]") {
    // Guoshen Bozhou power station (L100001000083) at 82.06 E, 44.87 N.
    for (std::size_t row = 0; row < plants().size(); ++row) {
        CHECK(cell("source_record_id", row) != "L100001000083");
        CHECK(cell("name", row).find("Bozhou") == std::string::npos);
        CHECK(plants().points[row].lon_deg > 97.0);
    }
    CHECK(plants().size() == 193);
}

TEST_CASE("bundled data: a power plant's units, counted and summed", "[data]") {
    // Wusitai Cogen: two operating units of 300 MW and a cancelled one of 660 MW.
    const auto wusitai = row_of("L100000100792");
    CHECK(cell("id", wusitai) == "IM-GEMPOWER-0001");
    CHECK(cell("status", wusitai) == "operating");
    CHECK(cell("capacity_operating_mw", wusitai) == "600");
    CHECK(cell("capacity_all_mw", wusitai) == "1260");
    CHECK(cell("units_operating", wusitai) == "2");
    CHECK(cell("units_cancelled", wusitai) == "1");
    // East Hailar: its cancelled units lie 27 km from its operating ones; the plant is
    // where the operating units are.
    const auto hailar = row_of("L100000100880");
    CHECK(plants().points[hailar].lon_deg == 119.831353);
    CHECK(plants().points[hailar].lat_deg == 49.263058);
    // A captive plant says which works it serves.
    const auto baiyinhua = row_of("L100000100793");
    CHECK(cell("captive", baiyinhua) == "yes");
    CHECK(cell("captive_industry", baiyinhua) == "aluminum");

    for (std::size_t row = 0; row < plants().size(); ++row) {
        INFO(cell("id", row));
        long counted = 0;
        std::string most_advanced;
        for (const char* status : statuses) {
            const auto units = std::stol(cell((std::string("units_") + status).c_str(), row));
            counted += units;
            if (units > 0 && most_advanced.empty()) most_advanced = status;
        }
        std::replace(most_advanced.begin(), most_advanced.end(), '_', '-');
        CHECK(counted == std::stol(cell("units", row)));
        CHECK(cell("status", row) == most_advanced);
        CHECK(std::stod(cell("capacity_operating_mw", row)) <= std::stod(cell("capacity_all_mw", row)));
        CHECK((cell("units_operating", row) != "0" || cell("capacity_operating_mw", row) == "0"));
    }
}
