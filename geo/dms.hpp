#pragma once
// Angles written by people: decimal degrees or degrees-minutes-seconds, with or
// without hemisphere letters.
#include "geo/lonlat.hpp"

#include <optional>
#include <string_view>

namespace depmap::geo {

// Which coordinate a hemisphere letter says an angle is.
enum class Axis { Unknown, Lat, Lon };

struct Angle {
    double deg = 0.0;           // signed: south and west are negative
    Axis axis = Axis::Unknown;  // from N/S (Lat) or E/W (Lon); Unknown without a letter
};

// Parses one angle. Accepted forms (spaces optional, case-insensitive letters):
//   "41.78", "-109.5", "41.78N", "N41.78", "41°47'N", "41°47′30″N", "41° 47' 30.5\" N",
//   "109 58 30 E", "109:58:30E", "109d58m30sE", "41º47'N" (ordinal sign as degree sign),
//   "41°47.5'N" (only the last part may have a fraction), "41°47'30''N" (two apostrophes
//   for seconds); curly quotes ’ ” stand for ' " and U+2212 for a minus sign.
// A letter s is seconds only after minutes marked with m ("41d47m30s"); elsewhere it is
// South ("41°47'30S"). Minutes and seconds must be in [0, 60); a hemisphere letter
// together with a sign is rejected. No range check. Returns nullopt for anything else,
// including NaN, infinity and exponents. Independent of the locale.
std::optional<Angle> parse_angle(std::string_view text);

// True when the text is written as DMS or with a hemisphere letter rather than as a
// plain decimal number: used to say which columns were read as DMS.
bool looks_like_dms(std::string_view text);

// Parses a position written as two angles: "41°47′N 109°58′E", "109.97E, 41.78N",
// "109.97,41.78" (lon,lat without letters: depmap's order). The angles are separated by
// one comma, semicolon or slash, or by spaces. With hemisphere letters the order may be
// either; a letter on one angle only puts the other on the remaining axis. Returns nullopt
// when the text is not such a pair, when both angles are on one axis, or when spaces
// split it into two pairs that differ ("109 58 41 47"). Does not range-check.
std::optional<LonLat> parse_lonlat(std::string_view text);

} // namespace depmap::geo
