#include "base/text.hpp"

#include <catch2/catch.hpp>

using depmap::trimmed;

TEST_CASE("text: trimmed drops blanks at both ends only", "[base]") {
    CHECK(trimmed(" \tGold Mine \t") == "Gold Mine");
    CHECK(trimmed("Gold") == "Gold");
    CHECK(trimmed(" \t ").empty());
    CHECK(trimmed("").empty());
}

TEST_CASE("text: a line break is no blank, but is white space", "[base]") {
    CHECK(trimmed(" note\n") == "note\n");  // a quoted cell keeps its line break
    CHECK(trimmed("\r\n 50 km \n", depmap::white_space) == "50 km");
}

TEST_CASE("text: ascii_lower lowers ASCII letters and keeps every other byte", "[base][text]") {
    CHECK(depmap::ascii_lower("Bayan OBO .SHP") == "bayan obo .shp");
    CHECK(depmap::ascii_lower("白云鄂博 Ä") == "白云鄂博 Ä");  // UTF-8 bytes untouched
    CHECK(depmap::ascii_lower("").empty());
}
