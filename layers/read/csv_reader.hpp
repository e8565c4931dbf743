#pragma once
// Delimited text files with coordinates in columns: lon/lat (decimal or DMS) or WKT.
#include "layers/model/layer.hpp"
#include "layers/read/read_options.hpp"

#include <string>

namespace depmap::layers {

// Reads a CSV (`,` `;` or tab delimited, UTF-8 with or without BOM) into a layer.
// Coordinate columns are found as find_coordinate_columns() says and are not kept as
// attributes; the other columns become Integer, Real or String fields by their values.
// Throws InputError (naming the file and line) and CrsError.
Layer read_csv(const std::string& path, const ReadOptions& options);

} // namespace depmap::layers
