#include "base/parallel.hpp"
#include "layers/render/marker_batch.hpp"
#include "layers/render/symbols.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

using namespace depmap;

namespace {

// A 150 dpi page (as a PNG's) with markers drawn inside a clip whose edges cut pixels.
struct Page {
    static constexpr int width = 400, height = 300;
    static constexpr layers::PageRect clip{10.3, 8.6, 170.2, 120.5};
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t* cr = cairo_create(surface);
    Page() {
        cairo_scale(cr, 150.0 / 72, 150.0 / 72);
        cairo_set_source_rgb(cr, 0.9, 0.95, 1);
        cairo_paint(cr);
        cairo_rectangle(cr, clip.left, clip.top, clip.width, clip.height);
        cairo_clip(cr);
    }
    ~Page() {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
    }
    std::uint32_t pixel(int x, int y) {
        cairo_surface_flush(surface);
        const auto* row = cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface);
        return reinterpret_cast<const std::uint32_t*>(row)[x] & 0xFFFFFF;
    }
};

int channel_difference(std::uint32_t a, std::uint32_t b) {
    int most = 0;
    for (int shift : {0, 8, 16}) most = std::max(most, std::abs(int((a >> shift) & 0xFF) - int((b >> shift) & 0xFF)));
    return most;
}

struct Marker {
    layers::MarkerStyle style;
    double size_mm;
    layers::PagePoint at;
};

// Overlapping markers of every shape, some across the clip's edges.
std::vector<Marker> markers(std::size_t sizes) {
    std::vector<Marker> result;
    const char* shapes[] = {"circle", "square", "triangle", "diamond"};
    for (int i = 0; i < 400; ++i) {
        Marker m;
        m.style.shape = shapes[i % 4];
        m.style.fill = layers::Rgb{static_cast<std::uint8_t>(40 * (i % 6)), static_cast<std::uint8_t>(90 + i % 7 * 20), 180};
        m.size_mm = 1.5 + static_cast<double>(i % sizes) * 0.37;
        m.at = layers::PagePoint{5 + (i * 37 % 1770) / 10.0, 4 + (i * 53 % 1330) / 10.0};
        result.push_back(m);
    }
    return result;
}

} // namespace

TEST_CASE("stamped markers are the pixels Cairo draws for each marker", "[render]") {
    Page batched, one_by_one;
    layers::MarkerBatch batch(batched.cr, Page::clip);
    for (const auto& m : markers(3)) {
        batch.add(m.style, m.size_mm, m.at);
        layers::draw_marker(one_by_one.cr, m.style, m.size_mm, m.at);
    }
    batch.draw();
    // Antialiased edges differ by rounding and by the centre's placement to 1/16 of a
    // pixel; no pixel is another marker's or the background's. On the clip's edge pixels
    // Cairo clips the fill and the stroke each (darker), the stamp once.
    const auto edge = [](double pt) { return static_cast<int>(std::floor(pt * 150 / 72)); };
    int differ = 0, most = 0, most_on_edge = 0;
    for (int y = 0; y < Page::height; ++y)
        for (int x = 0; x < Page::width; ++x) {
            const int d = channel_difference(batched.pixel(x, y), one_by_one.pixel(x, y));
            const bool on_edge = x == edge(Page::clip.left) || x == edge(Page::clip.right()) ||
                                 y == edge(Page::clip.top) || y == edge(Page::clip.bottom());
            (on_edge ? most_on_edge : most) = std::max(on_edge ? most_on_edge : most, d);
            differ += d > 8;
        }
    CHECK(most <= 24);
    CHECK(most_on_edge <= 80);
    CHECK(differ < Page::width * Page::height / 50);
    // Outside the clip, nothing.
    CHECK(batched.pixel(5, 5) == one_by_one.pixel(5, 5));
    CHECK(batched.pixel(Page::width - 2, Page::height - 2) == one_by_one.pixel(Page::width - 2, Page::height - 2));
}

TEST_CASE("a batch of more distinct markers than it stamps draws each as Cairo does", "[render]") {
    Page batched, one_by_one;
    layers::MarkerBatch batch(batched.cr, Page::clip);
    for (const auto& m : markers(layers::MarkerBatch::max_kinds + 50)) {
        batch.add(m.style, m.size_mm, m.at);
        layers::draw_marker(one_by_one.cr, m.style, m.size_mm, m.at);
    }
    batch.draw();
    int differ = 0;
    for (int y = 0; y < Page::height; ++y)
        for (int x = 0; x < Page::width; ++x) differ += batched.pixel(x, y) != one_by_one.pixel(x, y);
    CHECK(differ == 0);
}

TEST_CASE("stamping on all cores gives the pixels of one core", "[render][parallel]") {
    // Enough marks for several bands on every thread; overlapping, so order matters.
    const auto draw = [](std::size_t threads) {
        const auto cap = depmap::max_threads();
        depmap::set_max_threads(threads);
        Page page;
        layers::MarkerBatch batch(page.cr, Page::clip);
        const char* shapes[] = {"circle", "square", "triangle", "diamond"};
        for (int i = 0; i < 60000; ++i) {
            layers::MarkerStyle style;
            style.shape = shapes[i % 4];
            style.fill = layers::Rgb{static_cast<std::uint8_t>(40 * (i % 6)), 120, 180};  // 120 kinds: stamped
            batch.add(style, 1.5 + (i % 5) * 0.4,
                      layers::PagePoint{5 + (i * 7919LL % 17700) / 100.0, 4 + (i * 104729LL % 13300) / 100.0});
        }
        // Far off the page (a point outside --bbox): nothing drawn, nothing allocated for it.
        batch.add(layers::MarkerStyle{}, 3, layers::PagePoint{-5000, -7000});
        batch.add(layers::MarkerStyle{}, 3, layers::PagePoint{1e9, -1e9});
        batch.draw();
        depmap::set_max_threads(cap);
        std::vector<std::uint32_t> pixels;
        for (int y = 0; y < Page::height; ++y)
            for (int x = 0; x < Page::width; ++x) pixels.push_back(page.pixel(x, y));
        return pixels;
    };
    const auto one = draw(1);
    const auto all = draw(std::max<std::size_t>(2, depmap::max_threads()));
    CHECK(one == all);
}
