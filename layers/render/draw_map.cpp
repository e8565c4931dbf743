#include "layers/render/draw_map.hpp"

#include "base/error.hpp"
#include "base/parallel.hpp"
#include "base/parameter.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/model/commodities.hpp"
#include "layers/output/atomic_output.hpp"
#include "layers/query/attribute_filter.hpp"
#include "layers/read/read.hpp"
#include "layers/render/attribution.hpp"
#include "layers/render/canvas.hpp"
#include "layers/render/furniture.hpp"
#include "layers/render/legend.hpp"
#include "layers/render/marker_batch.hpp"
#include "layers/render/symbols.hpp"
#include "layers/style/grid_classes.hpp"
#include "layers/style/layer_symbols.hpp"
#include "layers/style/palette.hpp"

#include <boost/geometry.hpp>
#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace depmap::layers {

namespace {

constexpr std::size_t auto_label_limit = 50;
constexpr Rgb land{246, 244, 238};
constexpr Rgb division_edge{175, 175, 175};
constexpr int base_group = -1;

// The frame: the page less room for the title above, graticule labels at the left and
// below, and the credit line.
PageRect frame_rect(const Page& page, bool titled) {
    const double top = titled ? 34 : 14;
    return PageRect{34, top, page.width_pt - 34 - 12, page.height_pt - top - 34};
}

std::optional<double> number_at(const Column& column, std::size_t row) {
    if (column.is_null(row)) return std::nullopt;
    return column.type() == FieldType::Integer ? static_cast<double>(column.integer(row)) : column.real(row);
}

std::string text_at(const Layer& layer, std::optional<std::size_t> field, std::size_t row) {
    return field ? layer.columns[*field].to_text(row) : std::string();
}

// The name of a feature: `name`, else `name_zh`.
std::string feature_name(const Layer& layer, std::size_t row) {
    auto name = text_at(layer, layer.field_index("name"), row);
    return name.empty() ? text_at(layer, layer.field_index("name_zh"), row) : name;
}

// A point inside the largest polygon of a shape, for its name.
std::optional<geo::LonLat> label_point(const geo::Shape& shape) {
    const auto* polygons = std::get_if<geo::MultiPolygon>(&shape);
    if (!polygons || polygons->empty()) return std::nullopt;
    const auto largest = std::max_element(polygons->begin(), polygons->end(), [](const auto& a, const auto& b) {
        return boost::geometry::area(a) < boost::geometry::area(b);
    });
    geo::LonLat centre;
    boost::geometry::centroid(*largest, centre);
    return centre;
}

struct Drawer {
    cairo_t* cr;
    const MapFrame& frame;
    Labeller& labeller;

    void polygons(const Layer& layer, const GraduatedFills* graduated) {
        const auto field = commodity_field(layer);
        for (std::size_t row = 0; row < layer.size(); ++row) {
            const FillStyle style = graduated ? graduated->fills[graduated->row_class[row]]
                                    : field   ? palette::commodity_fill(primary_commodity_colour(layer.columns[*field].to_text(row)))
                                              : palette::plain_area();
            draw_fill(cr, frame, layer.shapes[row], style);
        }
    }

    void lines(const Layer& layer) {
        for (const auto& shape : layer.shapes) draw_line(cr, frame, shape, LineStyle{palette::area_outline, 0.5});
    }

    // Markers in QGIS's order: by pass, the large under the small; their boxes become
    // obstacles to the layer's own labels. `at`: each row's place on the page.
    std::vector<double> points(const Layer& layer, std::span<const std::optional<PagePoint>> at, int group,
                               const std::optional<SizeScale>& scale) {
        const auto field = commodity_field(layer);
        const auto size_field = scale ? layer.field_index(scale->field) : std::nullopt;
        // One style per commodity colour, shared by its rows.
        std::map<const CommodityColour*, MarkerStyle> by_colour;
        MarkerStyle plain;
        plain.fill = palette::plain_marker;
        std::vector<const MarkerStyle*> styles(layer.size(), &plain);
        if (field) {
            const auto colours = primary_colours(layer.columns[*field]);
            for (std::size_t row = 0; row < layer.size(); ++row) {
                auto [it, added] = by_colour.try_emplace(colours[row]);
                if (added) it->second = category_marker(*colours[row]);
                styles[row] = &it->second;
            }
        }
        std::vector<double> sizes_mm(layer.size());
        for (std::size_t row = 0; row < layer.size(); ++row)
            sizes_mm[row] = scale ? scaled_size_mm(*scale, number_at(layer.columns[*size_field], row))
                                  : styles[row]->size_mm;
        // Ties in the row order, so the sort on all cores is the stable one.
        struct Key {
            int pass;
            double size_mm;
            std::size_t row;
        };
        std::vector<Key> order(layer.size());
        for (std::size_t row = 0; row < layer.size(); ++row) order[row] = Key{styles[row]->pass, sizes_mm[row], row};
        sort_on_all_cores(order.begin(), order.end(), [](const Key& a, const Key& b) {
            if (a.pass != b.pass) return a.pass < b.pass;
            if (a.size_mm != b.size_mm) return a.size_mm > b.size_mm;
            return a.row < b.row;
        });
        MarkerBatch markers(cr, frame.rect());
        for (const auto& key : order) {
            const auto& page = at[key.row];
            if (!page) continue;
            markers.add(*styles[key.row], key.size_mm, *page);
            const double r = key.size_mm * points_per_mm / 2;
            labeller.add_symbol(PageRect{page->x - r, page->y - r, 2 * r, 2 * r}, group);
        }
        markers.draw();
        return sizes_mm;
    }
};

// The rows to label: all, or those `where` selects.
std::vector<std::size_t> labelled_rows(const Layer& layer, const std::string& where) {
    if (!where.empty()) return rows_where(layer, where, "label_where");
    std::vector<std::size_t> rows(layer.size());
    std::iota(rows.begin(), rows.end(), 0);
    return rows;
}

// The values of the numeric field `name` by row, no value ranking last.
std::vector<double> priorities(const Layer& layer, const std::string& name) {
    const auto field = layer.field_index(name);
    if (!field || layer.fields[*field].type == FieldType::String)
        throw ArgumentError(fmt::format("{} {}: {} in {}", parameter("label_priority"), name,
                                        field ? "not a numeric field" : "no such field", layer.source));
    std::vector<double> values(layer.size());
    for (std::size_t row = 0; row < layer.size(); ++row)
        values[row] = number_at(layer.columns[*field], row).value_or(-HUGE_VAL);
    return values;
}

// `rows` in priority order, the highest `rank` first, then in the layer's order; at most `limit`.
std::vector<std::size_t> label_order(std::vector<std::size_t> rows, const std::vector<double>& rank, std::size_t limit) {
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return rank[a] > rank[b]; });
    if (rows.size() > limit) rows.resize(limit);
    return rows;
}

// The layers as far as the frame shows them: points outside it left out, so the legend
// counts and the credits name only what is on the map. `at`: each point layer's rows'
// places on the page.
std::vector<ShownLayer> shown_layers(std::span<const Layer> layers,
                                     const std::vector<std::vector<std::optional<PagePoint>>>& at,
                                     const MapFrame& frame) {
    std::vector<ShownLayer> shown;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        shown.push_back(ShownLayer{&layers[i], std::nullopt});
        if (!layers[i].is_points()) continue;
        std::vector<std::size_t> rows;
        for (std::size_t row = 0; row < layers[i].size(); ++row) {
            const auto& page = at[i][row];
            if (page && frame.rect().contains(page->x, page->y)) rows.push_back(row);
        }
        if (rows.size() != layers[i].size()) shown.back().rows = std::move(rows);
    }
    return shown;
}

void draw_base(cairo_t* cr, const MapFrame& frame, const BaseMap& base) {
    for (const auto& shape : base.divisions.shapes)
        draw_fill(cr, frame, shape, FillStyle{land, 1, division_edge, 0.25});
    for (const auto& shape : base.boundary.shapes)
        draw_fill(cr, frame, shape, FillStyle{std::nullopt, 0, palette::outline, 0.5});
}

} // namespace

BaseMap bundled_base_map() {
    return BaseMap{read_layer(bundled_path(Bundled::Boundary).string()),
                   read_layer(bundled_path(Bundled::Divisions).string()),
                   read_layer(bundled_path(Bundled::Cities).string())};
}

MapReport write_map(std::span<const Layer> layers, const BaseMap& base, const MapOptions& options,
                    const std::filesystem::path& output) {
    const auto format = image_format(output);
    std::optional<SizeScale> scale;
    if (!options.size_by.empty()) {
        if (layers.empty() || !layers.front().is_points())
            throw ArgumentError(fmt::format("{} {}: sizes apply to a point layer", parameter("size_by"),
                                            options.size_by));
        scale = size_scale(layers.front(), options.size_by);
    }
    std::optional<GraduatedFills> graduated;
    if (!options.class_by.empty()) {
        if (layers.empty() || layers.front().kind != GeometryKind::Polygon)
            throw ArgumentError(fmt::format("class field {}: classes colour a polygon layer", options.class_by));
        graduated = graduated_fills(layers.front().columns[numeric_field(layers.front(), options.class_by,
                                                                         "class field")]);
    }
    std::optional<std::size_t> label_field;
    if (options.labels == LabelMode::Field) {
        if (layers.empty() || !(label_field = layers.front().field_index(options.label_field)))
            throw ArgumentError(fmt::format("{} {}: no such field in {}", parameter("label_field"),
                                            options.label_field,
                                            layers.empty() ? "the map" : layers.front().source));
    }
    // The labels' filter and priority are checked before anything is drawn.
    const bool labelled = !layers.empty() && layers.front().is_points() && options.labels != LabelMode::None;
    std::vector<std::size_t> label_rows;
    std::optional<std::vector<double>> label_rank;
    if (labelled) {
        label_rows = labelled_rows(layers.front(), options.label_where);
        if (!options.label_priority.empty()) label_rank = priorities(layers.front(), options.label_priority);
    }

    const auto extent = map_extent(layers, options.extent, base.divisions, base.boundary.extent());
    MapFrame frame(MapProjection(options.crs, extent), extent, frame_rect(options.page, !options.title.empty()));
    const auto& rect = frame.rect();

    MapReport report;
    report.projection = frame.projection().definition();
    report.frame = rect;
    report.scale = frame.scale();
    report.origin_x = frame.origin().x;
    report.origin_y = frame.origin().y;
    // Each point projected once, for the legend, the markers and the labels.
    std::vector<std::vector<std::optional<PagePoint>>> at(layers.size());
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (layers[i].is_points()) at[i] = frame.to_page(layers[i].points);
    auto credited = shown_layers(layers, at, frame);
    report.legend = legend_entries(credited, graduated ? options.class_by : std::string());
    credited.push_back(ShownLayer{&base.divisions, std::nullopt});
    credited.push_back(ShownLayer{&base.cities, std::nullopt});
    report.attribution = attribution(credited);

    AtomicOutput file(output, options.overwrite);
    Canvas canvas(format, options.page, file.stream(), options.title);
    cairo_t* cr = canvas.context();
    Labeller labeller(cr, rect);
    Drawer drawer{cr, frame, labeller};
    labeller.add_obstacle(draw_legend(cr, rect, report.legend, false));
    labeller.add_obstacle(scale_bar_area(rect));
    labeller.add_obstacle(north_arrow_area(rect));

    cairo_save(cr);
    cairo_rectangle(cr, rect.left, rect.top, rect.width, rect.height);
    cairo_clip(cr);
    draw_base(cr, frame, base);
    cairo_restore(cr);
    draw_graticule(cr, frame, extent);
    cairo_save(cr);
    cairo_rectangle(cr, rect.left, rect.top, rect.width, rect.height);
    cairo_clip(cr);
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (layers[i].kind == GeometryKind::Polygon) drawer.polygons(layers[i], i == 0 && graduated ? &*graduated : nullptr);
    for (const auto& layer : layers)
        if (layer.kind == GeometryKind::Line) drawer.lines(layer);
    std::vector<double> main_sizes;
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (layers[i].is_points()) {
            auto sizes = drawer.points(layers[i], at[i], static_cast<int>(i), i == 0 ? scale : std::nullopt);
            if (i == 0) main_sizes = std::move(sizes);
        }
    // Cities: a ringed dot, labelled first.
    for (std::size_t row = 0; row < base.cities.size(); ++row) {
        const auto at = frame.to_page(base.cities.points[row]);
        if (!at) continue;
        MarkerStyle dot;
        dot.fill = Rgb{255, 255, 255};
        dot.stroke = Rgb{20, 20, 20};
        dot.stroke_mm = 0.5;
        draw_marker(cr, dot, 2.2, *at);
        labeller.place_beside(feature_name(base.cities, row), *at, 3.2, base_group, LabelStyle{8, {20, 20, 20}, true});
    }
    cairo_restore(cr);

    if (labelled) {
        const auto& layer = layers.front();
        const auto rows = label_order(std::move(label_rows), label_rank ? *label_rank : main_sizes,
                                      label_field ? layer.size() : auto_label_limit);
        for (const auto row : rows) {
            const auto text = label_field ? text_at(layer, label_field, row) : feature_name(layer, row);
            if (at[0][row]) labeller.place_beside(text, *at[0][row], main_sizes[row] * points_per_mm / 2, 0, LabelStyle{});
        }
    }
    for (std::size_t row = 0; row < base.divisions.size(); ++row) {
        const auto point = label_point(base.divisions.shapes[row]);
        const auto at = point ? frame.to_page(*point) : std::nullopt;
        if (at)
            labeller.place_centred(feature_name(base.divisions, row), *at, base_group,
                                   LabelStyle{7.5, {120, 120, 120}, false, true});
    }
    labeller.draw();

    cairo_rectangle(cr, rect.left, rect.top, rect.width, rect.height);
    set_colour(cr, Rgb{60, 60, 60});
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    draw_title(cr, options.page, rect, options.title);
    draw_legend(cr, rect, report.legend);
    report.scale_bar_km = draw_scale_bar(cr, frame);
    report.north_deg = draw_north_arrow(cr, frame);
    draw_attribution(cr, options.page, rect, report.attribution);

    canvas.finish(output.string());
    file.commit();
    report.labels = labeller.placed();
    report.unknown_glyphs = labeller.unknown_glyphs();
    return report;
}

} // namespace depmap::layers
