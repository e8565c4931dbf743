#pragma once
// Drawing the symbols of layers/style/layer_symbols.hpp with Cairo: the markers, fills
// and lines QGIS draws for the same layer, at the same sizes (millimetres on paper).
#include "geo/shape.hpp"
#include "layers/render/map_frame.hpp"
#include "layers/style/qgis_symbols.hpp"

typedef struct _cairo cairo_t;

namespace depmap::layers {

inline constexpr double points_per_mm = 72 / 25.4;

void set_colour(cairo_t* cr, Rgb colour, double opacity = 1);

// A marker of `style`'s shape (circle, square, triangle, diamond) and `size_mm` across,
// centred on `at`.
void draw_marker(cairo_t* cr, const MarkerStyle& style, double size_mm, PagePoint at);

// Adds the projected shape's lines or rings to the current path (lines densified to
// at most `step_deg` between vertices, so they bend as the projection does).
void add_shape_path(cairo_t* cr, const MapFrame& frame, const geo::Shape& shape);

void draw_fill(cairo_t* cr, const MapFrame& frame, const geo::Shape& shape, const FillStyle& style);
void draw_line(cairo_t* cr, const MapFrame& frame, const geo::Shape& shape, const LineStyle& style);

} // namespace depmap::layers
