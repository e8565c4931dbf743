#pragma once
// A layer as depmap holds it: features with WGS84 lon/lat geometry and typed
// attributes, plus what is known of where they came from.
//
// Its invariants (check_invariants):
// - columns.size() == fields.size(), and every column has size() rows;
// - kind Point: points hold the rows and shapes are empty, except in a layer of
//   multi-points, whose shapes hold every row (each a MultiPoint) and points none;
// - kind Line or Polygon: shapes hold the rows and points are empty;
// - kind None: points and shapes are both empty; the columns hold the rows.
// The kind is set where the layer is made, never read from its rows: an empty set of
// buffers is still a polygon layer.
#include "geo/lonlat.hpp"
#include "geo/shape.hpp"
#include "layers/model/column.hpp"
#include "layers/model/field.hpp"
#include "layers/model/geometry_kind.hpp"

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
    GeometryKind kind = GeometryKind::None;
    // The geometry type the reader found, as OGR names it ("Point", "MultiPolygon",
    // "Mixed (LineString, Polygon)"), kept by subset(); empty in a derived layer.
    std::string geometry_type;
    std::string geometry_source;  // what the coordinates came from, in words
    std::vector<std::string> coordinate_columns;  // CSV columns read for the geometry

    std::vector<Field> fields;
    std::vector<Column> columns;  // one per field, each with size() rows

    // Geometry in WGS84 lon/lat: one point per feature for point layers, else one
    // shape per feature.
    std::vector<geo::LonLat> points;
    std::vector<geo::Shape> shapes;

    SkipReport skipped;
    std::vector<std::string> notes;  // things the user should know, e.g. an assumed CRS

    // One point per feature, in `points` (a layer of multi-points is not).
    bool is_points() const { return kind == GeometryKind::Point && shapes.empty(); }
    bool has_geometry() const { return kind != GeometryKind::None; }
    std::size_t size() const {
        if (!has_geometry()) return columns.empty() ? 0 : columns.front().size();
        return is_points() ? points.size() : shapes.size();
    }
    geo::Box extent() const;
    // Index of the field with this name (exact, then case-insensitive), if any.
    std::optional<std::size_t> field_index(std::string_view field_name) const;
    // The field that identifies a feature: `id`, else `site_id` (a layer of sites).
    std::optional<std::size_t> id_field() const;

    // A layer of the same source and fields holding `rows` (in that order, repeats
    // allowed): the start of every query result.
    Layer subset(std::span<const std::size_t> rows) const;
    // A layer of the same source (source, name, driver, CRS) with no fields and no
    // rows, holding `kind` geometry: the start of a result with new geometry or a table.
    Layer empty_like(GeometryKind kind) const;
    // Keeps only the fields named (in that order). Throws ArgumentError naming an
    // unknown field and listing the layer's.
    void keep_fields(const std::vector<std::string>& names);
    // Appends a computed field; `column` must have one value per feature.
    void add_field(Field field, Column column);

    // Throws std::logic_error naming the first invariant (above) the layer breaks.
    void check_invariants() const;
    // check_invariants() in a debug build; nothing in a release build.
    void debug_check() const {
#ifndef NDEBUG
        check_invariants();
#endif
    }
};

} // namespace depmap::layers
