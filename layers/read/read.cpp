#include "layers/read/read.hpp"

#include "layers/gdal/crs.hpp"
#include "layers/read/csv_reader.hpp"
#include "layers/read/ogr_reader.hpp"
#include "layers/read/standard_input.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace depmap::layers {

namespace {

bool is_delimited_text(const std::string& source) {
    std::string extension = std::filesystem::path(source).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".csv" || extension == ".tsv" || extension == ".txt";
}

} // namespace

Layer read_layer(const std::string& source, const ReadOptions& options) {
    if (source == standard_input_source) return read_standard_input(options);
    return is_delimited_text(source) ? read_csv(source, options) : read_ogr(source, options);
}

void check_read_options(const ReadOptions& options) {
    if (!options.src_crs.empty()) ToWgs84 transform(crs_from_user_text(options.src_crs));
}

std::vector<Layer> read_all_layers(const std::string& source) {
    if (is_delimited_text(source)) return {read_csv(source, {})};
    std::vector<Layer> all;
    for (const auto& name : ogr_layer_names(source)) {
        ReadOptions options;
        options.layer_name = name;
        all.push_back(read_ogr(source, options));
    }
    return all;
}

} // namespace depmap::layers
