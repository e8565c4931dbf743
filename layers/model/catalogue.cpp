#include "layers/model/catalogue.hpp"

#include "base/error.hpp"

#include <fmt/format.h>

#include <cstdlib>
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
                     "or pass --layer FILE");
}

fs::path default_layer_path() { return data_dir() / "deposits.csv"; }

} // namespace depmap::layers
