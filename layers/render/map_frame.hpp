#pragma once
// Where the map sits on the page: a lon/lat extent, projected, fitted into a rectangle
// of the page (in points, y down) at one scale, centred. Everything drawn goes through
// to_page(), so symbols, lines and the graticule agree to the point.
#include "geo/lonlat.hpp"
#include "layers/render/map_projection.hpp"

#include <optional>
#include <span>
#include <vector>

namespace depmap::layers {

struct PageRect {
    double left = 0;
    double top = 0;
    double width = 0;
    double height = 0;
    double right() const { return left + width; }
    double bottom() const { return top + height; }
    bool contains(double x, double y) const { return x >= left && x <= right() && y >= top && y <= bottom(); }
};

struct PagePoint {
    double x = 0;
    double y = 0;
};

class MapFrame {
public:
    // Fits the projected `extent` (its edges sampled, so a curved edge is inside) into
    // `rect`. Throws CrsError naming `crs` when the extent does not project.
    MapFrame(MapProjection projection, const geo::Box& extent, PageRect rect);

    const MapProjection& projection() const { return m_projection; }
    const PageRect& rect() const { return m_rect; }
    // Page points per projected unit (per metre for a projected CRS).
    double scale() const { return m_scale; }
    // The projected position at the rectangle's top left corner.
    PlaneXY origin() const { return m_origin; }

    std::optional<PagePoint> to_page(geo::LonLat p) const;
    PagePoint to_page(PlaneXY p) const;
    // Many points at once, on all cores (a projection of the same CRS per thread).
    std::vector<std::optional<PagePoint>> to_page(std::span<const geo::LonLat> points) const;
    std::optional<geo::LonLat> to_lonlat(PagePoint p) const;
    // The lon/lat at the middle of the rectangle.
    geo::LonLat centre() const;

private:
    MapProjection m_projection;
    PageRect m_rect;
    double m_scale = 1;
    PlaneXY m_origin;
};

} // namespace depmap::layers
