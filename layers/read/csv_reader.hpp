#pragma once
// Delimited text files with coordinates in columns: lon/lat (decimal or DMS) or WKT.
#include "layers/model/layer.hpp"
#include "layers/read/read_options.hpp"

#include <cstddef>
#include <string>

namespace depmap::layers {

// Reads a CSV (`,` `;` or tab delimited, UTF-8 with or without BOM) into a layer.
// Coordinate columns are found as find_coordinate_columns() says and are not kept as
// attributes; the other columns become Integer, Real or String fields by their values.
// Throws InputError (naming the file and line) and CrsError.
// A file larger than two stretches (16 MB each) of lon/lat columns is read stretch by
// stretch, holding one stretch's text at a time; any other is read whole, to the same layer.
Layer read_csv(const std::string& path, const ReadOptions& options);

// Sets the stretch size for the whole process (tests read small files in stretches); 0
// restores 16 MB. Not while a CSV is being read.
void set_csv_stretch_bytes(std::size_t bytes);

} // namespace depmap::layers
