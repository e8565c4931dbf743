#include "layers/render/map_projection.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>
#include <proj.h>

#include <cmath>

namespace depmap::layers {

struct MapProjection::Impl {
    PJ_CONTEXT* context = proj_context_create();
    PJ* transform = nullptr;
    ~Impl() {
        if (transform) proj_destroy(transform);
        proj_context_destroy(context);
    }
};

std::string conic_definition(const geo::Box& extent) {
    const double south = extent.min_lat_deg;
    const double range = extent.max_lat_deg - extent.min_lat_deg;
    return fmt::format("+proj=lcc +lat_1={:.6f} +lat_2={:.6f} +lat_0={:.6f} +lon_0={:.6f} +ellps=WGS84 +units=m "
                       "+no_defs +type=crs",
                       south + range / 6, south + range * 5 / 6, south + range / 2,
                       (extent.min_lon_deg + extent.max_lon_deg) / 2);
}

MapProjection::MapProjection(const std::string& crs, const geo::Box& extent)
    : m_definition(crs.empty() ? conic_definition(extent) : crs), m_impl(std::make_unique<Impl>()) {
    proj_log_level(m_impl->context, PJ_LOG_NONE);
    PJ* raw = proj_create_crs_to_crs(m_impl->context, "EPSG:4326", m_definition.c_str(), nullptr);
    if (raw) {
        // Lon/lat in, easting/northing out, whatever axis order the CRS declares.
        m_impl->transform = proj_normalize_for_visualization(m_impl->context, raw);
        proj_destroy(raw);
    }
    if (!m_impl->transform)
        throw CrsError(fmt::format("{} {}: PROJ knows no such CRS, or no way to it from WGS84 lon/lat",
                                   parameter("crs"), m_definition));
}

MapProjection::~MapProjection() = default;
MapProjection::MapProjection(MapProjection&&) noexcept = default;
MapProjection& MapProjection::operator=(MapProjection&&) noexcept = default;

std::optional<PlaneXY> MapProjection::forward(geo::LonLat p) const {
    const PJ_COORD c = proj_trans(m_impl->transform, PJ_FWD, proj_coord(p.lon_deg, p.lat_deg, 0, 0));
    if (!std::isfinite(c.xy.x) || !std::isfinite(c.xy.y)) return std::nullopt;
    return PlaneXY{c.xy.x, c.xy.y};
}

std::optional<geo::LonLat> MapProjection::inverse(PlaneXY p) const {
    const PJ_COORD c = proj_trans(m_impl->transform, PJ_INV, proj_coord(p.x, p.y, 0, 0));
    if (!std::isfinite(c.lp.lam) || !std::isfinite(c.lp.phi)) return std::nullopt;
    return geo::LonLat{c.lp.lam, c.lp.phi};
}

} // namespace depmap::layers
