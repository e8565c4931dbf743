#pragma once
// A layer as depmap holds it: features with WGS84 lon/lat geometry and typed
// attributes, plus what is known of where they came from.
#include "geo/lonlat.hpp"
#include "geo/shape.hpp"
#include "layers/model/column.hpp"
#include "layers/model/field.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace depmap::layers {

// Rows or features left out by --on-error skip, counted by reason.
struct SkipReport {
    std::size_t count = 0;
    std::map<std::string, std::size_t> by_reason;
    std::string first_message;  // the full message of the first one, to show the user
    void add(const std::string& reason, const std::string& message);
};

struct Layer {
    std::string source;           // the path or connection string it was read from
    std::string name;             // the layer name within the source
    std::string driver;           // GDAL driver short name, or "CSV"
    std::string crs;              // the source's CRS ("EPSG:32649", or its name); empty if none
    std::string geometry_type;    // "Point", "MultiPolygon", ...
    std::string geometry_source;  // what the coordinates came from, in words
    std::vector<std::string> coordinate_columns;  // CSV columns read for the geometry

    std::vector<Field> fields;
    std::vector<Column> columns;  // one per field, each with size() rows

    // Geometry in WGS84 lon/lat: one point per feature for point layers, else one
    // shape per feature.
    std::vector<geo::LonLat> points;
    std::vector<geo::Shape> shapes;

    // A table without geometry (summaries, matrices): its size comes from its columns.
    bool attributes_only = false;

    SkipReport skipped;
    std::vector<std::string> notes;  // things the user should know, e.g. an assumed CRS

    bool is_points() const { return !attributes_only && shapes.empty(); }
    std::size_t size() const {
        if (attributes_only) return columns.empty() ? 0 : columns.front().size();
        return is_points() ? points.size() : shapes.size();
    }
    geo::Box extent() const;
    // Index of the field with this name (exact, then case-insensitive), if any.
    std::optional<std::size_t> field_index(std::string_view field_name) const;

    // A layer of the same source and fields holding `rows` (in that order, repeats
    // allowed): the start of every query result.
    Layer subset(std::span<const std::size_t> rows) const;
    // Keeps only the fields named (in that order). Throws ArgumentError naming an
    // unknown field and listing the layer's.
    void keep_fields(const std::vector<std::string>& names);
    // Appends a computed field; `column` must have one value per feature.
    void add_field(Field field, Column column);
};

} // namespace depmap::layers
