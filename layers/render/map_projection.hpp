#pragma once
// The projection of a map: WGS84 lon/lat to plane x, y (x east, y north), through PROJ.
// By default a Lambert conformal conic fitted to the map's extent: standard parallels at
// 1/6 and 5/6 of its latitude range, centred on it, so scale varies least over the map.
// One object per thread (PROJ objects are not shared).
#include "geo/lonlat.hpp"

#include <memory>
#include <optional>
#include <string>

namespace depmap::layers {

struct PlaneXY {
    double x = 0;
    double y = 0;
};

class MapProjection {
public:
    // `crs`: any CRS PROJ accepts ("EPSG:3857", "+proj=...", WKT), empty for the default
    // conic fitted to `extent`. Throws CrsError naming `crs`.
    MapProjection(const std::string& crs, const geo::Box& extent);
    ~MapProjection();
    MapProjection(MapProjection&&) noexcept;
    MapProjection& operator=(MapProjection&&) noexcept;

    // The target CRS as given, or the PROJ string of the default conic.
    const std::string& definition() const { return m_definition; }
    // Nothing for a position the projection cannot take.
    std::optional<PlaneXY> forward(geo::LonLat p) const;
    std::optional<geo::LonLat> inverse(PlaneXY p) const;

private:
    struct Impl;
    std::string m_definition;
    std::unique_ptr<Impl> m_impl;
};

// The default conic for `extent` as a PROJ string.
std::string conic_definition(const geo::Box& extent);

} // namespace depmap::layers
