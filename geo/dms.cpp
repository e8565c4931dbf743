#include "geo/dms.hpp"

#include "base/text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>

namespace depmap::geo {

namespace {

// UTF-8 spelled out as bytes so the source charset and the locale do not matter.
constexpr std::string_view degree_sign = "\xC2\xB0";   // U+00B0 °
constexpr std::string_view ordinal_sign = "\xC2\xBA";  // U+00BA º, a common stand-in for °
constexpr std::string_view prime = "\xE2\x80\xB2";     // U+2032 ′
constexpr std::string_view double_prime = "\xE2\x80\xB3";  // U+2033 ″
// Word processors turn ' and " into curly quotes; accept those for minutes and seconds.
constexpr std::string_view right_single_quote = "\xE2\x80\x99";  // U+2019 ’
constexpr std::string_view right_double_quote = "\xE2\x80\x9D";  // U+201D ”
constexpr std::string_view unicode_minus = "\xE2\x88\x92";       // U+2212 −

enum class Part { Deg = 0, Min = 1, Sec = 2 };

// What follows a number: nothing, or the marker that names its part.
struct Marker {
    std::optional<Part> part;
    bool is_letter = false;  // d, m or s rather than a symbol
    std::size_t length = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view skip_space(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    return s;
}

struct Hemisphere {
    Axis axis;
    bool negative;
};

std::optional<Hemisphere> hemisphere(char c) {
    switch (lower(c)) {
    case 'n': return Hemisphere{Axis::Lat, false};
    case 's': return Hemisphere{Axis::Lat, true};
    case 'e': return Hemisphere{Axis::Lon, false};
    case 'w': return Hemisphere{Axis::Lon, true};
    default: return std::nullopt;
    }
}

// An unsigned decimal numeral: digits with an optional fraction, no exponent. Scanning it
// by hand keeps "inf", "nan", "1e5" and hex out, which std::from_chars would accept.
struct Numeral {
    double value = 0.0;
    bool has_fraction = false;
    std::size_t length = 0;
};

std::optional<Numeral> read_numeral(std::string_view s) {
    std::size_t i = 0, digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    bool fraction = false;
    if (i < s.size() && s[i] == '.') {
        fraction = true;
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return std::nullopt;
    double value = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + i, value, std::chars_format::fixed);
    if (ec != std::errc{} || end != s.data() + i || !std::isfinite(value)) return std::nullopt;
    return Numeral{value, fraction, i};
}

struct Symbol {
    std::string_view text;
    Part part;
};

// Longest first where one is a prefix of another: two apostrophes are seconds, one is
// minutes.
constexpr std::array<Symbol, 9> symbols{{
    {"''", Part::Sec},
    {"\"", Part::Sec},
    {double_prime, Part::Sec},
    {right_double_quote, Part::Sec},
    {"'", Part::Min},
    {prime, Part::Min},
    {right_single_quote, Part::Min},
    {degree_sign, Part::Deg},
    {ordinal_sign, Part::Deg},
}};

// `s_is_seconds`: whether a letter s means seconds here rather than South (see
// read_dms_body).
Marker read_marker(std::string_view s, bool s_is_seconds) {
    for (const auto& symbol : symbols)
        if (s.substr(0, symbol.text.size()) == symbol.text)
            return Marker{symbol.part, false, symbol.text.size()};
    if (s.empty()) return {};
    switch (lower(s.front())) {
    case 'd': return Marker{Part::Deg, true, 1};
    case 'm': return Marker{Part::Min, true, 1};
    case 's': return s_is_seconds ? Marker{Part::Sec, true, 1} : Marker{};
    default: return {};
    }
}

// The result of reading one angle, with how it was written.
struct Parsed {
    Angle angle;
    bool plain = true;  // a bare decimal number, possibly signed
};

// The degrees [minutes [seconds]] that follow any sign: an unsigned value.
struct Body {
    double value = 0.0;
    std::string_view rest;  // the text after it: a hemisphere letter or nothing, if valid
    bool plain = true;      // one part without marker
};

// Each part is a numeral, directly followed by its marker or separated from the next
// part by spaces or a colon.
std::optional<Body> read_dms_body(std::string_view s) {
    Body body;
    std::array<double, 3> parts{};
    int next = 0;            // index of the part expected next
    bool fraction = false;   // only the last part may have a fraction
    bool minutes_by_letter = false;
    for (;;) {
        const auto numeral = read_numeral(s);
        if (!numeral || fraction || next > 2) return std::nullopt;
        s.remove_prefix(numeral->length);
        fraction = numeral->has_fraction;
        // A letter s after minutes marked with m is seconds ("30d15m20s"); anywhere else
        // it is South ("41°47'20S" is 41°47'20" South).
        const Marker marker = read_marker(s, minutes_by_letter && next == 2);
        if (marker.part && static_cast<int>(*marker.part) != next) return std::nullopt;
        if (marker.part) body.plain = false;
        if (marker.part == Part::Min && marker.is_letter) minutes_by_letter = true;
        parts[static_cast<std::size_t>(next++)] = numeral->value;
        s.remove_prefix(marker.length);

        const std::string_view after_space = skip_space(s);
        bool separated = after_space.size() != s.size();
        s = after_space;
        if (!marker.part && !s.empty() && s.front() == ':') {
            s = skip_space(s.substr(1));
            if (s.empty() || !(is_digit(s.front()) || s.front() == '.')) return std::nullopt;
            separated = true;
        }
        const bool more = !s.empty() && (is_digit(s.front()) || s.front() == '.');
        if (!more) break;
        if (!separated && !marker.part) return std::nullopt;
        body.plain = false;
    }
    if (parts[1] >= 60.0 || parts[2] >= 60.0) return std::nullopt;
    body.value = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
    if (!std::isfinite(body.value)) return std::nullopt;
    body.rest = s;
    return body;
}

std::optional<Parsed> parse_dms(std::string_view text) {
    std::string_view s = trimmed(text, white_space);
    Parsed out;

    std::optional<Hemisphere> hemi;
    if (!s.empty() && (hemi = hemisphere(s.front()))) {
        s = skip_space(s.substr(1));
        out.plain = false;
    }

    bool negative = false, signed_ = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        signed_ = true;
        s.remove_prefix(1);
    } else if (s.substr(0, unicode_minus.size()) == unicode_minus) {
        negative = signed_ = true;
        s.remove_prefix(unicode_minus.size());
    }

    const auto body = read_dms_body(s);
    if (!body) return std::nullopt;
    out.plain = out.plain && body->plain;
    s = body->rest;

    if (!s.empty()) {
        const auto trailing = hemisphere(s.front());
        if (!trailing || hemi) return std::nullopt;  // junk, or a letter at both ends
        hemi = trailing;
        out.plain = false;
        s = skip_space(s.substr(1));
    }
    if (!s.empty()) return std::nullopt;
    // "-41°N" says two things about the sign; refuse to guess which one is meant.
    if (hemi && signed_) return std::nullopt;

    if (hemi) {
        out.angle.axis = hemi->axis;
        negative = hemi->negative;
    }
    out.angle.deg = negative ? -body->value : body->value;
    return out;
}

std::size_t count_separators(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s)
        if (c == ',' || c == ';' || c == '/') ++n;
    return n;
}

// Puts two angles on their axes: by letter where given, else lon first and lat second.
std::optional<LonLat> assign_axes(const Angle& first, const Angle& second) {
    Axis a = first.axis, b = second.axis;
    if (a == Axis::Unknown && b == Axis::Unknown) {
        a = Axis::Lon;
        b = Axis::Lat;
    } else if (a == Axis::Unknown) {
        a = b == Axis::Lat ? Axis::Lon : Axis::Lat;
    } else if (b == Axis::Unknown) {
        b = a == Axis::Lat ? Axis::Lon : Axis::Lat;
    }
    if (a == b) return std::nullopt;
    return a == Axis::Lon ? LonLat{first.deg, second.deg} : LonLat{second.deg, first.deg};
}

std::optional<LonLat> parse_pair(std::string_view first, std::string_view second) {
    const auto a = parse_angle(first);
    const auto b = parse_angle(second);
    if (!a || !b) return std::nullopt;
    return assign_axes(*a, *b);
}

// Angles may contain spaces themselves ("41 47 30 N 109 58 E"), so try every run of
// spaces as the split. Accept only when all the splits that parse agree.
std::optional<LonLat> parse_space_separated(std::string_view s) {
    std::optional<LonLat> found;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!is_space(s[i])) continue;
        std::size_t j = i;
        while (j < s.size() && is_space(s[j])) ++j;
        if (const auto p = parse_pair(s.substr(0, i), s.substr(j))) {
            if (found && !(*found == *p)) return std::nullopt;
            found = p;
        }
        i = j;
    }
    return found;
}

} // namespace

std::optional<Angle> parse_angle(std::string_view text) {
    if (const auto parsed = parse_dms(text)) return parsed->angle;
    return std::nullopt;
}

bool looks_like_dms(std::string_view text) {
    const auto parsed = parse_dms(text);
    return parsed && !parsed->plain;
}

std::optional<LonLat> parse_lonlat(std::string_view text) {
    const std::string_view s = trimmed(text, white_space);
    const std::size_t separators = count_separators(s);
    if (separators > 1) return std::nullopt;
    if (separators == 1) {
        const std::size_t at = s.find_first_of(",;/");
        return parse_pair(s.substr(0, at), s.substr(at + 1));
    }
    return parse_space_separated(s);
}

} // namespace depmap::geo
