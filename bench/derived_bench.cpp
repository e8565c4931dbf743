// depmap's derived-region benchmark on the shared synthetic data (see bench/run):
// 1,000 geodesic buffers of 10 km at a 1 m tolerance, dissolved into one multipolygon,
// and hulls of the 1M points, each timed alone with a figure to check by eye.
#include "geo/area.hpp"
#include "layers/derive/buffer.hpp"
#include "layers/derive/hull.hpp"
#include "layers/read/read.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <numbers>
#include <string>
#include <vector>

using namespace depmap;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Processor time of the whole process (all threads): on a busy machine the wall time
// says more about the neighbours than about depmap.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

void report(const std::string& what, double seconds, double cpu_s, double target, const std::string& answer) {
    fmt::print("{:<48} {:8.3f} s  (target < {:.2f} s)  cpu {:.3f} s  {}\n", what, seconds, target, cpu_s, answer);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: derived_bench DATA_DIR (made by ../shared/bench-peers/gen.py)\n");
        return 2;
    }
    const std::string dir = argv[1];
    const auto sample = layers::read_layer(dir + "/points_10000.csv");
    // Every tenth point: uniform and clustered sites alike, so buffers both overlap and not.
    std::vector<geo::LonLat> centres;
    for (std::size_t i = 0; i < sample.size(); i += 10) centres.push_back(sample.points[i]);

    const layers::BufferOptions options{10'000.0, 1.0};
    auto start = Clock::now();
    auto cpu = cpu_seconds();
    const auto circles = layers::buffers(centres, options);
    const double circles_s = seconds_since(start);
    std::size_t vertices = 0;
    for (const auto& c : circles) vertices += c.outer().size();
    report(fmt::format("{} geodesic buffers of 10 km (1 m)", centres.size()), circles_s, cpu_seconds() - cpu, 1.0,
           fmt::format("{:.1f} vertices each", static_cast<double>(vertices) / circles.size()));

    start = Clock::now();
    cpu = cpu_seconds();
    const auto merged = layers::dissolved_buffers(centres, options);
    const double dissolve_s = seconds_since(start);
    const double disc_km2 = std::numbers::pi * 100.0;
    report(fmt::format("{} dissolved buffers of 10 km (1 m)", centres.size()), dissolve_s, cpu_seconds() - cpu, 2.0,
           fmt::format("{} polygons, {:.0f} km2 of {:.0f} km2 undissolved", merged.size(),
                       geo::area_m2(merged) / 1e6, disc_km2 * centres.size()));

    // Districts as `cluster` draws them: many small hulls, each with its own projection;
    // here 10 sites spread over about 20 km around each of 1,000 centres.
    start = Clock::now();
    cpu = cpu_seconds();
    double districts_km2 = 0;
    for (const auto& centre : centres) {
        std::vector<geo::LonLat> sites;
        for (int k = 0; k < 10; ++k)
            sites.push_back({centre.lon_deg + 0.12 * std::cos(k * 2.4) * (k + 1) / 10,
                             centre.lat_deg + 0.09 * std::sin(k * 2.4) * (k + 1) / 10});
        districts_km2 += geo::area_m2(layers::hull_of(sites)) / 1e6;
    }
    report(fmt::format("{} convex hulls of 10 sites over 20 km", centres.size()), seconds_since(start),
           cpu_seconds() - cpu, 1.0, fmt::format("{:.0f} km2 in all", districts_km2));

    const auto all = layers::read_layer(dir + "/points_1000000.csv");
    start = Clock::now();
    cpu = cpu_seconds();
    const auto hull = layers::hull_of(all.points);
    report(fmt::format("convex hull of {} points", all.size()), seconds_since(start), cpu_seconds() - cpu, 2.0,
           fmt::format("{:.0f} km2", geo::area_m2(hull) / 1e6));
    start = Clock::now();
    cpu = cpu_seconds();
    const auto hulls = layers::hull_layer(all, {}, "commodity");
    report("convex hulls of 1M points by commodity", seconds_since(start), cpu_seconds() - cpu, 3.0, fmt::format("{} hulls", hulls.size()));
    return 0;
}
