#include "layers/webmap/base_layers.hpp"

#include "layers/model/catalogue.hpp"
#include "layers/read/read.hpp"

namespace depmap::layers {

BaseLayers bundled_base_layers() {
    return {read_layer(bundled_path(Bundled::Boundary).string()),
            read_layer(bundled_path(Bundled::Divisions).string()),
            read_layer(bundled_path(Bundled::Cities).string())};
}

} // namespace depmap::layers
