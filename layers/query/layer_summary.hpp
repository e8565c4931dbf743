#pragma once
// What is in a layer, as `depmap info` reports it: count, extent, CRS, fields and the
// commodities its sites list.
#include "geo/lonlat.hpp"
#include "layers/model/field.hpp"
#include "layers/model/layer.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace depmap::layers {

struct CommodityCount {
    std::string name;
    std::size_t sites = 0;  // features listing it (a site may list several)
};

struct CommoditySummary {
    std::string field;                       // the field the commodities come from
    std::vector<CommodityCount> commodities; // most frequent first, then by name
    std::size_t without = 0;                 // features listing none
};

struct LayerSummary {
    std::string source;
    std::string name;
    std::string driver;
    std::size_t count = 0;
    SkipReport skipped;
    geo::Box extent;  // WGS84; empty when the layer has no geometry
    std::string crs;  // empty when the source gives none (read as EPSG:4326)
    std::string geometry_type;
    std::string geometry_source;
    std::vector<std::string> coordinate_columns;
    std::vector<Field> fields;
    std::optional<CommoditySummary> commodities;  // when the layer has a commodity field
    // A layer of sites (depmap sites): how many records make them, the sum of record_count.
    std::optional<std::size_t> records;
};

LayerSummary summarise_layer(const Layer& layer);

// The bundled layers as a table: name, features, geometry, file, what (each file read).
Layer bundled_layer_list();

} // namespace depmap::layers
