#pragma once
// The one entry point for reading a layer, whatever its format.
#include "layers/model/layer.hpp"
#include "layers/read/read_options.hpp"

#include <string>
#include <vector>

namespace depmap::layers {

// CSV-like files (.csv, .tsv, .txt) go through depmap's own reader, which finds the
// coordinate columns and is fast on millions of rows; everything else through OGR.
// `-` is standard input (standard_input.hpp).
Layer read_layer(const std::string& source, const ReadOptions& options = {});

// What can be checked of the options before any file is opened: a source CRS that PROJ
// knows and can transform to WGS84. Throws CrsError.
void check_read_options(const ReadOptions& options);

// Every data layer of a source, in its order: one for most files, several for a
// GeoPackage that holds several. Each layer's `name` is its name in the source.
std::vector<Layer> read_all_layers(const std::string& source);

} // namespace depmap::layers
