#include "layers/gdal_session.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace depmap::layers {

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        CPLSetErrorHandler(CPLQuietErrorHandler);
        GDALAllRegister();
    });
}

std::string gdal_error_or(const std::string& fallback) {
    const char* message = CPLGetLastErrorMsg();
    if (message == nullptr || *message == '\0') return fallback;
    return message;
}

} // namespace depmap::layers
