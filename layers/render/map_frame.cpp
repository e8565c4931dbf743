#include "layers/render/map_frame.hpp"

#include "base/error.hpp"
#include "base/parallel.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace depmap::layers {

MapFrame::MapFrame(MapProjection projection, const geo::Box& extent, PageRect rect)
    : m_projection(std::move(projection)), m_rect(rect) {
    double min_x = std::numeric_limits<double>::infinity(), min_y = min_x;
    double max_x = -min_x, max_y = -min_x;
    constexpr int steps = 64;
    for (int i = 0; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        const double lon = extent.min_lon_deg + t * (extent.max_lon_deg - extent.min_lon_deg);
        const double lat = extent.min_lat_deg + t * (extent.max_lat_deg - extent.min_lat_deg);
        for (const geo::LonLat p : {geo::LonLat{lon, extent.min_lat_deg}, geo::LonLat{lon, extent.max_lat_deg},
                                    geo::LonLat{extent.min_lon_deg, lat}, geo::LonLat{extent.max_lon_deg, lat}})
            if (const auto xy = m_projection.forward(p)) {
                min_x = std::min(min_x, xy->x), max_x = std::max(max_x, xy->x);
                min_y = std::min(min_y, xy->y), max_y = std::max(max_y, xy->y);
            }
    }
    if (!(max_x > min_x && max_y > min_y))
        throw CrsError(fmt::format("{} {}: the map's extent does not project to an area", parameter("crs"),
                                   m_projection.definition()));
    m_scale = std::min(rect.width / (max_x - min_x), rect.height / (max_y - min_y));
    const double centre_x = (min_x + max_x) / 2, centre_y = (min_y + max_y) / 2;
    m_origin = PlaneXY{centre_x - rect.width / 2 / m_scale, centre_y + rect.height / 2 / m_scale};
}

PagePoint MapFrame::to_page(PlaneXY p) const {
    return PagePoint{m_rect.left + (p.x - m_origin.x) * m_scale, m_rect.top + (m_origin.y - p.y) * m_scale};
}

std::optional<PagePoint> MapFrame::to_page(geo::LonLat p) const {
    const auto xy = m_projection.forward(p);
    if (!xy) return std::nullopt;
    return to_page(*xy);
}

std::vector<std::optional<PagePoint>> MapFrame::to_page(std::span<const geo::LonLat> points) const {
    std::vector<std::optional<PagePoint>> pages(points.size());
    for_each_range(points.size(), threads_for(points.size(), 100000), [&](std::size_t begin, std::size_t end) {
        // PROJ objects are one per thread: the calling thread's is the frame's own.
        std::optional<MapProjection> own;
        if (begin != 0) own.emplace(m_projection.definition(), geo::Box{});
        const MapProjection& projection = own ? *own : m_projection;
        for (std::size_t i = begin; i < end; ++i)
            if (const auto xy = projection.forward(points[i])) pages[i] = to_page(*xy);
    });
    return pages;
}

std::optional<geo::LonLat> MapFrame::to_lonlat(PagePoint p) const {
    return m_projection.inverse(PlaneXY{m_origin.x + (p.x - m_rect.left) / m_scale,
                                        m_origin.y - (p.y - m_rect.top) / m_scale});
}

geo::LonLat MapFrame::centre() const {
    return to_lonlat(PagePoint{m_rect.left + m_rect.width / 2, m_rect.top + m_rect.height / 2})
        .value_or(geo::LonLat{});
}

} // namespace depmap::layers
