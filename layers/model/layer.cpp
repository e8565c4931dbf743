#include "layers/model/layer.hpp"

#include "base/error.hpp"
#include "base/parallel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <variant>

namespace depmap::layers {

void SkipReport::add(const std::string& reason, const std::string& message) {
    if (count == 0) first_message = message;
    ++count;
    ++by_reason[reason];
}

geo::Box Layer::extent() const {
    geo::Box box;
    for (const auto& p : points) box.extend(p);
    for (const auto& s : shapes) box.extend(geo::bounds(s));
    return box;
}

Layer Layer::subset(std::span<const std::size_t> rows) const {
    Layer out = empty_like(kind);
    out.geometry_type = geometry_type;
    out.geometry_source = geometry_source;
    out.coordinate_columns = coordinate_columns;
    out.fields = fields;
    for (const auto& column : columns) out.columns.push_back(column.gather(rows));
    const auto gather_geometry = [&](const auto& from, auto& to) {
        to.resize(rows.size());
        depmap::for_each_range(rows.size(), depmap::threads_for(rows.size(), 50000), [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                if (i + 16 < end) __builtin_prefetch(&from[rows[i + 16]]);  // rows come in any order
                to[i] = from[rows[i]];
            }
        });
    };
    if (is_points()) gather_geometry(points, out.points);
    else if (has_geometry()) gather_geometry(shapes, out.shapes);
    out.debug_check();
    return out;
}

Layer Layer::empty_like(GeometryKind geometry) const {
    Layer out;
    out.source = source;
    out.name = name;
    out.driver = driver;
    out.crs = crs;
    out.kind = geometry;
    return out;
}

void Layer::check_invariants() const {
    const auto broken = [this](const std::string& what) {
        return std::logic_error(fmt::format("layer '{}' of {} ({} geometry): {}", name, source, to_string(kind), what));
    };
    switch (kind) {
    case GeometryKind::None:
        if (!points.empty() || !shapes.empty()) throw broken("a table without geometry holds geometry");
        break;
    case GeometryKind::Point:
        if (!shapes.empty() && !points.empty()) throw broken("points and shapes both hold rows");
        for (const auto& shape : shapes)
            if (!std::holds_alternative<geo::MultiPoint>(shape)) throw broken("a line or polygon among its points");
        break;
    case GeometryKind::Line:
    case GeometryKind::Polygon:
        if (!points.empty()) throw broken("points among its shapes");
        break;
    }
    if (columns.size() != fields.size())
        throw broken(fmt::format("{} columns for {} fields", columns.size(), fields.size()));
    const std::size_t rows = size();
    for (std::size_t f = 0; f < columns.size(); ++f)
        if (columns[f].size() != rows)
            throw broken(fmt::format("field '{}' has {} values for {} rows", fields[f].name, columns[f].size(), rows));
}

void Layer::keep_fields(const std::vector<std::string>& names) {
    std::vector<Field> kept_fields;
    std::vector<Column> kept_columns;
    for (const auto& name : names) {
        const auto index = field_index(name);
        if (!index) {
            std::string known;
            for (const auto& field : fields) known += (known.empty() ? "" : ", ") + field.name;
            throw ArgumentError(fmt::format("{} has no field '{}'; its fields are: {}", source, name, known));
        }
        kept_fields.push_back(fields[*index]);
        kept_columns.push_back(columns[*index]);
    }
    fields = std::move(kept_fields);
    columns = std::move(kept_columns);
}

void Layer::add_field(Field field, Column column) {
    fields.push_back(std::move(field));
    columns.push_back(std::move(column));
    debug_check();
}

std::optional<std::size_t> Layer::id_field() const {
    if (const auto id = field_index("id")) return id;
    return field_index("site_id");
}

std::optional<std::size_t> Layer::field_index(std::string_view field_name) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == field_name) return i;
    const auto same_ignoring_case = [field_name](const Field& f) {
        return std::equal(f.name.begin(), f.name.end(), field_name.begin(), field_name.end(),
                          [](unsigned char a, unsigned char b) {
                              return std::tolower(a) == std::tolower(b);
                          });
    };
    const auto it = std::find_if(fields.begin(), fields.end(), same_ignoring_case);
    if (it == fields.end()) return std::nullopt;
    return static_cast<std::size_t>(it - fields.begin());
}

} // namespace depmap::layers
