#pragma once
// The one entry point for reading a layer, whatever its format.
#include "layers/layer.hpp"
#include "layers/read_options.hpp"

#include <string>

namespace depmap::layers {

// CSV-like files (.csv, .tsv, .txt) go through depmap's own reader, which finds the
// coordinate columns and is fast on millions of rows; everything else through OGR.
Layer read_layer(const std::string& source, const ReadOptions& options = {});

} // namespace depmap::layers
