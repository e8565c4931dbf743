#include "layers/read/ogr_reader.hpp"

#include "base/progress.hpp"

#include "base/error.hpp"
#include "layers/gdal/crs.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/model/layer_builder.hpp"
#include "layers/gdal/ogr_geometry.hpp"
#include "layers/gdal/postgis_source.hpp"
#include "layers/read/position_check.hpp"
#include "layers/read/problems.hpp"
#include "layers/read/shapefile_set.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <memory>

namespace depmap::layers {

namespace {

Dataset open_dataset(const std::string& source) {
    const bool is_connection = source.find(':') != std::string::npos &&
                               !std::filesystem::exists(source);
    if (!is_connection && !std::filesystem::exists(source))
        throw InputError(fmt::format("{}: no such file; check the path", source));
    if (is_postgis_source(source)) return open_postgis(source, false);
    CPLErrorReset();
    Dataset dataset(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset)
        throw InputError(fmt::format("{}: not a vector format GDAL can read ({}); convert it to "
                                     "CSV, GeoJSON, Shapefile or GeoPackage",
                                     source, gdal_error_or("no driver recognised it")));
    return dataset;
}

// The data layers: QGIS's `layer_styles` table, which depmap stores its styles in, is
// a GeoPackage's metadata, not one of its layers.
std::vector<std::string> layer_names(GDALDataset& dataset) {
    std::vector<std::string> names;
    for (auto* layer : dataset.GetLayers())
        if (std::string_view(layer->GetName()) != "layer_styles" || layer->GetGeomType() != wkbNone)
            names.emplace_back(layer->GetName());
    return names;
}

OGRLayer& choose_layer(GDALDataset& dataset, const std::string& source, const std::string& name) {
    const auto names = layer_names(dataset);
    if (is_postgis_source(source) && !has_postgis(dataset))
        throw InputError(fmt::format("{}: the database has no PostGIS extension, so no table of it has a "
                                     "geometry; run CREATE EXTENSION postgis in it, or read another database",
                                     without_password(source)));
    if (names.empty()) throw InputError(fmt::format("{}: the source holds no layers", source));
    if (name.empty()) {
        if (names.size() > 1)
            throw InputError(fmt::format("{}: holds {} layers ({}); choose one with {}",
                                         source, names.size(), fmt::join(names, ", "), parameter("layer_name")));
        return *dataset.GetLayer(0);
    }
    if (auto* layer = dataset.GetLayerByName(name.c_str())) return *layer;
    if (is_postgis_source(source))
        throw InputError(fmt::format("{}: no table named '{}'; its tables with geometry are: {}",
                                     without_password(source), name, fmt::join(names, ", ")));
    throw InputError(fmt::format("{}: no layer named '{}'; its layers are: {}", source, name,
                                 fmt::join(names, ", ")));
}

FieldType field_type(const OGRFieldDefn& field) {
    switch (field.GetType()) {
    case OFTInteger:
    case OFTInteger64: return FieldType::Integer;
    case OFTReal: return FieldType::Real;
    default: return FieldType::String;  // text, dates and lists as their text
    }
}

void push_field(Column& column, OGRFeature& feature, int index) {
    if (!feature.IsFieldSetAndNotNull(index)) {
        column.push_null();
        return;
    }
    switch (column.type()) {
    case FieldType::Integer: column.push(static_cast<std::int64_t>(feature.GetFieldAsInteger64(index))); break;
    case FieldType::Real: column.push(feature.GetFieldAsDouble(index)); break;
    case FieldType::String: column.push(std::string_view(feature.GetFieldAsString(index))); break;
    }
}

// The source CRS: the user's, the layer's, or (naming none) WGS84 with a note.
OGRSpatialReference source_crs(OGRLayer& ogr_layer, const ReadOptions& options, Layer& layer) {
    if (!options.src_crs.empty()) {
        auto srs = crs_from_user_text(options.src_crs);
        layer.crs = crs_label(srs);
        return srs;
    }
    if (const auto* srs = ogr_layer.GetSpatialRef()) {
        layer.crs = crs_label(*srs);
        return *srs;
    }
    layer.notes.push_back(fmt::format("{}: names no CRS; reading it as EPSG:4326 (use {} "
                                      "to say otherwise)", layer.source, parameter("src_crs")));
    return wgs84();
}

// Checks the transformed geometry's box: every vertex lies inside it.
std::optional<PositionProblem> check_geometry(const OGRGeometry& geometry) {
    OGREnvelope envelope;
    geometry.getEnvelope(&envelope);
    for (const geo::LonLat corner : {geo::LonLat{envelope.MinX, envelope.MinY},
                                     geo::LonLat{envelope.MaxX, envelope.MaxY}})
        if (auto problem = check_position(corner)) return problem;
    return std::nullopt;
}

// How many features the source says the layer holds, where its format states it
// (a FlatGeobuf's header; a Shapefile's, checked before GDAL opens it); -1 otherwise.
// Other formats are whole or fail to open, or GDAL reports the damage as it reads.
std::int64_t stated_feature_count(OGRLayer& layer, const std::string& driver, std::int64_t shapefile_records) {
    if (driver == "FlatGeobuf") return layer.GetFeatureCount(FALSE);
    return driver == "ESRI Shapefile" ? shapefile_records : -1;
}

// The geometry in WGS84; false when it cannot be transformed. What GDAL says about
// a failed transformation goes to a trap of its own: the caller reports it.
bool to_wgs84_in_place(OGRGeometry& geometry, const ToWgs84& to_wgs84) {
    GdalErrorTrap own;
    return to_wgs84.ogr() == nullptr || geometry.transform(to_wgs84.ogr()) == OGRERR_NONE;
}

// Throws when GDAL reported a problem or read a count other than the one stated.
void check_read_whole(const std::string& source, std::int64_t read, std::int64_t stated,
                      const GdalErrorTrap& trap) {
    if (!trap.caught() && (stated < 0 || read == stated)) return;
    const std::string gdal = trap.caught() ? fmt::format("GDAL reports '{}'", trap.first()) : "";
    if (stated < 0)
        throw InputError(fmt::format("{}: {} after {} features, so the layer would not be read whole "
                                     "and exact; repair the file or read it from a good copy",
                                     source, gdal, read));
    throw InputError(fmt::format("{}: read {} of the {} features its header states{}: the file is "
                                 "damaged or cut short; read it from a good copy",
                                 source, read, stated, gdal.empty() ? "" : " (" + gdal + ")"));
}

} // namespace

std::vector<std::string> ogr_layer_names(const std::string& source) {
    const auto dataset = open_dataset(source);
    return layer_names(*dataset);
}

Layer read_ogr(const std::string& source, const ReadOptions& options) {
    ensure_gdal();
    // Any error or warning from GDAL while it reads, even one it reads on after, means
    // features or values that were lost: the read fails rather than go on with less.
    GdalErrorTrap trap;
    const std::int64_t shapefile_records = check_shapefile_set(source);
    Dataset dataset = open_dataset(source);
    OGRLayer& ogr_layer = choose_layer(*dataset, source, options.layer_name);

    Layer layer;
    layer.source = source;
    layer.name = ogr_layer.GetName();
    layer.driver = dataset->GetDriver() != nullptr ? dataset->GetDriver()->GetDescription() : "";
    layer.geometry_source = fmt::format("{} geometry", layer.driver);
    const ToWgs84 to_wgs84(source_crs(ogr_layer, options, layer));

    OGRFeatureDefn& definition = *ogr_layer.GetLayerDefn();
    for (int i = 0; i < definition.GetFieldCount(); ++i) {
        const auto& field = *definition.GetFieldDefn(i);
        layer.fields.push_back({field.GetNameRef(), field_type(field)});
    }
    // With no features, what the layer declares: a point layer if it declares no one kind.
    const auto declared = ogr_layer.GetGeomType();
    layer.kind = geometry_kind(declared) == GeometryKind::None ? GeometryKind::Point : geometry_kind(declared);
    layer.geometry_type = geometry_kind(declared) == GeometryKind::None ? "None" : geometry_type_name(declared);
    LayerBuilder builder(layer);
    Problems problems(source, options.on_error, layer.skipped);

    const std::int64_t stated = stated_feature_count(ogr_layer, layer.driver, shapefile_records);
    const bool postgis = is_postgis_source(source);
    if (postgis && !options.server_where.empty() && ogr_layer.SetAttributeFilter(options.server_where.c_str()) != OGRERR_NONE)
        throw InputError(fmt::format("{}: the server refused the selection ({})", without_password(source),
                                     trap.caught() ? trap.first() : "unknown reason"));
    std::vector<GIntBig> fids;  // a table's rows, to put them in its key's order
    std::int64_t read = 0;
    ogr_layer.ResetReading();
    ProgressStep progress("reading", stated > 0 ? static_cast<std::uint64_t>(stated) : 0);
    for (auto& feature : ogr_layer) {
        if (trap.caught()) break;
        ++read;
        progress.advance();
        const std::string where = fmt::format("feature {}", feature->GetFID());
        OGRGeometry* geometry = feature->GetGeometryRef();
        if (geometry == nullptr || geometry->IsEmpty()) {
            problems.report(where, "no geometry", "the feature has no geometry");
            continue;
        }
        if (!to_wgs84_in_place(*geometry, to_wgs84)) {
            problems.report(where, "cannot transform",
                            fmt::format("the geometry cannot be transformed from {} to WGS84; "
                                        "check its coordinates and the CRS", layer.crs));
            continue;
        }
        if (const auto problem = check_geometry(*geometry)) {
            problems.report(where, problem->reason, problem->detail);
            continue;
        }
        if (wkbFlatten(geometry->getGeometryType()) == wkbPoint) {
            builder.add_point({geometry->toPoint()->getX(), geometry->toPoint()->getY()});
        } else {
            try {
                builder.add_shape(to_shape(*geometry), geometry_type_name(*geometry));
            } catch (const std::invalid_argument& e) {
                problems.report(where, "unsupported geometry",
                                fmt::format("{} cannot be used; split it into simple geometries",
                                            e.what()));
                continue;
            }
        }
        for (int i = 0; i < definition.GetFieldCount(); ++i)
            push_field(builder.column(static_cast<std::size_t>(i)), *feature, i);
        if (postgis) fids.push_back(feature->GetFID());
    }
    check_read_whole(source, read, stated, trap);
    builder.finish();
    // A PostgreSQL table has no order of its own: rows come as the server finds them (an
    // index scan differs from a full one). Its key's order makes every read, whole or
    // selected on the server, list and rank rows alike.
    if (postgis && !std::is_sorted(fids.begin(), fids.end())) {
        std::vector<std::size_t> order(fids.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return fids[a] < fids[b]; });
        auto sorted = layer.subset(order);
        sorted.notes = layer.notes;
        sorted.skipped = layer.skipped;
        return sorted;
    }
    return layer;
}

} // namespace depmap::layers
