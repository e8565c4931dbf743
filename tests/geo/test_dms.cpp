#include "geo/dms.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using depmap::geo::Axis;
using depmap::geo::looks_like_dms;
using depmap::geo::parse_angle;
using depmap::geo::parse_lonlat;

namespace {

// Tight enough that one wrong second (2.8e-4 degrees) or a lost fraction fails.
Approx exactly(double deg) { return Approx(deg).epsilon(0).margin(1e-12); }

constexpr double dms(double d, double m, double s) { return d + m / 60.0 + s / 3600.0; }

const char* axis_name(Axis axis) {
    switch (axis) {
    case Axis::Lat: return "Lat";
    case Axis::Lon: return "Lon";
    default: return "Unknown";
    }
}

} // namespace

TEST_CASE("dms: accepted angles give the hand-computed value and axis") {
    const auto [text, deg, axis] = GENERATE(table<std::string_view, double, Axis>({
        // Plain decimals.
        {"41.78", 41.78, Axis::Unknown},
        {"-109.5", -109.5, Axis::Unknown},
        {"+12.25", 12.25, Axis::Unknown},
        {"0", 0.0, Axis::Unknown},
        {".5", 0.5, Axis::Unknown},
        {"200", 200.0, Axis::Unknown},  // no range check here
        {"  41.78\t", 41.78, Axis::Unknown},
        {"\xE2\x88\x92" "41.5", -41.5, Axis::Unknown},  // U+2212 minus sign
        // Decimals with a hemisphere letter, before or after, any case.
        {"41.78N", 41.78, Axis::Lat},
        {"N41.78", 41.78, Axis::Lat},
        {"n 41.78", 41.78, Axis::Lat},
        {"41.78 s", -41.78, Axis::Lat},
        {"W109.5", -109.5, Axis::Lon},
        {"109.5e", 109.5, Axis::Lon},
        {"109.5 E", 109.5, Axis::Lon},
        // Degree signs.
        {"41°", 41.0, Axis::Unknown},
        {"41.5°N", 41.5, Axis::Lat},
        {"41°47'N", dms(41, 47, 0), Axis::Lat},
        {"41º47'N", dms(41, 47, 0), Axis::Lat},
        {"41d47'N", dms(41, 47, 0), Axis::Lat},
        {"41D47'N", dms(41, 47, 0), Axis::Lat},
        // Minutes and seconds markers.
        {"41°47′30″N", dms(41, 47, 30), Axis::Lat},
        {R"(41°47'30"N)", dms(41, 47, 30), Axis::Lat},
        {"41°47'30''N", dms(41, 47, 30), Axis::Lat},
        {"41°47’30”N", dms(41, 47, 30), Axis::Lat},  // curly quotes from word processors
        {R"(41° 47' 30.5" N)", dms(41, 47, 30.5), Axis::Lat},
        {R"(  41°47'30"S  )", -dms(41, 47, 30), Axis::Lat},
        {"S 41° 47'", -dms(41, 47, 0), Axis::Lat},
        {R"(-41°47'30")", -dms(41, 47, 30), Axis::Unknown},
        {R"(179°59'59.999"W)", -dms(179, 59, 59.999), Axis::Lon},
        {R"(0°0'0"N)", 0.0, Axis::Lat},
        {R"(41°59'59.9999"N)", dms(41, 59, 59.9999), Axis::Lat},
        // Decimal minutes.
        {"41°47.5'N", dms(41, 47.5, 0), Axis::Lat},
        {"41 47.25", dms(41, 47.25, 0), Axis::Unknown},
        // Space and colon separators.
        {"109 58 30 E", dms(109, 58, 30), Axis::Lon},
        {"109 58 30E", dms(109, 58, 30), Axis::Lon},
        {"109:58:30E", dms(109, 58, 30), Axis::Lon},
        {"109 : 58 : 30 w", -dms(109, 58, 30), Axis::Lon},
        {"\t-41 30", -41.5, Axis::Unknown},
        {"41:30", 41.5, Axis::Unknown},
        {"41 47 30 S", -dms(41, 47, 30), Axis::Lat},
        // Letter markers; s after m-minutes is seconds, elsewhere it is South.
        {"109d58m30sE", dms(109, 58, 30), Axis::Lon},
        {"109D58M30SE", dms(109, 58, 30), Axis::Lon},
        {"109d 58m 30.5s W", -dms(109, 58, 30.5), Axis::Lon},
        {"41d47m30s", dms(41, 47, 30), Axis::Unknown},
        {"41d47m30S", dms(41, 47, 30), Axis::Unknown},
        {"41d47mS", -dms(41, 47, 0), Axis::Lat},
        {"41°47'30S", -dms(41, 47, 30), Axis::Lat},
        {"41 47 30s", -dms(41, 47, 30), Axis::Lat},
    }));
    CAPTURE(text);
    const auto angle = parse_angle(text);
    REQUIRE(angle.has_value());
    CHECK(angle->deg == exactly(deg));
    CHECK(axis_name(angle->axis) == std::string(axis_name(axis)));
}

TEST_CASE("dms: hand-computed values are what the formula says") {
    // Guards the test helper itself against a typo.
    CHECK(dms(41, 47, 30) == exactly(41.791666666666667));
    CHECK(dms(109, 58, 30) == exactly(109.975));
    CHECK(dms(41, 47.5, 0) == exactly(41.791666666666667));
}

TEST_CASE("dms: malformed angles are rejected") {
    const std::string_view text = GENERATE(as<std::string_view>{},
        // Empty and lone pieces.
        "", "   ", "N", "s", "-", "+", ".", "°", "'", "d", "abc",
        // Not finite, exponents, hex: from_chars would read these.
        "nan", "NaN", "-nan", "inf", "-inf", "INF", "infinity", "1e5", "1E5", "0x10",
        "nanN", "infE",
        // Minutes and seconds out of [0, 60).
        "41°60'N", "41°75'", "41 60", "41:60:00", R"(41°47'60"N)", "41 47 60", "41 47 99.5",
        "41°59'60.0\"", "41°59'59.99999999999999999999\"",  // rounds to 60
        // Negative minutes or seconds.
        "41 -5", "41°-5'", R"(41°5'-3")", "41:-5",
        // A sign and a hemisphere letter together.
        "-41N", "+41N", "N-41", "S+41", "-41°47'S", "W -109.5", "\xE2\x88\x92" "41N",
        // Two hemisphere letters.
        "S41N", "N41N", "41NN", "41NE", "NE41", "N 41 S",
        // Trailing junk and other letters.
        "41°47'N junk", "41.78X", "41°47'Q", "41.78 N 5", "41°47'N41", "41x", "41 d",
        "41 47 30 N E", "41°47'30sS", "41.78N.", "41.78,", "41,78", "41°°", "41°47'30\"\"",
        // Parts out of order, skipped, or too many.
        "41'", "41\"", "41m", "41s5", "41°30\"", "41°47'30'", "41 47 30 12", "41°47'30\"5",
        // A fraction anywhere but the last part.
        "41.5°30'", "41.5 30", "41°47.5'30\"", "41:47.5:30", "1.2.3",
        // Colons in the wrong place.
        "41:", ":41", "41::30", "41°:30", "41 :", "41:N",
        // Digits too many for a double.
        std::string_view("1000000000000000000000000000000000000000000000000000000000000000000000"
                         "0000000000000000000000000000000000000000000000000000000000000000000000"
                         "0000000000000000000000000000000000000000000000000000000000000000000000"
                         "0000000000000000000000000000000000000000000000000000000000000000000000"
                         "0000000000000000000000000000000000000000000000000000000000000000000000"));
    CAPTURE(text);
    CHECK_FALSE(parse_angle(text).has_value());
}

TEST_CASE("dms: looks_like_dms tells DMS and lettered angles from plain decimals") {
    for (const std::string_view text : {"41°47'N", "41.78N", "N41.78", "109 58 30", "109:58",
                                        "41°", "41d47m", "41 47.5", "41.5 s"}) {
        CAPTURE(text);
        CHECK(looks_like_dms(text));
    }
    for (const std::string_view text :
         {"41.78", "-109.5", " 12 ", "+3", "0", "", "abc", "41°61'", "-41N", "nan"}) {
        CAPTURE(text);
        CHECK_FALSE(looks_like_dms(text));
    }
}

TEST_CASE("dms: accepted positions give lon and lat by letter or by order") {
    const auto [text, lon, lat] = GENERATE(table<std::string_view, double, double>({
        // Without letters: lon first, lat second, any separator.
        {"109.97,41.78", 109.97, 41.78},
        {"109.97, 41.78", 109.97, 41.78},
        {" 109.97 ,41.78 ", 109.97, 41.78},
        {"109.97;41.78", 109.97, 41.78},
        {"109.97/41.78", 109.97, 41.78},
        {"109.97 41.78", 109.97, 41.78},
        {"  109.97 \t  41.78  ", 109.97, 41.78},
        {"-109.97,-41.78", -109.97, -41.78},
        {"400, 100", 400.0, 100.0},  // callers range-check with better messages
        {"109 58 30 41 47 30", dms(109, 58, 30), dms(41, 47, 30)},
        {"109:58:30 41:47:30", dms(109, 58, 30), dms(41, 47, 30)},
        // With letters: either order.
        {"41°47′N 109°58′E", dms(109, 58, 0), dms(41, 47, 0)},
        {"109°58′E 41°47′N", dms(109, 58, 0), dms(41, 47, 0)},
        {"109.97E, 41.78N", 109.97, 41.78},
        {"41.78N, 109.97E", 109.97, 41.78},
        {"41.78S 109.97W", -109.97, -41.78},
        {"N41.78 E109.97", 109.97, 41.78},
        {"41.78n;109.97w", -109.97, 41.78},
        {R"(41° 47' 30" N, 109° 58' 30" E)", dms(109, 58, 30), dms(41, 47, 30)},
        {"41 47 30 N 109 58 30 E", dms(109, 58, 30), dms(41, 47, 30)},
        // A letter on one side only puts the other angle on the other axis.
        {"41.78N 109.97", 109.97, 41.78},
        {"109.97 41.78N", 109.97, 41.78},
        {"-109.97, 41.78S", -109.97, -41.78},
    }));
    CAPTURE(text);
    const auto p = parse_lonlat(text);
    REQUIRE(p.has_value());
    CHECK(p->lon_deg == exactly(lon));
    CHECK(p->lat_deg == exactly(lat));
}

TEST_CASE("dms: malformed positions are rejected") {
    const std::string_view text = GENERATE(as<std::string_view>{},
        "", "   ", "109.97", "41°47'N", "109.97,", ",41.78", "109.97, ", "/", ",",
        // Too many separators or values.
        "1,2,3", "1;2,3", "109.97,,41.78", "1/2/3", "109.5 41.5 5.5",
        // Both angles on one axis.
        "41.78N 12.5S", "109E, 10W", "N1;N2", "1e 2w",
        // Bad angles.
        "abc, def", "nan, 1", "1, inf", "41.78N/", "109.97,41°60'", "-109.97W, 41.78",
        // Space-separated DMS that splits more than one way with different results.
        "109 58 41 47", "41 47 N 109 58");
    CAPTURE(text);
    CHECK_FALSE(parse_lonlat(text).has_value());
}
