#pragma once
// Layers into PostGIS tables (-o PG:dbname=... host=...), through GDAL's PostgreSQL driver.
#include "layers/write/write_layer.hpp"

#include <ogr_spatialref.h>

#include <string>
#include <vector>

namespace depmap::layers {

// Writes each layer into the table of its name (OutputLayer::name, else Layer::name) of
// the database `connection` names, all in one transaction: the server holds either every
// table whole or none of them, whatever stops the write (an error, a signal, the server
// going down). A new table has a `geom` column of the layer's geometry type in `crs`
// (geometry(Point,4326) by default) with a GiST index, a `fid` key, Integer fields as
// bigint, Real as double precision, text as varchar, names as given (Chinese included).
// An existing table is dropped and written anew only with options.overwrite, added to
// (its fields by name) only with options.append. Throws OutputError, one line, naming the
// connection without its password and the server's reason.
WriteReport write_postgis(const std::vector<OutputLayer>& layers, const std::string& connection,
                          const WriteOptions& options, const OGRSpatialReference& crs,
                          OGRCoordinateTransformation* transform);

} // namespace depmap::layers
