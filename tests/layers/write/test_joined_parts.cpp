// Parts joined only in the layout the join knows (GDAL 3.6's): any other layout, or one
// that only looks like it, answers false and writes nothing, for GDAL's plain writer.
#include "layers/write/joined_parts.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <span>
#include <sstream>
#include <string>

using namespace depmap;

namespace {

// A part as GDAL 3.6 writes a GeoJSON collection: one feature a line.
std::string geojson_part(std::span<const std::size_t> rows) {
    std::string text = "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n";
    for (std::size_t i = 0; i < rows.size(); ++i)
        text += (i ? ",\n" : "") + std::string("{ \"type\": \"Feature\", \"properties\": { \"row\": ") +
                std::to_string(rows[i]) + " }, \"geometry\": null }";
    return text + "\n]\n}\n";
}

void write(const std::filesystem::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("joined parts: GDAL 3.6's GeoJSON layout is joined", "[layers][joined]") {
    test::ScratchDir dir;
    const std::filesystem::path file = dir.file("out.geojson");
    const bool joined = layers::write_joined_parts(
        120000, file, {}, [](const auto& part, auto rows) { write(part, geojson_part(rows)); }, file.string());
    REQUIRE(joined);
    const auto text = read(file);
    CHECK(text.starts_with("{\n\"type\": \"FeatureCollection\",\n\"features\": [\n"));
    CHECK(text.find("\"row\": 119999 }") != std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') == 120000 + 5);
}

TEST_CASE("joined parts: a part in a layout the join does not know is left to GDAL's plain writer", "[layers][joined]") {
    test::ScratchDir dir;
    const std::filesystem::path file = dir.file("out.geojson");
    SECTION("another layout: the features on one line") {
        const bool joined = layers::write_joined_parts(
            120000, file, {},
            [](const auto& part, auto rows) {
                write(part, "{\"type\":\"FeatureCollection\",\"features\":[" + std::to_string(rows.size()) + "]}");
            },
            file.string());
        CHECK_FALSE(joined);
    }
    SECTION("the layout, but two features on a line of the first part") {
        const bool joined = layers::write_joined_parts(
            120000, file, {},
            [](const auto& part, auto rows) {
                auto text = geojson_part(rows);
                const auto second = text.find(",\n{");
                if (second != std::string::npos) text.replace(second, 2, ", ");
                write(part, text);
            },
            file.string());
        CHECK_FALSE(joined);
    }
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK(std::distance(std::filesystem::directory_iterator(file.parent_path()), {}) == 0);  // no part left
}
