#pragma once
// A Shapefile is three files (.shp, .shx, .dbf) that must describe the same records: a
// copy cut short, or an interrupted write that left one new file beside two old ones,
// reads as fewer features with no error from GDAL.
#include <cstdint>
#include <filesystem>

namespace depmap::layers {

// Checks the set that `path` (its .shp, .shx or .dbf) belongs to by the headers
// alone, before GDAL reads it: each file holds as many bytes as its header states,
// and the .shx and .dbf count the same records. A missing .shx or .dbf is left to
// GDAL. Returns the records the set states, or -1 when `path` is no part of a
// Shapefile or none of its files states them. Throws InputError naming the file and
// the counts.
std::int64_t check_shapefile_set(const std::filesystem::path& path);

} // namespace depmap::layers
