#pragma once
// QGIS styles inside a GeoPackage: the `layer_styles` table QGIS itself creates when it
// saves a style to the database, so QGIS applies the style as the layer's default
// whenever it opens the layer, with no .qml beside the file.
#include <gdal_priv.h>

#include <string>

namespace depmap::layers {

// Stores `qml` as the default style of `layer_name` in an open, writable GeoPackage:
// creates `layer_styles` with QGIS's columns when missing (GDAL registers it in
// gpkg_contents as an attributes table), replaces a style of the same name for that
// layer, and makes it the only default of the layer. Call it while the writer holds
// the dataset open. Throws OutputError when the dataset is not a GeoPackage, has no
// such layer, or refuses the write.
void store_qgis_style(GDALDataset& gpkg, const std::string& layer_name, const std::string& qml);

// Removes every stored style of `layer_name` (when the layer is replaced, its old style
// must not dress the new one). Does nothing in a file without styles. Throws OutputError.
void drop_qgis_styles(GDALDataset& gpkg, const std::string& layer_name);

} // namespace depmap::layers
