#include "layers/query/postgis_candidates.hpp"

#include "base/parameter.hpp"
#include "geo/geodesic.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/gdal/postgis_source.hpp"
#include "layers/model/commodities.hpp"
#include "layers/query/attribute_filter.hpp"
#include "layers/query/places.hpp"
#include "layers/query/postgis_where.hpp"
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
std::optional<double> kth_bound_m(GDALDataset& dataset, const std::string& relation, const std::string& column,
                                  bool geography, const Around& around, std::size_t k, const std::string& attributes) {
    const auto sql = fmt::format("SELECT ST_X({0}::geometry), ST_Y({0}::geometry) FROM {1} WHERE {0} IS NOT NULL{4} "
                                 "ORDER BY {0} <-> {2} LIMIT {3}",
                                 column, relation, point_sql(around.centre, geography), k,
                                 attributes.empty() ? "" : " AND " + attributes);
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
    if (count < k) return std::nullopt;
    return farthest_m;
}

// The count of the rows `where` selects (all without it), and of those among them whose
// position check_position() would refuse: NULL, an empty point (no X, no Y), NaN
// (PostgreSQL orders it above every number) or out of range. A geography column is cast
// once a row (the cast costs more than the rest; OFFSET 0 keeps it from being repeated),
// a geometry column read as it is, in parallel where the server may.
std::string counts_sql(const std::string& relation, const std::string& column, bool geography, const std::string& where) {
    const std::string rows = relation + (where.empty() ? "" : " WHERE (" + where + ")");
    const std::string xy =
        geography ? fmt::format("SELECT ST_X(g) AS x, ST_Y(g) AS y FROM (SELECT {}::geometry AS g FROM {} OFFSET 0) "
                                "AS cast_once OFFSET 0", column, rows)
                  : fmt::format("SELECT ST_X({0}) AS x, ST_Y({0}) AS y FROM {1}", column, rows);
    return fmt::format("SELECT count(*) AS n, count(*) FILTER (WHERE (x >= -180 AND x < 360 AND y BETWEEN -90 AND 90) "
                       "IS NOT TRUE) AS bad FROM ({}) AS xy", xy);
}

// How many rows `condition` leaves on the server, with a usable position and without: the
// whole table's less the selection's, in one statement (one snapshot). The table's scan
// reads the coordinates alone, without `condition` (ST_DWithin on every row of a geography
// column cost more than the check itself); the selection is counted by the index, and its
// positions are looked at only when the table has a row without one.
std::optional<std::pair<std::size_t, std::size_t>> rest_counts(GDALDataset& dataset, const std::string& relation,
                                                               const std::string& column, bool geography,
                                                               const std::string& condition) {
    const auto sql = fmt::format(
        "SELECT rest - bad AS usable, bad FROM (SELECT a.n - s.n AS rest, a.bad - CASE WHEN a.bad = 0 THEN 0 ELSE "
        "(SELECT bad FROM ({}) AS b) END AS bad FROM ({}) AS a, (SELECT count(*) AS n FROM {} WHERE ({})) AS s) AS r",
        counts_sql(relation, column, geography, condition), counts_sql(relation, column, geography, ""),
        relation, condition);
    GdalErrorTrap quiet;
    // PostgreSQL's JIT would spend longer compiling this scan than running it.
    if (OGRLayer* none = dataset.ExecuteSQL("SET jit = off", nullptr, nullptr)) dataset.ReleaseResultSet(none);
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result == nullptr) return std::nullopt;
    std::optional<std::pair<std::size_t, std::size_t>> counts;
    if (auto feature = std::unique_ptr<OGRFeature>(result->GetNextFeature()); feature && feature->GetFieldCount() == 2)
        counts.emplace(static_cast<std::size_t>(feature->GetFieldAsInteger64(0)),
                       static_cast<std::size_t>(feature->GetFieldAsInteger64(1)));
    dataset.ReleaseResultSet(result);
    return counts;
}

std::string box_sql(const std::string& column, bool geography, const geo::Box& b) {
    return fmt::format("{}{} && ST_MakeEnvelope({:.17g}, {:.17g}, {:.17g}, {:.17g}, 4326)", column,
                       geography ? "::geometry" : "", b.min_lon_deg, b.min_lat_deg, b.max_lon_deg, b.max_lat_deg);
}

std::string joined(const std::vector<std::string>& parts, std::string_view with) {
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : std::string(with)) + "(" + part + ")";
    return text;
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

std::vector<geo::Box> candidate_boxes(const std::vector<geo::MultiPolygon>& polygons) {
    std::vector<geo::Box> boxes;
    for (const auto& polygon : polygons) {
        geo::Box box;
        for (const auto& part : polygon)
            for (const auto& p : part.outer()) box.extend(p);
        // PolygonIndex (covered_by) places a point at most ~1e-13 of the coordinates'
        // magnitude outside a part's envelope; a millionth of it is ample and a few cm.
        const double margin = 1e-6 * std::max({1.0, std::abs(box.min_lon_deg), std::abs(box.max_lon_deg),
                                                std::abs(box.min_lat_deg), std::abs(box.max_lat_deg),
                                                box.max_lon_deg - box.min_lon_deg, box.max_lat_deg - box.min_lat_deg});
        if (!box.empty())
            boxes.push_back({box.min_lon_deg - margin, box.min_lat_deg - margin, box.max_lon_deg + margin,
                             box.max_lat_deg + margin});
    }
    return boxes;
}

AroundRead read_around(const std::string& source, const ReadOptions& options, const Around& around) {
    if (!is_postgis_source(source)) return {};
    if (!options.src_crs.empty()) return whole(fmt::format("{} is given", parameter("src_crs")));
    if (!around.commodity.empty() && !is_known_commodity(around.commodity))
        return whole(fmt::format("{} '{}' is no commodity depmap knows", parameter("commodity"), around.commodity));
    for (const auto& box : around.boxes)
        if (!std::isfinite(box.min_lon_deg) || !std::isfinite(box.max_lon_deg) || !std::isfinite(box.min_lat_deg) ||
            !std::isfinite(box.max_lat_deg))
            return whole("a region has no finite box");
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
    const std::string relation = table_relation(*dataset, name, table->GetGeometryColumn());
    if (relation.empty()) return whole("its table is not in the database's catalogue");
    const std::string column = sql_identifier(table->GetGeometryColumn());
    const auto type = column_type(*dataset, relation, table->GetGeometryColumn());
    const bool geography = type.rfind("geography", 0) == 0;
    if (!geography && type.rfind("geometry", 0) != 0) return whole("its geometry column is of type " + type);

    ReadOptions selected = options;
    selected.layer_name = name;
    // The selection by attributes: validated as in memory (on the table's fields, no row),
    // then as much of it as means the same in both dialects.
    std::string attributes;
    if (!around.where.empty() || !around.commodity.empty()) {
        ReadOptions none = selected;
        none.server_where = "FALSE";
        const Layer fields = read_layer(source, none);
        if (!around.where.empty()) rows_where(fields, around.where);
        const auto field = commodity_field(fields);
        attributes = server_condition(*table, around.where, field ? fields.fields[*field].name : std::string(),
                                      around.commodity);
    }
    const std::string attributes_how =
        attributes.empty() ? std::string()
                           : fmt::format(" and {} as SQL", around.where.empty() ? parameter("commodity")
                                                           : around.commodity.empty()
                                                               ? parameter("where")
                                                               : parameter("where") + " " + parameter("commodity"));
    const auto with_attributes = [&](std::string spatial) {
        return attributes.empty() ? spatial : joined({spatial, attributes}, " AND ");
    };

    // A row the server keeps back with no usable position would stop (or be skipped by)
    // the whole read; then read whole, to say the same.
    const auto finish = [&](const std::string& condition, std::string how, std::optional<Layer> read) -> AroundRead {
        // Most of the table selected: reading it whole is faster than selecting it and
        // checking the rest (the boxes of regions over the whole area, a wide radius).
        if (const auto share = read ? std::nullopt : selected_share(*dataset, relation, condition); share && *share > 0.5)
            return whole(fmt::format("the selection holds most of the table ({:.0f} % of a sample of its rows)",
                                     100.0 * *share));
        const auto rest = rest_counts(*dataset, relation, column, geography, condition);
        if (!rest) return whole("the server could not count the rows it leaves out");
        if (rest->second > 0) return whole(fmt::format("{} rows it leaves out have no usable position", rest->second));
        dataset.reset();
        if (!read) {
            selected.server_where = condition;
            read = read_layer(source, selected);
        }
        how += fmt::format(", {} candidates, {} rows left on the server", read->size(), rest->first);
        return {std::move(read), std::move(how), around.count_rest ? rest->first : 0};
    };

    std::string how;
    std::string condition;
    if (!around.boxes.empty()) {
        std::vector<std::string> parts;
        if (around.boxes.size() <= 64) {
            for (const auto& box : around.boxes) parts.push_back(box_sql(column, geography, box));
        } else {
            geo::Box all;
            for (const auto& box : around.boxes) {
                all.extend(geo::LonLat{box.min_lon_deg, box.min_lat_deg});
                all.extend(geo::LonLat{box.max_lon_deg, box.max_lat_deg});
            }
            parts.push_back(box_sql(column, geography, all));
        }
        condition = with_attributes(joined(parts, " OR "));
        how = fmt::format("the boxes of {} polygons{} ({}), then decided in memory", around.boxes.size(), attributes_how,
                          geography ? "&& on its geography column cast to geometry, no index" : "&& on its geometry column and index");
    } else {
        double radius_m = around.radius_m;
        const auto within_sql = [&](double r_m) {
            return fmt::format("{}ST_DWithin({}{}, {}, {:.17g}, false)",
                               geography ? std::string() : box_condition(column, around.centre, r_m), column,
                               geography ? "" : "::geography", point_sql(around.centre, true), generous_m(r_m));
        };
        if (around.k > 0) {
            // The k nearest of the server's (superset) selection bound the answer when k rows the
            // selection in memory keeps lie within that bound; else ask for more.
            const bool exact_rows = around.where.empty() && around.commodity.empty();
            std::optional<double> bound_m;
            for (std::size_t ask = around.k; ask <= around.k * 512; ask *= 8) {
                bound_m = kth_bound_m(*dataset, relation, column, geography, around, ask, attributes);
                if (!bound_m || *bound_m >= around.radius_m || exact_rows) break;
                selected.server_where = with_attributes(within_sql(*bound_m));
                const Layer candidates = read_layer(source, selected);
                std::size_t kept = 0;
                for (const auto row : rows_selected(candidates, around.where, around.commodity))
                    kept += geo::geodesic_distance_m(around.centre, candidates.points[row]) <= *bound_m;
                if (kept >= around.k) {
                    how = fmt::format("selected on the server: the {} nearest{} by the server's <-> order, {:.3f} m away "
                                      "at most, {} of them kept in memory, then ST_DWithin ({:.3f} m + 1 %)",
                                      ask, attributes_how, *bound_m, kept, *bound_m);
                    return finish(selected.server_where, std::move(how), candidates);
                }
                bound_m.reset();
                if (ask == around.k * 512) return whole("the nearest the selection keeps are too far among those the server orders");
            }
            if (bound_m) {
                radius_m = std::min(radius_m, *bound_m);
                how = fmt::format("the {} nearest{} by the server's <-> order, {:.3f} m away at most, then ", around.k,
                                  attributes_how, *bound_m);
            } else if (std::isfinite(radius_m)) {
                how = fmt::format("fewer than {} points{} nearer than the farthest, then ", around.k, attributes_how);
            }
        }
        if (!std::isfinite(radius_m)) {
            if (attributes.empty()) return whole("no finite radius");
            condition = attributes;
            how += "the selection by attributes as SQL, no radius";
        } else {
            condition = with_attributes(within_sql(radius_m));
            how += fmt::format("ST_DWithin on its {} column and index ({:.3f} m + 1 %){}",
                               geography ? "geography" : "geometry", radius_m, attributes_how);
        }
        how = "selected on the server: " + how;
    }
    if (!around.boxes.empty()) how = "selected on the server: " + how;
    return finish(condition, std::move(how), std::nullopt);
}

} // namespace depmap::layers
