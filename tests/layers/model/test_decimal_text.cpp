#include "layers/model/decimal_text.hpp"

#include <catch2/catch.hpp>

#include <charconv>
#include <string>

using namespace depmap;

namespace {

double read(const std::string& text) {
    double value = 0;
    std::from_chars(text.data() + (text.starts_with('+') ? 1 : 0), text.data() + text.size(), value);
    return value;
}

} // namespace

TEST_CASE("decimal text: a number's other forms are the same number", "[layers][numbers]") {
    for (const std::string text : {"0.1", "1.50", "1e5", "1E+05", "-0.0", "0", "-12.5", "+3", "0.000125",
                                   "123456789012345", "9007199254740992", "0.30000000000000004",
                                   "1.7976931348623157e308", "2.2250738585072014e-308", "100000.000000000000000",
                                   "-9223372036854775808", "5e-324"}) {
        INFO(text);
        CHECK(layers::is_exact_decimal(text, read(text)));
    }
}

TEST_CASE("decimal text: digits a double or an int64 cannot hold change the number", "[layers][numbers]") {
    for (const std::string text : {"1.00000000000000000001", "12345678901234567890", "100000000000000000000",
                                   "9223372036854775808", "9007199254740993.0", "0.1000000000000000055511151231257827",
                                   "3.14159265358979323846", "1.23456789e-320", "-18446744073709551616",
                                   "9223372036854775807"}) {
        INFO(text);
        CHECK_FALSE(layers::is_exact_decimal(text, read(text)));
    }
}

TEST_CASE("decimal text: integers up to 2^53 are exact as doubles, and some beyond", "[layers][numbers]") {
    CHECK(layers::is_exact_as_double(9007199254740992LL));
    CHECK(layers::is_exact_as_double(-9007199254740992LL));
    CHECK(layers::is_exact_as_double(9007199254740994LL));
    CHECK_FALSE(layers::is_exact_as_double(9007199254740993LL));
    CHECK_FALSE(layers::is_exact_as_double(9223372036854775807LL));
    CHECK(layers::is_exact_as_double(-9223372036854775807LL - 1));
}
