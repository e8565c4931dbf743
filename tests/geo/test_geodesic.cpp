#include "geo/geodesic.hpp"

#include "reference_tools.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <numbers>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using depmap::geo::geodesic_direct;
using depmap::geo::geodesic_distance_azimuth;
using depmap::geo::geodesic_distance_m;
using depmap::geo::geodesic_inverse;
using depmap::geo::geocentric_mean;
using depmap::geo::LonLat;

namespace {

constexpr double distance_tolerance_m = 1e-6;
constexpr double angle_tolerance_deg = 1e-9;

Approx metres(double m) { return Approx(m).margin(distance_tolerance_m).epsilon(0); }

// An error of `position_noise_m` in the end points turns the azimuth of a geodesic
// `distance_m` long by up to position_noise_m / distance_m radians: short lines need more.
double azimuth_tolerance_deg(double distance_m, double position_noise_m) {
    return angle_tolerance_deg + position_noise_m / distance_m * 180.0 / std::numbers::pi;
}

// Smallest difference between two angles, so that 180 and -180, or 10 and 370, agree.
double angle_gap_deg(double a, double b) {
    double d = std::fmod(a - b, 360.0);
    if (d > 180.0) d -= 360.0;
    if (d < -180.0) d += 360.0;
    return std::abs(d);
}

// Reference geodesics from GeographicLib's test set GeodTest.dat (C. F. F. Karney,
// MIT/X11 licence), as tabulated in the geodesic test suite shipped with GeographicLib
// and PROJ (geodtest.c). Columns: lat1 lon1 azi1 lat2 lon2 azi2 s12 (degrees, metres),
// in GeodTest's lat-before-lon order. lon2 is "unrolled" (may pass +-180).
struct GeodTestLine {
    double lat1, lon1, azi1, lat2, lon2, azi2, s12;
};
constexpr std::array<GeodTestLine, 20> geodtest = {{
    {35.60777, -139.44815, 111.098748429560326, -11.17491, -69.95921, 129.289270889708762,
     8935244.5604818305},
    {55.52454, 106.05087, 22.020059880982801, 77.03196, 197.18234, 109.112041110671519,
     4105086.1713924406},
    {-21.97856, 142.59065, -32.44456876433189, 41.84138, 98.56635, -41.84359951440466,
     8394328.894657671},
    {-66.99028, 112.2363, 173.73491240878403, -12.70631, 285.90344, 2.512956620913668,
     11150344.2312080241},
    {-17.42761, 173.34268, -159.033557661192928, -15.84784, 5.93557, -20.787484651536988,
     16076603.1631180673},
    {32.84994, 48.28919, 150.492927788121982, -56.28556, 202.29132, 48.113449399816759,
     16727068.9438164461},
    {6.96833, 52.74123, 92.581585386317712, -7.39675, 206.17291, 90.721692165923907,
     17102477.2496958388},
    {-50.56724, -16.30485, -105.439679907590164, -33.56571, -94.97412, -47.348547835650331,
     6455670.5118668696},
    {-58.93002, -8.90775, 140.965397902500679, -8.91104, 133.13503, 19.255429433416599,
     11756066.0219864627},
    {-68.82867, -74.28391, 93.774347763114881, -50.63005, -8.36685, 34.65564085411343,
     3956936.926063544},
    {-10.62672, -32.0898, -86.426713286747751, 5.883, -134.31681, -80.473780971034875,
     11470869.3864563009},
    {-21.76221, 166.90563, 29.319421206936428, 48.72884, 213.97627, 43.508671946410168,
     9098627.3986554915},
    {-19.79938, -174.47484, 71.167275780171533, -11.99349, -154.35109, 65.589099775199228,
     2319004.8601169389},
    {-11.95887, -116.94513, 92.712619830452549, 4.57352, 7.16501, 78.64960934409585,
     13834722.5801401374},
    {-87.85331, 85.66836, -65.120313040242748, 66.48646, 16.09921, -4.888658719272296,
     17286615.3147144645},
    {1.74708, 128.32011, -101.584843631173858, -11.16617, 11.87109, -86.325793296437476,
     12942901.1241347408},
    {-25.72959, -144.90758, -153.647468693117198, -57.70581, -269.17879, -48.343983158876487,
     9413446.7452453107},
    {-41.22777, 122.32875, 14.285113402275739, -7.57291, 130.37946, 10.805303085187369,
     3812686.035106021},
    {11.01307, 138.25278, 79.43682622782374, 6.62726, 247.05981, 103.708090215522657,
     11911190.819018408},
    {-29.47124, 95.14681, -163.779130441688382, -27.46601, -69.15955, -15.909335945554969,
     13487015.8381145492},
}};

// ---- Command-line references -------------------------------------------------------

struct Pair {
    LonLat from, to;
    std::string kind;
};

struct ToolAnswer {
    double azimuth1_deg, azimuth2_deg, distance_m;
    std::string distance_text;  // as printed, to check its precision
};

// One "lat1 lon1 lat2 lon2" line per pair: the order both tools read.
std::string lat_lon_lines(const std::vector<Pair>& pairs) {
    std::string text;
    for (const Pair& p : pairs)
        text += fmt::format("{:.17g} {:.17g} {:.17g} {:.17g}\n", p.from.lat_deg, p.from.lon_deg,
                            p.to.lat_deg, p.to.lon_deg);
    return text;
}

std::vector<ToolAnswer> parse_three_columns(const std::string& output) {
    std::vector<ToolAnswer> answers;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        std::istringstream fields(line);
        ToolAnswer a{};
        if (!(fields >> a.azimuth1_deg >> a.azimuth2_deg >> a.distance_text))
            FAIL("unreadable output line: " << line);
        a.distance_m = std::stod(a.distance_text);
        answers.push_back(a);
    }
    return answers;
}

// GeographicLib's own solver: prints azi1 azi2 s12 (forward azimuth at point 2).
std::vector<ToolAnswer> geodsolve_inverse(const std::vector<Pair>& pairs) {
    return parse_three_columns(
        depmap::test::run_reference("GeodSolve", "geographiclib-tools", "-i -p 9", lat_lon_lines(pairs)));
}

// PROJ's geod: prints azi1, the back azimuth at point 2, and s12; -f formats the angles
// and -F the distance (whose default "%.3f" would only give millimetres).
std::vector<ToolAnswer> proj_geod_inverse(const std::vector<Pair>& pairs) {
    auto answers = parse_three_columns(depmap::test::run_reference(
        "geod", "proj-bin", "+ellps=WGS84 -I -f '%.12f' -F '%.9f' +units=m", lat_lon_lines(pairs)));
    for (ToolAnswer& a : answers) a.azimuth2_deg += 180.0;  // back azimuth -> forward
    return answers;
}

double normalised_lon(double lon) {
    lon = std::fmod(lon, 360.0);
    if (lon >= 180.0) lon -= 360.0;
    if (lon < -180.0) lon += 360.0;
    return lon;
}

// ~200 pairs from a fixed seed, weighted to the cases where geodesic codes go wrong.
std::vector<Pair> random_pairs() {
    std::mt19937_64 random(20240611);
    auto uniform = [&](double lo, double hi) {
        return std::uniform_real_distribution<double>(lo, hi)(random);
    };
    auto anywhere = [&] {
        // Uniform over the sphere, not over lat, so mid latitudes are not thin.
        return LonLat{uniform(-180.0, 180.0),
                      std::asin(uniform(-1.0, 1.0)) * 180.0 / std::numbers::pi};
    };
    std::vector<Pair> pairs;
    for (int i = 0; i < 100; ++i) pairs.push_back({anywhere(), anywhere(), "random"});
    for (int i = 0; i < 10; ++i) {
        const LonLat p = anywhere();
        pairs.push_back({p, p, "same point"});
    }
    for (int i = 0; i < 15; ++i) {
        // About a centimetre to a kilometre apart.
        const LonLat p = anywhere();
        const double step = std::pow(10.0, uniform(-7.0, -2.0));
        pairs.push_back({p,
                         {normalised_lon(p.lon_deg + uniform(-step, step)),
                          std::clamp(p.lat_deg + uniform(-step, step), -90.0, 90.0)},
                         "short"});
    }
    for (int i = 0; i < 25; ++i) {
        // Within a degree (down to ~1e-6 degree) of the antipode.
        const LonLat p = anywhere();
        const double step = std::pow(10.0, uniform(-6.0, 0.0));
        pairs.push_back({p,
                         {normalised_lon(p.lon_deg + 180.0 + uniform(-step, step)),
                          std::clamp(-p.lat_deg + uniform(-step, step), -90.0, 90.0)},
                         "near antipodal"});
    }
    // Exact antipodes: on the equator, off it, and a hair off the equator.
    pairs.push_back({{-30.0, 0.0}, {150.0, 0.0}, "antipodal"});
    pairs.push_back({{45.0, 20.0}, {-135.0, -20.0}, "antipodal"});
    pairs.push_back({{0.0, 60.0}, {180.0, -60.0}, "antipodal"});
    pairs.push_back({{100.5, -0.25}, {-79.5, 0.25}, "antipodal"});
    for (int i = 0; i < 25; ++i) {
        const double lat1 = uniform(-70.0, 70.0);
        const LonLat east{uniform(170.0, 180.0), lat1};
        const LonLat west{uniform(-180.0, -170.0), lat1 + uniform(-10.0, 10.0)};
        pairs.push_back({east, west, "across the antimeridian"});
    }
    for (int i = 0; i < 20; ++i) {
        const double pole = i % 2 ? 90.0 : -90.0;
        const LonLat at_pole{uniform(-180.0, 180.0), pole};
        if (i % 5 == 4)
            pairs.push_back({at_pole, {uniform(-180.0, 180.0), -pole}, "pole to pole"});
        else if (i % 5 == 3)
            pairs.push_back({anywhere(), at_pole, "to a pole"});
        else
            pairs.push_back({at_pole, anywhere(), "from a pole"});
    }
    // Both points on the equator: the other special branch of the inverse solution.
    for (int i = 0; i < 5; ++i)
        pairs.push_back(
            {{uniform(-180.0, 180.0), 0.0}, {uniform(-180.0, 180.0), 0.0}, "equatorial"});
    return pairs;
}

// `position_noise_m`: how far the tool may move the points while reading them.
void check_against(const std::string& tool, const std::vector<Pair>& pairs,
                   const std::vector<ToolAnswer>& answers, double position_noise_m) {
    REQUIRE(answers.size() == pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const Pair& p = pairs[i];
        const ToolAnswer& want = answers[i];
        const auto got = geodesic_inverse(p.from, p.to);
        INFO(tool << " pair " << i << " (" << p.kind << "): lon/lat "
                  << fmt::format("{:.17g} {:.17g} -> {:.17g} {:.17g}", p.from.lon_deg,
                                 p.from.lat_deg, p.to.lon_deg, p.to.lat_deg));
        // Fewer than 6 decimals could hide a micrometre disagreement.
        const auto dot = want.distance_text.find('.');
        REQUIRE(dot != std::string::npos);
        REQUIRE(want.distance_text.size() - dot - 1 >= 6);

        CHECK(got.distance_m == metres(want.distance_m));
        CHECK(geodesic_distance_m(p.from, p.to) == metres(want.distance_m));
        CHECK(got.azimuth1_deg > -180.0);
        CHECK(got.azimuth1_deg <= 180.0);
        CHECK(got.azimuth2_deg > -180.0);
        CHECK(got.azimuth2_deg <= 180.0);
        // Azimuths between coincident points mean nothing.
        if (want.distance_m > 1e-6) {
            const double tolerance = azimuth_tolerance_deg(want.distance_m, position_noise_m);
            CHECK(angle_gap_deg(got.azimuth1_deg, want.azimuth1_deg) <= tolerance);
            CHECK(angle_gap_deg(got.azimuth2_deg, want.azimuth2_deg) <= tolerance);
        }
    }
}

} // namespace

// ---- Published reference geodesics ---------------------------------------------------

TEST_CASE("geodesic: inverse matches GeographicLib's GeodTest lines", "[geo]") {
    for (const GeodTestLine& t : geodtest) {
        INFO("GeodTest line lat1 " << t.lat1 << " lon1 " << t.lon1);
        const auto got = geodesic_inverse({t.lon1, t.lat1}, {t.lon2, t.lat2});
        CHECK(got.distance_m == metres(t.s12));
        CHECK(geodesic_distance_m({t.lon1, t.lat1}, {t.lon2, t.lat2}) == metres(t.s12));
        CHECK(angle_gap_deg(got.azimuth1_deg, t.azi1) <= angle_tolerance_deg);
        CHECK(angle_gap_deg(got.azimuth2_deg, t.azi2) <= angle_tolerance_deg);
        const auto first = geodesic_distance_azimuth({t.lon1, t.lat1}, {t.lon2, t.lat2});
        CHECK(first.distance_m == metres(t.s12));
        CHECK(angle_gap_deg(first.azimuth_deg, t.azi1) <= angle_tolerance_deg);
    }
}

TEST_CASE("geodesic: direct matches GeographicLib's GeodTest lines", "[geo]") {
    for (const GeodTestLine& t : geodtest) {
        INFO("GeodTest line lat1 " << t.lat1 << " lon1 " << t.lon1);
        const LonLat got = geodesic_direct({t.lon1, t.lat1}, t.azi1, t.s12);
        CHECK(got.lat_deg == Approx(t.lat2).margin(angle_tolerance_deg).epsilon(0));
        // The table's lon2 is unrolled; ours is reduced to [-180, 180].
        CHECK(angle_gap_deg(got.lon_deg, t.lon2) <= angle_tolerance_deg);
        CHECK(got.lon_deg >= -180.0);
        CHECK(got.lon_deg <= 180.0);
    }
}

TEST_CASE("geodesic: direct then inverse returns the distance and azimuth", "[geo]") {
    const LonLat start{-70.25, -33.45};
    for (double azimuth : {-179.0, -90.0, -45.5, 0.0, 30.0, 90.0, 135.0, 180.0}) {
        for (double distance : {0.5, 1234.5, 5.0e5, 1.0e7, 1.9e7}) {
            INFO("azimuth " << azimuth << " distance " << distance);
            const LonLat end = geodesic_direct(start, azimuth, distance);
            const auto back = geodesic_inverse(start, end);
            CHECK(back.distance_m == metres(distance));
            // geodesic_direct rounds the end point to a double: ~1e-9 m.
            CHECK(angle_gap_deg(back.azimuth1_deg, azimuth) <=
                  azimuth_tolerance_deg(distance, 1e-8));
        }
    }
}

TEST_CASE("geodesic: azimuths stay above -180 and at most 180", "[geo]") {
    // Due south along a meridian: the library may say -180, the contract says 180.
    const auto south = geodesic_inverse({10.0, 20.0}, {10.0, -20.0});
    CHECK(south.azimuth1_deg == 180.0);
    CHECK(south.azimuth2_deg == 180.0);
    // Cases where geod_inverse itself answers -180 (the sign of a zero longitude
    // difference decides).
    const auto signed_zero = geodesic_inverse({0.0, 1.0}, {-0.0, -1.0});
    CHECK(signed_zero.azimuth1_deg == 180.0);
    CHECK(signed_zero.azimuth2_deg == 180.0);
    const auto on_antimeridian = geodesic_inverse({180.0, 10.0}, {-180.0, -10.0});
    CHECK(on_antimeridian.azimuth1_deg == 180.0);
    CHECK(on_antimeridian.azimuth2_deg == 180.0);
    CHECK(geodesic_inverse({0.0, 0.0}, {-180.0, 0.0}).azimuth2_deg == 180.0);
    CHECK(geodesic_distance_azimuth({10.0, 20.0}, {10.0, -20.0}).azimuth_deg == 180.0);
    CHECK(geodesic_distance_azimuth({0.0, 1.0}, {-0.0, -1.0}).azimuth_deg == 180.0);
    const auto north = geodesic_inverse({10.0, -20.0}, {10.0, 20.0});
    CHECK(north.azimuth1_deg == 0.0);
    CHECK(geodesic_inverse({0.0, 0.0}, {0.0, 0.0}).distance_m == 0.0);
}

// ---- Independent command-line solvers -----------------------------------------------

TEST_CASE("geodesic: inverse matches GeodSolve -i on random pairs", "[geo]") {
    const auto pairs = random_pairs();
    REQUIRE(pairs.size() >= 200);
    // It reads the 17 printed digits back to the same doubles.
    check_against("GeodSolve", pairs, geodsolve_inverse(pairs), 0.0);
}

TEST_CASE("geodesic: inverse matches PROJ's geod -I on random pairs", "[geo]") {
    const auto pairs = random_pairs();
    // It converts degrees to radians and back, moving points by up to a few 1e-9 m.
    check_against("geod", pairs, proj_geod_inverse(pairs), 1e-8);
}

// ---- Mean position --------------------------------------------------------------------

TEST_CASE("geodesic: the geocentric mean of one point is that point", "[geo]") {
    for (const LonLat p : {LonLat{0.0, 0.0}, LonLat{12.5, 47.25}, LonLat{-70.1, -33.4},
                           LonLat{179.999, 0.001}, LonLat{-179.5, 60.0}, LonLat{180.0, -12.0},
                           LonLat{-180.0, 12.0}, LonLat{45.0, 89.999999}, LonLat{-120.0, -89.9}}) {
        INFO("lon " << p.lon_deg << " lat " << p.lat_deg);
        const LonLat m = geocentric_mean(std::span(&p, 1));
        CHECK(m.lat_deg == Approx(p.lat_deg).margin(1e-12).epsilon(0));
        CHECK(angle_gap_deg(m.lon_deg, p.lon_deg) <= 1e-12);
    }
}

TEST_CASE("geodesic: points mirrored about the equator have their geocentric mean on it", "[geo]") {
    for (const double lon : {-150.0, 0.0, 33.3, 180.0}) {
        for (const double lat : {0.5, 10.0, 45.0, 80.0}) {
            const std::array<LonLat, 2> points{LonLat{lon, lat}, LonLat{lon, -lat}};
            const LonLat m = geocentric_mean(points);
            CHECK(m.lat_deg == Approx(0.0).margin(1e-12).epsilon(0));
            CHECK(angle_gap_deg(m.lon_deg, lon) <= 1e-12);
            // Symmetric in its inputs.
            const std::array<LonLat, 2> swapped{points[1], points[0]};
            CHECK(geocentric_mean(swapped) == m);
        }
    }
}

TEST_CASE("geodesic: the geocentric mean of a small cluster lies within its bounding box", "[geo]") {
    std::mt19937_64 random(7);
    auto uniform = [&](double lo, double hi) {
        return std::uniform_real_distribution<double>(lo, hi)(random);
    };
    for (int cluster = 0; cluster < 50; ++cluster) {
        const LonLat centre{uniform(-179.0, 179.0), uniform(-85.0, 85.0)};
        const double spread = std::pow(10.0, uniform(-5.0, 0.0));  // up to ~100 km
        std::vector<LonLat> points;
        depmap::geo::Box box;
        const int count = 1 + cluster % 9;
        for (int i = 0; i < count; ++i) {
            const LonLat p{centre.lon_deg + uniform(-spread, spread),
                           centre.lat_deg + uniform(-spread, spread)};
            points.push_back(p);
            box.extend(p);
        }
        INFO("cluster " << cluster << " of " << count << " around " << centre.lon_deg << ", "
                        << centre.lat_deg);
        const LonLat m = geocentric_mean(points);
        CHECK(m.lon_deg >= box.min_lon_deg - 1e-12);
        CHECK(m.lon_deg <= box.max_lon_deg + 1e-12);
        // Points at one latitude but apart in longitude average slightly poleward (the
        // geodesic between them bulges so): at most (pi / 720) * spread^2 degrees.
        const double bulge_deg = spread * spread / 100.0 + 1e-12;
        CHECK(m.lat_deg >= box.min_lat_deg - bulge_deg);
        CHECK(m.lat_deg <= box.max_lat_deg + bulge_deg);
    }
}

TEST_CASE("geodesic: the geocentric mean of a cluster across the antimeridian stays by it", "[geo]") {
    const std::array<LonLat, 3> points{LonLat{179.8, -17.0}, LonLat{-179.9, -17.2},
                                       LonLat{179.95, -17.1}};
    const LonLat m = geocentric_mean(points);
    CHECK(std::abs(m.lon_deg) > 179.9);
    CHECK(m.lat_deg == Approx(-17.1).margin(0.01));
    CHECK_THROWS_AS(geocentric_mean(std::span<const LonLat>{}), std::invalid_argument);
}

TEST_CASE("geodesic: the geodesic mean minimises the sum of squared geodesic distances", "[geo][mean]") {
    using depmap::geo::geodesic_mean;
    // The four records named Bayan Obo, and a cluster across the antimeridian.
    for (const std::vector<LonLat>& points :
         {std::vector<LonLat>{{109.974444444444, 41.7991666666667}, {109.99944, 41.63147},
                              {109.96666666667, 41.75}, {109.9667, 41.8667}},
          std::vector<LonLat>{{179.8, -17.0}, {-179.9, -17.2}, {179.95, -17.1}}}) {
        const LonLat m = geodesic_mean(points);
        // Where the sum is least its gradient vanishes: the vectors to the points cancel.
        double east_m = 0.0, north_m = 0.0;
        for (const auto& p : points) {
            const auto to = depmap::geo::geodesic_inverse(m, p);
            east_m += to.distance_m * std::sin(to.azimuth1_deg * std::numbers::pi / 180);
            north_m += to.distance_m * std::cos(to.azimuth1_deg * std::numbers::pi / 180);
        }
        CHECK(std::hypot(east_m, north_m) < 1e-5);
        // And every point 1 cm away has a larger sum (the geocentric mean is 2.3 cm off).
        const auto sum_m2 = [&](LonLat at) {
            double sum = 0.0;
            for (const auto& p : points) sum += std::pow(geodesic_distance_m(at, p), 2);
            return sum;
        };
        for (const double azimuth : {0.0, 90.0, 180.0, 270.0})
            CHECK(sum_m2(geodesic_direct(m, azimuth, 0.01)) > sum_m2(m));
    }
    const LonLat one{109.9, 41.8};
    CHECK(geodesic_mean(std::span(&one, 1)) == one);
}

TEST_CASE("bearing: an azimuth as 0-360 clockwise from north", "[geo]") {
    using depmap::geo::bearing_deg;
    CHECK(bearing_deg(0) == 0);
    CHECK(bearing_deg(90) == 90);
    CHECK(bearing_deg(180) == 180);
    CHECK(bearing_deg(-90) == 270);
    CHECK(bearing_deg(-174.63928570103877) == Approx(185.36071429896123).margin(1e-12));
    CHECK_FALSE(std::signbit(bearing_deg(-0.0)));  // north is 0, not -0
    CHECK(bearing_deg(-1e-20) == 0);                // not 360: bearings are below 360
    CHECK(bearing_deg(-1e-20) < 360);
}
