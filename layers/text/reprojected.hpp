#pragma once
// A layer's coordinates in another CRS, for the text formats that write them themselves
// (a CSV's X,Y columns or WKT). GDAL's writers transform their own.
#include "layers/model/layer.hpp"

#include <ogr_spatialref.h>

#include <string>
#include <vector>

namespace depmap::layers {

// The same rows' geometry with every coordinate transformed: x in lon_deg, y in lat_deg.
struct Reprojected {
    std::vector<geo::LonLat> points;
    std::vector<geo::Shape> shapes;
};

// Throws OutputError naming `path` and the first feature PROJ cannot transform.
Reprojected reprojected(const Layer& layer, OGRCoordinateTransformation& transform, const std::string& path);

} // namespace depmap::layers
