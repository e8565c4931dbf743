#include "base/error.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace depmap;
using depmap::test::fixture;
using Catch::Matchers::Contains;

namespace {

std::string text(const layers::Layer& layer, const std::string& field, std::size_t row) {
    return layer.columns[*layer.field_index(field)].to_text(row);
}

layers::ReadOptions skipping() {
    layers::ReadOptions options;
    options.on_error = layers::OnError::Skip;
    return options;
}

} // namespace

TEST_CASE("csv: lon/lat columns, Chinese text, quoted cells, types", "[layers][csv]") {
    const auto layer = layers::read_layer(fixture("sample.csv"));
    REQUIRE(layer.size() == 5);
    REQUIRE(layer.is_points());
    CHECK(layer.crs == "EPSG:4326");
    CHECK(layer.geometry_type == "Point");
    CHECK(layer.coordinate_columns == std::vector<std::string>{"lon", "lat"});
    CHECK(layer.points[0] == geo::LonLat{109.974444, 41.799167});
    CHECK(layer.points[1] == geo::LonLat{110.95, 41.4333});
    CHECK(text(layer, "name_zh", 0) == "白云鄂博主矿");
    CHECK(text(layer, "name", 2) == "Huogeqi, Cu-Pb-Zn");
    // The coordinate columns are the geometry, not attributes.
    CHECK_FALSE(layer.field_index("lon"));
    const auto tonnage = *layer.field_index("tonnage");
    CHECK(layer.fields[tonnage].type == layers::FieldType::Real);
    CHECK(layer.columns[tonnage].real(0) == 750.5);
    CHECK(layer.columns[tonnage].is_null(2));
    CHECK(layer.fields[*layer.field_index("id")].type == layers::FieldType::String);
}

TEST_CASE("csv: field types follow every value", "[layers][csv]") {
    const auto layer = layers::read_layer(fixture("types.csv"));
    const auto type_of = [&](const char* name) { return layer.fields[*layer.field_index(name)].type; };
    CHECK(type_of("code") == layers::FieldType::String);  // leading zeros are codes
    CHECK(text(layer, "code", 0) == "007");
    CHECK(type_of("count") == layers::FieldType::Integer);
    CHECK(layer.columns[*layer.field_index("count")].integer(2) == 9007199254740993LL);
    CHECK(type_of("grade") == layers::FieldType::Real);
    CHECK(layer.columns[*layer.field_index("grade")].real(2) == 1000.0);
    CHECK(type_of("label") == layers::FieldType::String);
    CHECK(type_of("blank") == layers::FieldType::String);
    CHECK(layer.columns[*layer.field_index("blank")].is_null(0));
}

TEST_CASE("csv: Chinese headers with units and a byte order mark", "[layers][csv]") {
    const auto layer = layers::read_layer(fixture("chinese_headers.csv"));
    REQUIRE(layer.size() == 2);
    CHECK(layer.coordinate_columns == std::vector<std::string>{"经度（°）", "纬度（°）"});
    CHECK(layer.fields.front().name == "名称");  // the BOM is not part of the first name
    CHECK(text(layer, "名称", 1) == "乌努格吐山");
    CHECK(layer.points[1] == geo::LonLat{117.2, 49.433});
}

TEST_CASE("csv: DMS columns, in any order, southern and western hemispheres", "[layers][csv]") {
    const auto layer = layers::read_layer(fixture("dms.csv"));
    REQUIRE(layer.size() == 3);
    CHECK_THAT(layer.geometry_source, Contains("degrees, minutes, seconds"));
    CHECK(layer.points[0].lon_deg == Approx(109 + 58 / 60.0 + 28 / 3600.0).margin(1e-12));
    CHECK(layer.points[0].lat_deg == Approx(41 + 47 / 60.0 + 57 / 3600.0).margin(1e-12));
    CHECK(layer.points[1].lat_deg == Approx(40.81056).margin(1e-12));
    CHECK(layer.points[1].lon_deg == Approx(111 + 39 / 60.0 + 8 / 3600.0).margin(1e-12));
    CHECK(layer.points[2].lat_deg == Approx(-41.5).margin(1e-12));
    CHECK(layer.points[2].lon_deg == Approx(-(109 + 58.5 / 60.0)).margin(1e-12));
}

TEST_CASE("csv: a WKT column, semicolon-delimited, with a quoted delimiter", "[layers][csv]") {
    const auto layer = layers::read_layer(fixture("wkt_semicolon.csv"));
    REQUIRE(layer.size() == 1);
    CHECK(layer.geometry_source == "WKT column WKT");
    CHECK(layer.points[0] == geo::LonLat{109.974444, 41.799167});
    CHECK(text(layer, "note", 0) == "a; quoted");
}

TEST_CASE("csv: WKT lines and polygons in a tab-separated file", "[layers][csv]") {
    const auto layer = layers::read_layer(fixture("polygons_wkt.tsv"));
    REQUIRE(layer.size() == 2);
    CHECK_FALSE(layer.is_points());
    CHECK(layer.geometry_type == "Mixed (LineString, Polygon)");
    const auto extent = layer.extent();
    CHECK(extent.min_lon_deg == 110);
    CHECK(extent.max_lat_deg == 42);
}

TEST_CASE("csv: quoted cells may hold newlines, and line numbers still name the right line", "[layers][csv]") {
    depmap::test::ScratchDir dir;
    const auto path = dir.write("multiline.csv",
                                "id,note,lon,lat\n1,\"two\nlines\",109,41\n2,x,109,95\n");
    try {
        layers::read_layer(path);
        FAIL("expected an error");
    } catch (const InputError& e) {
        CHECK_THAT(e.what(), Contains("multiline.csv:4: latitude 95 is outside [-90, 90]"));
    }
    const auto layer = layers::read_layer(path, skipping());
    REQUIRE(layer.size() == 1);
    CHECK(text(layer, "note", 0) == "two\nlines");
}

TEST_CASE("csv: bad rows stop the read, naming file, line and hint", "[layers][csv]") {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"bad_lat.csv", "bad_lat.csv:3: latitude 95.2 is outside [-90, 90]"},
        {"swapped.csv", "the values look swapped"},
        {"empty_coord.csv", "empty_coord.csv:3: the longitude (column 'lon') is empty"},
        {"nan_coord.csv", "nan_coord.csv:2: coordinate is not a finite number"},
        {"text_coord.csv", "text_coord.csv:2: longitude 'abc' (column 'lon') is not a number"},
        {"projected_no_crs.csv", "look like projected coordinates: give their CRS with `src_crs`"},
        {"ragged.csv", "ragged.csv:3: 3 cells, but the header has 4"},
        {"gbk.csv", "gbk.csv:2: not UTF-8 text"},
        {"unclosed_quote.csv", "unclosed_quote.csv:2: a quoted cell is never closed"},
        {"empty.csv", "the file is empty"},
        {"no_coords.csv", "no coordinate columns among id, name, grade"},
        {"only_lon.csv", "found the longitude column 'longitude' but no latitude column"},
        {"missing.csv", "missing.csv: cannot open the file"},
    };
    for (const auto& [file, message] : cases) {
        INFO(file);
        CHECK_THROWS_WITH(layers::read_layer(fixture(file)), Contains(message));
    }
}

TEST_CASE("csv: the first bad line is named first, whatever its problem", "[layers][csv]") {
    depmap::test::ScratchDir dir;
    // Line 2's position is out of range, line 3's is not a number at all.
    const auto path = dir.write("mixed.csv", "id,lon,lat\n1,110.0,95.0\n2,abc,40.0\n3,111.0,41.0\n");
    CHECK_THROWS_WITH(layers::read_layer(path), Contains("mixed.csv:2: latitude 95 is outside"));
    const auto layer = layers::read_layer(path, skipping());
    REQUIRE(layer.size() == 1);
    CHECK_THAT(layer.skipped.first_message, Contains("mixed.csv:2:"));
    CHECK(layer.skipped.by_reason.at("latitude out of range") == 1);
    CHECK(layer.skipped.by_reason.at("coordinate not a number") == 1);
}

TEST_CASE("csv: on_error skip keeps the good rows and counts the bad by reason", "[layers][csv]") {
    const auto layer = layers::read_layer(fixture("bad_lat.csv"), skipping());
    REQUIRE(layer.size() == 2);
    CHECK(layer.skipped.count == 1);
    CHECK(layer.skipped.by_reason.at("latitude out of range") == 1);
    CHECK(text(layer, "id", 1) == "3");

    const auto ragged = layers::read_layer(fixture("ragged.csv"), skipping());
    CHECK(ragged.size() == 2);
    CHECK(ragged.skipped.by_reason.at("wrong number of cells") == 1);
}

TEST_CASE("csv: a header without rows is an empty layer, not an error", "[layers][csv]") {
    const auto layer = layers::read_layer(fixture("header_only.csv"));
    CHECK(layer.size() == 0);
    CHECK(layer.extent().empty());
}

TEST_CASE("csv: a large file read in two halves keeps every row, in order, with its line", "[layers][csv][parallel]") {
    depmap::test::ScratchDir dir;
    std::string text = "id,name,value,lon,lat\n";
    const std::size_t rows = 60000;  // about 2 MB: large enough to be split
    for (std::size_t i = 1; i <= rows; ++i) {
        const double lat = i == 45000 ? 95.0 : 40.0 + static_cast<double>(i % 1000) / 1000.0;
        if (i == 50000) text += "ragged,row\n";
        text += fmt::format("{},site number {},{}.5,{},{}\n", i, i, i, 100.0 + static_cast<double>(i) / 1e5, lat);
    }
    const auto path = dir.write("large.csv", text);
    // Row i is on line i + 1 until the ragged line, which comes before row 50000.
    CHECK_THROWS_WITH(layers::read_layer(path), Contains("large.csv:45001: latitude 95 is outside"));
    const auto layer = layers::read_layer(path, skipping());
    REQUIRE(layer.size() == rows - 1);
    CHECK(layer.skipped.by_reason.at("wrong number of cells") == 1);
    CHECK(layer.skipped.by_reason.at("latitude out of range") == 1);
    CHECK_THAT(layer.skipped.first_message, Contains("large.csv:45001:"));
    const auto& ids = layer.columns[*layer.field_index("id")];
    const auto& values = layer.columns[*layer.field_index("value")];
    for (std::size_t row = 0; row < layer.size(); ++row) {
        const std::int64_t id = static_cast<std::int64_t>(row < 44999 ? row + 1 : row + 2);
        REQUIRE(ids.integer(row) == id);
        REQUIRE(values.real(row) == static_cast<double>(id) + 0.5);
        REQUIRE(layer.points[row].lon_deg == 100.0 + static_cast<double>(id) / 1e5);
    }
}

TEST_CASE("csv: a large file with a quote or a lone CR only near its end is read whole", "[layers][csv][parallel]") {
    // Its halves are split at once on the fast path until one meets the quote (or the
    // old Mac line end); then the whole body is read again by the general splitter.
    depmap::test::ScratchDir dir;
    const std::size_t rows = 60000;  // about 2 MB: large enough to be split
    for (const std::string special : {"quote", "cr"}) {
        INFO(special);
        std::string content = "id,name,lon,lat\n";
        for (std::size_t i = 1; i <= rows; ++i) {
            const double lat = i == 59000 ? 95.0 : 40.0 + static_cast<double>(i % 1000) / 1000.0;
            std::string name = fmt::format("site number {}", i);
            if (i == 55000) name = special == "quote" ? "\"site, with a comma\nand a line\"" : "site\r";
            content += fmt::format("{},{},{},{}\n", i, name, 100.0 + static_cast<double>(i) / 1e5, lat);
        }
        const auto path = dir.write(special + ".csv", content);
        const auto layer = layers::read_layer(path, skipping());
        CHECK(layer.skipped.by_reason.at("latitude out of range") == 1);
        if (special == "quote") {
            // The quoted line end adds a line: row 59000 is on line 59002.
            CHECK_THROWS_WITH(layers::read_layer(path), Contains("quote.csv:59002: latitude 95 is outside"));
            REQUIRE(layer.size() == rows - 1);
            CHECK(text(layer, "name", 54999) == "site, with a comma\nand a line");
        } else {
            // "55000,site" ends at the CR, and the rest of its row is a line of its own.
            CHECK_THROWS_WITH(layers::read_layer(path), Contains("cr.csv:55001: 2 cells, but the header has 4"));
            REQUIRE(layer.size() == rows - 2);
            CHECK(layer.skipped.by_reason.at("wrong number of cells") == 2);
        }
        CHECK(text(layer, "name", 0) == "site number 1");
        CHECK(text(layer, "id", layer.size() - 1) == std::to_string(rows));
    }
}

TEST_CASE("csv: LF, CRLF, blank lines and quoted files read to the same rows", "[layers][csv]") {
    depmap::test::ScratchDir dir;
    // Lines without quotes take the fast path; a quoted cell anywhere takes the general one.
    const std::vector<std::string> lines{"id,name,lon,lat", "1,包头,109.8,40.6", "  ", "2,x y,110.1,41.2",
                                         "3,bad", "4,end,111,42"};
    const auto join = [&](const std::string& eol, const std::string& last) {
        std::string text;
        for (const auto& line : lines) text += line + eol;
        return text + last;
    };
    for (const auto& [file, content] : std::vector<std::pair<std::string, std::string>>{
             {"lf.csv", join("\n", "")},
             {"crlf.csv", join("\r\n", "")},
             {"no_final_eol.csv", join("\n", "5,last,112,43")},
             {"quoted.csv", join("\n", "5,\"last\",112,43")},
             {"cr.csv", join("\r", "")}}) {
        INFO(file);
        const auto path = dir.write(file, content);
        CHECK_THROWS_WITH(layers::read_layer(path), Contains(file + ":5: 2 cells, but the header has 4"));
        const auto layer = layers::read_layer(path, skipping());
        const std::size_t expected = file == "no_final_eol.csv" || file == "quoted.csv" ? 4 : 3;
        REQUIRE(layer.size() == expected);
        CHECK(text(layer, "name", 0) == "包头");
        CHECK(text(layer, "name", 1) == "x y");
        CHECK(text(layer, "name", 2) == "end");
        CHECK(layer.points[2].lon_deg == 111.0);
        if (expected == 4) CHECK(text(layer, "name", 3) == "last");
    }
}

TEST_CASE("csv: empty cells at the ends of lines, the last without a line end, are kept", "[layers][csv]") {
    depmap::test::ScratchDir dir;
    const auto path = dir.write("ends.csv", "lon,lat,note,code\n109.8,40.6,,\r\n110.1,41.2,a,\n111,42,,b\n112,43,c,");
    const auto layer = layers::read_layer(path);
    REQUIRE(layer.size() == 4);
    const auto& note = layer.columns[*layer.field_index("note")];
    const auto& code = layer.columns[*layer.field_index("code")];
    CHECK(note.is_null(0));
    CHECK(code.is_null(0));
    CHECK(text(layer, "note", 1) == "a");
    CHECK(code.is_null(1));
    CHECK(text(layer, "code", 2) == "b");
    CHECK(text(layer, "note", 3) == "c");
    CHECK(code.is_null(3));
    CHECK(layer.points[3].lon_deg == 112.0);
}

TEST_CASE("csv: text that is not UTF-8 in the second half of a large file names its line", "[layers][csv][parallel]") {
    depmap::test::ScratchDir dir;
    std::string text = "id,name,lon,lat\n";
    for (std::size_t i = 1; i <= 60000; ++i)
        text += fmt::format("{},{},{},41\n", i, i == 55000 ? std::string("\xb0\xfc\xcd\xb7") : "site", 100.0 + i * 1e-5);
    const auto path = dir.write("gbk_late.csv", text);
    CHECK_THROWS_WITH(layers::read_layer(path), Contains("gbk_late.csv:55001: not UTF-8 text"));
}

TEST_CASE("csv: a NUL byte in a cell or the header stops the read, naming its line", "[layers][csv]") {
    depmap::test::ScratchDir dir;
    using namespace std::string_literals;
    const auto cell = dir.write("nul_cell.csv", "id,name,lon,lat\n1,A,109,41\n2,A\0B,110,42\n"s);
    CHECK_THROWS_WITH(layers::read_layer(cell), Contains("nul_cell.csv:3: a NUL byte"));
    const auto header = dir.write("nul_header.csv", "id,na\0me,lon,lat\n1,A,109,41\n"s);
    CHECK_THROWS_WITH(layers::read_layer(header), Contains("nul_header.csv:1: a NUL byte"));
    // Quoted, so read by the general splitter; and late in a large file, by a part.
    const auto quoted = dir.write("nul_quoted.csv", "id,name,lon,lat\n1,\"A\0B\",109,41\n"s);
    CHECK_THROWS_WITH(layers::read_layer(quoted), Contains("nul_quoted.csv:2: a NUL byte"));
    std::string text = "id,name,lon,lat\n";
    for (std::size_t i = 1; i <= 60000; ++i)
        text += fmt::format("{},{},{},41\n", i, i == 55000 ? "A\0B"s : "site", 100.0 + i * 1e-5);
    const auto late = dir.write("nul_late.csv", text);
    CHECK_THROWS_WITH(layers::read_layer(late), Contains("nul_late.csv:55001: a NUL byte"));
}

TEST_CASE("csv: numbers a double or an int64 would round are kept as their text", "[layers][csv][numbers]") {
    depmap::test::ScratchDir dir;
    const auto path = dir.write("digits.csv",
                                "big,fine,ratio,wide,same,lon,lat\n"
                                "12345678901234567890,1.50,1.00000000000000000001,9007199254740993,1e5,109,41\n"
                                "7,-0.0,2.5,0.5,100000,110,42\n");
    const auto layer = layers::read_layer(path);
    const auto type_of = [&](const char* name) { return layer.fields[*layer.field_index(name)].type; };
    CHECK(type_of("big") == layers::FieldType::String);
    CHECK(text(layer, "big", 0) == "12345678901234567890");
    CHECK(type_of("ratio") == layers::FieldType::String);
    CHECK(text(layer, "ratio", 0) == "1.00000000000000000001");
    // An integer beyond 2^53 in a column that turns real would be rounded.
    CHECK(type_of("wide") == layers::FieldType::String);
    CHECK(text(layer, "wide", 0) == "9007199254740993");
    // Other forms of the same number are not rounding.
    CHECK(type_of("fine") == layers::FieldType::Real);
    CHECK(text(layer, "fine", 0) == "1.5");
    CHECK(type_of("same") == layers::FieldType::Real);
    CHECK(layer.columns[*layer.field_index("same")].real(0) == 100000.0);
    REQUIRE(layer.notes.size() == 3);
    CHECK_THAT(layer.notes[0], Contains("digits.csv: column 'big' is kept as text: '12345678901234567890' "
                                        "(line 2) has more digits than a number holds"));
    CHECK_THAT(layer.notes[2], Contains("column 'wide' is kept as text: 9007199254740993"));
}
