// A large CSV is read stretch by stretch; these files are read so with stretches of a
// few dozen bytes, and must give exactly the layer of a whole read, whatever a later
// stretch holds.
#include "base/error.hpp"
#include "layers/read/csv_reader.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cmath>
#include <functional>

using namespace depmap;
using Catch::Matchers::Contains;

namespace {

struct SmallStretches {
    explicit SmallStretches(std::size_t bytes) { layers::set_csv_stretch_bytes(bytes); }
    ~SmallStretches() { layers::set_csv_stretch_bytes(0); }
};

layers::ReadOptions skipping() {
    layers::ReadOptions options;
    options.on_error = layers::OnError::Skip;
    return options;
}

void require_same(const layers::Layer& a, const layers::Layer& b) {
    REQUIRE(a.size() == b.size());
    CHECK(a.kind == b.kind);
    CHECK(a.geometry_type == b.geometry_type);
    CHECK(a.geometry_source == b.geometry_source);
    CHECK(a.coordinate_columns == b.coordinate_columns);
    CHECK(a.crs == b.crs);
    CHECK(a.notes == b.notes);
    CHECK(a.skipped.count == b.skipped.count);
    CHECK(a.skipped.by_reason == b.skipped.by_reason);
    CHECK(a.skipped.first_message == b.skipped.first_message);
    REQUIRE(a.fields.size() == b.fields.size());
    for (std::size_t f = 0; f < a.fields.size(); ++f) {
        INFO(a.fields[f].name);
        CHECK(a.fields[f].name == b.fields[f].name);
        REQUIRE(a.fields[f].type == b.fields[f].type);
        for (std::size_t row = 0; row < a.size(); ++row) {
            REQUIRE(a.columns[f].is_null(row) == b.columns[f].is_null(row));
            REQUIRE(a.columns[f].to_text(row) == b.columns[f].to_text(row));
        }
    }
    for (std::size_t row = 0; row < a.size(); ++row) {
        REQUIRE(a.points[row].lon_deg == b.points[row].lon_deg);
        REQUIRE(a.points[row].lat_deg == b.points[row].lat_deg);
    }
}

// The file of `rows` rows made by `row(i)` (after the header `header`), read whole and
// in stretches of 64 bytes: the same layer. Returns the one read in stretches.
layers::Layer read_both_ways(const std::string& header, std::size_t rows,
                             const std::function<std::string(std::size_t)>& row,
                             const layers::ReadOptions& options = skipping()) {
    depmap::test::ScratchDir dir;
    std::string content = header + "\n";
    for (std::size_t i = 0; i < rows; ++i) content += row(i);
    const auto path = dir.write("points.csv", content);
    const auto whole = layers::read_layer(path, options);
    const SmallStretches small(64);
    auto stretched = layers::read_layer(path, options);
    require_same(stretched, whole);
    return stretched;
}

std::string lonlat(std::size_t i) {
    return fmt::format("{},{}", 100.0 + static_cast<double>(i % 97) / 10.0, 40.0 + static_cast<double>(i % 89) / 10.0);
}

} // namespace

TEST_CASE("csv stretches: numbers, text, nulls, bad and ragged rows read as a whole read does", "[layers][csv][stretches]") {
    const auto layer = read_both_ways("id,name,commodity,tonnage,lon,lat", 2000, [](std::size_t i) {
        if (i == 700) return std::string("ragged,row\n");
        if (i == 1300) return fmt::format("{},bad,Fe,1.5,100,95\n", i);  // latitude out of range
        if (i == 1500) return fmt::format("{},no position,Fe,1.5,,40\n", i);
        const char* commodities[] = {"REE", "Fe", "Nb", "", "Cu"};
        return fmt::format("{},site {},{},{},{}\n", i, i, commodities[i % 5], i % 7 == 0 ? "" : fmt::format("{}.5", i), lonlat(i));
    });
    CHECK(layer.size() == 1997);
    CHECK(layer.skipped.count == 3);
    CHECK(layer.columns[*layer.field_index("commodity")].interned());
    CHECK(layer.fields[*layer.field_index("tonnage")].type == layers::FieldType::Real);
}

TEST_CASE("csv stretches: a later stretch widens integers to reals, or finds reals among them", "[layers][csv][stretches]") {
    const auto widened = read_both_ways("id,value,lon,lat", 1000, [](std::size_t i) {
        return fmt::format("{},{},{}\n", i, i < 800 ? fmt::format("{}", i) : fmt::format("{}.25", i), lonlat(i));
    });
    CHECK(widened.fields[1].type == layers::FieldType::Real);
    const auto reals_first = read_both_ways("id,value,lon,lat", 1000, [](std::size_t i) {
        return fmt::format("{},{},{}\n", i, i < 200 ? fmt::format("{}.75", i) : fmt::format("{}", i), lonlat(i));
    });
    CHECK(reals_first.fields[1].type == layers::FieldType::Real);
}

TEST_CASE("csv stretches: a -0 among integers after reals is -0.0, as a whole read gives", "[layers][csv][stretches]") {
    // The column is real from the first stretch on; a later stretch of integers only
    // must read its "-0" as a real too, not as the integer 0 turned real.
    const auto layer = read_both_ways("id,value,lon,lat", 1000, [](std::size_t i) {
        return fmt::format("{},{},{}\n", i, i < 200 ? fmt::format("{}.5", i) : i % 5 == 0 ? std::string("-0") : fmt::format("{}", i), lonlat(i));
    });
    REQUIRE(layer.fields[1].type == layers::FieldType::Real);
    CHECK(layer.columns[1].to_text(500) == "-0");
    CHECK(std::signbit(layer.columns[1].real(500)));
}

TEST_CASE("csv stretches: values that come only after many empty cells keep their type", "[layers][csv][stretches]") {
    const auto layer = read_both_ways("id,late,never,lon,lat", 1000, [](std::size_t i) {
        return fmt::format("{},{},,{}\n", i, i < 900 ? "" : fmt::format("{}", i * 3), lonlat(i));
    });
    CHECK(layer.fields[1].type == layers::FieldType::Integer);
    CHECK(layer.fields[2].type == layers::FieldType::String);
}

TEST_CASE("csv stretches: text after numbers, numbers after text, digits a double rounds", "[layers][csv][stretches]") {
    // Numbers that turn to text far in: the file is read whole again, to the same layer.
    const auto late_text = read_both_ways("id,code,lon,lat", 1000, [](std::size_t i) {
        return fmt::format("{},{},{}\n", i, i == 950 ? std::string("N/A") : fmt::format("{}", i), lonlat(i));
    });
    CHECK(late_text.fields[1].type == layers::FieldType::String);
    CHECK(late_text.columns[1].to_text(10) == "10");
    const auto early_text = read_both_ways("id,code,lon,lat", 1000, [](std::size_t i) {
        return fmt::format("{},{},{}\n", i, i == 3 ? std::string("N/A") : fmt::format("0{}", i * 7 % 10), lonlat(i));
    });
    CHECK(early_text.fields[1].type == layers::FieldType::String);
    const auto rounded = read_both_ways("id,big,lon,lat", 1000, [](std::size_t i) {
        return fmt::format("{},{},{}\n", i, i == 900 ? std::string("9007199254740993") : fmt::format("{}.5", i), lonlat(i));
    });
    CHECK(rounded.fields[1].type == layers::FieldType::String);
    REQUIRE(rounded.notes.size() == 1);
    const auto big_then_real = read_both_ways("id,big,lon,lat", 1000, [](std::size_t i) {
        return fmt::format("{},{},{}\n", i, i == 5 ? std::string("9007199254740993") : i > 900 ? "1.5" : "7", lonlat(i));
    });
    CHECK(big_then_real.fields[1].type == layers::FieldType::String);
}

TEST_CASE("csv stretches: a quote, CRLF, DMS or many distinct values in a later stretch", "[layers][csv][stretches]") {
    const auto quoted = read_both_ways("id,name,lon,lat", 1000, [](std::size_t i) {
        return fmt::format("{},{},{}\n", i, i == 990 ? std::string("\"a, b\"") : "plain", lonlat(i));
    });
    CHECK(quoted.columns[1].to_text(990) == "a, b");
    read_both_ways("id,name,lon,lat", 1000, [](std::size_t i) { return fmt::format("{},x,{}\r\n", i, lonlat(i)); });
    const auto dms = read_both_ways("id,lon,lat", 1000, [](std::size_t i) {
        return i == 990 ? std::string("990,109°58'E,41°47'N\n") : fmt::format("{},{}\n", i, lonlat(i));
    });
    CHECK_THAT(dms.geometry_source, Contains("degrees, minutes, seconds"));
    // A column of few values at first, past the number kept once each later.
    const auto many = read_both_ways("id,kind,lon,lat", 6000, [](std::size_t i) {
        return fmt::format("{},{},{}\n", i, i < 1000 ? fmt::format("k{}", i % 3) : fmt::format("v{}", i), lonlat(i));
    });
    CHECK_FALSE(many.columns[1].interned());
}

TEST_CASE("csv stretches: the first bad line and text that is not UTF-8 are named as in a whole read", "[layers][csv][stretches]") {
    depmap::test::ScratchDir dir;
    std::string content = "id,name,lon,lat\n";
    for (std::size_t i = 0; i < 1000; ++i)
        content += i == 800 ? std::string("800,x,100,95\n") : i == 900 ? std::string("bad\n") : fmt::format("{},x,{}\n", i, lonlat(i));
    const auto path = dir.write("bad.csv", content);
    const SmallStretches small(64);
    CHECK_THROWS_WITH(layers::read_layer(path), Contains("bad.csv:802: latitude 95 is outside"));
    std::string latin = content;
    latin.replace(latin.find("999,x"), 5, "999,\xE9");
    const auto latin_path = dir.write("latin.csv", latin);
    CHECK_THROWS_WITH(layers::read_layer(latin_path), Contains("latin.csv:1001: not UTF-8 text"));
}
