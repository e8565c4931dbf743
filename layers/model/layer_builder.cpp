#include "layers/model/layer_builder.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace depmap::layers {

namespace {

std::string base_type(const std::string& type) {
    return type.rfind("Multi", 0) == 0 ? type.substr(5) : type;
}

// "Point", or "MultiPolygon" for polygons and multipolygons, or "Mixed (...)".
std::string combined_type(const std::set<std::string>& types) {
    if (types.size() == 1) return *types.begin();
    std::set<std::string> bases;
    for (const auto& t : types) bases.insert(base_type(t));
    if (bases.size() == 1) return "Multi" + *bases.begin();
    return fmt::format("Mixed ({})", fmt::join(types, ", "));
}

} // namespace

LayerBuilder::LayerBuilder(Layer& layer) : m_layer(layer) {
    m_layer.columns.clear();
    for (const auto& field : m_layer.fields) m_layer.columns.emplace_back(field.type);
}

void LayerBuilder::add_point(geo::LonLat position) {
    m_layer.points.push_back(position);
    m_is_shape.push_back(0);
    m_types.insert("Point");
    m_kind = std::max(m_kind, GeometryKind::Point);
}

void LayerBuilder::add_points(std::vector<geo::LonLat> positions) {
    if (positions.empty()) return;
    m_is_shape.resize(m_is_shape.size() + positions.size(), 0);
    if (m_layer.points.empty()) m_layer.points = std::move(positions);
    else m_layer.points.insert(m_layer.points.end(), positions.begin(), positions.end());
    m_types.insert("Point");
    m_kind = std::max(m_kind, GeometryKind::Point);
}

void LayerBuilder::add_shape(geo::Shape shape, const std::string& type_name) {
    static constexpr GeometryKind kinds[] = {GeometryKind::Point, GeometryKind::Line, GeometryKind::Polygon};
    m_kind = std::max(m_kind, kinds[shape.index()]);
    m_shapes.push_back(std::move(shape));
    m_is_shape.push_back(1);
    m_types.insert(type_name);
}

void LayerBuilder::finish() {
    if (m_types.empty()) {
        m_layer.debug_check();
        return;
    }
    m_layer.kind = m_kind;
    m_layer.geometry_type = combined_type(m_types);
    if (m_shapes.empty()) {
        m_layer.debug_check();
        return;
    }
    std::vector<geo::Shape> shapes;
    shapes.reserve(m_is_shape.size());
    std::size_t next_point = 0, next_shape = 0;
    for (const auto is_shape : m_is_shape) {
        if (is_shape) shapes.push_back(std::move(m_shapes[next_shape++]));
        else shapes.push_back(geo::MultiPoint{m_layer.points[next_point++]});
    }
    m_layer.points.clear();
    m_layer.shapes = std::move(shapes);
    m_layer.debug_check();
}

} // namespace depmap::layers
