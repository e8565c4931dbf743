#include "layers/model/catalogue.hpp"

#include "base/error.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace depmap::layers {

namespace fs = std::filesystem;

fs::path data_dir() {
    if (const char* env = std::getenv("DEPMAP_DATA"); env != nullptr && *env != '\0') {
        if (!fs::is_directory(env))
            throw InputError(fmt::format("DEPMAP_DATA={}: no such folder; point it at depmap's "
                                         "data folder or unset it", env));
        return env;
    }
    std::error_code error;
    const fs::path executable = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        const fs::path installed = executable.parent_path().parent_path() / DEPMAP_INSTALL_DATADIR;
        if (fs::is_regular_file(installed / "records.csv")) return installed;
    }
    const fs::path source_tree = DEPMAP_SOURCE_DATA_DIR;
    if (fs::is_regular_file(source_tree / "records.csv")) return source_tree;
    throw InputError("cannot find depmap's bundled data; set DEPMAP_DATA to its data folder "
                     "or pass a layer file");
}

const std::vector<BundledLayer>& bundled_layers() {
    static const std::vector<BundledLayer> layers{
        {Bundled::Records, "records", "records.csv", "the records of deposits and mines (USGS, GSC, GEM)"},
        {Bundled::Sites, "sites", "sites.csv", "deposits and mines, one per site (depmap sites of the records)"},
        {Bundled::Plants, "plants", "plants.csv", "iron and steel plants (GEM)"},
        {Bundled::PowerPlants, "power-plants", "power_plants.csv", "coal-fired power plants (GEM)"},
        {Bundled::GasFields, "gas-fields", "gas_fields.csv", "gas fields (GEM)"},
        {Bundled::Divisions, "divisions", "divisions.geojson", "the 12 leagues and cities (OCHA)"},
        {Bundled::Boundary, "boundary", "boundary.geojson", "Inner Mongolia, the divisions dissolved"},
        {Bundled::Places, "places", "places.csv", "gazetteer of towns and cities (GeoNames)"},
        {Bundled::Cities, "cities", "cities.csv", "the largest cities (Natural Earth)"},
    };
    return layers;
}

std::optional<Bundled> bundled_named(std::string_view name) {
    for (const auto& layer : bundled_layers())
        if (name == layer.name) return layer.layer;
    return std::nullopt;
}

fs::path bundled_path(Bundled file) {
    for (const auto& layer : bundled_layers())
        if (layer.layer == file) return data_dir() / layer.file;
    throw std::logic_error("unknown bundled file");
}

std::string layer_source(const std::string& text) {
    if (text.empty()) return default_layer_path().string();
    if (const auto layer = bundled_named(text)) return bundled_path(*layer).string();
    return text;
}

fs::path default_layer_path() { return bundled_path(Bundled::Sites); }

bool is_bundled(const std::string& path) {
    if (path.empty() || bundled_named(path)) return true;
    std::error_code error;
    const auto given = fs::weakly_canonical(path, error);
    if (error) return false;
    for (const auto& layer : bundled_layers())
        if (fs::weakly_canonical(data_dir() / layer.file, error) == given && !error) return true;
    return false;
}

std::string bundled_or_path(const std::string& text,
                            const BundledNames& names) {
    for (const auto& [name, file] : names)
        if (text == name) return bundled_path(file).string();
    return text;
}

} // namespace depmap::layers
