#pragma once
// Writing layers to files in every format depmap writes, without losing a value:
// GeoJSON (RFC 7946), GeoJSONSeq, Shapefile (UTF-8, .cpg, .prj, field widths from the
// data), GeoPackage (several layers, spatial index), KML, CSV, FlatGeobuf, JSON.
// Every write is staged and moved into place whole (StagedOutput).
#include "layers/write/file_format.hpp"
#include "layers/model/layer.hpp"
#include "layers/style/qgis_style.hpp"

#include <filesystem>
#include <ostream>
#include <optional>
#include <string>
#include <vector>

namespace depmap::layers {

struct WriteOptions {
    // DEFAULT: from the file's extension.
    std::optional<FileFormat> format;
    // Output CRS, as crs_from_user_text reads it. DEFAULT: WGS84 lon/lat. RFC 7946
    // GeoJSON, GeoJSONSeq and KML are WGS84 by definition and refuse any other.
    std::string crs;
    // Decimals of GeoJSON coordinates. DEFAULT: 7 (about 1 cm).
    int precision = 7;
    // Replace an existing output (or, with append, a layer of the same name).
    bool overwrite = false;
    // GeoPackage only: add the layers to an existing package.
    bool append = false;
};

// Throws ArgumentError unless 0 <= decimals <= geo::max_exact_decimals.
void check_precision(int decimals);

// What can be checked of an output before any work (write_layers() checks it first too):
// the format (options.format, else the file's extension), the precision, the CRS (known,
// reachable from WGS84, and no other than WGS84 for a format that is WGS84 by definition),
// and a Shapefile's several files to a device or pipe. Throws ArgumentError, CrsError for a
// CRS PROJ does not know or reach, OutputError for the Shapefile.
void check_output(const std::filesystem::path& path, const WriteOptions& options);

// One layer to write: its features, its name in the file (DEFAULT: the file's stem)
// and, when given, its QGIS style: stored in a GeoPackage, and written beside a
// single-layer file as NAME.qml, which QGIS applies on open (DEFAULT: none).
struct OutputLayer {
    const Layer* layer;
    std::string name;
    std::optional<StyleOptions> style;
};

struct WriteReport {
    FileFormat format;
    std::vector<std::string> notes;  // what a user should know: shortened field names, ...
    std::vector<std::string> names;  // each layer's name in the file
    std::vector<std::string> styles; // each layer's .qml text (empty when not styled)
    std::vector<std::string> details; // for -v: which writer wrote what, when not the fast one
};

// Writes `layers` (one, or several for a GeoPackage) to `path`. Throws OutputError
// naming the file (and the field, row or limit) when the output cannot hold the data
// or cannot be written, ArgumentError for options the format cannot take; either way
// the destination is left as it was.
WriteReport write_layers(const std::vector<OutputLayer>& layers, const std::filesystem::path& path,
                         const WriteOptions& options);

inline WriteReport write_layer(const Layer& layer, const std::filesystem::path& path,
                               const WriteOptions& options, std::optional<StyleOptions> style = {}) {
    return write_layers({{&layer, {}, std::move(style)}}, path, options);
}

// The layer on `out` (standard output) in `options.format`, a text format (is_text_format):
// the bytes write_layer writes to a file of that format, written to a temporary file first.
// Throws ArgumentError for a format that is not text, OutputError as write_layer does.
void write_layer_to(const Layer& layer, std::ostream& out, const WriteOptions& options);

// The layer as GeoJSON on `out` (standard output), the bytes write_layer writes to a
// .geojson file: coordinates rounded to `precision` decimals, RFC 7946 (a geometry across
// the antimeridian split there), the same bboxes. Throws OutputError as write_layer does.
void write_geojson(const Layer& layer, std::ostream& out, int precision = 7);

} // namespace depmap::layers
