#include "layers/write/postgis_write.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/gdal/ogr_geometry.hpp"
#include "layers/gdal/postgis_source.hpp"
#include "layers/write/ogr_write.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>

namespace depmap::layers {

namespace {

std::string table_name(const OutputLayer& output, const std::string& where) {
    if (!output.name.empty()) return output.name;
    if (!output.layer->name.empty()) return output.layer->name;
    throw OutputError(fmt::format("{}: name the table with {}", where, parameter("output_layer")));
}

int layer_index(GDALDataset& dataset, const std::string& name) {
    for (int i = 0; i < dataset.GetLayerCount(); ++i)
        if (name == dataset.GetLayer(i)->GetName()) return i;
    return -1;
}

// A table GDAL does not list (no geometry, another schema's view of it) still exists.
bool table_exists(GDALDataset& dataset, const std::string& name) {
    if (layer_index(dataset, name) >= 0) return true;
    GdalErrorTrap quiet;
    OGRLayer* result = dataset.ExecuteSQL(
        fmt::format("SELECT 1 FROM pg_class WHERE oid = to_regclass({})", sql_literal(sql_identifier(name))).c_str(),
        nullptr, nullptr);
    if (result == nullptr) return false;
    const bool found = result->GetFeatureCount(TRUE) > 0;
    dataset.ReleaseResultSet(result);
    return found;
}

} // namespace

WriteReport write_postgis(const std::vector<OutputLayer>& layers, const std::string& connection,
                          const WriteOptions& options, const OGRSpatialReference& crs,
                          OGRCoordinateTransformation* transform) {
    const std::string where = without_password(connection);
    auto dataset = open_postgis(connection, true);
    if (!has_postgis(*dataset))
        throw OutputError(fmt::format("{}: the database has no PostGIS extension; run CREATE EXTENSION postgis "
                                      "in it (as its owner), or write to another database", where));
    WriteReport report{FileFormat::PostGis, {}, {}, {}, {}};
    std::vector<std::string> names;
    for (const auto& output : layers) {
        names.push_back(table_name(output, where));
        if (!options.overwrite && !options.append && table_exists(*dataset, names.back()))
            throw OutputError(fmt::format("{}: already has a table '{}'; pass {} to replace it or {} to add "
                                          "to it, or name another with {}", where, names.back(),
                                          parameter("overwrite"), parameter("append"), parameter("output_layer")));
    }
    GdalErrorTrap trap;
    if (dataset->StartTransaction() != OGRERR_NONE)
        throw OutputError(fmt::format("{}: cannot start a transaction ({})", where,
                                      trap.caught() ? trap.first() : "GDAL refused"));
    try {
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const Layer& layer = *layers[i].layer;
            OgrLayerSpec spec;
            spec.name = names[i];
            spec.geometry_type = layer_geometry_type(layer);
            spec.crs = &crs;
            spec.transform = transform;
            spec.in_transaction = true;
            const int existing = layer_index(*dataset, spec.name);
            if (existing >= 0 && options.append) {
                spec.append_to = dataset->GetLayer(existing);
            } else {
                if (existing >= 0 && dataset->DeleteLayer(existing) != OGRERR_NONE)  // inside the transaction
                    throw OutputError(fmt::format("{}: cannot replace the table '{}' ({})", where, spec.name,
                                                  trap.caught() ? trap.first() : "GDAL refused"));
                // The FID column must not take a field's name; names stay as given.
                std::string fid = "fid";
                while (layer.field_index(fid)) fid += "_";
                spec.creation_options = {"GEOMETRY_NAME=geom", "FID=" + fid, "SPATIAL_INDEX=GIST", "LAUNDER=NO",
                                         "DIM=2", "OVERWRITE=YES"};
            }
            write_ogr_layer(*dataset, layer, spec, where);
            report.names.push_back(spec.name);
            report.styles.emplace_back();
            report.details.push_back(fmt::format("{} {} features to the table '{}' in one transaction",
                                                 spec.append_to ? "added" : "wrote", layer.size(), spec.name));
        }
        if (trap.caught()) throw OutputError(fmt::format("{}: {}", where, trap.first()));
        if (dataset->CommitTransaction() != OGRERR_NONE || trap.caught())
            throw OutputError(fmt::format("{}: the server did not save the tables ({}); nothing was written", where,
                                          trap.caught() ? trap.first() : gdal_error_or("the commit failed")));
    } catch (...) {
        GdalErrorTrap quiet;  // the connection may be gone: the server drops the transaction then
        dataset->RollbackTransaction();
        throw;
    }
    GdalErrorTrap closing;
    dataset.reset();
    if (closing.caught()) throw OutputError(fmt::format("{}: {}", where, closing.first()));
    return report;
}

} // namespace depmap::layers
