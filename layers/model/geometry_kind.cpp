#include "layers/model/geometry_kind.hpp"

namespace depmap::layers {

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
