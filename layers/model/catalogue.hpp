#pragma once
// The bundled Inner Mongolia dataset: where it is and which file is which.
#include <filesystem>

namespace depmap::layers {

// The folder of the bundled data: $DEPMAP_DATA when set; else the installed copy
// beside the executable (<prefix>/share/depmap/data); else the source tree's data/
// (running from a build tree). Throws InputError when none exists.
std::filesystem::path data_dir();

// The default layer of every command: the bundled deposits and mines.
std::filesystem::path default_layer_path();

} // namespace depmap::layers
