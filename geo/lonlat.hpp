#pragma once
// Geographic positions and boxes: longitude first, latitude second, degrees on WGS84.
#include <algorithm>
#include <limits>

namespace depmap::geo {

struct LonLat {
    double lon_deg = 0.0;
    double lat_deg = 0.0;
    friend bool operator==(const LonLat&, const LonLat&) = default;
};

// An axis-aligned lon/lat box; starts empty and grows with extend().
struct Box {
    double min_lon_deg = std::numeric_limits<double>::infinity();
    double min_lat_deg = std::numeric_limits<double>::infinity();
    double max_lon_deg = -std::numeric_limits<double>::infinity();
    double max_lat_deg = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_lon_deg > max_lon_deg; }
    void extend(LonLat p) {
        min_lon_deg = std::min(min_lon_deg, p.lon_deg);
        min_lat_deg = std::min(min_lat_deg, p.lat_deg);
        max_lon_deg = std::max(max_lon_deg, p.lon_deg);
        max_lat_deg = std::max(max_lat_deg, p.lat_deg);
    }
    void extend(const Box& b) {
        if (b.empty()) return;
        extend(LonLat{b.min_lon_deg, b.min_lat_deg});
        extend(LonLat{b.max_lon_deg, b.max_lat_deg});
    }
};

} // namespace depmap::geo
