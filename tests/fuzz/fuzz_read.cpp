// The whole reader on a file of any bytes: as CSV, or as GeoJSON when it starts with '{'.
// Read failing on the first bad row, then skipping bad rows; either an InputError /
// CrsError or a layer whose columns and geometry agree in size, with finite positions.
#include "fuzz_support.hpp"
#include "base/error.hpp"
#include "layers/read/read.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using namespace depmap;

namespace {

void check_layer(const layers::Layer& layer) {
    fuzz::check(layer.columns.size() == layer.fields.size(), "one column per field");
    for (const auto& column : layer.columns)
        fuzz::check(column.size() == layer.size(), "every column has a value per feature");
    for (const auto& point : layer.points)
        fuzz::check(std::isfinite(point.lon_deg) && std::isfinite(point.lat_deg), "finite positions");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fuzz::text_of(data, size);
    const bool json = !text.empty() && text.front() == '{';
    static const std::string directory = [] {
        const auto made = std::filesystem::temp_directory_path() / ("depmap-fuzz-read-" + std::to_string(getpid()));
        std::filesystem::create_directories(made);
        return made.string();
    }();
    const std::string path = directory + (json ? "/input.geojson" : "/input.csv");
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(text.data(), static_cast<std::streamsize>(text.size()));

    for (const auto mode : {layers::OnError::Fail, layers::OnError::Skip}) {
        layers::ReadOptions options;
        options.on_error = mode;
        try {
            check_layer(layers::read_layer(path, options));
            break;
        } catch (const InputError&) {
        } catch (const CrsError&) {
        }
    }
    std::remove(path.c_str());
    return 0;
}
