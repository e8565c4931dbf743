#include "layers/render/furniture.hpp"

#include "geo/geodesic.hpp"
#include "layers/render/labels.hpp"
#include "layers/render/symbols.hpp"
#include "layers/style/qgis_symbols.hpp"

#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace depmap::layers {

namespace {

constexpr Rgb ink{40, 40, 40};
constexpr Rgb grey{110, 110, 110};

struct Text {
    PangoLayout* layout;
    double width;
    double height;
    explicit Text(cairo_t* cr, const std::string& text, double size_pt, bool bold = false, double wrap_pt = 0) {
        layout = pango_cairo_create_layout(cr);
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        pango_cairo_context_set_font_options(pango_layout_get_context(layout), options);
        cairo_font_options_destroy(options);
        pango_layout_context_changed(layout);
        PangoFontDescription* font = pango_font_description_from_string(label_font(size_pt, bold).c_str());
        pango_layout_set_font_description(layout, font);
        pango_font_description_free(font);
        if (wrap_pt > 0) {
            pango_layout_set_width(layout, static_cast<int>(wrap_pt * PANGO_SCALE));
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
        }
        pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
        PangoRectangle logical;
        pango_layout_get_extents(layout, nullptr, &logical);
        width = static_cast<double>(logical.width) / PANGO_SCALE;
        height = static_cast<double>(logical.height) / PANGO_SCALE;
    }
    ~Text() { g_object_unref(layout); }
    Text(const Text&) = delete;
    Text& operator=(const Text&) = delete;
    void show(cairo_t* cr, double x, double y, Rgb colour) const {
        cairo_move_to(cr, x, y);
        set_colour(cr, colour);
        pango_cairo_show_layout(cr, layout);
    }
};

void white_box(cairo_t* cr, double x, double y, double w, double h) {
    cairo_rectangle(cr, x, y, w, h);
    set_colour(cr, Rgb{255, 255, 255}, 0.9);
    cairo_fill_preserve(cr);
    set_colour(cr, Rgb{150, 150, 150});
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
}

std::string degrees(double value, char positive, char negative) {
    const double rounded = std::round(value * 100) / 100;
    auto text = fmt::format("{:.2f}", std::abs(rounded));
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return fmt::format("{}°{}", text, rounded < 0 ? negative : positive);
}

} // namespace

double round_step(double range, int intervals) {
    const double raw = range / intervals;
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 2.5, 5.0})
        if (factor * magnitude >= raw) return factor * magnitude;
    return 10 * magnitude;
}

void draw_title(cairo_t* cr, const Page& page, const PageRect& frame, const std::string& title) {
    if (title.empty()) return;
    const Text text(cr, title, 14, true);
    text.show(cr, (page.width_pt - text.width) / 2, std::max(2.0, (frame.top - text.height) / 2), ink);
}

PageRect scale_bar_area(const PageRect& frame) {
    return PageRect{frame.left, frame.bottom() - 32, frame.width * 0.3 + 40, 32};
}

PageRect north_arrow_area(const PageRect& frame) { return PageRect{frame.left, frame.top, 44, 50}; }

PageRect draw_legend(cairo_t* cr, const PageRect& frame, const std::vector<LegendEntry>& entries, bool draw) {
    if (entries.empty()) return PageRect{frame.right(), frame.top, 0, 0};
    constexpr double size_pt = 7.5, swatch_pt = 8, pad = 5;
    std::vector<std::unique_ptr<Text>> lines;
    double width = 0, height = 0;
    for (const auto& entry : entries) {
        lines.push_back(std::make_unique<Text>(
            cr, entry.heading ? entry.label : fmt::format("{} ({})", entry.label, entry.count), size_pt));
        width = std::max(width, lines.back()->width);
        height += std::max(lines.back()->height, swatch_pt) + 2;
    }
    const double box_w = width + swatch_pt + 3 * pad, box_h = height + 2 * pad - 2;
    const double x = frame.right() - box_w - 6, y = frame.top + 6;
    if (!draw) return PageRect{x, y, box_w, box_h};
    white_box(cr, x, y, box_w, box_h);
    double line_y = y + pad;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& entry = entries[i];
        const double line_h = std::max(lines[i]->height, swatch_pt);
        const PagePoint centre{x + pad + swatch_pt / 2, line_y + line_h / 2};
        if (entry.heading) {
            lines[i]->show(cr, x + pad, line_y + (line_h - lines[i]->height) / 2, ink);
            line_y += line_h + 2;
            continue;
        }
        if (entry.fill) {
            cairo_rectangle(cr, centre.x - swatch_pt / 2, centre.y - swatch_pt / 2, swatch_pt, swatch_pt);
            if (entry.fill->fill) {
                set_colour(cr, *entry.fill->fill, entry.fill->fill_opacity);
                cairo_fill_preserve(cr);
            }
            set_colour(cr, entry.fill->stroke.value_or(entry.colour));
            cairo_set_line_width(cr, 0.8);
            cairo_stroke(cr);
        } else if (entry.kind == GeometryKind::Point) {
            MarkerStyle marker;
            marker.fill = entry.colour;
            marker.shape = entry.shape;
            draw_marker(cr, marker, 2.4, centre);
        } else if (entry.kind == GeometryKind::Line) {
            cairo_move_to(cr, centre.x - swatch_pt / 2, centre.y);
            cairo_line_to(cr, centre.x + swatch_pt / 2, centre.y);
            set_colour(cr, entry.colour);
            cairo_set_line_width(cr, 1.4);
            cairo_stroke(cr);
        } else {
            cairo_rectangle(cr, centre.x - swatch_pt / 2, centre.y - swatch_pt / 2, swatch_pt, swatch_pt);
            set_colour(cr, entry.colour, 0.35);
            cairo_fill_preserve(cr);
            set_colour(cr, entry.colour);
            cairo_set_line_width(cr, 0.8);
            cairo_stroke(cr);
        }
        lines[i]->show(cr, x + 2 * pad + swatch_pt, line_y + (line_h - lines[i]->height) / 2, ink);
        line_y += line_h + 2;
    }
    return PageRect{x, y, box_w, box_h};
}

double draw_scale_bar(cairo_t* cr, const MapFrame& frame) {
    const auto& rect = frame.rect();
    const PagePoint mid{rect.left + rect.width / 2, rect.top + rect.height / 2};
    const double half_pt = rect.width / 10;
    const auto west = frame.to_lonlat(PagePoint{mid.x - half_pt, mid.y});
    const auto east = frame.to_lonlat(PagePoint{mid.x + half_pt, mid.y});
    if (!west || !east) return 0;
    const double km_per_pt = geo::geodesic_distance_m(*west, *east) / 1000 / (2 * half_pt);
    const double length_km = round_step(rect.width * 0.22 * km_per_pt, 2) ;
    const double bar_pt = length_km / km_per_pt;
    const double x = rect.left + 12, y = rect.bottom() - 16;
    const Text zero(cr, "0", 7), label(cr, fmt::format("{:g} km", length_km), 7);
    white_box(cr, x - 6, y - 4 - zero.height, bar_pt + 12 + label.width / 2, zero.height + 12);
    for (int half = 0; half < 2; ++half) {
        cairo_rectangle(cr, x + half * bar_pt / 2, y, bar_pt / 2, 3);
        set_colour(cr, half == 0 ? ink : Rgb{255, 255, 255});
        cairo_fill_preserve(cr);
        set_colour(cr, ink);
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
    }
    zero.show(cr, x - zero.width / 2, y - 1 - zero.height, ink);
    label.show(cr, x + bar_pt - label.width / 2 + label.width / 4, y - 1 - label.height, ink);
    return length_km;
}

double draw_north_arrow(cairo_t* cr, const MapFrame& frame) {
    const auto centre = frame.centre();
    const auto here = frame.to_page(centre);
    const auto north = frame.to_page(geo::geodesic_direct(centre, 0, 10000));
    double angle = 0;
    if (here && north) angle = std::atan2(north->x - here->x, here->y - north->y);
    const auto& rect = frame.rect();
    const double cx = rect.left + 22, cy = rect.top + 26, length = 16;
    cairo_save(cr);
    cairo_translate(cr, cx, cy);
    cairo_rotate(cr, angle);
    cairo_move_to(cr, 0, -length / 2);
    cairo_line_to(cr, 5, length / 2);
    cairo_line_to(cr, 0, length / 4);
    cairo_close_path(cr);
    set_colour(cr, ink);
    cairo_fill(cr);
    cairo_move_to(cr, 0, -length / 2);
    cairo_line_to(cr, -5, length / 2);
    cairo_line_to(cr, 0, length / 4);
    cairo_close_path(cr);
    set_colour(cr, Rgb{255, 255, 255});
    cairo_fill_preserve(cr);
    set_colour(cr, ink);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    const Text n(cr, "N", 8, true);
    n.show(cr, -n.width / 2, -length / 2 - n.height - 1, ink);
    cairo_restore(cr);
    return angle * 180 / std::numbers::pi;
}

void draw_graticule(cairo_t* cr, const MapFrame& frame, const geo::Box& extent) {
    const auto& rect = frame.rect();
    // The lon/lat range the frame actually shows: its edges sampled.
    geo::Box shown;
    for (int i = 0; i <= 40; ++i) {
        const double t = i / 40.0;
        for (const PagePoint p : {PagePoint{rect.left + t * rect.width, rect.top},
                                  PagePoint{rect.left + t * rect.width, rect.bottom()},
                                  PagePoint{rect.left, rect.top + t * rect.height},
                                  PagePoint{rect.right(), rect.top + t * rect.height}})
            if (const auto ll = frame.to_lonlat(p)) shown.extend(*ll);
    }
    if (shown.empty()) shown = extent;
    const double step = round_step(std::max(shown.max_lon_deg - shown.min_lon_deg,
                                            shown.max_lat_deg - shown.min_lat_deg), 8);
    cairo_save(cr);
    cairo_rectangle(cr, rect.left, rect.top, rect.width, rect.height);
    cairo_clip(cr);
    set_colour(cr, Rgb{160, 160, 160}, 0.7);
    cairo_set_line_width(cr, 0.3);
    const double first_lon = std::ceil(shown.min_lon_deg / step) * step;
    const double first_lat = std::ceil(shown.min_lat_deg / step) * step;
    for (double lon = first_lon; lon <= shown.max_lon_deg; lon += step) {
        geo::MultiLineString line{{geo::LonLat{lon, shown.min_lat_deg}, geo::LonLat{lon, shown.max_lat_deg}}};
        cairo_new_path(cr);
        add_shape_path(cr, frame, line);
        cairo_stroke(cr);
    }
    for (double lat = first_lat; lat <= shown.max_lat_deg; lat += step) {
        geo::MultiLineString line{{geo::LonLat{shown.min_lon_deg, lat}, geo::LonLat{shown.max_lon_deg, lat}}};
        cairo_new_path(cr);
        add_shape_path(cr, frame, line);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
    // Labels where each line crosses the bottom edge (meridians) or the left edge
    // (parallels): the crossing found between samples of the edge.
    constexpr int samples = 400;
    for (int edge = 0; edge < 2; ++edge) {
        std::optional<double> previous;
        for (int i = 0; i <= samples; ++i) {
            const double t = static_cast<double>(i) / samples;
            const PagePoint p = edge == 0 ? PagePoint{rect.left + t * rect.width, rect.bottom()}
                                          : PagePoint{rect.left, rect.bottom() - t * rect.height};
            const auto ll = frame.to_lonlat(p);
            if (!ll) continue;
            const double value = edge == 0 ? ll->lon_deg : ll->lat_deg;
            if (previous && std::floor(*previous / step) != std::floor(value / step)) {
                const double line = std::floor(std::max(*previous, value) / step) * step;
                const Text label(cr, edge == 0 ? degrees(line, 'E', 'W') : degrees(line, 'N', 'S'), 6.5);
                if (edge == 0) label.show(cr, p.x - label.width / 2, rect.bottom() + 2, grey);
                else label.show(cr, rect.left - label.width - 2, p.y - label.height / 2, grey);
            }
            previous = value;
        }
    }
}

void draw_attribution(cairo_t* cr, const Page& page, const PageRect& frame, const std::string& text) {
    if (text.empty()) return;
    const Text line(cr, text, 5.5, false, frame.width);
    line.show(cr, frame.left, std::min(page.height_pt - line.height - 2, frame.bottom() + 14), grey);
}

} // namespace depmap::layers
