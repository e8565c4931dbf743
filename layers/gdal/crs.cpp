#include "layers/gdal/crs.hpp"

#include "base/error.hpp"
#include "layers/gdal/gdal_session.hpp"

#include <fmt/format.h>

namespace depmap::layers {

OGRSpatialReference wgs84() {
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    srs.SetWellKnownGeogCS("WGS84");
    return srs;
}

OGRSpatialReference crs_from_user_text(const std::string& text) {
    ensure_gdal();
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (text.empty() || srs.SetFromUserInput(text.c_str()) != OGRERR_NONE)
        throw CrsError(fmt::format(
            "unknown CRS '{}'; give it as EPSG:code (e.g. EPSG:32649), WKT or a PROJ string", text));
    return srs;
}

std::string crs_label(const OGRSpatialReference& srs) {
    OGRSpatialReference copy(srs);
    if (copy.GetAuthorityName(nullptr) == nullptr) {
        // A CRS given as a PROJ string or WKT without codes: name it by the one EPSG
        // entry PROJ finds equivalent. PROJ strings carry no axis or names, so an exact
        // match scores only 70 %.
        if (OGRSpatialReference* match = copy.FindBestMatch(70, "EPSG")) {
            copy = *match;
            match->Release();
        }
    }
    const char* authority = copy.GetAuthorityName(nullptr);
    const char* code = copy.GetAuthorityCode(nullptr);
    if (authority != nullptr && code != nullptr) return fmt::format("{}:{}", authority, code);
    const char* name = copy.GetName();
    return name != nullptr ? name : "unnamed CRS";
}

void ToWgs84::Deleter::operator()(OGRCoordinateTransformation* t) const {
    OGRCoordinateTransformation::DestroyCT(t);
}

ToWgs84::ToWgs84(const OGRSpatialReference& source) {
    ensure_gdal();
    OGRSpatialReference from(source);
    from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const OGRSpatialReference to = wgs84();
    if (from.IsSame(&to)) return;
    m_transform.reset(OGRCreateCoordinateTransformation(&from, &to));
    if (!m_transform)
        throw CrsError(fmt::format("no transformation from {} to WGS84: {}", crs_label(from),
                                   gdal_error_or("PROJ found none")));
}

ToWgs84::~ToWgs84() = default;

void ToWgs84::transform(std::vector<geo::LonLat>& positions, std::vector<bool>& ok) const {
    ok.assign(positions.size(), true);
    if (!m_transform || positions.empty()) return;
    std::vector<double> x(positions.size()), y(positions.size());
    for (std::size_t i = 0; i < positions.size(); ++i) {
        x[i] = positions[i].lon_deg;
        y[i] = positions[i].lat_deg;
    }
    std::vector<int> success(positions.size(), FALSE);
    m_transform->Transform(positions.size(), x.data(), y.data(), nullptr, success.data());
    for (std::size_t i = 0; i < positions.size(); ++i) {
        positions[i] = {x[i], y[i]};
        ok[i] = success[i] != FALSE;
    }
}

} // namespace depmap::layers
