#include "layers/gdal/gdal_session.hpp"

#include "base/one_line.hpp"

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
    return one_line(message);  // GDAL may quote a whole statement or document
}

GdalErrorTrap::GdalErrorTrap() {
    CPLErrorReset();
    CPLPushErrorHandlerEx(&GdalErrorTrap::handle, this);
}

GdalErrorTrap::~GdalErrorTrap() { CPLPopErrorHandler(); }

void CPL_STDCALL GdalErrorTrap::handle(CPLErr level, CPLErrorNum, const char* message) {
    auto* trap = static_cast<GdalErrorTrap*>(CPLGetErrorHandlerUserData());
    if (level >= CE_Warning && trap->m_first.empty()) trap->m_first = message ? one_line(message) : "unknown GDAL error";
}

} // namespace depmap::layers
