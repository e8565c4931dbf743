#include "layers/style/gpkg_style.hpp"

#include "base/error.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/style/qgis_expression.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include <array>
#include <chrono>
#include <memory>
#include <vector>

namespace depmap::layers {

namespace {

constexpr const char* table = "layer_styles";

struct StyleColumn {
    const char* name;
    OGRFieldType type;
    int width;
};

// QGIS's own definition (its OGR provider's saveStyle): text widths and all.
constexpr std::array<StyleColumn, 11> columns{{
    {"f_table_catalog", OFTString, 256},
    {"f_table_schema", OFTString, 256},
    {"f_table_name", OFTString, 256},
    {"f_geometry_column", OFTString, 256},
    {"styleName", OFTString, 30},
    {"styleQML", OFTString, 0},
    {"styleSLD", OFTString, 0},
    {"useAsDefault", OFTInteger, 0},
    {"description", OFTString, 0},
    {"owner", OFTString, 30},
    {"ui", OFTString, 30},
}};

std::string failure(const std::string& gpkg, const std::string& layer, const std::string& what) {
    return fmt::format("{}: cannot store the QGIS style of layer '{}': {}", gpkg, layer,
                       gdal_error_or(what));
}

OGRLayer& styles_table(GDALDataset& gpkg, const std::string& layer_name) {
    if (auto* existing = gpkg.GetLayerByName(table)) return *existing;
    char** options = CSLSetNameValue(nullptr, "FID", "id");
    OGRLayer* created = gpkg.CreateLayer(table, nullptr, wkbNone, options);
    CSLDestroy(options);
    if (created == nullptr)
        throw OutputError(failure(gpkg.GetDescription(), layer_name, "cannot create layer_styles"));
    for (const auto& column : columns) {
        OGRFieldDefn field(column.name, column.type);
        field.SetWidth(column.width);
        if (column.type == OFTInteger) field.SetSubType(OFSTBoolean);
        if (created->CreateField(&field) != OGRERR_NONE)
            throw OutputError(failure(gpkg.GetDescription(), layer_name, "cannot add a column to layer_styles"));
    }
    OGRFieldDefn updated("update_time", OFTDateTime);
    updated.SetDefault("CURRENT_TIMESTAMP");
    if (created->CreateField(&updated) != OGRERR_NONE)
        throw OutputError(failure(gpkg.GetDescription(), layer_name, "cannot add a column to layer_styles"));
    return *created;
}

struct FeatureDeleter {
    void operator()(OGRFeature* feature) const { OGRFeature::DestroyFeature(feature); }
};
using Feature = std::unique_ptr<OGRFeature, FeatureDeleter>;

void set_now(OGRFeature& feature) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto day = std::chrono::floor<std::chrono::days>(now);
    const std::chrono::year_month_day date(day);
    const std::chrono::hh_mm_ss time(now - day);
    feature.SetField("update_time", static_cast<int>(date.year()),
                     static_cast<int>(static_cast<unsigned>(date.month())),
                     static_cast<int>(static_cast<unsigned>(date.day())),
                     static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                     static_cast<float>(time.seconds().count()), 100 /* UTC */);
}

} // namespace

void store_qgis_style(GDALDataset& gpkg, const std::string& layer_name, const std::string& qml) {
    ensure_gdal();
    const std::string path = gpkg.GetDescription();
    if (gpkg.GetDriver() == nullptr || std::string(gpkg.GetDriver()->GetDescription()) != "GPKG")
        throw OutputError(fmt::format("{}: QGIS styles can be stored in GeoPackages only; "
                                      "write a .qml beside the file instead", path));
    OGRLayer* layer = gpkg.GetLayerByName(layer_name.c_str());
    if (layer == nullptr || layer_name == table)
        throw OutputError(fmt::format("{}: no layer '{}' to store a QGIS style for", path, layer_name));
    const std::string geometry_column = layer->GetGeometryColumn();

    OGRLayer& styles = styles_table(gpkg, layer_name);
    // QGIS finds a layer's styles by table and geometry column, and applies the one
    // marked default: clear the others' mark, replace an older style of this name.
    const std::string this_layer = fmt::format("f_table_name = {} AND f_geometry_column = {}",
                                               quote_text(layer_name), quote_text(geometry_column));
    CPLErrorReset();
    if (styles.SetAttributeFilter(this_layer.c_str()) != OGRERR_NONE)
        throw OutputError(failure(path, layer_name, "cannot search layer_styles"));
    Feature existing;
    std::vector<Feature> others;
    styles.ResetReading();
    while (Feature feature{styles.GetNextFeature()}) {
        if (!existing && layer_name == feature->GetFieldAsString("styleName")) existing = std::move(feature);
        else others.push_back(std::move(feature));
    }
    styles.SetAttributeFilter(nullptr);
    for (auto& other : others) {
        if (other->GetFieldAsInteger("useAsDefault") == 0) continue;
        other->SetField("useAsDefault", 0);
        if (styles.SetFeature(other.get()) != OGRERR_NONE)
            throw OutputError(failure(path, layer_name, "cannot update layer_styles"));
    }

    Feature style = existing ? std::move(existing) : Feature(OGRFeature::CreateFeature(styles.GetLayerDefn()));
    style->SetField("f_table_catalog", "");
    style->SetField("f_table_schema", "");
    style->SetField("f_table_name", layer_name.c_str());
    style->SetField("f_geometry_column", geometry_column.c_str());
    style->SetField("styleName", layer_name.c_str());
    style->SetField("styleQML", qml.c_str());
    style->SetField("styleSLD", "");
    style->SetField("useAsDefault", 1);
    style->SetField("description", "depmap");
    style->SetField("owner", "");
    set_now(*style);
    const OGRErr error = style->GetFID() == OGRNullFID ? styles.CreateFeature(style.get())
                                                       : styles.SetFeature(style.get());
    if (error != OGRERR_NONE) throw OutputError(failure(path, layer_name, "cannot write layer_styles"));
}

void drop_qgis_styles(GDALDataset& gpkg, const std::string& layer_name) {
    OGRLayer* styles = gpkg.GetLayerByName(table);
    if (styles == nullptr) return;
    const std::string path = gpkg.GetDescription();
    CPLErrorReset();
    if (styles->SetAttributeFilter(fmt::format("f_table_name = {}", quote_text(layer_name)).c_str()) != OGRERR_NONE)
        throw OutputError(failure(path, layer_name, "cannot search layer_styles"));
    std::vector<GIntBig> rows;
    styles->ResetReading();
    while (Feature feature{styles->GetNextFeature()}) rows.push_back(feature->GetFID());
    styles->SetAttributeFilter(nullptr);
    for (const auto fid : rows)
        if (styles->DeleteFeature(fid) != OGRERR_NONE)
            throw OutputError(fmt::format("{}: cannot remove the old QGIS style of layer '{}': {}", path, layer_name,
                                          gdal_error_or("GDAL refused")));
}

} // namespace depmap::layers
