#include "layers/gdal/versions.hpp"

#include <fmt/format.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace depmap::layers {

std::string library_versions() {
    int proj_major = 0, proj_minor = 0, proj_patch = 0;
    OSRGetPROJVersion(&proj_major, &proj_minor, &proj_patch);
    int geos_major = 0, geos_minor = 0, geos_patch = 0;
    const std::string geos = OGRGetGEOSVersion(&geos_major, &geos_minor, &geos_patch)
                                 ? fmt::format("{}.{}.{}", geos_major, geos_minor, geos_patch)
                                 : std::string("none");
    return fmt::format("GDAL {}, PROJ {}.{}.{}, GEOS {}", GDALVersionInfo("RELEASE_NAME"), proj_major,
                       proj_minor, proj_patch, geos);
}

} // namespace depmap::layers
