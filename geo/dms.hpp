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
//   "109 58 30 E", "109:58:30E", "109d58m30sE", "41º47'N" (ordinal sign as degree sign).
// Minutes and seconds must be in [0, 60); a hemisphere letter together with a minus
// sign is rejected. Returns nullopt for anything else, including NaN and infinity.
std::optional<Angle> parse_angle(std::string_view text);

// True when the text is written as DMS or with a hemisphere letter rather than as a
// plain decimal number: used to say which columns were read as DMS.
bool looks_like_dms(std::string_view text);

// Parses a position written as two angles: "41°47′N 109°58′E", "109.97E, 41.78N",
// "109.97,41.78" (lon,lat without letters: depmap's order). With hemisphere letters the
// order may be either. Returns nullopt when the text is not such a pair.
std::optional<LonLat> parse_lonlat(std::string_view text);

} // namespace depmap::geo
