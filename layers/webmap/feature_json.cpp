#include "layers/webmap/feature_json.hpp"

#include "geo/decimals.hpp"
#include "layers/text/json_value.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace depmap::layers {

namespace {

using Json = nlohmann::ordered_json;

Json position(const geo::LonLat& point, int decimals) {
    return Json::array({geo::rounded_to_decimals(point.lon_deg, decimals),
                        geo::rounded_to_decimals(point.lat_deg, decimals)});
}

template <typename Points>
Json positions(const Points& points, int decimals) {
    Json list = Json::array();
    for (const auto& point : points) list.push_back(position(point, decimals));
    return list;
}

Json polygon(const geo::Polygon& shape, int decimals) {
    Json rings = Json::array({positions(shape.outer(), decimals)});
    for (const auto& hole : shape.inners()) rings.push_back(positions(hole, decimals));
    return rings;
}

Json geometry(const geo::Shape& shape, int decimals) {
    struct Visit {
        int decimals;
        Json operator()(const geo::MultiPoint& s) const {
            if (s.size() == 1) return Json{{"type", "Point"}, {"coordinates", position(s.front(), decimals)}};
            return Json{{"type", "MultiPoint"}, {"coordinates", positions(s, decimals)}};
        }
        Json operator()(const geo::MultiLineString& s) const {
            if (s.size() == 1) return Json{{"type", "LineString"}, {"coordinates", positions(s.front(), decimals)}};
            Json lines = Json::array();
            for (const auto& line : s) lines.push_back(positions(line, decimals));
            return Json{{"type", "MultiLineString"}, {"coordinates", lines}};
        }
        Json operator()(const geo::MultiPolygon& s) const {
            if (s.size() == 1) return Json{{"type", "Polygon"}, {"coordinates", polygon(s.front(), decimals)}};
            Json polygons = Json::array();
            for (const auto& p : s) polygons.push_back(polygon(p, decimals));
            return Json{{"type", "MultiPolygon"}, {"coordinates", polygons}};
        }
    };
    return std::visit(Visit{decimals}, shape);
}

} // namespace

std::string feature_collection(const Layer& layer, int decimals) {
    Json features = Json::array();
    for (std::size_t row = 0; row < layer.size(); ++row) {
        Json properties = Json::object();
        for (std::size_t f = 0; f < layer.fields.size(); ++f) properties[layer.fields[f].name] = json_value(layer.columns[f], row);
        Json feature{{"type", "Feature"}, {"properties", std::move(properties)}};
        if (layer.is_points())
            feature["geometry"] = Json{{"type", "Point"}, {"coordinates", position(layer.points[row], decimals)}};
        else if (layer.has_geometry())
            feature["geometry"] = geometry(layer.shapes[row], decimals);
        else
            feature["geometry"] = nullptr;
        features.push_back(std::move(feature));
    }
    // Invalid UTF-8 (a text field of another encoding) is replaced, not thrown on.
    return Json{{"type", "FeatureCollection"}, {"features", std::move(features)}}.dump(
        -1, ' ', false, Json::error_handler_t::replace);
}

} // namespace depmap::layers
