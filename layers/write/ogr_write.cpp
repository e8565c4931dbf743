#include "layers/write/ogr_write.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"
#include "base/progress.hpp"
#include "geo/decimals.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/write/gpkg_rtree.hpp"
#include "layers/gdal/ogr_geometry.hpp"

#include <cpl_string.h>
#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <optional>

namespace depmap::layers {

namespace {

OGRFieldType ogr_type(FieldType type, bool wide) {
    switch (type) {
    case FieldType::Integer: return wide ? OFTInteger64 : OFTInteger;
    case FieldType::Real: return OFTReal;
    case FieldType::String: return OFTString;
    }
    return OFTString;
}

// Creates the fields and answers where each landed in the output's definition: drivers
// may place, rename or fold them (KML takes `name` as the placemark's name).
std::vector<int> create_fields(OGRLayer& out, const Layer& layer, const OgrLayerSpec& spec,
                               const std::string& path) {
    std::vector<int> indices;
    for (std::size_t f = 0; f < layer.fields.size(); ++f) {
        const bool dbf = !spec.dbf.empty();
        const auto& name = dbf ? spec.dbf[f].name : layer.fields[f].name;
        OGRFieldDefn definition(name.c_str(), ogr_type(layer.fields[f].type,
                                                       dbf ? spec.dbf[f].wide_integer
                                                           : layer.fields[f].type == FieldType::Integer));
        if (dbf) {
            definition.SetWidth(spec.dbf[f].width);
            definition.SetPrecision(spec.dbf[f].precision);
        }
        if (out.CreateField(&definition, FALSE) != OGRERR_NONE)
            throw OutputError(fmt::format("{}: cannot create the field '{}' ({})", path, name,
                                          gdal_error_or("GDAL refused it")));
    }
    for (std::size_t f = 0; f < layer.fields.size(); ++f) {
        const auto& name = spec.dbf.empty() ? layer.fields[f].name : spec.dbf[f].name;
        const int index = out.GetLayerDefn()->GetFieldIndex(name.c_str());
        if (index < 0)
            throw OutputError(fmt::format("{}: the format kept no field '{}'", path, name));
        indices.push_back(index);
    }
    return indices;
}

// Where each field is in a layer being added to: every field must be there already.
std::vector<int> existing_fields(OGRLayer& out, const Layer& layer, const std::string& name, const std::string& path) {
    std::vector<int> indices;
    for (const auto& field : layer.fields) {
        const int index = out.GetLayerDefn()->GetFieldIndex(field.name.c_str());
        if (index < 0)
            throw OutputError(fmt::format("{}: '{}' has no field '{}' to add the rows to; write a new layer, "
                                          "or replace it with {}", path, name, field.name, parameter("overwrite")));
        indices.push_back(index);
    }
    return indices;
}

// Rounds every x and y to `decimals` decimals (the geometries are 2D).
void round_coordinates(OGRGeometry& geometry, int decimals) {
    const auto round = [decimals](double value) { return geo::rounded_to_decimals(value, decimals); };
    if (auto* point = dynamic_cast<OGRPoint*>(&geometry)) {
        if (!point->IsEmpty()) {
            point->setX(round(point->getX()));
            point->setY(round(point->getY()));
        }
    } else if (auto* curve = dynamic_cast<OGRSimpleCurve*>(&geometry)) {
        for (int i = 0; i < curve->getNumPoints(); ++i) curve->setPoint(i, round(curve->getX(i)), round(curve->getY(i)));
    } else if (auto* polygon = dynamic_cast<OGRCurvePolygon*>(&geometry)) {
        if (auto* exterior = polygon->getExteriorRingCurve()) round_coordinates(*exterior, decimals);
        for (int i = 0; i < polygon->getNumInteriorRings(); ++i) round_coordinates(*polygon->getInteriorRingCurve(i), decimals);
    } else if (auto* collection = dynamic_cast<OGRGeometryCollection*>(&geometry)) {
        for (int i = 0; i < collection->getNumGeometries(); ++i) round_coordinates(*collection->getGeometryRef(i), decimals);
    }
}

void set_fields(OGRFeature& feature, const Layer& layer, const std::vector<int>& indices, std::size_t row,
                std::string& text) {
    for (std::size_t f = 0; f < layer.columns.size(); ++f) {
        const auto& column = layer.columns[f];
        const int index = indices[f];
        if (column.is_null(row)) {
            feature.SetFieldNull(index);
            continue;
        }
        switch (column.type()) {
        case FieldType::Integer: feature.SetField(index, static_cast<GIntBig>(column.integer(row))); break;
        case FieldType::Real: feature.SetField(index, column.real(row)); break;
        case FieldType::String:
            text.assign(column.text(row));  // GDAL wants it terminated
            feature.SetField(index, text.c_str());
            break;
        }
    }
}

} // namespace

std::vector<std::string> write_ogr_layer(GDALDataset& dataset, const Layer& layer, const OgrLayerSpec& spec,
                     const std::string& path) {
    GdalErrorTrap trap;
    CPLStringList options;
    for (const auto& option : spec.creation_options) options.AddString(option.c_str());
    // GDAL 3.6 takes the CRS as non-const, and clones it.
    auto* crs = const_cast<OGRSpatialReference*>(spec.crs);
    OGRLayer* out = spec.append_to ? spec.append_to
                                   : dataset.CreateLayer(spec.name.c_str(), crs, spec.geometry_type, options.List());
    if (out == nullptr)
        throw OutputError(fmt::format("{}: cannot create the layer '{}' ({})", path, spec.name,
                                      trap.caught() ? trap.first() : "GDAL refused it"));
    const auto indices = spec.append_to ? existing_fields(*out, layer, spec.name, path) : create_fields(*out, layer, spec, path);

    const bool transaction = !spec.in_transaction && dataset.StartTransaction() == OGRERR_NONE;
    std::optional<GpkgRtreeBuilder> index;
    try {
        if (spec.spatial_index_after && spec.geometry_type != wkbNone) index.emplace(dataset, *out, path);
    } catch (...) {
        if (transaction) dataset.RollbackTransaction();
        throw;
    }
    OGRFeature feature(out->GetLayerDefn());
    OGRPoint* point = nullptr;
    if (layer.is_points() && spec.geometry_type != wkbNone) {
        point = new OGRPoint;
        feature.SetGeometryDirectly(point);
    }
    std::string text;
    const auto failed = [&](std::size_t row, const std::string& what) {
        if (transaction) dataset.RollbackTransaction();
        return OutputError(fmt::format("{}: feature {}: {}", path, row + 1, what));
    };
    const std::size_t count = spec.row_order.empty() ? layer.size() : spec.row_order.size();
    ProgressStep progress("writing", count);
    for (std::size_t i = 0; i < count; ++i) {
        progress.advance();
        const std::size_t row = spec.row_order.empty() ? i : spec.row_order[i];
        feature.SetFID(OGRNullFID);
        set_fields(feature, layer, indices, row, text);
        if (point) {
            point->setX(layer.points[row].lon_deg);
            point->setY(layer.points[row].lat_deg);
            if (spec.transform && point->transform(spec.transform) != OGRERR_NONE)
                throw failed(row, "cannot be transformed to the output CRS; choose a CRS that covers it");
            if (spec.decimals >= 0) round_coordinates(*point, spec.decimals);
        } else if (!layer.is_points() && layer.has_geometry()) {
            auto geometry = to_ogr(layer.shapes[row], spec.geometry_type);
            if (spec.transform && geometry->transform(spec.transform) != OGRERR_NONE)
                throw failed(row, "cannot be transformed to the output CRS; choose a CRS that covers it");
            if (spec.decimals >= 0) round_coordinates(*geometry, spec.decimals);
            feature.SetGeometryDirectly(geometry.release());
        }
        if (out->CreateFeature(&feature) != OGRERR_NONE || trap.caught())
            throw failed(row, trap.caught() ? trap.first() : gdal_error_or("GDAL refused it"));
        if (index) {
            const OGRGeometry* written = feature.GetGeometryRef();
            if (written != nullptr && !written->IsEmpty()) {
                OGREnvelope box;
                written->getEnvelope(&box);
                index->add(feature.GetFID(), box);
            }
        }
    }
    std::vector<std::string> details;
    if (index) {
        try {
            if (auto refused = index->finish(); !refused.empty())
                details.push_back(fmt::format("spatial index of '{}': {}", spec.name, refused));
        } catch (...) {
            if (transaction) dataset.RollbackTransaction();
            throw;
        }
    }
    if (transaction && dataset.CommitTransaction() != OGRERR_NONE)
        throw OutputError(fmt::format("{}: cannot save the layer '{}' ({})", path, spec.name,
                                      gdal_error_or("GDAL refused it")));
    if (trap.caught()) throw OutputError(fmt::format("{}: {}", path, trap.first()));
    return details;
}

} // namespace depmap::layers
