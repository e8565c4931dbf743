#pragma once
// One layer into an open GDAL dataset: its fields, then every feature, in one
// transaction where the driver has them.
#include "layers/write/dbf_fields.hpp"
#include "layers/model/layer.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <string>
#include <vector>

namespace depmap::layers {

struct OgrLayerSpec {
    std::string name;
    OGRwkbGeometryType geometry_type = wkbUnknown;
    const OGRSpatialReference* crs = nullptr;              // of the output
    OGRCoordinateTransformation* transform = nullptr;       // from WGS84; null: none
    std::vector<std::string> creation_options;              // GDAL layer creation options
    std::vector<DbfField> dbf;                              // Shapefile names and widths
    bool spatial_index_after = false;                       // GeoPackage: build it once, at the end
    int decimals = -1;                                      // >= 0: coordinates rounded to these
    std::vector<std::size_t> row_order;                     // the rows to write, in order; empty: all, as they are
    OGRLayer* append_to = nullptr;                          // an existing layer to add the rows to; null: create one
    bool in_transaction = false;                            // the caller holds the transaction: start none
};

// Writes `layer` as `spec` says. Answers what a user may want to know under -v (a spatial
// index SQLite filled itself, gpkg_rtree.hpp). Throws OutputError naming `path` and the
// feature when GDAL refuses or warns about anything (a warning here is a value lost).
std::vector<std::string> write_ogr_layer(GDALDataset& dataset, const Layer& layer, const OgrLayerSpec& spec,
                     const std::string& path);

} // namespace depmap::layers
