#pragma once
// GDAL set-up shared by every reader and writer.
#include <string>

namespace depmap::layers {

// Registers GDAL's drivers once and silences GDAL's own printing: depmap reports
// failures itself, with GDAL's message inside its own.
void ensure_gdal();

// GDAL's last error message, or `fallback` when GDAL left none.
std::string gdal_error_or(const std::string& fallback);

} // namespace depmap::layers
