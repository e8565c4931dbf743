#include "geo/units.hpp"

#include "base/error.hpp"
#include "base/text.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <string>

namespace depmap::geo {

namespace {

struct Unit {
    std::string_view name;  // lower case
    double metres;
};

constexpr double millimetre = 0.001;
constexpr double centimetre = 0.01;
constexpr double metre = 1.0;
constexpr double kilometre = 1000.0;
constexpr double mile = 1609.344;  // international mile
constexpr double nautical_mile = 1852.0;

constexpr std::array<Unit, 17> units{{
    {"", metre},  // a bare number
    {"mm", millimetre},  // tolerances: catchment's finest is 1mm, buffer's 2cm
    {"cm", centimetre},
    {"m", metre},
    {"meter", metre},
    {"meters", metre},
    {"metre", metre},
    {"metres", metre},
    {"km", kilometre},
    {"kilometer", kilometre},
    {"kilometers", kilometre},
    {"kilometre", kilometre},
    {"kilometres", kilometre},
    {"mi", mile},
    {"mile", mile},
    {"miles", mile},
    {"nmi", nautical_mile},
}};

// Spellings of degrees, caught to explain that an angle is not a distance.
constexpr std::array<std::string_view, 6> degree_words{
    "deg", "degs", "degree", "degrees", "\xC2\xB0" /* ° */, "\xC2\xBA" /* º */};

constexpr std::string_view usage =
    "write a number with one of the units mm, cm, m, km, mi or nmi (a bare number is metres), e.g. 50km";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The text as typed, with control characters escaped so the message stays on one line.
std::string printable(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            out += fmt::format("\\x{:02x}", byte);
        else
            out += c;
    }
    return out;
}

[[noreturn]] void fail(std::string_view text, std::string_view why) {
    throw ArgumentError(fmt::format("distance '{}' {}; {}", printable(text), why, usage));
}

// An optionally signed decimal numeral without exponent, so "inf", "nan" and "1e3" are
// not numbers here even though std::from_chars would read them.
std::size_t numeral_length(std::string_view s) {
    std::size_t i = 0, digits = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    }
    return digits == 0 ? 0 : i;
}

double read_number(std::string_view text, std::string_view numeral) {
    // from_chars rejects a leading plus sign.
    const std::string_view digits = numeral.front() == '+' ? numeral.substr(1) : numeral;
    double value = 0.0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value,
                                           std::chars_format::fixed);
    if (ec != std::errc{} || end != digits.data() + digits.size() || !std::isfinite(value))
        fail(text, "is not a finite number");
    return value;
}

// "nan", "inf", "-Infinity": told apart from other garbage for a clearer message.
bool names_non_finite(std::string_view s) {
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
    const std::string word = to_lower(s.substr(0, 3));
    return word == "nan" || word == "inf";
}

const Unit* find_unit(std::string_view name) {
    const std::string lowered = to_lower(name);
    for (const Unit& unit : units)
        if (unit.name == lowered) return &unit;
    return nullptr;
}

bool is_degrees(std::string_view name) {
    const std::string lowered = to_lower(name);
    for (const auto word : degree_words)
        if (word == lowered) return true;
    return false;
}

} // namespace

double parse_distance_m(std::string_view text) {
    const std::string_view s = trimmed(text, white_space);
    if (s.empty()) fail(text, "is empty");

    const std::size_t length = numeral_length(s);
    if (length == 0)
        fail(text, names_non_finite(s) ? "is not a finite number" : "does not start with a number");
    const double number = read_number(text, s.substr(0, length));
    const std::string_view unit_name = trimmed(s.substr(length), white_space);

    if (is_degrees(unit_name))
        throw ArgumentError(fmt::format(
            "distance '{}' is in degrees, which are not a distance; give it in km instead "
            "(one degree of latitude is about 111 km), e.g. 55km",
            printable(text)));
    const Unit* unit = find_unit(unit_name);
    if (unit == nullptr) fail(text, fmt::format("has an unknown unit '{}'", printable(unit_name)));
    if (number < 0.0) fail(text, "is negative");

    const double metres = std::fabs(number) * unit->metres;  // fabs: "-0" is zero
    if (!std::isfinite(metres) || metres > max_distance_m)
        fail(text, "is longer than the way round the Earth (40,075 km)");
    return metres;
}

} // namespace depmap::geo
