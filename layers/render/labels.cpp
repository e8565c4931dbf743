#include "layers/render/labels.hpp"

#include "layers/render/symbols.hpp"
#include "layers/style/qgis_labels.hpp"

#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

namespace depmap::layers {

struct Labeller::Layout {
    PangoLayout* layout = nullptr;
    LabelStyle style;
    double width = 0;
    double height = 0;
    PagePoint origin;
    ~Layout() {
        if (layout) g_object_unref(layout);
    }
};

bool overlap(const PageRect& a, const PageRect& b) {
    return a.left < b.right() && b.left < a.right() && a.top < b.bottom() && b.top < a.bottom();
}

std::string label_font(double size_pt, bool bold, bool italic) {
    std::string families;
    for (const auto family : label_font_families()) {
        if (!families.empty()) families += ',';
        families += family;
    }
    return fmt::format("{}{}{} {}", families, bold ? " Bold" : "", italic ? " Italic" : "", size_pt);
}

Labeller::Labeller(cairo_t* cr, PageRect frame)
    : m_cr(cr), m_frame(frame), m_columns(std::max(1, static_cast<int>(std::ceil(frame.width / cell_pt)))),
      m_rows(std::max(1, static_cast<int>(std::ceil(frame.height / cell_pt)))),
      m_cell_start(static_cast<std::size_t>(m_columns) * m_rows + 1, 0) {}
Labeller::~Labeller() = default;

Labeller::CellRange Labeller::cells(const PageRect& box) const {
    const auto cell = [](double offset, int count) {
        return static_cast<int>(std::clamp(std::floor(offset / cell_pt), 0.0, count - 1.0));
    };
    return CellRange{cell(box.left - m_frame.left, m_columns), cell(box.top - m_frame.top, m_rows),
                     cell(box.right() - m_frame.left, m_columns), cell(box.bottom() - m_frame.top, m_rows)};
}

void Labeller::add_symbol(PageRect box, int group) { m_symbols.emplace_back(box, group); }

void Labeller::index_symbols() {
    if (m_indexed == m_symbols.size()) return;
    // A box partly off the frame sits in the edge cells; labels stay inside the frame.
    const auto each_cell = [&](const PageRect& box, auto&& visit) {
        const auto range = cells(box);
        for (int y = range.top; y <= range.bottom; ++y)
            for (int x = range.left; x <= range.right; ++x) visit(static_cast<std::size_t>(y) * m_columns + x);
    };
    std::fill(m_cell_start.begin(), m_cell_start.end(), 0);
    for (const auto& [box, group] : m_symbols) each_cell(box, [&](std::size_t cell) { ++m_cell_start[cell + 1]; });
    for (std::size_t cell = 1; cell < m_cell_start.size(); ++cell) m_cell_start[cell] += m_cell_start[cell - 1];
    m_cell_symbols.resize(m_cell_start.back());
    auto next = m_cell_start;
    for (std::size_t i = 0; i < m_symbols.size(); ++i)
        each_cell(m_symbols[i].first, [&](std::size_t cell) { m_cell_symbols[next[cell]++] = static_cast<std::uint32_t>(i); });
    m_indexed = m_symbols.size();
}

bool Labeller::free(const PageRect& box, int group) const {
    if (box.left < m_frame.left || box.top < m_frame.top || box.right() > m_frame.right() ||
        box.bottom() > m_frame.bottom())
        return false;
    for (const auto& label : m_placed)
        if (overlap(label.box, box)) return false;
    const auto range = cells(box);
    for (int y = range.top; y <= range.bottom; ++y)
        for (int x = range.left; x <= range.right; ++x)
            for (auto k = m_cell_start[static_cast<std::size_t>(y) * m_columns + x];
                 k < m_cell_start[static_cast<std::size_t>(y) * m_columns + x + 1]; ++k) {
                const auto& [symbol, owner] = m_symbols[m_cell_symbols[k]];
                if ((group < 0 || owner == group || owner == every_group) && overlap(symbol, box)) return false;
            }
    return true;
}

std::unique_ptr<Labeller::Layout> Labeller::layout(const std::string& text, const LabelStyle& style) const {
    auto result = std::make_unique<Layout>();
    result->style = style;
    result->layout = pango_cairo_create_layout(m_cr);
    // Unhinted metrics: a label is the same size in a PNG as in a PDF or SVG.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(pango_layout_get_context(result->layout), options);
    cairo_font_options_destroy(options);
    pango_layout_context_changed(result->layout);
    PangoFontDescription* font =
        pango_font_description_from_string(label_font(style.size_pt, style.bold, style.italic).c_str());
    pango_layout_set_font_description(result->layout, font);
    pango_font_description_free(font);
    pango_layout_set_text(result->layout, text.c_str(), static_cast<int>(text.size()));
    PangoRectangle logical;
    pango_layout_get_extents(result->layout, nullptr, &logical);
    result->width = static_cast<double>(logical.width) / PANGO_SCALE;
    result->height = static_cast<double>(logical.height) / PANGO_SCALE;
    return result;
}

bool Labeller::place_first(std::unique_ptr<Layout> layout, const std::string& text,
                           const std::vector<PageRect>& candidates, int group) {
    index_symbols();
    for (const auto& box : candidates) {
        if (!free(box, group)) continue;
        layout->origin = PagePoint{box.left, box.top};
        m_unknown_glyphs += pango_layout_get_unknown_glyphs_count(layout->layout);
        m_placed.push_back(PlacedLabel{text, box});
        m_layouts.push_back(std::move(layout));
        return true;
    }
    return false;
}

bool Labeller::place_beside(const std::string& text, PagePoint p, double radius_pt, int group,
                            const LabelStyle& style) {
    if (text.empty()) return false;
    auto l = layout(text, style);
    const double w = l->width, h = l->height;
    const double gap = 1.2 + radius_pt;
    const double diagonal = gap * 0.7071;
    const std::vector<PageRect> candidates{
        {p.x + diagonal, p.y - diagonal - h, w, h},      // top right
        {p.x - diagonal - w, p.y - diagonal - h, w, h},  // top left
        {p.x + diagonal, p.y + diagonal, w, h},          // bottom right
        {p.x - diagonal - w, p.y + diagonal, w, h},      // bottom left
        {p.x + gap, p.y - h / 2, w, h},                  // right
        {p.x - gap - w, p.y - h / 2, w, h},              // left
        {p.x - w / 2, p.y - gap - h, w, h},              // top
        {p.x - w / 2, p.y + gap, w, h},                  // bottom
    };
    return place_first(std::move(l), text, candidates, group);
}

bool Labeller::place_centred(const std::string& text, PagePoint at, int group, const LabelStyle& style) {
    if (text.empty()) return false;
    auto l = layout(text, style);
    const PageRect box{at.x - l->width / 2, at.y - l->height / 2, l->width, l->height};
    return place_first(std::move(l), text, {box}, group);
}

void Labeller::draw() const {
    for (const auto& l : m_layouts) {
        cairo_save(m_cr);
        cairo_move_to(m_cr, l->origin.x, l->origin.y);
        pango_cairo_layout_path(m_cr, l->layout);
        set_colour(m_cr, Rgb{255, 255, 255}, 0.85);
        cairo_set_line_width(m_cr, std::max(1.5, l->style.size_pt / 3.5));
        cairo_set_line_join(m_cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(m_cr);
        cairo_move_to(m_cr, l->origin.x, l->origin.y);
        set_colour(m_cr, l->style.colour);
        pango_cairo_show_layout(m_cr, l->layout);
        cairo_restore(m_cr);
    }
}

} // namespace depmap::layers
