#include "layers/render/page.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace depmap::layers {

namespace {

constexpr int max_side_px = 20000;
constexpr double points_per_inch = 72;

void check_dpi(double dpi) {
    if (!(dpi > 0 && dpi <= 2400))
        throw ArgumentError(fmt::format("{} {}: give a resolution in (0, 2400] dots per inch", parameter("dpi"), dpi));
}

int pixels(double points, double dpi) { return static_cast<int>(std::lround(points * dpi / points_per_inch)); }

void check_pixels(const Page& page) {
    if (page.width_px() > max_side_px || page.height_px() > max_side_px)
        throw ArgumentError(fmt::format("the image would be {} x {} pixels, more than {} a side; lower the {}",
                                        page.width_px(), page.height_px(), max_side_px, parameter("dpi")));
}

} // namespace

int Page::width_px() const { return pixels(width_pt, dpi); }
int Page::height_px() const { return pixels(height_pt, dpi); }

Page pixel_page(int width_px, int height_px, double dpi) {
    check_dpi(dpi);
    for (const auto& [name, value] : {std::pair{"width_px", width_px}, std::pair{"height_px", height_px}})
        if (value < 100 || value > max_side_px)
            throw ArgumentError(fmt::format("{} {}: give a size from 100 to {} pixels", parameter(name), value,
                                            max_side_px));
    return Page{width_px * points_per_inch / dpi, height_px * points_per_inch / dpi, dpi};
}

Page paper_page(std::string_view paper, bool landscape, double dpi) {
    check_dpi(dpi);
    std::string name(paper);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    // ISO 216 sizes in millimetres to points; US letter is 8.5 x 11 inches.
    constexpr double pt_per_mm = points_per_inch / 25.4;
    Page page;
    page.dpi = dpi;
    if (name == "a4") page.width_pt = 210 * pt_per_mm, page.height_pt = 297 * pt_per_mm;
    else if (name == "a3") page.width_pt = 297 * pt_per_mm, page.height_pt = 420 * pt_per_mm;
    else if (name == "letter") page.width_pt = 612, page.height_pt = 792;
    else throw ArgumentError(fmt::format("{} {}: the paper sizes are A4, A3 and letter", parameter("paper"), paper));
    if (landscape) std::swap(page.width_pt, page.height_pt);
    check_pixels(page);
    return page;
}

} // namespace depmap::layers
