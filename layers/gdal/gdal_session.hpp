#pragma once
// GDAL set-up shared by every reader and writer.
#include <gdal_priv.h>

#include <memory>
#include <string>

namespace depmap::layers {

// Registers GDAL's drivers once and silences GDAL's own printing: depmap reports
// failures itself, with GDAL's message inside its own.
void ensure_gdal();

// GDAL's last error message (its first line, cut: see base/one_line.hpp), or
// `fallback` when GDAL left none.
std::string gdal_error_or(const std::string& fallback);

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using Dataset = std::unique_ptr<GDALDataset, DatasetCloser>;

// Collects what GDAL reports while it lives, warnings included: a writer's warning
// ("value not successfully written") is data lost, so writers treat it as a failure.
class GdalErrorTrap {
public:
    GdalErrorTrap();
    ~GdalErrorTrap();
    GdalErrorTrap(const GdalErrorTrap&) = delete;
    GdalErrorTrap& operator=(const GdalErrorTrap&) = delete;

    bool caught() const { return !m_first.empty(); }
    const std::string& first() const { return m_first; }

private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum number, const char* message);
    std::string m_first;
};

} // namespace depmap::layers
