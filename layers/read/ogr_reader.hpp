#pragma once
// Any vector source GDAL/OGR reads: GeoJSON, Shapefile, GeoPackage, KML, FlatGeobuf,
// PostGIS ("PG:dbname=..."), ...
#include "layers/model/layer.hpp"
#include "layers/read/read_options.hpp"

#include <string>
#include <vector>

namespace depmap::layers {

// Reads one layer of an OGR source into WGS84. Throws InputError for a missing file,
// a format GDAL does not read, a wrong or missing layer name (listing the layers), a
// feature without usable geometry; CrsError for a CRS PROJ cannot transform.
Layer read_ogr(const std::string& source, const ReadOptions& options);

// The names of the source's data layers (a GeoPackage's `layer_styles` left out), in
// the source's order. Throws InputError as read_ogr does for a missing or unreadable source.
std::vector<std::string> ogr_layer_names(const std::string& source);

} // namespace depmap::layers
