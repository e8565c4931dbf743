// The answer never depends on how many threads computed it: every parallel step of a
// read, a write, the queries and the derived layers, capped at 1, 2 and 4 threads (4 on
// a 2-core machine too), gives the same bytes and numbers. (Not here: a CSV file read in
// 16 MB ranges, which would take a file of 32 MB.)
#include "geo/dbscan.hpp"
#include "geo/distance_matrix.hpp"
#include "geo/grid.hpp"
#include "geo/point_index.hpp"
#include "geo/polygon_index.hpp"
#include "base/parallel.hpp"
#include "layers/derive/buffer.hpp"
#include "layers/derive/catchment.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/query/proximity.hpp"
#include "layers/read/read.hpp"
#include "layers/text/text_output.hpp"
#include "layers/write/write_layer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

using namespace depmap;

namespace {

using test::listing;
using test::slurp;

// 120,000 points in clumps, with names: enough rows for every step to split (CSV blocks
// of 8,192 rows, reads of 10,000, joined GeoJSON parts of 50,000).
layers::Layer many_points() {
    layers::Layer layer;
    layer.kind = layers::GeometryKind::Point;
    layer.fields = {{"id", layers::FieldType::Integer},
                    {"name", layers::FieldType::String},
                    {"commodities", layers::FieldType::String}};
    for (const auto& field : layer.fields) layer.columns.emplace_back(field.type);
    constexpr std::array<std::string_view, 4> commodities{"Iron", "Coal; Iron", "Rare Earth Elements", ""};
    for (std::size_t i = 0; i < 120000; ++i) {
        layer.columns[0].push(static_cast<std::int64_t>(i));
        layer.columns[1].push(std::string_view(i % 7 == 0 ? "白云鄂博矿" : "site"));
        layer.columns[2].push(commodities[i % 5 % commodities.size()]);
        layer.points.push_back({100.0 + static_cast<double>(i % 300) * 0.01 + static_cast<double>(i % 11) * 1e-5,
                                40.0 + static_cast<double>(i / 300) * 0.01});
    }
    return layer;
}

std::string csv_of(const layers::Layer& layer) {
    std::ostringstream csv;
    layers::write_csv(layer, csv);
    return csv.str();
}

// The packed R-tree of a GeoPackage depmap wrote, node by node (the file's bytes hold
// times of day).
std::string rtree_nodes(const std::string& path) {
    layers::ensure_gdal();
    layers::Dataset dataset(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    REQUIRE(dataset);
    OGRLayer* nodes = dataset->ExecuteSQL("SELECT nodeno, hex(data) FROM rtree_points_geom_node ORDER BY nodeno",
                                          nullptr, nullptr);
    REQUIRE(nodes != nullptr);
    std::string text;
    for (auto& row : *nodes) text += std::string(row->GetFieldAsString(0)) + " " + row->GetFieldAsString(1) + "\n";
    dataset->ReleaseResultSet(nodes);
    return text;
}

// A box around the points, as one polygon, lon/lat counter-clockwise.
geo::MultiPolygon box(double west, double south, double east, double north) {
    geo::Polygon polygon;
    polygon.outer() = {{west, south}, {east, south}, {east, north}, {west, north}, {west, south}};
    return {polygon};
}

struct Answers {
    std::string csv;            // write_csv of the layer
    std::string read_back_csv;  // the CSV file read by depmap's reader, written again
    std::string geojson;        // the GeoJSON file, written in parts and joined
    geo::DbscanResult clusters;
    std::vector<double> matrix;
    std::string kml;            // the KML file, its styles worked out on all cores
    std::string gpkg_rtree;     // the GeoPackage's packed R-tree (sorted on all cores)
    std::string subset;         // rows gathered from the layer, as CSV
    std::string near;           // near and nearest for many places, as CSV
    std::string nearest;
    std::string buffers;        // circles around many points, as CSV
    std::string catchments;     // hub catchments of the points, as CSV
    std::vector<std::int64_t> cells;                  // the grid cell of every point
    std::vector<std::optional<std::size_t>> located;  // the box holding every point
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

    layers::write_layer(layer, dir.file("points.kml"), {});
    answers.kml = slurp(dir.file("points.kml"));
    std::filesystem::remove(dir.file("points.kml"));
    layers::write_layer(layer, dir.file("points.gpkg"), {});
    answers.gpkg_rtree = rtree_nodes(dir.file("points.gpkg"));
    std::filesystem::remove(dir.file("points.gpkg"));

    std::vector<std::size_t> rows(layer.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = (i * 7919) % rows.size();  // every row, shuffled
    answers.subset = csv_of(layer.subset(rows));

    std::vector<layers::Place> places;
    for (std::size_t i = 0; i < 200; ++i)
        places.push_back({.name = std::to_string(i), .position = layer.points[i * 599], .id = std::to_string(i)});
    const geo::PointIndex index(layer.points);
    answers.near = csv_of(layers::near(layer, index, places, {.radius_m = 3000.0, .label_queries = true}));
    answers.nearest = csv_of(layers::nearest(layer, index, places, {.k = 7, .label_queries = true}));
    answers.buffers = csv_of(layers::buffer_layer(layer.subset(std::span(rows).first(200)),
                                                  {.radius_m = 2000.0, .tolerance_m = 10.0}, false));
    const std::vector<layers::Place> hubs{{"west", {100.5, 41.0}}, {"east", {102.5, 41.5}}, {"north", {101.5, 43.5}}};
    answers.catchments = csv_of(layers::catchments(layer, hubs, box(99.9, 39.9, 103.1, 44.1), {}));

    const geo::Grid grid({99.9, 39.9, 103.1, 44.1}, {.cell_m = 20000.0});
    answers.cells = grid.flat_cells(layer.points);
    const std::vector<geo::MultiPolygon> boxes{box(100.0, 40.0, 101.0, 42.0), box(101.0, 40.0, 103.0, 42.0),
                                               box(100.0, 42.0, 103.0, 44.0)};
    answers.located = geo::PolygonIndex(boxes).locate_all(layer.points);
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
    // Answers with something in them, so that equal means something.
    CHECK(one.kml.find("<styleUrl>") != std::string::npos);
    CHECK(std::count(one.gpkg_rtree.begin(), one.gpkg_rtree.end(), '\n') > 100);
    CHECK(std::count(one.near.begin(), one.near.end(), '\n') > 1000);
    CHECK(std::count(one.nearest.begin(), one.nearest.end(), '\n') == 1 + 200 * 7);
    CHECK(std::count(one.buffers.begin(), one.buffers.end(), '\n') == 1 + 200);
    CHECK(std::count(one.catchments.begin(), one.catchments.end(), '\n') == 1 + 3);
    CHECK(std::count(one.cells.begin(), one.cells.end(), -1) == 0);
    CHECK(std::count(one.located.begin(), one.located.end(), std::nullopt) < 1000);
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
        CHECK(many.kml == one.kml);
        CHECK(many.gpkg_rtree == one.gpkg_rtree);
        CHECK(many.subset == one.subset);
        CHECK(many.near == one.near);
        CHECK(many.nearest == one.nearest);
        CHECK(many.buffers == one.buffers);
        CHECK(many.catchments == one.catchments);
        CHECK(many.cells == one.cells);
        CHECK(many.located == one.located);
    }
}
