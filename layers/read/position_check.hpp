#pragma once
// Whether a WGS84 position can be used, and if not, why, in words a user can act on.
#include "geo/lonlat.hpp"

#include <optional>
#include <string>

namespace depmap::layers {

struct PositionProblem {
    std::string reason;  // short, for counting skipped rows: "latitude out of range"
    std::string detail;  // one sentence with the values and a hint
};

// Checks lon in [-180, 360) and lat in [-90, 90], both finite. The hint says when the
// values look swapped, or look like projected metres that need --src-crs.
std::optional<PositionProblem> check_position(geo::LonLat position);

} // namespace depmap::layers
