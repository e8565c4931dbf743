#include "layers/project/qgis_project.hpp"

#include "base/error.hpp"
#include "layers/output/atomic_output.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/style/qgis_symbols.hpp"
#include "layers/style/xml_element.hpp"

#include <cpl_conv.h>
#include <fmt/format.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cctype>

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view qgis_version = "3.22.0";
constexpr std::string_view doctype = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>";

std::string wgs84_wkt() {
    ensure_gdal();
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    char* text = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", "MULTILINE=NO", nullptr};
    srs.exportToWkt(&text, options);
    std::string wkt = text ? text : "";
    CPLFree(text);
    return wkt;
}

// EPSG:4326 as QGIS describes a CRS; QGIS reads the authority id first, srsid 3452 is
// its own number for it.
XmlElement spatialrefsys() {
    XmlElement srs("spatialrefsys");
    srs.set("nativeFormat", "Wkt");
    srs.add("wkt").set_text(wgs84_wkt());
    srs.add("proj4").set_text("+proj=longlat +datum=WGS84 +no_defs");
    srs.add("srsid").set_text("3452");
    srs.add("srid").set_text("4326");
    srs.add("authid").set_text("EPSG:4326");
    srs.add("description").set_text("WGS 84");
    srs.add("projectionacronym").set_text("longlat");
    srs.add("ellipsoidacronym").set_text("EPSG:7030");
    srs.add("geographicflag").set_text("true");
    return srs;
}

std::string number(double value) { return fmt::format("{}", value); }

// All layers' extents together with a margin; a point or nothing gets a small box.
geo::Box view_extent(const std::vector<ProjectLayer>& layers) {
    geo::Box box;
    for (const auto& layer : layers) box.extend(layer.extent);
    if (box.empty()) return geo::Box{-180, -90, 180, 90};
    const double margin_lon = std::max(0.05, (box.max_lon_deg - box.min_lon_deg) * 0.05);
    const double margin_lat = std::max(0.05, (box.max_lat_deg - box.min_lat_deg) * 0.05);
    return geo::Box{box.min_lon_deg - margin_lon, box.min_lat_deg - margin_lat,
                    box.max_lon_deg + margin_lon, box.max_lat_deg + margin_lat};
}

// "./depmap.gpkg": QGIS resolves a path against the project only when it starts with
// "./" or "../".
std::string relative_source(const std::string& gpkg, const fs::path& folder) {
    fs::path path(gpkg);
    if (path.is_absolute() && !folder.empty()) path = path.lexically_relative(fs::absolute(folder));
    std::string text = path.lexically_normal().generic_string();
    if (path.is_absolute() || text.starts_with("./") || text.starts_with("../")) return text;
    return "./" + text;
}

// Unique within the project, and longer than ten characters: QGIS replaces shorter ids
// with new ones on reading, which cuts them off from the layer tree.
std::string layer_id(const ProjectLayer& layer, std::size_t index) {
    std::string name;
    for (const char c : layer.layer_name)
        name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return fmt::format("depmap_{:04}_{}", index, name);
}

int draw_rank(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::Point: return 0;
    case GeometryKind::Line: return 1;
    default: return 2;
    }
}

std::string_view geometry_name(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::Point: return "Point";
    case GeometryKind::Line: return "Line";
    case GeometryKind::Polygon: return "Polygon";
    default: return "No geometry";
    }
}

XmlElement map_layer(const ProjectLayer& layer, const std::string& id, const std::string& source) {
    XmlElement style("qgis");
    try {
        style = parse_xml(layer.qml);
    } catch (const InputError& error) {
        throw OutputError(fmt::format("the style of layer '{}' is not a QGIS style ({})",
                                      layer.layer_name, error.what()));
    }
    if (style.name() != "qgis")
        throw OutputError(fmt::format("the style of layer '{}' is not a QGIS style (its root is <{}>)",
                                      layer.layer_name, style.name()));
    XmlElement element("maplayer");
    element.set("type", "vector").set("geometry", geometry_name(layer.geometry));
    // The style's own settings (labelsEnabled, scales) are the layer's.
    for (const auto& [name, value] : style.attributes())
        if (name != "version" && name != "styleCategories") element.set(name, value);
    element.add("id").set_text(id);
    element.add("datasource").set_text(source);
    element.add("layername").set_text(layer.title);
    element.add("srs").add(spatialrefsys());
    element.add("provider").set("encoding", "UTF-8").set_text("ogr");
    for (const auto& child : style.children()) element.add(child);
    return element;
}

void add_extent(XmlElement& parent, const geo::Box& box) {
    auto& extent = parent.add("extent");
    extent.add("xmin").set_text(number(box.min_lon_deg));
    extent.add("ymin").set_text(number(box.min_lat_deg));
    extent.add("xmax").set_text(number(box.max_lon_deg));
    extent.add("ymax").set_text(number(box.max_lat_deg));
}

} // namespace

std::string qgis_project(const std::vector<ProjectLayer>& layers, const ProjectOptions& options,
                         const fs::path& folder) {
    std::vector<const ProjectLayer*> ordered;
    for (const auto& layer : layers) ordered.push_back(&layer);
    std::stable_sort(ordered.begin(), ordered.end(), [](const ProjectLayer* a, const ProjectLayer* b) {
        return draw_rank(a->geometry) < draw_rank(b->geometry);
    });

    XmlElement root("qgis");
    root.set("projectname", options.title).set("version", qgis_version);
    root.add("homePath").set("path", "");
    root.add("title").set_text(options.title);
    root.add("projectCrs").add(spatialrefsys());

    auto& tree = root.add("layer-tree-group");
    tree.add("customproperties");
    auto& project_layers = root.add("projectlayers");
    XmlElement layer_order("layerorder");
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        const ProjectLayer& layer = *ordered[i];
        const auto id = layer_id(layer, i);
        const auto source = fmt::format("{}|layername={}", relative_source(layer.gpkg, folder), layer.layer_name);
        auto& node = tree.add("layer-tree-layer").set("id", id).set("name", layer.title)
            .set("source", source).set("providerKey", "ogr").set("checked", "Qt::Checked")
            .set("expanded", "1");
        // The legend shows how many features each category holds.
        option(option_map(node.add("customproperties")), "showFeatureCount", "int", "1");
        project_layers.add(map_layer(layer, id, source));
        layer_order.add("layer").set("id", id);
    }

    const geo::Box view = view_extent(layers);
    auto& canvas = root.add("mapcanvas").set("name", "theMapCanvas").set("annotationsVisible", "1");
    canvas.add("units").set_text("degrees");
    add_extent(canvas, view);
    canvas.add("rotation").set_text("0");
    canvas.add("destinationsrs").add(spatialrefsys());
    canvas.add("rendermaptile").set_text("0");
    root.add(std::move(layer_order));

    auto& properties = root.add("properties");
    properties.add("Paths").add("Absolute").set("type", "bool").set_text("false");
    // Without it QGIS 3.22 reads the project as having no CRS at all.
    properties.add("SpatialRefSys").add("ProjectionsEnabled").set("type", "int").set_text("1");
    properties.add("Measure").add("Ellipsoid").set("type", "QString").set_text("EPSG:7030");
    auto& view_settings = root.add("ProjectViewSettings").set("UseProjectScales", "0").set("rotation", "0");
    view_settings.add("Scales");
    view_settings.add("DefaultViewExtent").set("xmin", number(view.min_lon_deg))
        .set("ymin", number(view.min_lat_deg)).set("xmax", number(view.max_lon_deg))
        .set("ymax", number(view.max_lat_deg)).add(spatialrefsys());
    return to_xml(root, doctype);
}

void write_qgis_project(const fs::path& qgs, const std::vector<ProjectLayer>& layers,
                        const ProjectOptions& options) {
    const auto text = qgis_project(layers, options, qgs.parent_path().empty() ? fs::path(".") : qgs.parent_path());
    AtomicOutput output(qgs, options.overwrite);
    output.stream() << text;
    output.commit();
}

} // namespace depmap::layers
