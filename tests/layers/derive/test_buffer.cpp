#include "geo/area.hpp"
#include "base/error.hpp"
#include "geo/geodesic.hpp"
#include "layers/derive/buffer.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/gdal/ogr_geometry.hpp"
#include "layers/read/read.hpp"
#include "layers/write/write_layer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <vector>

using depmap::geo::LonLat;
using depmap::layers::BufferOptions;
using depmap::layers::dissolved_buffers;

namespace {

// The plane lens shared by two discs of radius r whose centres are d apart. At 10 km the
// ellipsoid differs from the plane by a part in a million, far inside the 0.1 % used.
double lens_area_m2(double r, double d) {
    return 2 * r * r * std::acos(d / (2 * r)) - d / 2 * std::sqrt(4 * r * r - d * d);
}

// Every feature of the file, reopened by GDAL itself: (valid, geometry type name) pairs.
std::vector<std::pair<bool, std::string>> reopened(const std::string& path) {
    depmap::layers::ensure_gdal();
    depmap::layers::Dataset dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(dataset);
    std::vector<std::pair<bool, std::string>> out;
    for (auto& feature : *dataset->GetLayer(0)) {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        REQUIRE(geometry);
        out.emplace_back(geometry->IsValid(), OGRGeometryTypeToName(geometry->getGeometryType()));
    }
    return out;
}

} // namespace

TEST_CASE("Dissolved buffers: overlaps merge, areas add up, vertices sit on a circle", "[layers][buffer]") {
    const double r = 10'000;
    const LonLat a{110.0, 41.0};
    const LonLat b = depmap::geo::geodesic_direct(a, 60.0, 15'000);   // overlaps a's circle
    const LonLat c = depmap::geo::geodesic_direct(a, -90.0, 40'000);  // clear of both
    const std::vector<LonLat> centres{a, b, c};
    const auto merged = dissolved_buffers(centres, BufferOptions{r, 1.0});
    REQUIRE(merged.size() == 2);
    const double disc = std::numbers::pi * r * r;
    CHECK(depmap::geo::area_m2(merged) == Approx(3 * disc - lens_area_m2(r, 15'000)).epsilon(0.001));
    // Every vertex is on the boundary of the union: at the radius from its nearest
    // centre (the tolerance), and no nearer than that to any.
    for (const auto& polygon : merged)
        for (const auto& p : polygon.outer()) {
            double nearest = INFINITY;
            for (const auto& centre : centres) nearest = std::min(nearest, depmap::geo::geodesic_distance_m(centre, p));
            CHECK(std::abs(nearest - r) <= 1.0);
        }
    CHECK(dissolved_buffers(std::vector<LonLat>{}, BufferOptions{r, 1.0}).empty());
    CHECK_THROWS_AS(dissolved_buffers(centres, BufferOptions{0.0, 1.0}), depmap::ArgumentError);
}

TEST_CASE("Dissolving group by group equals one GEOS union of every circle", "[layers][buffer]") {
    const auto deposits = depmap::layers::read_layer(depmap::test::bundled("records.csv").string());
    const BufferOptions options{25'000, 1.0};
    const auto merged = dissolved_buffers(deposits.points, options);
    OGRMultiPolygon all;
    for (const auto& circle : depmap::layers::buffers(deposits.points, options))
        all.addGeometryDirectly(depmap::layers::to_ogr(depmap::geo::Shape{depmap::geo::MultiPolygon{circle}})
                                    ->toMultiPolygon()->getGeometryRef(0)->clone());
    const std::unique_ptr<OGRGeometry> reference(all.UnionCascaded());
    REQUIRE(reference);
    const auto expected = std::get<depmap::geo::MultiPolygon>(depmap::layers::to_shape(*reference));
    CHECK(merged.size() == expected.size());
    CHECK(depmap::geo::area_m2(merged) == Approx(depmap::geo::area_m2(expected)).epsilon(1e-9));
    const auto ogr = depmap::layers::to_ogr(depmap::geo::Shape{merged});
    CHECK(ogr->IsValid());
    // The same region, up to the rounding of crossing points computed in another order.
    const std::unique_ptr<OGRGeometry> difference(ogr->SymDifference(reference.get()));
    REQUIRE(difference);
    CHECK(OGR_G_Area(OGRGeometry::ToHandle(difference.get())) <=
          1e-9 * OGR_G_Area(OGRGeometry::ToHandle(reference.get())));
}

TEST_CASE("A circle that cannot be drawn is reported, the first in input order", "[layers][buffer]") {
    std::vector<LonLat> centres(200, LonLat{110.0, 41.0});
    centres[150] = {-179.99, 10.0};  // across the antimeridian
    centres[40] = {179.995, -5.0};
    CHECK_THROWS_WITH(depmap::layers::buffers(centres, BufferOptions{5'000, 1.0}), Catch::Contains("179.995,-5"));
}

TEST_CASE("Buffer layers keep attributes and reopen as valid polygons in GDAL", "[layers][buffer]") {
    const auto deposits = depmap::layers::read_layer(depmap::test::bundled("records.csv").string());
    const depmap::test::ScratchDir dir;

    const auto each = depmap::layers::buffer_layer(deposits, BufferOptions{10'000, 1.0}, false);
    REQUIRE(each.size() == deposits.size());
    CHECK(each.fields.size() == deposits.fields.size() + 1);
    CHECK(each.columns[0].to_text(7) == deposits.columns[0].to_text(7));
    const auto area = *each.field_index("area_km2");
    CHECK(each.columns[area].real(0) == Approx(std::numbers::pi * 100).epsilon(0.001));
    depmap::layers::write_layer(each, dir.file("each.gpkg"), {});
    const auto each_back = reopened(dir.file("each.gpkg"));
    REQUIRE(each_back.size() == deposits.size());
    for (const auto& [valid, type] : each_back) {
        CHECK(valid);
        CHECK(type.find("Polygon") != std::string::npos);
    }

    const auto merged = depmap::layers::buffer_layer(deposits, BufferOptions{10'000, 1.0}, true);
    REQUIRE(merged.size() == 1);
    CHECK(merged.columns[*merged.field_index("count")].integer(0) == static_cast<std::int64_t>(deposits.size()));
    const double merged_km2 = merged.columns[*merged.field_index("area_km2")].real(0);
    CHECK(merged_km2 < deposits.size() * std::numbers::pi * 100);  // the bundled sites overlap
    CHECK(merged_km2 > std::numbers::pi * 100);
    depmap::layers::write_layer(merged, dir.file("merged.geojson"), {});
    const auto merged_back = reopened(dir.file("merged.geojson"));
    REQUIRE(merged_back.size() == 1);
    CHECK(merged_back[0].first);
    CHECK(merged_back[0].second == "Multi Polygon");
}
