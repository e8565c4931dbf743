#include "layers/model/catalogue.hpp"
#include "layers/query/regions.hpp"
#include "layers/read/read.hpp"
#include "layers/render/draw_map.hpp"
#include "layers/query/regions.hpp"
#include "layers/render/query_marks.hpp"
#include "layers/style/grid_classes.hpp"
#include "geo/geodesic.hpp"
#include "support.hpp"

#include <boost/geometry.hpp>
#include <cairo.h>
#include <catch2/catch.hpp>
#include <proj.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <set>

using namespace depmap;

namespace {

// The map's pixel of a lon/lat, projected by PROJ itself into the CRS the map reports,
// then through the frame's scale and origin.
struct Pixels {
    const layers::MapReport& report;
    double dpi;
    PJ_CONTEXT* context = proj_context_create();
    PJ* transform = nullptr;
    Pixels(const layers::MapReport& r, double d) : report(r), dpi(d) {
        PJ* raw = proj_create_crs_to_crs(context, "EPSG:4326", report.projection.c_str(), nullptr);
        REQUIRE(raw);
        transform = proj_normalize_for_visualization(context, raw);
        proj_destroy(raw);
    }
    ~Pixels() {
        proj_destroy(transform);
        proj_context_destroy(context);
    }
    std::pair<double, double> at(double lon, double lat) const {
        const PJ_COORD c = proj_trans(transform, PJ_FWD, proj_coord(lon, lat, 0, 0));
        const double x_pt = report.frame.left + (c.xy.x - report.origin_x) * report.scale;
        const double y_pt = report.frame.top + (report.origin_y - c.xy.y) * report.scale;
        return {x_pt * dpi / 72, y_pt * dpi / 72};
    }
};

struct Image {
    cairo_surface_t* surface;
    explicit Image(const std::string& path) : surface(cairo_image_surface_create_from_png(path.c_str())) {
        REQUIRE(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS);
    }
    ~Image() { cairo_surface_destroy(surface); }
    int width() const { return cairo_image_surface_get_width(surface); }
    int height() const { return cairo_image_surface_get_height(surface); }
    layers::Rgb pixel(int x, int y) const {
        const auto* row = cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface);
        const auto argb = reinterpret_cast<const std::uint32_t*>(row)[x];
        return {static_cast<std::uint8_t>(argb >> 16), static_cast<std::uint8_t>(argb >> 8),
                static_cast<std::uint8_t>(argb)};
    }
    // The darkest grey level within `radius` pixels.
    int darkest(int x, int y, int radius) const {
        int low = 255;
        for (int dy = -radius; dy <= radius; ++dy)
            for (int dx = -radius; dx <= radius; ++dx) {
                const auto p = pixel(std::clamp(x + dx, 0, width() - 1), std::clamp(y + dy, 0, height() - 1));
                low = std::min(low, (p.red + p.green + p.blue) / 3);
            }
        return low;
    }
};

const layers::BaseMap& base_map() {
    static const auto base = layers::bundled_base_map();
    return base;
}

} // namespace

TEST_CASE("a map's PNG has the asked size, and a deposit's marker is at the pixel PROJ gives", "[render]") {
    test::ScratchDir dir;
    const auto csv = dir.write("one.csv", "name,commodities,lon,lat\nSite,Copper,112.5,44.0\n");
    const std::vector layer{layers::read_layer(csv)};
    layers::MapOptions options;
    options.page = layers::pixel_page(1000, 700, 120);
    options.labels = layers::LabelMode::None;
    options.extent.bbox = geo::Box{97, 37, 127, 54};
    const auto report = layers::write_map(layer, base_map(), options, dir.file("map.png"));

    const Image image(dir.file("map.png"));
    CHECK(image.width() == 1000);
    CHECK(image.height() == 700);
    const Pixels pixels(report, 120);
    const auto [x, y] = pixels.at(112.5, 44.0);
    const auto colour = image.pixel(static_cast<int>(x), static_cast<int>(y));
    CHECK(std::abs(colour.red - 0) <= 3);  // Copper: Okabe-Ito bluish green
    CHECK(std::abs(colour.green - 158) <= 3);
    CHECK(std::abs(colour.blue - 115) <= 3);
    // Two marker widths away, no longer the marker.
    CHECK(image.pixel(static_cast<int>(x + 30), static_cast<int>(y)) != colour);

    // The boundary's line passes through its projected vertices.
    const auto& ring = std::get<geo::MultiPolygon>(base_map().boundary.shapes.front()).front().outer();
    int on_line = 0, sampled = 0;
    for (std::size_t i = 0; i < ring.size(); i += ring.size() / 40) {
        const auto [bx, by] = pixels.at(ring[i].lon_deg, ring[i].lat_deg);
        ++sampled;
        if (image.darkest(static_cast<int>(std::lround(bx)), static_cast<int>(std::lround(by)), 1) < 110) ++on_line;
    }
    CHECK(on_line >= sampled * 9 / 10);
}

TEST_CASE("the legend lists exactly the commodities present, with their counts", "[render]") {
    test::ScratchDir dir;
    const auto csv = dir.write("few.csv", "name,commodities,lon,lat\nA,Copper;Gold,110,42\nB,Copper,111,42\n"
                                          "C,Coal,112,43\nD,Unobtainium,110.5,41\nE,,111.5,41\n");
    const std::vector layer{layers::read_layer(csv)};
    layers::MapOptions options;
    options.page = layers::pixel_page(800, 600, 96);
    const auto report = layers::write_map(layer, base_map(), options, dir.file("map.svg"));
    std::vector<std::pair<std::string, std::size_t>> legend;
    for (const auto& entry : report.legend) legend.emplace_back(entry.label, entry.count);
    CHECK(legend == std::vector<std::pair<std::string, std::size_t>>{
                        {"Coal", 1}, {"Copper", 2}, {"(none listed)", 1}, {"other: Unobtainium", 1}});

    // The bundled sites (the default layer): every site counted once, under its primary
    // commodity; 415 of the 460 sites are coal mines.
    const std::vector deposits{layers::read_layer(layers::default_layer_path().string())};
    std::size_t total = 0;
    for (const auto& entry : layers::legend_entries(deposits)) total += entry.count;
    CHECK(total == deposits.front().size());
    CHECK(layers::legend_entries(deposits).front().label == "Coal");
    CHECK(layers::legend_entries(deposits).front().count == 415);
}

TEST_CASE("labels never overlap each other nor their layer's markers, and Chinese has its glyphs", "[render]") {
    test::ScratchDir dir;
    const std::vector deposits{layers::read_layer(layers::default_layer_path().string())};
    layers::MapOptions options;
    options.page = layers::pixel_page(1600, 1200, 150);
    options.labels = layers::LabelMode::Field;
    options.label_field = "name";
    const auto report = layers::write_map(deposits, base_map(), options, dir.file("map.pdf"));
    REQUIRE(report.labels.size() > 40);
    for (std::size_t i = 0; i < report.labels.size(); ++i) {
        const auto& a = report.labels[i].box;
        CHECK(a.left >= report.frame.left);
        CHECK(a.right() <= report.frame.right());
        for (std::size_t j = i + 1; j < report.labels.size(); ++j) CHECK_FALSE(layers::overlap(a, report.labels[j].box));
    }
    // Markers of the layer (2.4 mm across) at their projected positions.
    const Pixels points(report, 72);
    const double r_pt = 2.4 * 72 / 25.4 / 2;
    std::set<std::string> names;
    for (std::size_t row = 0; row < deposits.front().size(); ++row)
        names.insert(deposits.front().columns[*deposits.front().field_index("name")].to_text(row));
    std::size_t checked = 0;
    for (const auto& label : report.labels) {
        if (!names.count(label.text)) continue;  // a city's or a division's
        ++checked;
        for (const auto& p : deposits.front().points) {
            const auto [x, y] = points.at(p.lon_deg, p.lat_deg);
            CHECK_FALSE(layers::overlap(label.box, layers::PageRect{x - r_pt + 0.01, y - r_pt + 0.01,
                                                                    2 * r_pt - 0.02, 2 * r_pt - 0.02}));
        }
    }
    CHECK(checked > 20);

    const auto csv = dir.write("zh.csv", "name_zh,commodities,lon,lat\n白云鄂博,Iron,109.97,41.80\n"
                                         "乌努格吐山,Copper,117.27,49.42\n");
    const std::vector chinese{layers::read_layer(csv)};
    options.label_field = "name_zh";
    const auto zh = layers::write_map(chinese, base_map(), options, dir.file("zh.png"));
    std::size_t placed = 0;
    for (const auto& label : zh.labels) placed += label.text == "白云鄂博" || label.text == "乌努格吐山";
    CHECK(placed == 2);
    CHECK(zh.unknown_glyphs == 0);
}

TEST_CASE("the scale bar is a round length and the north arrow points to true north", "[render]") {
    test::ScratchDir dir;
    layers::MapOptions options;
    options.page = layers::pixel_page(800, 600, 96);
    const std::vector<layers::Layer> none;
    // Web Mercator: north is straight up everywhere.
    options.crs = "EPSG:3857";
    const auto mercator = layers::write_map(none, base_map(), options, dir.file("m.png"));
    CHECK(std::abs(mercator.north_deg) < 0.01);
    // The default conic is centred on the map, so north is up at its centre too; off
    // centre (a box east of the conic's meridian would need --crs), a fixed conic leans.
    options.crs = "+proj=lcc +lat_1=40 +lat_2=48 +lat_0=44 +lon_0=100 +ellps=WGS84 +units=m +type=crs";
    options.extent.bbox = geo::Box{118, 40, 124, 46};
    const auto leaning = layers::write_map(none, base_map(), options, dir.file("l.png"));
    // The meridian convergence of a conic: (lon - lon_0) * sin(lat_0) clockwise... as
    // seen on the page, north leans toward the conic's meridian (west): negative.
    const double n = std::sin((40 + 48) / 2.0 * M_PI / 180);  // close to the cone constant
    CHECK(leaning.north_deg == Approx(-(121 - 100) * n).margin(1.0));
    for (const double km : {mercator.scale_bar_km, leaning.scale_bar_km}) {
        const double mantissa = km / std::pow(10, std::floor(std::log10(km)));
        CHECK((mantissa == 1 || mantissa == 2 || mantissa == 2.5 || mantissa == 5));
    }
}

TEST_CASE("near's radius is drawn through the pixels of points at exactly that geodesic distance", "[render]") {
    test::ScratchDir dir;
    const auto csv = dir.write("one.csv", "name,commodities,lon,lat\nSite,Coal,110.2,40.9\n");
    const layers::Place baotou{"Baotou", {109.84, 40.66}};
    const double radius_m = 150000;
    std::vector layers{layers::read_layer(csv)};
    for (auto& mark : layers::query_marks(std::span(&baotou, 1), radius_m)) layers.push_back(std::move(mark));
    REQUIRE(layers.size() == 3);
    layers::MapOptions options;
    options.page = layers::pixel_page(1000, 800, 96);
    options.labels = layers::LabelMode::None;
    options.extent.bbox = geo::Box{106, 38.5, 114, 43};
    const auto report = layers::write_map(layers, base_map(), options, dir.file("near.png"));
    const std::vector answer_only{layers.front()};
    layers::write_map(answer_only, base_map(), options, dir.file("plain.png"));

    // How much darker the map with the circle is than the one without, near a pixel.
    const Image with(dir.file("near.png")), without(dir.file("plain.png"));
    const Pixels pixels(report, 96);
    const auto darkened = [&](double lon, double lat) {
        const auto [x, y] = pixels.at(lon, lat);
        const int cx = static_cast<int>(std::lround(x)), cy = static_cast<int>(std::lround(y));
        return without.darkest(cx, cy, 1) - with.darkest(cx, cy, 1);
    };
    int on_circle = 0, beside = 0;
    for (double azimuth = 0; azimuth < 360; azimuth += 10) {
        const auto at = geo::geodesic_direct(baotou.position, azimuth, radius_m);
        if (darkened(at.lon_deg, at.lat_deg) >= 40) ++on_circle;
        // 8 km (about 8 pixels) inside and outside, the circle's line is not there.
        for (const double off_m : {-8000.0, 8000.0}) {
            const auto off = geo::geodesic_direct(baotou.position, azimuth, radius_m + off_m);
            if (darkened(off.lon_deg, off.lat_deg) >= 40) ++beside;
        }
    }
    CHECK(on_circle >= 34);  // of 36: a base map line or the site may already darken one or two
    CHECK(beside == 0);
}

TEST_CASE("a choropleth of totals per region fills each region in its class's colour, and lists the classes",
          "[render]") {
    test::ScratchDir dir;
    const auto deposits = layers::read_layer(layers::default_layer_path().string());
    layers::RegionsOptions totals;
    totals.sum_fields = {"capacity_mtpa"};
    totals.shapes = true;
    const std::vector summary{layers::summarise_regions(deposits, base_map().divisions, totals)};
    REQUIRE(summary.front().kind == layers::GeometryKind::Polygon);
    REQUIRE(summary.front().size() == base_map().divisions.size());  // no outside row: it has no shape
    layers::MapOptions options;
    options.page = layers::pixel_page(1200, 900, 96);
    options.class_by = "sum_capacity_mtpa";
    options.extent.bbox = geo::Box{97, 37, 127, 54};
    // The boundary alone under it: no division names over the regions' interiors.
    const layers::BaseMap base{base_map().boundary, {}, {}};
    const auto report = layers::write_map(summary, base, options, dir.file("coal.png"));

    const auto column = *summary.front().field_index("sum_capacity_mtpa");
    const auto graduated = layers::graduated_fills(summary.front().columns[column]);
    REQUIRE(graduated.classes.size() >= 3);

    // The legend: a heading, then every class some region falls in, with its range and count.
    REQUIRE(report.legend.size() >= 2);
    CHECK(report.legend.front().heading);
    CHECK(report.legend.front().label.find("sum_capacity_mtpa") != std::string::npos);
    std::vector<std::pair<std::string, std::size_t>> listed, expected;
    for (std::size_t i = 1; i < report.legend.size(); ++i) listed.emplace_back(report.legend[i].label, report.legend[i].count);
    for (std::size_t c = 0; c < graduated.classes.size(); ++c) {
        const auto count = std::count(graduated.row_class.begin(), graduated.row_class.end(), c);
        if (count > 0) expected.emplace_back(graduated.classes[c].label, static_cast<std::size_t>(count));
    }
    CHECK(listed == expected);

    // Each region's interior, away from its edges, is its class's colour over the page.
    const Image image(dir.file("coal.png"));
    const Pixels pixels(report, 96);
    const auto [bx, by] = pixels.at(98.5, 52.5);  // Mongolia: outside every region
    const auto background = image.pixel(static_cast<int>(bx), static_cast<int>(by));
    std::size_t checked = 0;
    std::set<std::size_t> classes_seen;
    for (std::size_t row = 0; row < summary.front().size(); ++row) {
        const auto& polygons = std::get<geo::MultiPolygon>(summary.front().shapes[row]);
        const auto largest = std::max_element(polygons.begin(), polygons.end(), [](const auto& a, const auto& b) {
            return boost::geometry::area(a) < boost::geometry::area(b);
        });
        geo::LonLat inside;
        boost::geometry::centroid(*largest, inside);
        const boost::geometry::model::linestring<geo::LonLat> edge(largest->outer().begin(), largest->outer().end());
        if (!boost::geometry::within(inside, *largest) || boost::geometry::distance(inside, edge) < 0.15)
            continue;  // a crescent, or a sliver: no pixel safely inside
        const auto [x, y] = pixels.at(inside.lon_deg, inside.lat_deg);
        if (x > image.width() * 0.8 && y < image.height() * 0.35) continue;  // under the legend
        const auto& fill = graduated.fills[graduated.row_class[row]];
        const auto blend = [&](std::uint8_t c, std::uint8_t under) {
            return fill.fill ? static_cast<int>(std::lround(fill.fill_opacity * c + (1 - fill.fill_opacity) * under))
                             : static_cast<int>(under);
        };
        const auto colour = image.pixel(static_cast<int>(x), static_cast<int>(y));
        const auto want = fill.fill.value_or(background);
        INFO("region " << summary.front().columns[0].to_text(row) << " class " << graduated.row_class[row]);
        CHECK(std::abs(colour.red - blend(want.red, background.red)) <= 3);
        CHECK(std::abs(colour.green - blend(want.green, background.green)) <= 3);
        CHECK(std::abs(colour.blue - blend(want.blue, background.blue)) <= 3);
        ++checked;
        classes_seen.insert(graduated.row_class[row]);
    }
    CHECK(checked >= summary.front().size() / 2);
    CHECK(classes_seen.size() >= 3);
}

TEST_CASE("an extent around a place is the box of its geodesic circle", "[render]") {
    layers::ExtentChoice choice;
    choice.centre = geo::LonLat{109.84, 40.66};
    choice.radius_m = 150000;
    const std::vector<layers::Layer> none;
    const auto box = layers::map_extent(none, choice, base_map().divisions, base_map().boundary.extent());
    // North and south: the meridian through the centre; east and west: within a
    // hundredth of a degree of the points due east and west (the widest lie a little
    // poleward of them, so never inside them).
    CHECK(box.max_lat_deg == Approx(geo::geodesic_direct(*choice.centre, 0, 150000).lat_deg).margin(1e-4));
    CHECK(box.min_lat_deg == Approx(geo::geodesic_direct(*choice.centre, 180, 150000).lat_deg).margin(1e-4));
    const double east = geo::geodesic_direct(*choice.centre, 90, 150000).lon_deg;
    const double west = geo::geodesic_direct(*choice.centre, -90, 150000).lon_deg;
    CHECK(box.max_lon_deg >= east - 1e-4);
    CHECK(box.max_lon_deg <= east + 0.01);
    CHECK(box.min_lon_deg <= west + 1e-4);
    CHECK(box.min_lon_deg >= west - 0.01);
    // A division's name still names the division, with no place given.
    choice.centre.reset();
    choice.division = "Baotou";
    const auto division = layers::map_extent(none, choice, base_map().divisions, base_map().boundary.extent());
    const auto expected = layers::with_margin(
        geo::bounds(base_map().divisions.shapes[layers::find_region(base_map().divisions, "Baotou")]));
    CHECK(division.min_lon_deg == expected.min_lon_deg);
    CHECK(division.max_lat_deg == expected.max_lat_deg);
}
