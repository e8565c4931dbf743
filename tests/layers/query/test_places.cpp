#include "base/error.hpp"
#include "geo/geodesic.hpp"
#include "layers/query/places.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace depmap;
using Catch::Matchers::Contains;

namespace {

const layers::Layer& deposits() {
    static const auto layer = layers::read_layer(depmap::test::bundled("records.csv").string());
    return layer;
}

layers::Place resolve(const std::string& text) {
    static const auto gazetteer = layers::read_layer(depmap::test::bundled("places.csv").string());
    return layers::PlaceResolver(deposits(), {&gazetteer}).resolve(text);
}

} // namespace

TEST_CASE("places: names match as site names do", "[layers][places]") {
    CHECK(resolve("BAYAN-OBO deposit").records == 5);
    CHECK(resolve("Baiyun Obo").records == 5);
    CHECK(resolve("Bayan Obo Main").position == geo::LonLat{109.962814, 41.798138});
}

TEST_CASE("places: coordinates in decimal and DMS", "[layers][places]") {
    const auto decimal = resolve("109.97,41.8");
    CHECK(decimal.position == geo::LonLat{109.97, 41.8});
    CHECK(decimal.origin == "coordinates");
    const auto dms = resolve("41°48'N 109°58'12\"E");
    CHECK(dms.position.lon_deg == Approx(109.97).margin(1e-12));
    CHECK(dms.position.lat_deg == Approx(41.8).margin(1e-12));
    CHECK_THROWS_WITH(resolve("109,95"), Contains("latitude 95 is outside"));
}

TEST_CASE("places: records of one site are one place at their geodesic mean", "[layers][places]") {
    const auto bayan_obo = resolve("bayan obo");
    CHECK(bayan_obo.records == 5);
    // The five USGS records named Bayan Obo (Mine, (Baotou), and Bayan Rare Earth Mine by
    // its alternative name Bayan E Bo). IM-USGS-0002 and -0014 are 26.3 km apart:
    // data/site_links.csv links them.
    const std::vector<geo::LonLat> records{{109.974444444444, 41.7991666666667}, {109.99944, 41.63147},
                                           {109.96613, 41.76484}, {109.96666666667, 41.75},
                                           {109.9667, 41.8667}};
    const auto mean = geo::geodesic_mean(records);
    CHECK(bayan_obo.position.lon_deg == Approx(mean.lon_deg).margin(1e-12));
    CHECK(bayan_obo.position.lat_deg == Approx(mean.lat_deg).margin(1e-12));
    for (const auto& r : records) CHECK(geo::geodesic_distance_m(r, bayan_obo.position) < 25000);
}

TEST_CASE("places: records of one name never chain past 25 km", "[layers][places]") {
    // Bayan Obo's four USGS records under ids no override knows: B and D are 26.3 km apart,
    // each within 25 km of A and C. Single linkage made one place of them through A or C.
    depmap::test::ScratchDir dir;
    const auto layer = layers::read_layer(dir.write("chain.csv", "id,name,commodities,lon,lat\n"
                                                                 "A,Bayan Obo,REE,109.974444444444,41.7991666666667\n"
                                                                 "B,Bayan Obo Mine,REE,109.99944,41.63147\n"
                                                                 "C,Bayan Obo (Baotou),REE,109.96666666667,41.75\n"
                                                                 "D,Bayan Obo,REE,109.9667,41.8667\n"));
    const layers::PlaceResolver resolver(layer, {});
    CHECK_THROWS_WITH(resolver.resolve("Bayan Obo"),
                      Contains("place 'Bayan Obo' is ambiguous") && Contains("2 places of that name"));
    CHECK(resolver.resolve("B").origin == "feature B");
}

TEST_CASE("places: ids, Chinese names, the gazetteer", "[layers][places]") {
    CHECK(resolve("im-gemiron-0004").origin == "feature IM-GEMIRON-0004");
    const auto chinese = resolve("白云鄂博主矿");
    CHECK(chinese.name == "白云鄂博主矿");
    CHECK(chinese.position == geo::LonLat{109.962814, 41.798138});
    const auto erenhot = resolve("Erenhot");
    CHECK(erenhot.origin == "gazetteer places");
    CHECK(erenhot.position == geo::LonLat{111.97667, 43.6475});
}

TEST_CASE("places: a name shared by places far apart is ambiguous", "[layers][places]") {
    // GeoNames has two towns called Jinshan, far apart.
    CHECK_THROWS_WITH(resolve("Jinshan"), Contains("place 'Jinshan' is ambiguous"));
    CHECK_THROWS_WITH(resolve("Atlantis"), Contains("no place named 'Atlantis'"));
}

TEST_CASE("places: a list splits at commas, two numbers in a row are one lon,lat", "[layers][places]") {
    CHECK(layers::split_place_list("Baotou, 119.0,42.3 ,Chifeng") ==
          std::vector<std::string>{"Baotou", "119.0,42.3", "Chifeng"});
    CHECK(layers::split_place_list("+110.5,-40") == std::vector<std::string>{"+110.5,-40"});
    CHECK_THROWS_AS(layers::split_place_list("Baotou,,Chifeng"), ArgumentError);
}

TEST_CASE("places: every point of a layer, id from its id field, refusing other geometries", "[layers][places]") {
    depmap::test::ScratchDir dir;
    const auto places = layers::places_of(
        layers::read_layer(dir.write("p.csv", "id,name,lon,lat\n7,Seven,110,40\n8,,111,41\n")));
    REQUIRE(places.size() == 2);
    CHECK(places[0].id == "7");
    CHECK(places[0].id_number == 7);
    CHECK(places[0].name == "Seven");
    CHECK(places[1].position.lon_deg == 111);
    const auto squares = layers::read_layer(dir.write("s.csv", "name,wkt\na,\"POLYGON ((0 0, 1 0, 1 1, 0 0))\"\n"));
    CHECK_THROWS_WITH(layers::places_of(squares), Contains("places are points, not"));
}
