#include "layers/write/hilbert_order.hpp"

#include <algorithm>
#include <cmath>

namespace depmap::layers {

// "Fast Hilbert curve generation" (rawrunprotected), the form FlatGeobuf uses.
std::uint32_t hilbert_index(std::uint32_t x, std::uint32_t y) {
    std::uint32_t a = x ^ y;
    std::uint32_t b = 0xFFFF ^ a;
    std::uint32_t c = 0xFFFF ^ (x | y);
    std::uint32_t d = x & (y ^ 0xFFFF);

    std::uint32_t A = a | (b >> 1);
    std::uint32_t B = (a >> 1) ^ a;
    std::uint32_t C = ((c >> 1) ^ (b & (d >> 1))) ^ c;
    std::uint32_t D = ((a & (c >> 1)) ^ (d >> 1)) ^ d;

    a = A; b = B; c = C; d = D;
    A = (a & (a >> 2)) ^ (b & (b >> 2));
    B = (a & (b >> 2)) ^ (b & ((a ^ b) >> 2));
    C ^= (a & (c >> 2)) ^ (b & (d >> 2));
    D ^= (b & (c >> 2)) ^ ((a ^ b) & (d >> 2));

    a = A; b = B; c = C; d = D;
    A = (a & (a >> 4)) ^ (b & (b >> 4));
    B = (a & (b >> 4)) ^ (b & ((a ^ b) >> 4));
    C ^= (a & (c >> 4)) ^ (b & (d >> 4));
    D ^= (b & (c >> 4)) ^ ((a ^ b) & (d >> 4));

    a = A; b = B; c = C; d = D;
    C ^= (a & (c >> 8)) ^ (b & (d >> 8));
    D ^= (b & (c >> 8)) ^ ((a ^ b) & (d >> 8));

    a = C ^ (C >> 1);
    b = D ^ (D >> 1);

    std::uint32_t i0 = x ^ y;
    std::uint32_t i1 = b | (0xFFFF ^ (i0 | a));

    i0 = (i0 | (i0 << 8)) & 0x00FF00FF;
    i0 = (i0 | (i0 << 4)) & 0x0F0F0F0F;
    i0 = (i0 | (i0 << 2)) & 0x33333333;
    i0 = (i0 | (i0 << 1)) & 0x55555555;

    i1 = (i1 | (i1 << 8)) & 0x00FF00FF;
    i1 = (i1 | (i1 << 4)) & 0x0F0F0F0F;
    i1 = (i1 | (i1 << 2)) & 0x33333333;
    i1 = (i1 | (i1 << 1)) & 0x55555555;

    return (i1 << 1) | i0;
}

std::vector<std::size_t> flatgeobuf_order(const Layer& layer) {
    if (!layer.has_geometry() || layer.size() == 0) return {};
    // Each feature's envelope centre as FlatGeobuf computes it, (min + max) / 2, and the
    // extent of all envelopes.
    std::vector<geo::LonLat> centres(layer.size());
    geo::Box extent;
    for (std::size_t row = 0; row < layer.size(); ++row) {
        geo::Box box;
        if (layer.is_points()) box.extend(layer.points[row]);
        else box = geo::bounds(layer.shapes[row]);
        if (box.empty()) return {};
        centres[row] = {(box.min_lon_deg + box.max_lon_deg) / 2, (box.min_lat_deg + box.max_lat_deg) / 2};
        extent.extend(box);
    }
    const double width = extent.max_lon_deg - extent.min_lon_deg;
    const double height = extent.max_lat_deg - extent.min_lat_deg;
    constexpr double hilbert_max = (1U << 16) - 1;
    const auto cell = [&](double value, double min, double size) {
        return size != 0.0 ? static_cast<std::uint32_t>(std::floor(hilbert_max * (value - min) / size)) : 0U;
    };
    std::vector<std::pair<std::uint32_t, std::size_t>> keyed(layer.size());
    for (std::size_t row = 0; row < layer.size(); ++row)
        keyed[row] = {hilbert_index(cell(centres[row].lon_deg, extent.min_lon_deg, width),
                                    cell(centres[row].lat_deg, extent.min_lat_deg, height)),
                      row};
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    std::vector<std::size_t> order(layer.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = keyed[i].second;
    return order;
}

} // namespace depmap::layers
