#include "layers/read/standard_input.hpp"

#include <catch2/catch.hpp>

using depmap::layers::sniff_format;
using depmap::layers::SniffedFormat;

TEST_CASE("standard input: the format is told by the content", "[layers]") {
    CHECK(sniff_format("name,lon,lat\nA,109,41\n") == SniffedFormat::Csv);
    CHECK(sniff_format("\xEF\xBB\xBF经度,纬度\n109,41\n") == SniffedFormat::Csv);
    CHECK(sniff_format("") == SniffedFormat::Csv);
    // GeoJSON, on one line or pretty-printed, with a BOM or leading blank lines.
    CHECK(sniff_format("{\"type\":\"FeatureCollection\",\"features\":[]}") == SniffedFormat::GeoJson);
    CHECK(sniff_format("{\"type\":\"FeatureCollection\",\"features\":[]}\n") == SniffedFormat::GeoJson);
    CHECK(sniff_format("\xEF\xBB\xBF\n{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n{ \"type\": \"Feature\" }\n]\n}\n") ==
          SniffedFormat::GeoJson);
    CHECK(sniff_format("{ \"type\": \"FeatureCollection\", \"features\": [\n{ \"type\": \"Feature\" }\n] }\n") ==
          SniffedFormat::GeoJson);
    // A sequence: one feature a line, or RFC 8142's record separators.
    CHECK(sniff_format("{\"type\":\"Feature\"}\n{\"type\":\"Feature\"}\n") == SniffedFormat::GeoJsonSeq);
    CHECK(sniff_format("{\"type\":\"Feature\"}\r\n\r\n{\"type\":\"Feature\"}") == SniffedFormat::GeoJsonSeq);
    CHECK(sniff_format("\x1E{\"type\":\"Feature\"}\n") == SniffedFormat::GeoJsonSeq);
}
