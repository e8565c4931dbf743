#pragma once
// `-o -`: the answer on standard output as the file of a text format would hold it (-f
// names the format). A binary format (GeoPackage, Shapefile, FlatGeobuf) is refused.
#include "layers/write/file_format.hpp"

#include <optional>
#include <string>

namespace depmap::cli {

inline bool names_standard_output(const std::string& path) { return path == "-"; }

// The format of -o -: `given` (what -f names), which must be a text format; `choices` lists
// the -f values that are. Throws ArgumentError.
layers::FileFormat standard_output_format(std::optional<layers::FileFormat> given, const std::string& choices);

} // namespace depmap::cli
