// The answer never depends on how many threads computed it: every parallel step of a
// read, a write and the point analyses, capped at 1, 2 and 4 threads (4 on a 2-core
// machine too), gives the same bytes and numbers.
#include "geo/dbscan.hpp"
#include "geo/distance_matrix.hpp"
#include "base/parallel.hpp"
#include "layers/read/read.hpp"
#include "layers/text/text_output.hpp"
#include "layers/write/write_layer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

using namespace depmap;

namespace {

// 120,000 points in clumps, with names: enough rows for every step to split (CSV blocks
// of 8,192 rows, reads of 10,000, joined GeoJSON parts of 50,000).
layers::Layer many_points() {
    layers::Layer layer;
    layer.kind = layers::GeometryKind::Point;
    layer.fields = {{"id", layers::FieldType::Integer}, {"name", layers::FieldType::String}};
    for (const auto& field : layer.fields) layer.columns.emplace_back(field.type);
    for (std::size_t i = 0; i < 120000; ++i) {
        layer.columns[0].push(static_cast<std::int64_t>(i));
        layer.columns[1].push(std::string_view(i % 7 == 0 ? "白云鄂博矿" : "site"));
        layer.points.push_back({100.0 + static_cast<double>(i % 300) * 0.01 + static_cast<double>(i % 11) * 1e-5,
                                40.0 + static_cast<double>(i / 300) * 0.01});
    }
    return layer;
}

std::string slurp(const std::string& path) {
    std::ostringstream text;
    text << std::ifstream(path, std::ios::binary).rdbuf();
    return text.str();
}

struct Answers {
    std::string csv;            // write_csv of the layer
    std::string read_back_csv;  // the CSV file read by depmap's reader, written again
    std::string geojson;        // the GeoJSON file, written in parts and joined
    geo::DbscanResult clusters;
    std::vector<double> matrix;
    std::set<std::thread::id> threads;  // the threads one parallel loop ran on
};

Answers answers_with(std::size_t threads, const layers::Layer& layer, const test::ScratchDir& dir) {
    depmap::set_max_threads(threads);
    Answers answers;
    std::ostringstream csv;
    layers::write_csv(layer, csv);
    answers.csv = csv.str();
    const auto path = dir.write("points.csv", answers.csv);
    std::ostringstream again;
    layers::write_csv(layers::read_layer(path), again);
    answers.read_back_csv = again.str();
    layers::write_layer(layer, dir.file("points.geojson"), {});
    answers.geojson = slurp(dir.file("points.geojson"));
    std::filesystem::remove(dir.file("points.geojson"));
    answers.clusters = geo::dbscan(layer.points, {.eps_m = 2000.0, .min_points = 4});
    const std::span<const geo::LonLat> few(layer.points.data(), 400);
    answers.matrix = geo::distance_matrix_m(few, few);
    std::mutex mutex;
    depmap::for_each_range(1000, 8, [&](std::size_t, std::size_t) {
        const std::lock_guard lock(mutex);
        answers.threads.insert(std::this_thread::get_id());
    });
    depmap::set_max_threads(0);
    return answers;
}

} // namespace

TEST_CASE("threads: every parallel answer is the same on 1 2 and 4 threads",
          "[parallel]") {
    const auto layer = many_points();
    test::ScratchDir dir;
    const auto one = answers_with(1, layer, dir);
    CHECK(one.threads.size() == 1);
    REQUIRE(one.read_back_csv == one.csv);
    for (const std::size_t threads : {2, 4}) {
        INFO(threads << " threads");
        const auto many = answers_with(threads, layer, dir);
        CHECK(many.threads.size() == threads);  // really that many, whatever the cores
        CHECK(many.csv == one.csv);
        CHECK(many.read_back_csv == one.csv);
        CHECK(many.geojson == one.geojson);
        CHECK(many.clusters.cluster == one.clusters.cluster);
        CHECK(many.clusters.core == one.clusters.core);
        CHECK(many.clusters.sizes == one.clusters.sizes);
        CHECK(many.matrix == one.matrix);
    }
}
