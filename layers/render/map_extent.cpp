#include "layers/render/map_extent.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"
#include "geo/geodesic_buffer.hpp"
#include "layers/query/regions.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace depmap::layers {

geo::Box with_margin(const geo::Box& box) {
    const double lon_margin = std::max(0.05, (box.max_lon_deg - box.min_lon_deg) / 20);
    const double lat_margin = std::max(0.05, (box.max_lat_deg - box.min_lat_deg) / 20);
    return geo::Box{std::max(-180.0, box.min_lon_deg - lon_margin), std::max(-89.0, box.min_lat_deg - lat_margin),
                    std::min(180.0, box.max_lon_deg + lon_margin), std::min(89.0, box.max_lat_deg + lat_margin)};
}


namespace {

// find_region's message, naming the parameter that asked.
template <class Work>
std::size_t naming_parameter_extent(Work&& work) {
    try {
        return work();
    } catch (const InputError& e) {
        throw ArgumentError(fmt::format("{}: {}; a place takes {} too", parameter("extent"), e.what(),
                                        parameter("radius_m")));
    }
}

} // namespace

geo::Box map_extent(std::span<const Layer> layers, const ExtentChoice& choice, const Layer& divisions,
                    const geo::Box& fallback) {
    if (choice.bbox) return *choice.bbox;
    if (choice.centre) {
        geo::GeodesicCircleOptions circle;
        circle.radius_m = choice.radius_m;
        circle.tolerance_m = 10;
        try {
            return geo::bounds(geo::Shape{geo::MultiPolygon{geo::geodesic_circle(*choice.centre, circle)}});
        } catch (const std::exception& e) {
            throw ArgumentError(fmt::format("{} {} km: {}", parameter("radius_m"), choice.radius_m / 1000, e.what()));
        }
    }
    if (!choice.division.empty()) {
        const auto row = naming_parameter_extent([&] { return find_region(divisions, choice.division); });
        return with_margin(geo::bounds(divisions.shapes[row]));
    }
    geo::Box box;
    for (const auto& layer : layers) box.extend(layer.extent());
    return with_margin(box.empty() ? fallback : box);
}

} // namespace depmap::layers
