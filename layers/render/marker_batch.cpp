#include "layers/render/marker_batch.hpp"

#include "base/parallel.hpp"
#include "layers/render/symbols.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>

namespace depmap::layers {

namespace {

// A marker's centre is placed to 1/phases of a pixel (the nearest such position, not the
// nearest whole pixel): at most phases * phases images per marker.
constexpr int phases = 16;

bool same(const MarkerStyle& a, double a_mm, const MarkerStyle& b, double b_mm) {
    return a_mm == b_mm && a.shape == b.shape && a.fill == b.fill && a.stroke == b.stroke && a.stroke_mm == b.stroke_mm;
}

// A marker drawn once, premultiplied ARGB; pixel (0, 0) lands at the device pixel of the
// marker's centre less (half_x, half_y). Each row's non-transparent pixels lie in
// [first, last), and [opaque_first, opaque_last) within it is opaque, copied as it is.
struct Span {
    int first = 0, last = 0, opaque_first = 0, opaque_last = 0;
};
struct Stamp {
    int half_x = 0, half_y = 0, width = 0, height = 0;
    std::vector<std::uint32_t> pixels;
    std::vector<Span> spans;
};

// The marker drawn by draw_marker() at the device scale (sx, sy), its centre at
// (phase_x, phase_y) / phases of a pixel right of and below a pixel's corner.
Stamp make_stamp(const MarkerStyle& style, double size_mm, double sx, double sy, int phase_x, int phase_y) {
    const double r_pt = size_mm * points_per_mm / 2;
    // Room for the stroke's miters (at most 1.2 stroke widths beyond a triangle's apex)
    // and a pixel of antialiasing.
    const double reach_pt = r_pt + 1.5 * style.stroke_mm * points_per_mm;
    Stamp stamp;
    stamp.half_x = static_cast<int>(std::ceil(reach_pt * sx)) + 2;
    stamp.half_y = static_cast<int>(std::ceil(reach_pt * sy)) + 2;
    stamp.width = 2 * stamp.half_x + 2;
    stamp.height = 2 * stamp.half_y + 2;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, stamp.width, stamp.height);
    cairo_t* cr = cairo_create(surface);
    cairo_translate(cr, stamp.half_x + static_cast<double>(phase_x) / phases,
                    stamp.half_y + static_cast<double>(phase_y) / phases);
    cairo_scale(cr, sx, sy);
    draw_marker(cr, style, size_mm, PagePoint{0, 0});
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    stamp.pixels.resize(static_cast<std::size_t>(stamp.width) * stamp.height);
    stamp.spans.resize(stamp.height);
    for (int y = 0; y < stamp.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        std::copy(row, row + stamp.width, stamp.pixels.begin() + static_cast<std::ptrdiff_t>(y) * stamp.width);
        auto& span = stamp.spans[y];
        span.first = 0, span.last = stamp.width;
        while (span.first < span.last && row[span.first] == 0) ++span.first;
        while (span.last > span.first && row[span.last - 1] == 0) --span.last;
        span.opaque_first = span.first;
        while (span.opaque_first < span.last && row[span.opaque_first] >> 24 != 255) ++span.opaque_first;
        span.opaque_last = span.opaque_first;
        while (span.opaque_last < span.last && row[span.opaque_last] >> 24 == 255) ++span.opaque_last;
    }
    cairo_surface_destroy(surface);
    return stamp;
}

// Pixman's rounding product (a * b / 255) of each 8-bit channel of `x` and `a`.
inline std::uint32_t mul_un8x4(std::uint32_t x, std::uint32_t a) {
    std::uint32_t rb = (x & 0xFF00FF) * a + 0x800080;
    rb = ((rb + ((rb >> 8) & 0xFF00FF)) >> 8) & 0xFF00FF;
    std::uint32_t ag = ((x >> 8) & 0xFF00FF) * a + 0x800080;
    ag = (ag + ((ag >> 8) & 0xFF00FF)) & 0xFF00FF00;
    return rb | ag;
}

inline std::uint32_t mul_un8(std::uint32_t a, std::uint32_t b) {
    const std::uint32_t t = a * b + 0x80;
    return ((t >> 8) + t) >> 8;
}

// `src` OVER `dst`, premultiplied, `src` first scaled by the clip's coverage (as pixman
// composites through a mask). No channel overflows: a premultiplied channel is at most
// its alpha.
inline std::uint32_t over(std::uint32_t src, std::uint32_t dst, std::uint32_t coverage) {
    if (coverage != 255) src = mul_un8x4(src, coverage);
    return src + mul_un8x4(dst, 255 - (src >> 24));
}

// How much of each pixel [i, i + 1) lies in [low, high), 0 to 255.
std::vector<std::uint8_t> coverage(int pixels, double low, double high) {
    std::vector<std::uint8_t> result(pixels);
    for (int i = 0; i < pixels; ++i) {
        const double inside = std::clamp(std::min(i + 1.0, high) - std::max<double>(i, low), 0.0, 1.0);
        result[i] = static_cast<std::uint8_t>(std::lround(inside * 255));
    }
    return result;
}

} // namespace

MarkerBatch::MarkerBatch(cairo_t* cr, PageRect clip) : m_cr(cr), m_clip(clip) {
    // Stamping needs the image itself, in page points scaled without rotation.
    cairo_surface_t* target = cairo_get_target(cr);
    cairo_matrix_t matrix;
    cairo_get_matrix(cr, &matrix);
    double device_x = 1, device_y = 1;
    cairo_surface_get_device_scale(target, &device_x, &device_y);
    m_stamping = target == cairo_get_group_target(cr) && cairo_surface_get_type(target) == CAIRO_SURFACE_TYPE_IMAGE &&
                 (cairo_image_surface_get_format(target) == CAIRO_FORMAT_RGB24 ||
                  cairo_image_surface_get_format(target) == CAIRO_FORMAT_ARGB32) &&
                 matrix.xy == 0 && matrix.yx == 0 && matrix.xx > 0 && matrix.yy > 0 && device_x == 1 &&
                 device_y == 1;
}

void MarkerBatch::add(const MarkerStyle& style, double size_mm, PagePoint at) {
    if (!m_stamping) {
        draw_marker(m_cr, style, size_mm, at);
        return;
    }
    if (m_last >= m_kinds.size() || !same(m_kinds[m_last].style, m_kinds[m_last].size_mm, style, size_mm)) {
        const auto it = std::find_if(m_kinds.begin(), m_kinds.end(),
                                     [&](const Kind& kind) { return same(kind.style, kind.size_mm, style, size_mm); });
        if (it == m_kinds.end() && m_kinds.size() == max_kinds) {
            draw_one_by_one();
            m_stamping = false;
            draw_marker(m_cr, style, size_mm, at);
            return;
        }
        m_last = static_cast<std::uint32_t>(it - m_kinds.begin());
        if (it == m_kinds.end()) {
            MarkerStyle kept;  // what draw_marker() reads
            kept.fill = style.fill, kept.shape = style.shape, kept.stroke = style.stroke;
            kept.stroke_mm = style.stroke_mm;
            m_kinds.push_back(Kind{std::move(kept), size_mm});
        }
    }
    m_marks.push_back(Mark{m_last, at});
}

void MarkerBatch::draw() {
    if (m_stamping) stamp();
    m_marks.clear();
}

void MarkerBatch::draw_one_by_one() {
    for (const auto& mark : m_marks) draw_marker(m_cr, m_kinds[mark.kind].style, m_kinds[mark.kind].size_mm, mark.at);
    m_marks.clear();
}

void MarkerBatch::stamp() {
    if (m_marks.empty()) return;
    cairo_matrix_t matrix;
    cairo_get_matrix(m_cr, &matrix);
    const double sx = matrix.xx, sy = matrix.yy;

    // Each mark's stamp and the device pixel its stamp's corner lands on. The centre is
    // rounded to the nearest 1/phases pixel.
    struct Placed {
        std::uint32_t stamp;
        int x, y;
    };
    std::vector<Placed> placed(m_marks.size());
    // Each mark's stamp by kind and phase, and the device pixel of its centre.
    std::vector<int> stamp_of(m_kinds.size() * phases * phases, -1);
    std::vector<std::size_t> needed;
    for (std::size_t i = 0; i < m_marks.size(); ++i) {
        const auto& mark = m_marks[i];
        const auto qx = static_cast<long long>(std::floor((mark.at.x * sx + matrix.x0) * phases + 0.5));
        const auto qy = static_cast<long long>(std::floor((mark.at.y * sy + matrix.y0) * phases + 0.5));
        const long long px = qx >= 0 ? qx / phases : -((-qx + phases - 1) / phases);
        const long long py = qy >= 0 ? qy / phases : -((-qy + phases - 1) / phases);
        const auto key = (static_cast<std::size_t>(mark.kind) * phases + static_cast<std::size_t>(qy - py * phases)) * phases +
                         static_cast<std::size_t>(qx - px * phases);
        if (stamp_of[key] < 0) {
            stamp_of[key] = static_cast<int>(needed.size());
            needed.push_back(key);
        }
        placed[i] = Placed{static_cast<std::uint32_t>(stamp_of[key]),
                           static_cast<int>(std::clamp<long long>(px, -(1 << 29), 1 << 29)),
                           static_cast<int>(std::clamp<long long>(py, -(1 << 29), 1 << 29))};
    }
    // The stamps, drawn on one thread: Cairo's shared caches use atomics of its own that a
    // thread checker cannot follow, and a few thousand small stamps take milliseconds.
    std::vector<Stamp> stamps(needed.size());
    for (std::size_t k = 0; k < needed.size(); ++k) {
        const auto& kind = m_kinds[needed[k] / (phases * phases)];
        const auto phase = static_cast<int>(needed[k] % (phases * phases));
        stamps[k] = make_stamp(kind.style, kind.size_mm, sx, sy, phase % phases, phase / phases);
    }
    for (auto& mark : placed) mark.x -= stamps[mark.stamp].half_x, mark.y -= stamps[mark.stamp].half_y;

    cairo_surface_t* target = cairo_get_target(m_cr);
    cairo_surface_flush(target);
    unsigned char* data = cairo_image_surface_get_data(target);
    const int stride = cairo_image_surface_get_stride(target);
    const int width = cairo_image_surface_get_width(target), height = cairo_image_surface_get_height(target);
    // The clip in device pixels, and how much of each edge pixel it covers.
    const double left = m_clip.left * sx + matrix.x0, right = m_clip.right() * sx + matrix.x0;
    const double top = m_clip.top * sy + matrix.y0, bottom = m_clip.bottom() * sy + matrix.y0;
    const auto cover_x = coverage(width, left, right), cover_y = coverage(height, top, bottom);
    const int first_row = std::clamp(static_cast<int>(std::floor(top)), 0, height);
    const int end_row = std::clamp(static_cast<int>(std::ceil(bottom)), first_row, height);
    const int first_column = std::clamp(static_cast<int>(std::floor(left)), 0, width);
    const int end_column = std::clamp(static_cast<int>(std::ceil(right)), first_column, width);
    // The columns the clip covers whole.
    int full_first_column = first_column, full_end_column = end_column;
    while (full_first_column < full_end_column && cover_x[full_first_column] != 255) ++full_first_column;
    while (full_end_column > full_first_column && cover_x[full_end_column - 1] != 255) --full_end_column;

    // Bands of rows on all cores, each small enough to stay in the cache; within a band,
    // its marks in their order, so each pixel sees the same sequence of marks as it would
    // drawn one by one.
    constexpr int band_rows = 32;
    const std::size_t bands = static_cast<std::size_t>(end_row - first_row + band_rows - 1) / band_rows;
    const auto band_range = [&](const Placed& mark) {
        const int y0 = std::max(first_row, mark.y), y1 = std::min(end_row, mark.y + stamps[mark.stamp].height);
        if (y0 >= y1) return std::pair<std::size_t, std::size_t>{0, 0};
        return std::pair<std::size_t, std::size_t>{static_cast<std::size_t>(y0 - first_row) / band_rows,
                                                   static_cast<std::size_t>(y1 - 1 - first_row) / band_rows + 1};
    };
    std::vector<std::size_t> band_start(bands + 1, 0);
    for (const auto& mark : placed) {
        const auto [b0, b1] = band_range(mark);
        for (auto b = b0; b < b1; ++b) ++band_start[b + 1];
    }
    for (std::size_t b = 0; b < bands; ++b) band_start[b + 1] += band_start[b];
    std::vector<std::uint32_t> band_marks(band_start[bands]);
    {
        auto next = band_start;
        for (std::size_t i = 0; i < placed.size(); ++i) {
            const auto [b0, b1] = band_range(placed[i]);
            for (auto b = b0; b < b1; ++b) band_marks[next[b]++] = static_cast<std::uint32_t>(i);
        }
    }
    for_each_task(bands, threads_for(band_marks.size(), 20000), [&](std::size_t band) {
        const int band_top = first_row + static_cast<int>(band) * band_rows;
        const int band_end = std::min(end_row, band_top + band_rows);
        for (std::size_t k = band_start[band]; k < band_start[band + 1]; ++k) {
            const auto& mark = placed[band_marks[k]];
            const auto& stamp = stamps[mark.stamp];
            const int y0 = std::max(band_top, mark.y), y1 = std::min(band_end, mark.y + stamp.height);
            for (int y = y0; y < y1; ++y) {
                const int stamp_row = y - mark.y;
                const auto& span = stamp.spans[stamp_row];
                const int x0 = std::max(first_column, mark.x + span.first), x1 = std::min(end_column, mark.x + span.last);
                if (x0 >= x1) continue;
                auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
                const std::uint32_t* src = stamp.pixels.data() + static_cast<std::ptrdiff_t>(stamp_row) * stamp.width;
                const std::uint32_t row_cover = cover_y[y];
                const auto blend = [&](int from, int to) {
                    for (int x = from; x < to; ++x) {
                        const std::uint32_t s = src[x - mark.x];
                        if (s == 0) continue;
                        const std::uint32_t c = row_cover == 255 ? cover_x[x] : mul_un8(row_cover, cover_x[x]);
                        row[x] = c == 255 && s >> 24 == 255 ? s : over(s, row[x], c);
                    }
                };
                // The opaque middle, where the clip covers whole pixels, is copied.
                const int o0 = std::max({x0, mark.x + span.opaque_first, full_first_column});
                const int o1 = std::min({x1, mark.x + span.opaque_last, full_end_column});
                if (row_cover != 255 || o0 >= o1) {
                    blend(x0, x1);
                    continue;
                }
                blend(x0, o0);
                std::copy(src + (o0 - mark.x), src + (o1 - mark.x), row + o0);
                blend(o1, x1);
            }
        }
    });
    cairo_surface_mark_dirty(target);
}

} // namespace depmap::layers
