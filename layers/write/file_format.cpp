#include "layers/write/file_format.hpp"

#include "base/text.hpp"
#include "base/error.hpp"
#include "base/parameter.hpp"
#include "layers/gdal/postgis_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace depmap::layers {

namespace {

const std::array<FormatTraits, 10>& all() {
    static const std::array<FormatTraits, 10> formats{{
        {FileFormat::GeoJson, "geojson", "GeoJSON", {".geojson"}, {}, true},
        {FileFormat::GeoJsonSeq, "geojsonseq", "GeoJSONSeq", {".geojsonl", ".geojsons"}, {}, true},
        {FileFormat::Shapefile, "shp", "ESRI Shapefile", {".shp"},
         {".shx", ".dbf", ".prj", ".cpg", ".qix", ".fields.csv", ".qml"}, false},
        {FileFormat::GeoPackage, "gpkg", "GPKG", {".gpkg"}, {".qml"}, false},
        {FileFormat::Kml, "kml", "KML", {".kml"}, {}, true},
        {FileFormat::Csv, "csv", "", {".csv"}, {}, false},
        {FileFormat::FlatGeobuf, "fgb", "FlatGeobuf", {".fgb"}, {".qml"}, false},
        {FileFormat::Json, "json", "", {".json"}, {}, true},
        {FileFormat::PostGis, "postgis", "PostgreSQL", {}, {}, false},
        {FileFormat::Html, "html", "", {".html", ".htm"}, {}, true},
    }};
    return formats;
}

} // namespace

const FormatTraits& traits(FileFormat format) {
    return *std::find_if(all().begin(), all().end(), [&](const auto& t) { return t.format == format; });
}

bool is_text_format(FileFormat format) {
    switch (format) {
    case FileFormat::GeoJson:
    case FileFormat::GeoJsonSeq:
    case FileFormat::Kml:
    case FileFormat::Csv:
    case FileFormat::Json:
    case FileFormat::Html: return true;
    case FileFormat::Shapefile:
    case FileFormat::GeoPackage:
    case FileFormat::FlatGeobuf:
    case FileFormat::PostGis: return false;
    }
    return false;
}

std::string format_names() {
    std::string names;
    for (const auto& t : all()) {
        if (!names.empty()) names += ", ";
        names += t.name;
    }
    return names;
}

FileFormat format_for_path(const std::filesystem::path& path) {
    if (is_postgis_source(path.string())) return FileFormat::PostGis;
    const auto extension = ascii_lower(path.extension().string());
    for (const auto& t : all())
        if (std::find(t.extensions.begin(), t.extensions.end(), extension) != t.extensions.end())
            return t.format;
    std::string known;
    for (const auto& t : all())
        for (const auto e : t.extensions) {
            if (!known.empty()) known += ' ';
            known += e;
        }
    throw ArgumentError(fmt::format("{}: cannot tell the format from its extension; use one of {} "
                                    "or give {}", path.string(), known, parameter("format")));
}

FileFormat output_format(const std::filesystem::path& path, std::optional<FileFormat> fallback) {
    try {
        return format_for_path(path);
    } catch (const ArgumentError&) {
        if (!fallback) throw;
        return *fallback;
    }
}

FileFormat format_named(std::string_view name) {
    const auto wanted = ascii_lower(name);
    for (const auto& t : all()) {
        if (wanted == t.name || wanted == ascii_lower(t.driver) || (!t.extensions.empty() && wanted == t.extensions.front().substr(1)))
            return t.format;
    }
    if (wanted == "shapefile") return FileFormat::Shapefile;
    if (wanted == "geopackage") return FileFormat::GeoPackage;
    if (wanted == "flatgeobuf") return FileFormat::FlatGeobuf;
    throw ArgumentError(fmt::format("{} {}: unknown; depmap writes {}", parameter("format"), name, format_names()));
}

} // namespace depmap::layers
