#include "layers/query/attribute_filter.hpp"

#include "base/error.hpp"
#include "layers/model/commodities.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace depmap::layers {

namespace {

OGRFieldType ogr_type(FieldType type) {
    switch (type) {
    case FieldType::Integer: return OFTInteger64;
    case FieldType::Real: return OFTReal;
    case FieldType::String: return OFTString;
    }
    return OFTString;
}

} // namespace

std::vector<std::size_t> rows_where(const Layer& layer, const std::string& where, std::string_view name) {
    ensure_gdal();
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("Memory");
    std::unique_ptr<GDALDataset> dataset(memory->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* table = dataset->CreateLayer("features", nullptr, wkbNone, nullptr);
    for (const auto& field : layer.fields) {
        OGRFieldDefn definition(field.name.c_str(), ogr_type(field.type));
        if (table->CreateField(&definition) != OGRERR_NONE)
            throw std::runtime_error(gdal_error_or("cannot build the table to filter"));
    }
    for (std::size_t row = 0; row < layer.size(); ++row) {
        OGRFeature feature(table->GetLayerDefn());
        feature.SetFID(static_cast<GIntBig>(row));
        for (std::size_t f = 0; f < layer.fields.size(); ++f) {
            const Column& column = layer.columns[f];
            const int i = static_cast<int>(f);
            if (column.is_null(row)) { feature.SetFieldNull(i); continue; }
            switch (column.type()) {
            case FieldType::Integer: feature.SetField(i, static_cast<GIntBig>(column.integer(row))); break;
            case FieldType::Real: feature.SetField(i, column.real(row)); break;
            case FieldType::String: feature.SetField(i, std::string(column.text(row)).c_str()); break;
            }
        }
        if (table->CreateFeature(&feature) != OGRERR_NONE)
            throw std::runtime_error(gdal_error_or("cannot build the table to filter"));
    }
    CPLErrorReset();
    if (table->SetAttributeFilter(where.c_str()) != OGRERR_NONE)
        throw ArgumentError(fmt::format("{} \"{}\": {}; fields are quoted with \"\" and text "
                                        "with ''", parameter(name), where, gdal_error_or("not a valid OGR SQL clause")));
    std::vector<std::size_t> rows;
    for (const auto& feature : *table) rows.push_back(static_cast<std::size_t>(feature->GetFID()));
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::vector<std::size_t> rows_with_commodity(const Layer& layer, const std::string& commodity) {
    const auto field = commodity_field(layer);
    if (!field)
        throw ArgumentError(fmt::format("{}: {} has no commodity field (commodities or "
                                        "commodity); use {} instead", parameter("commodity"), layer.source, parameter("where")));
    const std::string wanted = canonical_commodity(commodity);
    std::vector<std::size_t> rows;
    const Column& column = layer.columns[*field];
    for (std::size_t row = 0; row < layer.size(); ++row) {
        const auto items = split_commodities(column.to_text(row));
        if (std::any_of(items.begin(), items.end(), [&](const std::string& item) { return canonical_commodity(item) == wanted; }))
            rows.push_back(row);
    }
    if (rows.empty() && !is_known_commodity(commodity)) {  // a typo is not an empty answer
        std::vector<std::string> listed;
        for (const auto& [name, count] : count_commodities(layer, *field))
            if (!name.empty()) listed.push_back(name);
        const auto nearest = nearest_commodity(commodity, listed);
        throw ArgumentError(fmt::format("{} '{}': not a commodity{}", parameter("commodity"), commodity,
                                        nearest ? fmt::format("; did you mean {}?", *nearest)
                                                : fmt::format(" depmap knows, and no feature of {} lists it", layer.source)));
    }
    return rows;
}

std::vector<std::size_t> rows_selected(const Layer& layer, const std::string& where, const std::string& commodity) {
    std::vector<std::size_t> rows(layer.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    if (!where.empty()) rows = rows_where(layer, where);
    if (commodity.empty()) return rows;
    const auto with = rows_with_commodity(layer, commodity);
    std::vector<std::size_t> both;
    std::set_intersection(rows.begin(), rows.end(), with.begin(), with.end(), std::back_inserter(both));
    return both;
}

} // namespace depmap::layers
