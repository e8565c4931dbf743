// FlatGeobuf's writer stores features in the Hilbert order of their envelope centres;
// depmap hands them over in that order. GDAL writing them and reading them back in
// file order is the independent check that the orders agree.
#include "layers/gdal/gdal_session.hpp"
#include "layers/write/hilbert_order.hpp"
#include "layers/write/write_layer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <random>

using namespace depmap;

namespace {

layers::Layer random_points(std::size_t n, std::uint64_t seed) {
    layers::Layer layer;
    layer.fields = {{"row", layers::FieldType::Integer}};
    layer.columns.emplace_back(layers::FieldType::Integer);
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> lon(97.2, 126.0), lat(37.4, 53.3);
    for (std::size_t i = 0; i < n; ++i) {
        layer.points.push_back({lon(random), lat(random)});
        layer.columns[0].push(static_cast<std::int64_t>(i));
    }
    layer.kind = layers::GeometryKind::Point;
    return layer;
}

// The `row` values of a FlatGeobuf's features in the order the file holds them.
std::vector<std::size_t> file_order(const std::string& path) {
    layers::ensure_gdal();
    layers::Dataset dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(dataset);
    std::vector<std::size_t> rows;
    for (auto& feature : *dataset->GetLayer(0)) rows.push_back(static_cast<std::size_t>(feature->GetFieldAsInteger64(0)));
    return rows;
}

} // namespace

TEST_CASE("hilbert order: GDAL's FlatGeobuf index keeps the order depmap hands it", "[layers][write]") {
    test::ScratchDir dir;
    // 3,000 points: distinct grid cells on a 65,535-square grid, so there are no ties.
    const auto layer = random_points(3000, 17);
    layers::write_layer(layer, dir.file("points.fgb"), {});
    CHECK(file_order(dir.file("points.fgb")) == layers::flatgeobuf_order(layer));
}

TEST_CASE("hilbert order: a Hilbert curve, cell after cell", "[layers]") {
    // Its first 256 steps fill the 16 x 16 cells at the origin, each step to a neighbour.
    std::vector<std::pair<int, int>> cell_at(256, {-1, -1});
    for (int x = 0; x < 16; ++x)
        for (int y = 0; y < 16; ++y) {
            const auto d = layers::hilbert_index(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y));
            REQUIRE(d < 256);
            cell_at[d] = {x, y};
        }
    CHECK(cell_at[0] == std::pair{0, 0});
    for (std::size_t d = 1; d < 256; ++d) {
        INFO("step " << d);
        CHECK(std::abs(cell_at[d].first - cell_at[d - 1].first) + std::abs(cell_at[d].second - cell_at[d - 1].second) == 1);
    }
    // Having visited all 2^32 cells, it ends at a corner.
    CHECK(layers::hilbert_index(65535, 0) == 0xFFFFFFFFu);
}
