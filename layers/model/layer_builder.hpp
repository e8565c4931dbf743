#pragma once
// Fills a Layer feature by feature, whatever the reader: geometry in order, whether the
// layer turns out to hold only points or also lines and polygons.
#include "layers/model/layer.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace depmap::layers {

class LayerBuilder {
public:
    // Creates one column per field already in layer.fields.
    explicit LayerBuilder(Layer& layer);

    void add_point(geo::LonLat position);
    void add_points(std::vector<geo::LonLat> positions);
    void add_shape(geo::Shape shape, const std::string& type_name);
    Column& column(std::size_t field) { return m_layer.columns[field]; }

    // Settles the geometry: a layer with any non-point keeps every feature as a shape.
    // Its kind and geometry type are those of the features (Polygon for a layer that
    // holds any polygon, else Line for any line); with no features, the ones the reader
    // set on the layer stand (its declared type).
    void finish();

private:
    Layer& m_layer;
    std::vector<std::uint8_t> m_is_shape;  // per feature, in order
    std::vector<geo::Shape> m_shapes;      // the non-points, in order
    std::set<std::string> m_types;
    GeometryKind m_kind = GeometryKind::None;
};

} // namespace depmap::layers
