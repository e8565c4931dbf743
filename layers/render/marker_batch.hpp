#pragma once
// Many markers drawn as one: on a PNG's image surface, each distinct marker (style, size,
// and where its centre falls within a pixel, to 1/16 of a pixel) is drawn once by Cairo
// into a small image, which is then composited at every point holding it, in the order
// the markers were added (bands of the page's rows on all cores, each in that order).
// A million markers cost a few thousand Cairo fills instead of a million, and each lands
// within 1/32 of a pixel of where draw_marker() puts it. One difference remains: on the
// pixels the clip's edges cut, Cairo clips a marker's fill and its stroke each (a little
// darker there), a stamp once. On SVG and PDF, and once a batch holds too many distinct
// markers (sizes on a continuous scale), each marker is drawn by draw_marker() instead.
#include "layers/render/map_frame.hpp"
#include "layers/style/qgis_symbols.hpp"

#include <cstdint>
#include <vector>

typedef struct _cairo cairo_t;

namespace depmap::layers {

class MarkerBatch {
public:
    // Markers to be drawn on `cr`'s target, inside `clip` (page points): the rectangle
    // the caller has clipped `cr` to, or the page.
    MarkerBatch(cairo_t* cr, PageRect clip);
    MarkerBatch(const MarkerBatch&) = delete;
    MarkerBatch& operator=(const MarkerBatch&) = delete;

    // A marker as draw_marker() draws it.
    void add(const MarkerStyle& style, double size_mm, PagePoint at);
    // Draws the markers added, in order, and forgets them.
    void draw();

    // More distinct markers than this in a batch are drawn one by one.
    static constexpr std::size_t max_kinds = 256;

private:
    struct Kind {
        MarkerStyle style;
        double size_mm;
    };
    struct Mark {
        std::uint32_t kind;
        PagePoint at;
    };
    cairo_t* m_cr;
    PageRect m_clip;
    bool m_stamping;
    std::vector<Kind> m_kinds;
    std::vector<Mark> m_marks;
    std::uint32_t m_last = 0;

    void draw_one_by_one();
    void stamp();
};

} // namespace depmap::layers
