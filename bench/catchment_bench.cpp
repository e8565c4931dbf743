// Catchment benchmark on the bundled data: the geodesic Voronoi cells of 3 to 48 hubs cut
// to Inner Mongolia, timed, with the vertex count the 1 m tolerance needed, and checked:
// the counts plus the features outside add up to the layer, the areas to the region's.
#include "geo/area.hpp"
#include "layers/derive/catchment.hpp"
#include "layers/gdal/overlay.hpp"
#include "layers/read/read.hpp"
#include "layers/query/regions.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>

using namespace depmap;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: catchment_bench DATA_DIR (depmap's data/)\n");
        return 2;
    }
    const std::string dir = argv[1];
    const auto deposits = layers::read_layer(dir + "/records.csv");
    const auto region = layers::union_of(layers::polygons_of(layers::read_layer(dir + "/boundary.geojson")));
    const double region_km2 = geo::area_m2(region) / 1e6;
    const auto outside = layers::outside_count(deposits, std::vector<geo::MultiPolygon>{region});
    bool ok = true;
    std::mt19937 random(7);
    std::uniform_int_distribution<std::size_t> pick(0, deposits.size() - 1);
    for (const std::size_t n : {3, 12, 48}) {
        // Hubs at distinct deposits, drawn the same way every run.
        std::vector<layers::Place> hubs;
        while (hubs.size() < n) {
            const auto p = deposits.points[pick(random)];
            bool fresh = true;
            for (const auto& h : hubs) fresh &= !(h.position == p);
            if (fresh) hubs.push_back({fmt::format("hub {}", hubs.size() + 1), p});
        }
        const auto start = std::chrono::steady_clock::now();
        const auto result = layers::catchments(deposits, hubs, region, {});
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::int64_t counted = 0;
        double km2 = 0.0;
        std::size_t vertices = 0;
        for (std::size_t h = 0; h < result.size(); ++h) {
            counted += result.columns[*result.field_index("count")].integer(h);
            km2 += result.columns[*result.field_index("area_km2")].real(h);
            for (const auto& polygon : std::get<geo::MultiPolygon>(result.shapes[h])) vertices += polygon.outer().size();
        }
        const bool correct = static_cast<std::size_t>(counted) + outside == deposits.size() &&
                             std::abs(km2 - region_km2) < 1e-4 * region_km2;
        ok &= correct;
        fmt::print("{:>3} hubs: {:7.3f} s, {:7} vertices, {} + {} outside = {} features, {:.0f} of {:.0f} km2  {}\n",
                   n, seconds, vertices, counted, outside, deposits.size(), km2, region_km2,
                   correct ? "correct" : "WRONG");
    }
    return ok ? 0 : 1;
}
