#include "geo/local_projection.hpp"

#include <fmt/format.h>
#include <proj.h>

#include <stdexcept>

namespace depmap::geo {

struct LocalProjection::Impl {
    PJ_CONTEXT* context = nullptr;
    PJ* pj = nullptr;
    std::string definition;
    ~Impl() {
        if (pj) proj_destroy(pj);
        if (context) proj_context_destroy(context);
    }
};

LocalProjection::LocalProjection(LonLat centre) : m_centre(centre), m_impl(std::make_unique<Impl>()) {
    // Degrees in and out, so no radian conversion leaks into callers; 17 significant
    // digits keep the centre exactly the double that was asked for.
    m_impl->definition = fmt::format("+proj=laea +lat_0={:.17g} +lon_0={:.17g} +ellps=WGS84 +units=m +no_defs",
                                     centre.lat_deg, centre.lon_deg);
    const auto pipeline = "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step " +
                          m_impl->definition.substr(0, m_impl->definition.find(" +no_defs"));
    m_impl->context = proj_context_create();
    m_impl->pj = proj_create(m_impl->context, pipeline.c_str());
    if (!m_impl->pj)
        throw std::runtime_error(fmt::format("PROJ refused the local projection '{}': {}", m_impl->definition,
                                             proj_context_errno_string(m_impl->context,
                                                                       proj_context_errno(m_impl->context))));
}

LocalProjection::~LocalProjection() = default;
LocalProjection::LocalProjection(LocalProjection&&) noexcept = default;
LocalProjection& LocalProjection::operator=(LocalProjection&&) noexcept = default;

std::string LocalProjection::definition() const { return m_impl->definition; }

XY LocalProjection::forward(LonLat p) const {
    const PJ_COORD c = proj_trans(m_impl->pj, PJ_FWD, proj_coord(p.lon_deg, p.lat_deg, 0, 0));
    return XY{c.xy.x, c.xy.y};
}

LonLat LocalProjection::inverse(XY p) const {
    const PJ_COORD c = proj_trans(m_impl->pj, PJ_INV, proj_coord(p.x_m, p.y_m, 0, 0));
    return LonLat{c.lp.lam, c.lp.phi};
}

void LocalProjection::forward(std::span<const LonLat> in, std::span<XY> out) const {
    if (in.size() != out.size()) throw std::invalid_argument("LocalProjection::forward: sizes differ");
    for (std::size_t i = 0; i < in.size(); ++i) out[i] = XY{in[i].lon_deg, in[i].lat_deg};
    proj_trans_generic(m_impl->pj, PJ_FWD, &out.data()->x_m, sizeof(XY), out.size(), &out.data()->y_m,
                       sizeof(XY), out.size(), nullptr, 0, 0, nullptr, 0, 0);
}

LocalProjection LocalProjection::for_box(const Box& box) {
    if (box.empty()) throw std::invalid_argument("LocalProjection::for_box: empty box");
    return LocalProjection(LonLat{(box.min_lon_deg + box.max_lon_deg) / 2, (box.min_lat_deg + box.max_lat_deg) / 2});
}

} // namespace depmap::geo
