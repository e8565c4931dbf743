#pragma once
// What surrounds the map proper: title, legend, scale bar, north arrow, graticule and
// the credit line.
#include "layers/render/legend.hpp"
#include "layers/render/map_frame.hpp"
#include "layers/render/page.hpp"

#include <string>
#include <vector>

typedef struct _cairo cairo_t;

namespace depmap::layers {

void draw_title(cairo_t* cr, const Page& page, const PageRect& frame, const std::string& title);

// The legend in a white box in the frame's top right corner; only measured unless
// `draw`. Returns the box.
PageRect draw_legend(cairo_t* cr, const PageRect& frame, const std::vector<LegendEntry>& entries, bool draw = true);

// Where draw_scale_bar() and draw_north_arrow() draw, at most.
PageRect scale_bar_area(const PageRect& frame);
PageRect north_arrow_area(const PageRect& frame);

// A scale bar in km, true along the page's horizontal at the map's centre (measured
// with the geodesic between two points either side of it), in the bottom left corner.
// Returns the bar's length in km.
double draw_scale_bar(cairo_t* cr, const MapFrame& frame);

// An arrow toward true north at the map's centre, in the top left corner. Returns its
// angle in degrees clockwise from the page's up.
double draw_north_arrow(cairo_t* cr, const MapFrame& frame);

// Meridians and parallels at a round step, clipped to the frame, labelled in degrees
// where they leave its bottom and left edges.
void draw_graticule(cairo_t* cr, const MapFrame& frame, const geo::Box& extent);

void draw_attribution(cairo_t* cr, const Page& page, const PageRect& frame, const std::string& text);

// A round step for `range` (in degrees or km) giving a handful of intervals.
double round_step(double range, int intervals);

} // namespace depmap::layers
