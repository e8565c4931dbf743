#include "layers/model/geometry_kind.hpp"

namespace depmap::layers {

GeometryKind geometry_kind(const Layer& layer) {
    if (layer.attributes_only) return GeometryKind::None;
    const std::string_view type = layer.geometry_type;
    if (type.find("Polygon") != std::string_view::npos) return GeometryKind::Polygon;
    if (type.find("Line") != std::string_view::npos) return GeometryKind::Line;
    if (type.find("Point") != std::string_view::npos || layer.shapes.empty()) return GeometryKind::Point;
    switch (layer.shapes.front().index()) {
    case 0: return GeometryKind::Point;  // MultiPoint
    case 1: return GeometryKind::Line;
    default: return GeometryKind::Polygon;
    }
}

std::string_view to_string(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::None: return "none";
    case GeometryKind::Point: return "point";
    case GeometryKind::Line: return "line";
    case GeometryKind::Polygon: return "polygon";
    }
    return "none";
}

} // namespace depmap::layers
