#pragma once
// Map labels: Pango lays out each text (Latin and Chinese in one typeface from
// label_font_families()), and labels are placed greedily in the order they are offered:
// a label takes the first of eight positions around its symbol (QGIS's order: top right,
// top left, bottom right, bottom left, right, left, top, bottom) that stays inside the
// map, overlaps no label placed before it and no symbol of its own layer; a label with
// no such position is dropped.
#include "layers/render/map_frame.hpp"
#include "layers/style/commodity_colours.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

typedef struct _cairo cairo_t;

namespace depmap::layers {

struct LabelStyle {
    double size_pt = 7;
    Rgb colour{40, 40, 40};
    bool bold = false;
    bool italic = false;
};

struct PlacedLabel {
    std::string text;
    PageRect box;
};

bool overlap(const PageRect& a, const PageRect& b);

class Labeller {
public:
    Labeller(cairo_t* cr, PageRect frame);
    ~Labeller();
    Labeller(const Labeller&) = delete;
    Labeller& operator=(const Labeller&) = delete;

    // A symbol of layer `group` that labels of that group keep off.
    void add_symbol(PageRect box, int group);
    // A box every label keeps off: the legend, the scale bar, the north arrow.
    void add_obstacle(PageRect box) { add_symbol(box, every_group); }
    // A label beside a symbol `radius_pt` in size at `at`; false when dropped. A group
    // below zero keeps off the symbols of every group.
    bool place_beside(const std::string& text, PagePoint at, double radius_pt, int group, const LabelStyle& style);
    // A label centred on `at` (a polygon's name).
    bool place_centred(const std::string& text, PagePoint at, int group, const LabelStyle& style);
    // Draws the placed labels, each with a white halo.
    void draw() const;

    const std::vector<PlacedLabel>& placed() const { return m_placed; }
    // Characters of the placed labels that no installed font could draw.
    int unknown_glyphs() const { return m_unknown_glyphs; }

private:
    static constexpr int every_group = -2;
    struct Layout;
    std::unique_ptr<Layout> layout(const std::string& text, const LabelStyle& style) const;
    bool place_first(std::unique_ptr<Layout> layout, const std::string& text, const std::vector<PageRect>& candidates,
                     int group);
    bool free(const PageRect& box, int group) const;
    // The cells of the symbol grid a box touches (clamped to the grid).
    struct CellRange {
        int left, top, right, bottom;  // inclusive
    };
    CellRange cells(const PageRect& box) const;

    cairo_t* m_cr;
    PageRect m_frame;
    std::vector<std::pair<PageRect, int>> m_symbols;
    // The symbols by grid cell over the frame (a million markers are a million symbols):
    // cell c's in m_cell_symbols[m_cell_start[c], m_cell_start[c + 1]), built for the
    // first m_indexed symbols when a label is placed.
    static constexpr double cell_pt = 24;
    int m_columns = 1, m_rows = 1;
    std::vector<std::uint32_t> m_cell_start;
    std::vector<std::uint32_t> m_cell_symbols;
    std::size_t m_indexed = 0;
    void index_symbols();
    std::vector<PlacedLabel> m_placed;
    std::vector<std::unique_ptr<Layout>> m_layouts;
    int m_unknown_glyphs = 0;
};

// A Pango font description string: the label families and `size_pt`.
std::string label_font(double size_pt, bool bold = false, bool italic = false);

} // namespace depmap::layers
