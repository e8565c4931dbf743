#pragma once
// Coordinate reference systems: what users write, how depmap names them, and the
// transformation of source coordinates to WGS84 lon/lat.
#include "geo/lonlat.hpp"

#include <ogr_spatialref.h>

#include <memory>
#include <string>
#include <vector>

namespace depmap::layers {

// WGS84 geographic, lon/lat order.
OGRSpatialReference wgs84();

// A CRS from user text: "EPSG:32649", WKT, a PROJ string, or any definition GDAL's
// SetFromUserInput takes. Lon/lat (traditional GIS) axis order. Throws CrsError.
OGRSpatialReference crs_from_user_text(const std::string& text);

// How depmap names a CRS: its authority code ("EPSG:32649") when it has or can be
// identified with one, otherwise its name.
std::string crs_label(const OGRSpatialReference& srs);

// Transforms positions from a source CRS to WGS84 lon/lat, in bulk.
class ToWgs84 {
public:
    // No transformation: the source already is WGS84 lon/lat.
    ToWgs84() = default;
    // Throws CrsError when PROJ has no transformation from `source`.
    explicit ToWgs84(const OGRSpatialReference& source);
    ~ToWgs84();
    ToWgs84(const ToWgs84&) = delete;
    ToWgs84& operator=(const ToWgs84&) = delete;

    // True when source positions already are WGS84 lon/lat.
    bool is_identity() const { return !m_transform; }

    // Transforms in place; ok[i] is set false for a position PROJ could not transform.
    void transform(std::vector<geo::LonLat>& positions, std::vector<bool>& ok) const;
    // The OGR transformation for geometries (null when is_identity()).
    OGRCoordinateTransformation* ogr() const { return m_transform.get(); }

private:
    struct Deleter {
        void operator()(OGRCoordinateTransformation* t) const;
    };
    std::unique_ptr<OGRCoordinateTransformation, Deleter> m_transform;
};

} // namespace depmap::layers
