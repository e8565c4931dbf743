#pragma once
// The page a map is drawn on, in points (1/72 inch) so a PDF prints at its true size;
// a PNG has dpi / 72 pixels per point.
#include <string_view>

namespace depmap::layers {

struct Page {
    double width_pt = 768;   // 1600 px at 150 dpi
    double height_pt = 576;  // 1200 px at 150 dpi
    double dpi = 150;
    int width_px() const;
    int height_px() const;
};

// A page of `width_px` x `height_px` pixels at `dpi`. Throws ArgumentError naming
// `width_px`, `height_px` or `dpi` when one is not positive or the image would exceed
// 20000 pixels a side.
Page pixel_page(int width_px, int height_px, double dpi);

// A sheet of paper: "A4", "A3" or "letter" (any case), portrait unless `landscape`.
// Throws ArgumentError naming `paper`.
Page paper_page(std::string_view paper, bool landscape, double dpi);

} // namespace depmap::layers
