#include "layers/write/write_layer.hpp"

#include "base/error.hpp"
#include "layers/gdal/crs.hpp"
#include "layers/write/dbf_fields.hpp"
#include "geo/decimals.hpp"
#include "layers/write/fast_writers.hpp"
#include "layers/output/fd_output.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/style/gpkg_style.hpp"
#include "layers/write/hilbert_order.hpp"
#include "layers/write/joined_parts.hpp"
#include "layers/style/kml_styles.hpp"
#include "layers/output/memory_folder.hpp"
#include "layers/output/output_destination.hpp"
#include "layers/gdal/ogr_geometry.hpp"
#include "layers/write/ogr_write.hpp"
#include "layers/write/postgis_write.hpp"
#include "layers/text/reprojected.hpp"
#include "layers/output/staged_output.hpp"
#include "layers/output/temporaries.hpp"
#include "layers/text/text_output.hpp"
#include "layers/gdal/write_watch.hpp"
#include "base/parameter.hpp"

#include <boost/geometry/algorithms/num_points.hpp>
#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using Transform = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

// The output CRS and the transformation to it; no transformation for WGS84.
struct OutputCrs {
    OGRSpatialReference srs;
    Transform transform;
};

OutputCrs output_crs(const WriteOptions& options, const FormatTraits& format, const fs::path& path) {
    OutputCrs out{wgs84(), nullptr};
    if (options.crs.empty()) return out;
    out.srs = crs_from_user_text(options.crs);
    const auto source = wgs84();
    if (out.srs.IsSame(&source)) return out;
    if (format.wgs84_only)
        throw ArgumentError(fmt::format("{}: {} is WGS84 lon/lat by definition; for {} {} write a "
                                        "GeoPackage (.gpkg), Shapefile, FlatGeobuf or CSV",
                                        path.string(), format.name, parameter("crs"), options.crs));
    out.transform.reset(OGRCreateCoordinateTransformation(&source, &out.srs));
    if (!out.transform)
        throw CrsError(fmt::format("PROJ has no transformation from WGS84 to {} ({})", options.crs,
                                   gdal_error_or("unknown reason")));
    return out;
}

// JSON, and CSV: depmap's own text; a CSV in another CRS has X,Y columns (or WKT) in it.
void write_text(const Layer& layer, FileFormat format, OGRCoordinateTransformation* transform,
                const fs::path& staged, const fs::path& path) {
    std::optional<Reprojected> moved;
    if (transform) moved = reprojected(layer, *transform, path.string());
    CheckedFile out(staged, path.string());
    if (format == FileFormat::Json) write_json(layer, out.stream());
    else if (!moved) write_csv(layer, out.stream());
    else write_csv(layer, out.stream(), {"X", "Y", moved->points, moved->shapes});
    out.close();
}

void write_file(const fs::path& file, const std::string& contents, const fs::path& path) {
    write_whole_file(file, contents, fmt::format("{} ({} beside it)", path.string(), file.filename().string()));
}

std::string csv_cell(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

// A Shapefile's rules: one geometry type, dBASE names and widths, 255 fields, 2 GB.
std::vector<DbfField> shapefile_fields(const Layer& layer, OGRwkbGeometryType type, const fs::path& path,
                                       const fs::path& staged, WriteReport& report) {
    if (type == wkbNone)
        throw OutputError(fmt::format("{}: the answer has no geometry; write it as CSV, JSON or a "
                                      "GeoPackage", path.string()));
    if (type == wkbUnknown)
        throw OutputError(fmt::format("{}: the layer mixes geometry types and a Shapefile holds one; write "
                                      "a GeoPackage (.gpkg) or FlatGeobuf (.fgb), which hold several", path.string()));
    auto fields = plan_dbf_fields(layer, path.string());
    std::uint64_t record = 1, vertices = 0, parts = 0;
    for (const auto& field : fields) record += static_cast<std::uint64_t>(field.width);
    for (const auto& shape : layer.shapes)
        std::visit([&](const auto& s) {
            parts += s.size();
            vertices += boost::geometry::num_points(s);
        }, shape);
    const std::uint64_t dbf_bytes = 32 + 32 * fields.size() + 1 + record * layer.size();
    const std::uint64_t shp_bytes = 100 + (layer.is_points() ? 28 * layer.size()
                                                             : 52 * layer.size() + 4 * parts + 16 * vertices);
    constexpr std::uint64_t limit = (std::uint64_t{1} << 31) - 1;
    if (dbf_bytes > limit || shp_bytes > limit)
        throw OutputError(fmt::format("{}: would be {:.1f} GB, past a Shapefile's 2 GB; write a GeoPackage "
                                      "(.gpkg) or FlatGeobuf (.fgb)", path.string(),
                                      static_cast<double>(std::max(dbf_bytes, shp_bytes)) / 1e9));
    std::string mapping = "field,shapefile_field\n";
    bool renamed = false;
    for (std::size_t f = 0; f < fields.size(); ++f) {
        mapping += csv_cell(layer.fields[f].name) + "," + csv_cell(fields[f].name) + "\n";
        if (fields[f].name == layer.fields[f].name) continue;
        renamed = true;
        report.notes.push_back(fmt::format("field '{}' is '{}' in the Shapefile (10-character names)",
                                           layer.fields[f].name, fields[f].name));
    }
    if (renamed) {
        auto file = staged;
        write_file(file.replace_extension(".fields.csv"), mapping, path);
        report.notes.push_back(fmt::format("the field names are mapped in {}",
                                           fs::path(path).replace_extension(".fields.csv").string()));
    }
    return fields;
}

// Whether a layer may be held twice over in memory while it is written: GDAL's files it
// seeks about in (/vsimem/), or a copy of the layer in another row order. Points only,
// under 1 GB at about what a point feature takes in a binary format.
// A format's most fields, checked before anything is written: SQLite's 2,000 columns
// (the fid and geometry among them), dBASE's 255, FlatGeobuf's 65,535.
void check_field_count(const Layer& layer, FileFormat format, const fs::path& path) {
    const std::size_t geometry = layer.has_geometry() ? 1 : 0;
    std::size_t most = 0;
    std::string_view rule;
    switch (format) {
    case FileFormat::GeoPackage: most = 2000 - 1 - geometry; rule = "a GeoPackage table has at most 2,000 columns"; break;
    case FileFormat::Shapefile: most = 255; rule = "a Shapefile's dBASE table has at most 255"; break;
    case FileFormat::FlatGeobuf: most = 65535; rule = "FlatGeobuf has at most 65,535"; break;
    case FileFormat::PostGis: most = 1600 - 1 - geometry; rule = "a PostgreSQL table has at most 1,600 columns"; break;
    default: return;
    }
    if (layer.fields.size() > most)
        throw OutputError(fmt::format("{}: {} fields, but {}; keep fewer ({}) or write CSV or GeoJSON",
                                      path.string(), layer.fields.size(), rule, parameter("fields")));
}

bool fits_in_memory(const Layer& layer) {
    if (!layer.is_points()) return false;
    std::size_t bytes = 64;
    for (const auto& column : layer.columns) bytes += column.type() == FieldType::String ? column.average_text_bytes() + 4 : 8;
    return layer.size() * bytes < (std::size_t{1} << 30);
}

std::vector<std::string> creation_options(FileFormat format, const Layer& layer, const WriteOptions& options,
                                          const fs::path& path, bool joined) {
    switch (format) {
    // The coordinates come rounded to options.precision decimals (OgrLayerSpec::decimals),
    // and GDAL is given spare digits to print each as exactly that (decimals.hpp).
    // Points carry no bbox of their own (it would repeat the point); the collection's
    // is written with the parts' join (or by GDAL, unjoined).
    case FileFormat::GeoJson:
        return {"RFC7946=YES", layer.is_points() && joined ? "WRITE_BBOX=NO" : "WRITE_BBOX=YES", "WRITE_NAME=NO",
                fmt::format("COORDINATE_PRECISION={}", options.precision + geo::spare_decimals)};
    case FileFormat::GeoJsonSeq:
        return {path.extension() == ".geojsons" ? "RS=YES" : "RS=NO",
                fmt::format("COORDINATE_PRECISION={}", options.precision + geo::spare_decimals)};
    case FileFormat::Shapefile: return {"ENCODING=UTF-8", "RESIZE=NO"};
    case FileFormat::GeoPackage: {
        // The FID column must not take a field's name.
        std::string fid = "fid";
        while (layer.field_index(fid)) fid += "_";
        return {"SPATIAL_INDEX=NO", "FID=" + fid};
    }
    // GDAL writes the features to a temporary file, then copies them in index order:
    // in memory that is one seek and read less per feature (for points under 1 GB).
    case FileFormat::FlatGeobuf:
        if (fits_in_memory(layer))
            return {"SPATIAL_INDEX=YES", "TEMPORARY_DIR=/vsimem/"};
        return {"SPATIAL_INDEX=YES"};
    case FileFormat::PostGis:  // postgis_write.cpp
    case FileFormat::Csv:  // depmap's own text (text_output.hpp)
    case FileFormat::Kml:
    case FileFormat::Html:  // layers/webmap/
    case FileFormat::Json: return {};
    }
    return {};
}

// The QGIS style of a layer as written: fields by the names the file gave them.
std::string style_of(const OutputLayer& output, const std::vector<DbfField>& dbf) {
    if (!output.style) return {};
    auto options = *output.style;
    for (std::size_t f = 0; f < dbf.size(); ++f)
        if (dbf[f].name != output.layer->fields[f].name) options.written_names[output.layer->fields[f].name] = dbf[f].name;
    return qml_style(*output.layer, options);
}

Dataset open_output(const FormatTraits& format, const fs::path& staged, bool existing, const fs::path& path) {
    GdalErrorTrap trap;
    if (existing) {
        Dataset dataset(GDALDataset::Open(staged.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        if (!dataset)
            throw OutputError(fmt::format("{}: cannot add to it ({}); is it a GeoPackage?", path.string(),
                                          trap.caught() ? trap.first() : "GDAL cannot open it"));
        return dataset;
    }
    auto* driver = GetGDALDriverManager()->GetDriverByName(std::string(format.driver).c_str());
    if (driver == nullptr)
        throw OutputError(fmt::format("{}: this GDAL has no {} driver", path.string(), format.driver));
    Dataset dataset(driver->Create(staged.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset)
        throw OutputError(fmt::format("{}: cannot create it ({})", path.string(),
                                      trap.caught() ? trap.first() : "GDAL refused"));
    return dataset;
}

// The layer name in the file; a Shapefile's is its file name.
std::string layer_name(const OutputLayer& layer, FileFormat format, const fs::path& path) {
    if (format == FileFormat::Shapefile || layer.name.empty()) return path.stem().string();
    return layer.name;
}

void replace_existing_layer(GDALDataset& dataset, const std::string& name, bool overwrite, const fs::path& path) {
    for (int i = 0; i < dataset.GetLayerCount(); ++i) {
        if (name != dataset.GetLayer(i)->GetName()) continue;
        if (!overwrite)
            throw OutputError(fmt::format("{}: already has a layer '{}'; pass {} to replace it, "
                                          "or name another with {}", path.string(), name,
                                          parameter("overwrite"), parameter("output_layer")));
        if (dataset.DeleteLayer(i) != OGRERR_NONE)
            throw OutputError(fmt::format("{}: cannot replace its layer '{}' ({})", path.string(), name,
                                          gdal_error_or("GDAL refused")));
        drop_qgis_styles(dataset, name);  // QGIS would dress the new layer in the old one's
        return;
    }
}

// Reopens what was written and counts its features: a file GDAL cannot read back
// whole is a failed write.
void check_written(const fs::path& staged, const std::vector<OutputLayer>& layers,
                   const std::vector<std::string>& names, const fs::path& path) {
    Dataset dataset(GDALDataset::Open(staged.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    for (std::size_t i = 0; dataset && i < layers.size(); ++i) {
        auto* layer = dataset->GetLayerByName(names[i].c_str());
        const auto expected = static_cast<GIntBig>(layers[i].layer->size());
        if (layer == nullptr || layer->GetFeatureCount(TRUE) != expected)
            throw OutputError(fmt::format("{}: reading it back found {} features of {} in '{}'; the destination "
                                          "was left as it was", path.string(),
                                          layer ? layer->GetFeatureCount(TRUE) : 0, expected, names[i]));
    }
    if (!dataset) throw OutputError(fmt::format("{}: GDAL cannot read back what was written", path.string()));
}

// GeoJSON points and KML are written in parts and joined (joined_parts.hpp).
std::optional<JoinedFormat> joined_format(FileFormat format, const std::vector<OutputLayer>& layers, bool existing) {
    if (layers.size() != 1 || existing) return std::nullopt;
    if (format == FileFormat::Kml) return JoinedFormat::Kml;
    if (format == FileFormat::GeoJson && layers.front().layer->is_points()) return JoinedFormat::GeoJson;
    return std::nullopt;
}

// A point collection's "bbox" member, its corners rounded as its coordinates are.
std::string geojson_bbox(const Layer& layer, int precision) {
    const auto box = layer.extent();
    if (box.empty()) return {};
    const auto round = [precision](double value) { return geo::rounded_to_decimals(value, precision); };
    return fmt::format("[ {}, {}, {}, {} ]", round(box.min_lon_deg), round(box.min_lat_deg), round(box.max_lon_deg),
                       round(box.max_lat_deg));
}

// GeoJSON points and KML: GDAL writes parts on all cores, joined after (joined_parts.hpp).
// Answers false, having written nothing, when the parts are not in the layout it knows.
bool write_in_parts(const Layer& layer, const OgrLayerSpec& spec, JoinedFormat joined, const OGRSpatialReference& crs,
                    const WriteOptions& options, const WriteWatch& watch, const fs::path& staged, const fs::path& path) {
    const auto& format = traits(joined == JoinedFormat::Kml ? FileFormat::Kml : FileFormat::GeoJson);
    const std::optional<KmlStyles> styles =
        joined == JoinedFormat::Kml ? std::optional<KmlStyles>(layer) : std::nullopt;
    std::mutex crs_copy;
    const auto write_part = [&](const fs::path& part, std::span<const std::size_t> rows) {
        auto part_spec = spec;
        part_spec.row_order.assign(rows.begin(), rows.end());
        std::unique_ptr<OGRSpatialReference> srs;
        {
            const std::lock_guard lock(crs_copy);  // an OGRSpatialReference is not to be shared by threads
            srs.reset(crs.Clone());
        }
        part_spec.crs = srs.get();
        auto dataset = open_output(format, watch.path_for(part), false, path);
        write_ogr_layer(*dataset, layer, part_spec, path.string());
        GdalErrorTrap trap;
        dataset.reset();
        watch.check(path.string());  // a short part is a full disk, not a layout of its own
        if (trap.caught()) throw OutputError(fmt::format("{}: {}", path.string(), trap.first()));
    };
    JoinOptions join;
    join.format = joined;
    if (joined == JoinedFormat::GeoJson) join.geojson_bbox = geojson_bbox(layer, options.precision);
    if (styles) join.kml_styles = &*styles;
    return write_joined_parts(layer.size(), staged, join, write_part, path.string());
}

// SQLite's own words for a full disk (SQLITE_FULL), in GDAL's messages about a GeoPackage.
bool says_disk_full(const std::string& message) { return message.find("database or disk is full") != std::string::npos; }

// Every layer through GDAL's own writer, into one dataset.
template <typename SpecFor>
void write_with_gdal(const std::vector<OutputLayer>& layers, const SpecFor& spec_for, const FormatTraits& t,
                     FileFormat format, bool existing, const WriteOptions& options, const WriteWatch& watch,
                     const StagedOutput& stage, WriteReport& report, const fs::path& path) {
    std::vector<OgrLayerSpec> specs;
    for (const auto& output : layers) specs.push_back(spec_for(output));
    // A Shapefile of points is written in memory first (memory_folder.hpp); a GeoPackage
    // is not watched (write_watch.hpp): SQLite reports a full disk itself.
    std::optional<MemoryFolder> memory;
    if (format == FileFormat::Shapefile && fits_in_memory(*layers.front().layer)) memory.emplace();
    const fs::path target = memory ? fs::path(memory->file(stage.staged().filename().string()))
                            : format == FileFormat::GeoPackage ? stage.staged()
                                                               : fs::path(watch.path_for(stage.staged()));
    auto dataset = open_output(t, target, existing, path);
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& output = layers[i];
        auto& spec = specs[i];
        if (existing) replace_existing_layer(*dataset, spec.name, options.overwrite, path);
        // Rows in an order of their own (FlatGeobuf's curve) are gathered into it first,
        // on all cores: GDAL's one thread then reads them in sequence, not a cache
        // miss a row (0.6 s of a million points' 6 s).
        std::optional<Layer> ordered;
        if (!spec.row_order.empty() && fits_in_memory(*output.layer)) {
            ordered = output.layer->subset(spec.row_order);
            spec.row_order.clear();
        }
        for (auto& detail : write_ogr_layer(*dataset, ordered ? *ordered : *output.layer, spec, path.string()))
            report.details.push_back(std::move(detail));
        report.names.push_back(spec.name);
        report.styles.push_back(style_of(output, spec.dbf));
        if (format == FileFormat::GeoPackage && output.style)
            store_qgis_style(*dataset, spec.name, report.styles.back());
    }
    {
        GdalErrorTrap trap;
        dataset.reset();  // closing flushes: its failures are write failures
        watch.check(path.string());
        if (trap.caught()) throw OutputError(fmt::format("{}: {}", path.string(), trap.first()));
    }
    if (memory) memory->copy_to(stage.staged().parent_path(), path.string());
    if (format == FileFormat::GeoPackage || format == FileFormat::Shapefile || format == FileFormat::FlatGeobuf)
        check_written(stage.staged(), layers, report.names, path);
}

} // namespace

void check_precision(int decimals) {
    if (decimals < 0 || decimals > geo::max_exact_decimals)
        throw ArgumentError(fmt::format("{} {}: give 0 to {} decimals ({} is about 11 µm; GDAL's GeoJSON "
                                        "writer prints no more exactly); for every digit write a GeoPackage, "
                                        "FlatGeobuf or CSV", parameter("precision"), decimals,
                                        geo::max_exact_decimals, geo::max_exact_decimals));
}

void check_output(const fs::path& path, const WriteOptions& options) {
    ensure_gdal();
    const auto format = options.format ? *options.format : format_for_path(path);
    check_precision(options.precision);
    output_crs(options, traits(format), path);
    if (format == FileFormat::Shapefile && resolve_destination(path).stream)
        throw OutputError(fmt::format("{}: a Shapefile is several files (.shp, .shx, .dbf), which a device or "
                                      "pipe cannot take; write it to a file, or stream a GeoPackage or GeoJSON",
                                      path.string()));
}

WriteReport write_layers(const std::vector<OutputLayer>& layers, const fs::path& path, const WriteOptions& options) {
    ensure_gdal();
    const auto format = options.format ? *options.format : format_for_path(path);
    const auto& t = traits(format);
    if (layers.empty()) throw std::invalid_argument("write_layers: no layer");
    if (format == FileFormat::Html)
        throw ArgumentError(fmt::format("{}: an HTML map is drawn of a command's answer, not written as a data "
                                        "file; write this one as GeoJSON, CSV or a GeoPackage", path.string()));
    if (format == FileFormat::PostGis) {
        check_output(path, options);
        for (const auto& output : layers) check_field_count(*output.layer, format, path);
        const auto crs = output_crs(options, t, path);
        return write_postgis(layers, path.string(), options, crs.srs, crs.transform.get());
    }
    if ((layers.size() > 1 || options.append) && format != FileFormat::GeoPackage)
        throw ArgumentError(fmt::format("{}: only a GeoPackage (.gpkg) holds several layers", path.string()));
    check_output(path, options);
    const auto crs = output_crs(options, t, path);

    StagedOutput stage(path, options.overwrite || options.append, t.sidecars, std::string(t.extensions.front()));
    const bool existing = options.append && fs::exists(path);
    if (existing) stage.copy_existing();
    WriteReport report{format, {}, {}, {}, {}};
    const WriteWatch watch(stage.staged().parent_path());

    // GeoJSON points and KML in parts (joined_parts.hpp), where depmap knows GDAL's layout.
    auto joined = joined_format(format, layers, existing);
    if (joined) {
        if (const auto refused = joined_parts_refused(); !refused.empty()) {
            report.details.push_back(fmt::format("written by GDAL's plain {} writer: {}", t.name, refused));
            joined.reset();
        }
    }
    const auto spec_for = [&](const OutputLayer& output) {
        const auto& layer = *output.layer;
        check_field_count(layer, format, path);
        OgrLayerSpec spec;
        spec.name = layer_name(output, format, path);
        spec.geometry_type = layer_geometry_type(layer);
        spec.crs = &crs.srs;
        spec.transform = crs.transform.get();
        spec.creation_options = creation_options(format, layer, options, path, joined.has_value());
        if (format == FileFormat::GeoPackage) {
            if (const auto refused = gpkg_rtree_refused(); refused.empty()) {
                spec.spatial_index_after = true;
            } else {
                std::replace(spec.creation_options.begin(), spec.creation_options.end(), std::string("SPATIAL_INDEX=NO"),
                             std::string("SPATIAL_INDEX=YES"));
                report.details.push_back(fmt::format("spatial index of '{}' built by GDAL: {}", spec.name, refused));
            }
        }
        if (format == FileFormat::FlatGeobuf && !crs.transform) spec.row_order = flatgeobuf_order(layer);
        if (format == FileFormat::GeoJson || format == FileFormat::GeoJsonSeq) spec.decimals = options.precision;
        if (format == FileFormat::Shapefile)
            spec.dbf = shapefile_fields(layer, spec.geometry_type, path, stage.staged(), report);
        if ((format == FileFormat::FlatGeobuf || format == FileFormat::Kml) && spec.geometry_type == wkbNone)
            throw OutputError(fmt::format("{}: the answer has no geometry; write it as CSV, JSON or a "
                                          "GeoPackage", path.string()));
        return spec;
    };

    try {
        if (t.driver.empty()) {
            write_text(*layers.front().layer, format, crs.transform.get(), stage.staged(), path);
        } else {
            if (joined) {
                const auto spec = spec_for(layers.front());
                if (write_in_parts(*layers.front().layer, spec, *joined, crs.srs, options, watch, stage.staged(), path)) {
                    report.names.push_back(spec.name);
                    report.styles.push_back(style_of(layers.front(), {}));
                } else {
                    report.details.push_back(fmt::format("written by GDAL's plain {} writer: GDAL {} writes it in a "
                                                         "layout depmap does not join", t.name,
                                                         GDALVersionInfo("RELEASE_NAME")));
                    joined.reset();
                }
            }
            if (!joined) write_with_gdal(layers, spec_for, t, format, existing, options, watch, stage, report, path);
        }
        watch.check(path.string());
    } catch (const OutputError& e) {
        watch.check(path.string());  // the failure under the driver's own
        if (says_disk_full(e.what())) throw OutputError(fmt::format("{}: {}", path.string(), std::strerror(ENOSPC)));
        throw;
    }
    if (report.styles.empty()) report.styles.push_back(style_of(layers.front(), {}));  // text formats
    if (layers.size() == 1 && !options.append && layers.front().style) {
        auto qml = stage.staged();
        write_file(qml.replace_extension(".qml"), report.styles.front(), path);
    }
    stage.commit();
    return report;
}

void write_layer_to(const Layer& layer, std::ostream& out, const WriteOptions& options) {
    const FileFormat format = options.format.value_or(FileFormat::GeoJson);
    const auto name = traits(format).name;
    if (!is_text_format(format))
        throw ArgumentError(fmt::format("{} is not text and cannot go to standard output; write it to a file", name));
    // Written as a file in a folder of its own under the system's temporary folder, then
    // copied: GDAL's writers and depmap's joined parts write files.
    const fs::path folder = temporary_path(fs::temp_directory_path() / name);
    register_temporary(folder);
    struct Remove {
        fs::path folder;
        ~Remove() {
            std::error_code ignored;
            fs::remove_all(folder, ignored);
            unregister_temporary(folder);
        }
    } remove{folder};
    std::error_code error;
    if (!fs::create_directory(folder, error))
        throw OutputError(fmt::format("{}: cannot make a temporary folder for {} on standard output: {}; "
                                      "set TMPDIR to a writable folder", folder.string(), name, error.message()));
    const fs::path file = folder / fmt::format("layer{}", traits(format).extensions.front());
    WriteOptions file_options = options;
    file_options.format = format;
    file_options.overwrite = false;
    file_options.append = false;
    write_layer(layer, file, file_options);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw OutputError(fmt::format("{}: cannot read back the {} just written", file.string(), name));
    if (in.peek() != std::ifstream::traits_type::eof()) out << in.rdbuf();  // a failed `out` is its owner's to report
}

void write_geojson(const Layer& layer, std::ostream& out, int precision) {
    WriteOptions options;
    options.format = FileFormat::GeoJson;
    options.precision = precision;
    write_layer_to(layer, out, options);
}

} // namespace depmap::layers
