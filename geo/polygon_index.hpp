#pragma once
// Which polygon each point lies in, for many points and a few to thousands of polygons
// (leagues, grid cells, catchments). Lon/lat treated as planar, as GIS tools treat
// EPSG:4326 polygons.
#include "geo/lonlat.hpp"
#include "geo/shape.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace depmap::geo {

class PolygonIndex {
public:
    // Indexes `polygons` (copied). Holes and multipolygons are honoured.
    explicit PolygonIndex(std::span<const MultiPolygon> polygons);
    ~PolygonIndex();
    PolygonIndex(PolygonIndex&&) noexcept;
    PolygonIndex& operator=(PolygonIndex&&) noexcept;

    // The polygon containing `point`, or nullopt when none does. A point on a boundary
    // belongs to a polygon whose boundary it is on (covered_by); when several polygons
    // cover it (a shared edge or vertex) the one with the lowest index wins, so every
    // point is counted once.
    std::optional<std::size_t> locate(LonLat point) const;

    // locate() for every point, using all cores (or the thread cap) for large inputs.
    std::vector<std::optional<std::size_t>> locate_all(std::span<const LonLat> points) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace depmap::geo
