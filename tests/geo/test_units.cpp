#include "geo/units.hpp"

#include "base/error.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using depmap::ArgumentError;
using depmap::geo::parse_distance_m;
using Catch::Matchers::Contains;

namespace {

// Relative 1e-15 is a few ulps: a wrong factor (1609.34 for the mile) still fails.
Approx exactly(double metres) { return Approx(metres).epsilon(1e-15).margin(1e-12); }

// The ArgumentError message for the text, or "" when nothing (or something else) is thrown.
std::string error_for(std::string_view text) {
    try {
        parse_distance_m(text);
    } catch (const ArgumentError& e) {
        return e.what();
    } catch (...) {
        return "";
    }
    return "";
}

} // namespace

TEST_CASE("units: distances convert to metres") {
    const auto [text, metres] = GENERATE(table<std::string_view, double>({
        // A bare number is metres.
        {"0", 0.0},
        {"800", 800.0},
        {"  42  ", 42.0},
        {"+5", 5.0},
        {"-0", 0.0},
        {"0.5", 0.5},
        {".5", 0.5},
        // Metres.
        {"800m", 800.0},
        {"800 m", 800.0},
        {"800M", 800.0},
        {"7 meter", 7.0},
        {"7 meters", 7.0},
        {"7 metre", 7.0},
        {"7 Metres", 7.0},
        {"7METERS", 7.0},
        // Millimetres and centimetres, for tolerances.
        {"1mm", 0.001},
        {"2 cm", 0.02},
        {"25CM", 0.25},
        // Kilometres.
        {"50km", 50000.0},
        {"50 km", 50000.0},
        {"50 KM", 50000.0},
        {"50Km", 50000.0},
        {"1\tkm", 1000.0},
        {" 5 km ", 5000.0},
        {"+5km", 5000.0},
        {".5km", 500.0},
        {"1.5 kilometres", 1500.0},
        {"1 kilometre", 1000.0},
        {"1 kilometer", 1000.0},
        {"2 Kilometers", 2000.0},
        {"0.001km", 1.0},
        // Miles: 1609.344 m exactly.
        {"1mi", 1609.344},
        {"12.5 mi", 20116.8},
        {"0.25MI", 402.336},
        {"1 mile", 1609.344},
        {"2 miles", 3218.688},
        // Nautical miles: 1852 m exactly.
        {"1nmi", 1852.0},
        {"3nmi", 5556.0},
        {"3 NMI", 5556.0},
        {"0.5 nmi", 926.0},
    }));
    CAPTURE(text);
    CHECK(parse_distance_m(text) == exactly(metres));
}

TEST_CASE("units: malformed distances throw an ArgumentError naming the text and units") {
    const std::string_view text = GENERATE(as<std::string_view>{},
        // Empty or no number.
        "", "   ", "km", "abc", "m5", ".", "+", "-", "-km", "five km",
        // Not a plain decimal number.
        "1e3", "1e3m", "0x10", "5,5km", "5..5", "1.2.3km", "5 5 km",
        // Unknown or garbled units.
        "5 ft", "5 kmm", "5km extra", "5 k m", "5 m m", "5-km", "5 nm", "5 kms", "5 mil",
        "5 nautical miles", "5 yd", "5km,", "5 k",
        // Negative.
        "-5km", "-1", "-0.5 mi", " -3 nmi");
    CAPTURE(text);
    const std::string message = error_for(text);
    REQUIRE_FALSE(message.empty());
    CHECK_THAT(message, Contains("'" + std::string(text) + "'"));
    CHECK_THAT(message, Contains("km") && Contains("mi") && Contains("nmi"));
    CHECK(message.find('\n') == std::string::npos);
}

TEST_CASE("units: a negative distance says it is negative") {
    for (const std::string_view text : {"-5km", "-1", "-0.5 mi"}) {
        CAPTURE(text);
        CHECK_THAT(error_for(text), Contains("negative"));
    }
}

TEST_CASE("units: NaN and infinity are refused as not finite") {
    // Owned strings: the generator outlives each run of the test body.
    const std::string text = GENERATE(as<std::string>{},
        "nan", "NaN", "NAN km", "-nan", "inf", "-inf", "+inf", "Inf m", "infinity",
        "1" + std::string(400, '0'));  // beyond the largest double
    CAPTURE(text);
    const std::string message = error_for(text);
    CHECK_THAT(message, Contains("not a finite number"));
    CHECK_THAT(message, Contains("nmi"));
}

TEST_CASE("units: a distance longer than the equator is refused") {
    // 1e306 is a double, 1e306 km = 1e309 m is not; 40,076 km is merely too long.
    for (const std::string& text : {"1" + std::string(306, '0') + "km", std::string("40076km"),
                                    std::string("99999999999999999999 m")}) {
        CAPTURE(text);
        CHECK_THAT(error_for(text), Contains("longer than the way round the Earth"));
    }
    CHECK(parse_distance_m("40075017m") == exactly(depmap::geo::max_distance_m));
}

TEST_CASE("units: degrees are refused with a hint to use km") {
    const std::string_view text = GENERATE(as<std::string_view>{},
        "0.5deg", "0.5 deg", "0.5DEG", "0.5°", "0.5 °", "0.5º", "1 degree", "2 Degrees",
        "2 degs");
    CAPTURE(text);
    const std::string message = error_for(text);
    CHECK_THAT(message, Contains("'" + std::string(text) + "'"));
    CHECK_THAT(message, Contains("degrees") && Contains("not a distance"));
    CHECK_THAT(message, Contains("km"));
}

TEST_CASE("units: control characters in the text do not break the message onto lines") {
    const std::string message = error_for("5\nfurlongs");
    REQUIRE_FALSE(message.empty());
    CHECK(message.find('\n') == std::string::npos);
    CHECK_THAT(message, Contains("5\\x0afurlongs"));
}
