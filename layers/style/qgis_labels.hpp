#pragma once
// QGIS 3.22 <labeling> for a style: the text of an expression in a sans-serif font
// that holds Chinese, with a white halo so labels read over any fill.
#include "layers/model/geometry_kind.hpp"
#include "layers/style/xml_element.hpp"

#include <span>
#include <string>
#include <string_view>

namespace depmap::layers {

// The label typefaces in order of preference, each holding Latin and Chinese, so a
// two-line label is one typeface (Debian: fonts-wqy-microhei); depmap's maps use the same.
std::span<const std::string_view> label_font_families();

// Points are labelled beside the marker (the first free position of eight around it),
// lines along the line, polygons at a point inside.
XmlElement labeling(const std::string& expression, GeometryKind kind);

} // namespace depmap::layers
