#include "layers/render/symbols.hpp"

#include <cairo.h>

#include <cmath>
#include <numbers>
#include <variant>

namespace depmap::layers {

namespace {

constexpr double max_step_deg = 0.1;

// The ring or line, projected, with extra vertices where two are far apart in degrees.
template <typename Points>
void add_run(cairo_t* cr, const MapFrame& frame, const Points& points, bool closed) {
    bool started = false;
    auto visit = [&](geo::LonLat p) {
        const auto page = frame.to_page(p);
        if (!page) return;
        if (started) cairo_line_to(cr, page->x, page->y);
        else cairo_move_to(cr, page->x, page->y), started = true;
    };
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i > 0) {
            const auto& a = points[i - 1];
            const auto& b = points[i];
            const double span = std::max(std::abs(b.lon_deg - a.lon_deg), std::abs(b.lat_deg - a.lat_deg));
            const int steps = static_cast<int>(std::ceil(span / max_step_deg));
            for (int s = 1; s < steps; ++s) {
                const double t = static_cast<double>(s) / steps;
                visit(geo::LonLat{a.lon_deg + t * (b.lon_deg - a.lon_deg), a.lat_deg + t * (b.lat_deg - a.lat_deg)});
            }
        }
        visit(points[i]);
    }
    if (closed && started) cairo_close_path(cr);
}

} // namespace

void set_colour(cairo_t* cr, Rgb colour, double opacity) {
    cairo_set_source_rgba(cr, colour.red / 255.0, colour.green / 255.0, colour.blue / 255.0, opacity);
}

void draw_marker(cairo_t* cr, const MarkerStyle& style, double size_mm, PagePoint at) {
    const double r = size_mm * points_per_mm / 2;
    cairo_new_path(cr);
    if (style.shape == "square") {
        cairo_rectangle(cr, at.x - r, at.y - r, 2 * r, 2 * r);
    } else if (style.shape == "triangle") {
        cairo_move_to(cr, at.x, at.y - r);
        cairo_line_to(cr, at.x + r, at.y + r);
        cairo_line_to(cr, at.x - r, at.y + r);
        cairo_close_path(cr);
    } else if (style.shape == "diamond") {
        cairo_move_to(cr, at.x, at.y - r);
        cairo_line_to(cr, at.x + r, at.y);
        cairo_line_to(cr, at.x, at.y + r);
        cairo_line_to(cr, at.x - r, at.y);
        cairo_close_path(cr);
    } else {
        cairo_arc(cr, at.x, at.y, r, 0, 2 * std::numbers::pi);
    }
    set_colour(cr, style.fill);
    cairo_fill_preserve(cr);
    set_colour(cr, style.stroke);
    cairo_set_line_width(cr, style.stroke_mm * points_per_mm);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    cairo_stroke(cr);
}

void add_shape_path(cairo_t* cr, const MapFrame& frame, const geo::Shape& shape) {
    if (const auto* lines = std::get_if<geo::MultiLineString>(&shape)) {
        for (const auto& line : *lines) add_run(cr, frame, line, false);
    } else if (const auto* polygons = std::get_if<geo::MultiPolygon>(&shape)) {
        for (const auto& polygon : *polygons) {
            add_run(cr, frame, polygon.outer(), true);
            for (const auto& hole : polygon.inners()) add_run(cr, frame, hole, true);
        }
    }
}

void draw_fill(cairo_t* cr, const MapFrame& frame, const geo::Shape& shape, const FillStyle& style) {
    cairo_new_path(cr);
    add_shape_path(cr, frame, shape);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    if (style.fill) {
        set_colour(cr, *style.fill, style.fill_opacity);
        cairo_fill_preserve(cr);
    }
    if (style.stroke) {
        set_colour(cr, *style.stroke, style.stroke_opacity);
        cairo_set_line_width(cr, style.stroke_mm * points_per_mm);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke_preserve(cr);
    }
    cairo_new_path(cr);
}

void draw_line(cairo_t* cr, const MapFrame& frame, const geo::Shape& shape, const LineStyle& style) {
    cairo_new_path(cr);
    add_shape_path(cr, frame, shape);
    set_colour(cr, style.colour);
    cairo_set_line_width(cr, style.width_mm * points_per_mm);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke(cr);
}

} // namespace depmap::layers
