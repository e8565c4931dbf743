#pragma once
// The file formats depmap writes, and what each of them can hold.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

// PostGis: a table of a PostgreSQL database, `PG:dbname=... host=...` (postgis_write.hpp).
// Html: an interactive web map of the layer over the base map (layers/webmap/html_map.hpp),
// which write_layers() does not write.
enum class FileFormat { GeoJson, GeoJsonSeq, Shapefile, GeoPackage, Kml, Csv, FlatGeobuf, Json, PostGis, Html };

struct FormatTraits {
    FileFormat format;
    std::string_view name;         // as users name it with --format
    std::string_view driver;       // the GDAL driver that writes it; empty: depmap's own
    std::vector<std::string_view> extensions;
    std::vector<std::string> sidecars;  // other files it may write beside the main one
    bool wgs84_only;               // RFC 7946 GeoJSON and KML are lon/lat by definition
};

const FormatTraits& traits(FileFormat format);

// The format of a file by its extension (.geojson, .shp, .gpkg, ...), or PostGis for `PG:...`. Throws
// ArgumentError listing the extensions depmap writes.
FileFormat format_for_path(const std::filesystem::path& path);
// The format of an output file: by its extension, else `fallback` when given. Throws
// ArgumentError as format_for_path() when neither says it.
FileFormat output_format(const std::filesystem::path& path, std::optional<FileFormat> fallback);
// The format a user names ("gpkg", "GeoPackage", "shp", ...). Throws ArgumentError.
FileFormat format_named(std::string_view name);
// Whether the format is text, which can go to standard output (GeoJSON, GeoJSONSeq, KML,
// CSV, JSON, an HTML map), rather than binary or several files (GeoPackage, Shapefile, FlatGeobuf).
bool is_text_format(FileFormat format);
// "geojson, geojsonseq, shp, gpkg, kml, csv, fgb, json, postgis, html": for help texts.
std::string format_names();

} // namespace depmap::layers
