#pragma once
// A report-quality map of layers over the bundled base map, as PNG, SVG or PDF.
// Layers are drawn polygons under lines under points, each as its QGIS style draws it
// (layers/style/layer_symbols.hpp); over a base map of the boundary, the divisions with
// their names and the main cities; with a title, a legend of what is shown, a scale bar,
// a north arrow, a graticule and the sources' credit line.
#include "layers/model/layer.hpp"
#include "layers/render/legend.hpp"
#include "layers/render/labels.hpp"
#include "layers/render/map_extent.hpp"
#include "layers/render/page.hpp"

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace depmap::layers {

enum class LabelMode {
    Auto,   // the first layer's features by name, the largest first (with size_by), at most 50
    None,   // no feature labels (the base map keeps its own)
    Field,  // the first layer's features by `label_field`, as many as fit
};

struct MapOptions {
    std::string title;          // DEFAULT: "" (no title)
    std::string size_by;        // a numeric field sizing the first layer's markers. DEFAULT: "".
    // A numeric field whose graduated classes colour the first layer's polygons, with the
    // class breaks and colours of the QGIS grid style (layers/style/grid_classes.hpp): a
    // choropleth of counts or sums. DEFAULT: "" (by commodity, else one plain fill).
    std::string class_by;
    LabelMode labels = LabelMode::Auto;
    std::string label_field;    // with LabelMode::Field
    std::string label_where;    // an OGR SQL WHERE clause: label only these features. DEFAULT: "" (all).
    // A numeric field: labels that cannot all be placed keep its largest values first.
    // DEFAULT: "" (the largest markers first, then in the layer's order).
    std::string label_priority;
    std::string crs;            // any CRS PROJ accepts; DEFAULT: "" (a conic fitted to the extent)
    ExtentChoice extent;        // DEFAULT: the layers' features with a margin
    Page page;                  // DEFAULT: 1600 x 1200 px at 150 dpi
    bool overwrite = false;
};

// The base map: bundled boundary, divisions and cities.
struct BaseMap {
    Layer boundary;
    Layer divisions;
    Layer cities;
};
BaseMap bundled_base_map();

// What was drawn, for callers and tests.
struct MapReport {
    std::vector<LegendEntry> legend;  // of the features inside the frame
    std::vector<PlacedLabel> labels;
    int unknown_glyphs = 0;     // label characters no installed font could draw
    std::string projection;     // the CRS the map is drawn in
    PageRect frame;             // the map's rectangle on the page, in points
    double scale = 1;           // page points per projected unit
    double origin_x = 0;        // the projected position of the frame's top left corner
    double origin_y = 0;
    double scale_bar_km = 0;
    double north_deg = 0;       // the north arrow, clockwise from the page's up
    std::string attribution;
};

// Draws `layers` (the first is the main one) and writes the map to `output`, whole or not
// at all; its format from the extension. Throws ArgumentError (format, size_by, class_by,
// label_field, label_where, label_priority, extent), CrsError (crs), OutputError.
MapReport write_map(std::span<const Layer> layers, const BaseMap& base, const MapOptions& options,
                    const std::filesystem::path& output);

} // namespace depmap::layers
