#pragma once
// An interactive web map in one HTML file that opens offline: the layers drawn as their
// QGIS styles draw them (map_symbols.hpp) over the bundled base map (base_layers.hpp),
// a click on a feature shows its attributes, a legend lists the categories present with
// their counts, a control turns layers on and off, and a credit line names the data's
// licences and sources. Leaflet (leaflet_files.hpp) and the features' GeoJSON are
// inlined; without tiles the file names no URL to fetch. The same layers and options
// give the same bytes.
#include "layers/model/layer.hpp"
#include "layers/style/qgis_style.hpp"
#include "layers/webmap/base_layers.hpp"
#include "layers/webmap/leaflet_files.hpp"

#include <filesystem>
#include <span>
#include <string>

namespace depmap::layers {

// A layer to draw: its features, its name in the legend and the layers control
// (DEFAULT: Layer::name, else "features"), and its style's kind, grid field and size
// field as StyleOptions takes them (labels are not drawn on web maps).
struct MapLayer {
    const Layer* layer;
    std::string name;
    StyleOptions style;
};

struct HtmlMapOptions {
    // The page's title. DEFAULT: "depmap: " and the first layer's name.
    std::string title;
    // An XYZ tile URL template (https://tile.example.org/{z}/{x}/{y}.png) drawn under
    // everything. DEFAULT: "" (no tiles: the base map is the bundled boundaries).
    std::string tiles;
    // Most decimals of a coordinate (fewer when the data holds fewer). DEFAULT: 7 (~1 cm).
    int precision = 7;
    // Replace an existing file. DEFAULT: false.
    bool overwrite = false;
};

// Throws ArgumentError unless `url` is an http(s) URL template with {z}, {x} and {y}.
void check_tiles(const std::string& url);

// The page. `layers` are drawn polygons under lines under points, each layer in the
// legend in the order given. Throws ArgumentError (a layer without geometry, the tiles),
// InputError when Leaflet's script would end its <script> element early.
std::string html_map(std::span<const MapLayer> layers, const BaseLayers& base, const LeafletFiles& leaflet,
                     const HtmlMapOptions& options);

// Writes html_map() with Leaflet read from leaflet_dir() to `output`, whole or not at all
// (StagedOutput). Throws as html_map(), InputError when Leaflet is missing, OutputError
// when `output` exists and !overwrite, or cannot be written.
void write_html_map(std::span<const MapLayer> layers, const BaseLayers& base, const HtmlMapOptions& options,
                    const std::filesystem::path& output);

} // namespace depmap::layers
