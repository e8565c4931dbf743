#include "layers/write/fast_writers.hpp"

#include <fmt/format.h>
#include <gdal.h>
#include <sqlite3.h>

#include <cstdlib>
#include <string_view>

namespace depmap::layers {

namespace {

// The versions the fast writers were checked against (major * 100 + minor).
constexpr int verified_gdal = 306;
constexpr int verified_sqlite = 340;

int gdal_version() { return std::atoi(GDALVersionInfo("VERSION_NUM")) / 10000; }
int sqlite_version() { return sqlite3_libversion_number() / 1000 - 3000 + 300; }

std::string version_text(int version) { return fmt::format("{}.{}", version / 100, version % 100); }

std::string forced() {
    const char* value = std::getenv("DEPMAP_PLAIN_WRITERS");
    if (value == nullptr || std::string_view(value).empty() || std::string_view(value) == "0") return {};
    return "DEPMAP_PLAIN_WRITERS is set";
}

std::string gdal_refused() {
    if (gdal_version() == verified_gdal) return {};
    return fmt::format("GDAL {} is not {}, which depmap's fast writer was checked against", GDALVersionInfo("RELEASE_NAME"),
                       version_text(verified_gdal));
}

} // namespace

std::string joined_parts_refused() {
    if (auto reason = forced(); !reason.empty()) return reason;
    return gdal_refused();
}

// GDAL 3.8 packs the R-tree in bulk itself (and 3.6's row-at-a-time trigger is what
// this replaces): when the minimum GDAL is 3.8, the packed index can go.
std::string gpkg_rtree_refused() {
    if (auto reason = forced(); !reason.empty()) return reason;
    if (auto reason = gdal_refused(); !reason.empty()) return reason;
    if (sqlite_version() == verified_sqlite) return {};
    return fmt::format("SQLite {} is not {}, which depmap's packed spatial index was checked against",
                       sqlite3_libversion(), version_text(verified_sqlite));
}

} // namespace depmap::layers
