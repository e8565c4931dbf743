#pragma once
// How a layer is read.
#include <string>

namespace depmap::layers {

enum class OnError {
    Fail,  // the first bad row or feature stops the read with an InputError
    Skip,  // bad rows and features are left out and counted in Layer::skipped
};

struct ReadOptions {
    // The layer to read from a multi-layer source (GeoPackage, KML folders ...).
    // DEFAULT: empty, which takes the only layer and is an error when there are several.
    std::string layer_name;
    // The CRS of the coordinates, overriding what the file says. DEFAULT: empty, which
    // takes the file's CRS, or EPSG:4326 for CSV and for files that name none.
    std::string src_crs;
    // DEFAULT: OnError::Fail.
    OnError on_error = OnError::Fail;
    // A PostGIS table only: an SQL condition the server selects the rows by (a candidate
    // set, layers/query/postgis_candidates.hpp), never user text. DEFAULT: empty, every row.
    std::string server_where;
};

} // namespace depmap::layers
