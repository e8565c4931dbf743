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
        if (fs::is_regular_file(installed / "deposits.csv")) return installed;
    }
    const fs::path source_tree = DEPMAP_SOURCE_DATA_DIR;
    if (fs::is_regular_file(source_tree / "deposits.csv")) return source_tree;
    throw InputError("cannot find depmap's bundled data; set DEPMAP_DATA to its data folder "
                     "or pass a layer file");
}

fs::path bundled_path(Bundled file) {
    switch (file) {
    case Bundled::Deposits: return data_dir() / "deposits.csv";
    case Bundled::Plants: return data_dir() / "plants.csv";
    case Bundled::Divisions: return data_dir() / "divisions.geojson";
    case Bundled::Boundary: return data_dir() / "boundary.geojson";
    case Bundled::Places: return data_dir() / "places.csv";
    case Bundled::Cities: return data_dir() / "cities.csv";
    }
    throw std::logic_error("unknown bundled file");
}

fs::path default_layer_path() { return bundled_path(Bundled::Deposits); }

bool is_bundled(const std::string& path) {
    if (path.empty()) return true;
    std::error_code error;
    const auto given = fs::weakly_canonical(path, error);
    if (error) return false;
    for (const auto file : {Bundled::Deposits, Bundled::Plants, Bundled::Divisions, Bundled::Boundary,
                            Bundled::Places, Bundled::Cities})
        if (fs::weakly_canonical(bundled_path(file), error) == given && !error) return true;
    return false;
}

std::string bundled_or_path(const std::string& text,
                            const BundledNames& names) {
    for (const auto& [name, file] : names)
        if (text == name) return bundled_path(file).string();
    return text;
}

} // namespace depmap::layers
