#include "layers/query/postgis_candidates.hpp"

#include "base/parameter.hpp"
#include "geo/geodesic.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/gdal/postgis_source.hpp"
#include "layers/query/places.hpp"
#include "layers/read/read.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace depmap::layers {

namespace {

// The server measures on a sphere (use_spheroid false, the index's own measure): Karney's
// distances on WGS84 are within 0.6 % of it, so 1 % more and a metre miss no point.
double generous_m(double radius_m) { return radius_m * 1.01 + 1.0; }

// A lon/lat box holding every point within radius_m of centre, for a geometry column's
// index; empty when it would reach a pole or the antimeridian (the radius test alone then).
std::string box_condition(const std::string& column, geo::LonLat centre, double radius_m) {
    constexpr double metres_per_degree = 6378137.0 * std::numbers::pi / 180.0;  // a parallel's at most, per cos(lat)
    constexpr double meridian_m_per_degree = 110574.0;                       // a meridian degree's least
    const double lat_deg = radius_m / meridian_m_per_degree * 1.001 + 1e-6;
    const double farthest_lat = std::abs(centre.lat_deg) + lat_deg;
    if (farthest_lat >= 89.0) return {};
    const double lon_deg = radius_m / (metres_per_degree * std::cos(farthest_lat * std::numbers::pi / 180.0)) * 1.001 + 1e-6;
    if (centre.lon_deg - lon_deg <= -180.0 || centre.lon_deg + lon_deg >= 180.0) return {};
    return fmt::format("{} && ST_MakeEnvelope({:.17g}, {:.17g}, {:.17g}, {:.17g}, 4326) AND ", column,
                       centre.lon_deg - lon_deg, centre.lat_deg - lat_deg, centre.lon_deg + lon_deg,
                       centre.lat_deg + lat_deg);
}

std::string point_sql(geo::LonLat centre, bool geography) {
    return fmt::format("ST_SetSRID(ST_MakePoint({:.17g}, {:.17g}), 4326){}", centre.lon_deg, centre.lat_deg,
                       geography ? "::geography" : "");
}

// The exact distance to the k-th of the k points the server orders nearest by `<->`: every
// one of the k nearest by Karney lies within it. Empty when the table has fewer.
std::optional<double> kth_bound_m(GDALDataset& dataset, const std::string& table, const std::string& column,
                                  bool geography, const Around& around) {
    const auto sql = fmt::format("SELECT ST_X({0}::geometry), ST_Y({0}::geometry) FROM {1} WHERE {0} IS NOT NULL "
                                 "ORDER BY {0} <-> {2} LIMIT {3}",
                                 column, sql_identifier(table), point_sql(around.centre, geography), around.k);
    GdalErrorTrap quiet;
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result == nullptr) return std::nullopt;
    std::size_t count = 0;
    double farthest_m = 0.0;
    for (auto& feature : *result) {
        const geo::LonLat point{feature->GetFieldAsDouble(0), feature->GetFieldAsDouble(1)};
        const double distance_m = geo::geodesic_distance_m(around.centre, point);
        if (!std::isfinite(distance_m)) continue;
        farthest_m = std::max(farthest_m, distance_m);
        ++count;
    }
    dataset.ReleaseResultSet(result);
    if (count < around.k) return std::nullopt;
    return farthest_m;
}

AroundRead whole(std::string why) { return {std::nullopt, "read whole, selected in memory: " + why}; }

} // namespace

std::optional<geo::LonLat> coordinates_in(std::string_view text) {
    static const Layer none;
    try {
        const auto place = PlaceResolver(none, {}).resolve(text);
        return place.position;
    } catch (const std::exception&) {
        return std::nullopt;  // a name: the layer itself is needed to resolve it
    }
}

AroundRead read_around(const std::string& source, const ReadOptions& options, const Around& around) {
    if (!is_postgis_source(source)) return {};
    if (!options.src_crs.empty()) return whole(fmt::format("{} is given", parameter("src_crs")));
    if (around.k > 0 && around.selected)
        return whole(fmt::format("the nearest of a {} or {} selection", parameter("where"), parameter("commodity")));
    auto dataset = open_postgis(source, false);
    OGRLayer* table = nullptr;
    if (!options.layer_name.empty()) table = dataset->GetLayerByName(options.layer_name.c_str());
    else if (dataset->GetLayerCount() == 1) table = dataset->GetLayer(0);
    if (table == nullptr) return whole("no one table named");
    if (wkbFlatten(table->GetGeomType()) != wkbPoint) return whole("the table is not of points");
    const auto* srs = table->GetSpatialRef();
    if (srs == nullptr || srs->GetAuthorityCode(nullptr) == nullptr || std::string(srs->GetAuthorityCode(nullptr)) != "4326")
        return whole("the table is not in EPSG:4326");
    const std::string name = table->GetName();
    const std::string column = sql_identifier(table->GetGeometryColumn());
    const auto type = column_type(*dataset, name, table->GetGeometryColumn());
    const bool geography = type.rfind("geography", 0) == 0;
    if (!geography && type.rfind("geometry", 0) != 0) return whole("its geometry column is of type " + type);

    double radius_m = around.radius_m;
    std::string how;
    if (around.k > 0) {
        const auto bound_m = kth_bound_m(*dataset, name, column, geography, around);
        if (!bound_m) return whole(fmt::format("the table holds fewer than {} points", around.k));
        radius_m = std::min(radius_m, *bound_m);
        how = fmt::format("the {} nearest by the server's <-> order, {:.3f} m away at most, then ", around.k, *bound_m);
    }
    if (!std::isfinite(radius_m)) return whole("no finite radius");
    dataset.reset();

    const std::string within = fmt::format("ST_DWithin({}{}, {}, {:.17g}, false)", column, geography ? "" : "::geography",
                                           point_sql(around.centre, true), generous_m(radius_m));
    ReadOptions selected = options;
    selected.layer_name = name;
    selected.server_where = (geography ? std::string() : box_condition(column, around.centre, radius_m)) + within;
    Layer layer = read_layer(source, selected);
    how = fmt::format("selected on the server: {}ST_DWithin on its {} column and index ({:.3f} m + 1 %), {} candidates",
                      how, geography ? "geography" : "geometry", radius_m, layer.size());
    return {std::move(layer), std::move(how)};
}

} // namespace depmap::layers
