#include "base/one_line.hpp"

#include <catch2/catch.hpp>

#include <string>

using depmap::one_line;

TEST_CASE("one line: a short message is kept as it is", "[base]") {
    CHECK(one_line("a.csv:3: no lon column; name one") == "a.csv:3: no lon column; name one");
}

TEST_CASE("one line: further lines are left out and said to be", "[base]") {
    CHECK(one_line("first\nsecond\n") == "first ...");
    CHECK(one_line("only\n\n") == "only");
    CHECK(one_line("tab\there") == "tab here");
}

TEST_CASE("one line: a long line keeps its start and its end, and splits no character", "[base]") {
    const std::string path(400, 'n');
    const auto line = one_line(path + ".csv: File name too long", 300);
    CHECK(line.size() <= 310);
    CHECK(line.rfind("nnnn", 0) == 0);
    CHECK(line.find(" ... ") != std::string::npos);
    CHECK(line.ends_with(".csv: File name too long"));

    std::string chinese;
    for (int i = 0; i < 200; ++i) chinese += "矿";  // 3 bytes each
    const auto cut = one_line(chinese, 100);
    const auto middle = cut.find(" ... ");
    REQUIRE(middle != std::string::npos);
    CHECK(middle % 3 == 0);
    CHECK((cut.size() - middle - 5) % 3 == 0);
}
