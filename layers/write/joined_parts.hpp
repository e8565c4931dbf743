#pragma once
// A large layer written to GeoJSON or KML through GDAL on all cores. GDAL's writers for
// these formats take one core and most of an export's time, so the rows are cut into
// consecutive parts, GDAL writes each part to its own file at once, and the parts'
// feature lists are joined, in order, under the first part's header: each part is
// copied by its own thread to its place in the file, known from the parts' sizes. What
// GDAL writes for each feature is untouched (KML placemarks gain their style). The join
// knows GDAL 3.6's layout (fast_writers.hpp) and checks every part has it, the first
// part to its feature count; a part in another layout is not joined.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <span>
#include <string>

namespace depmap::layers {

class KmlStyles;

enum class JoinedFormat { GeoJson, Kml };

struct JoinOptions {
    JoinedFormat format = JoinedFormat::GeoJson;
    std::string geojson_bbox;              // the FeatureCollection's "bbox" member, when not empty
    const KmlStyles* kml_styles = nullptr;  // commodity styles for the placemarks, when given
};

// Writes rows [0, rows) to `file`: `write_part(part_file, part_rows)` writes one part
// with GDAL (it is called from several threads at once, each with its own file).
// `path` names the destination in errors. Answers false, having written nothing, when a
// part is not in the layout the join knows: GDAL's plain writer is to write the file then.
// Throws OutputError.
bool write_joined_parts(std::size_t rows, const std::filesystem::path& file, const JoinOptions& options,
                        const std::function<void(const std::filesystem::path&, std::span<const std::size_t>)>& write_part,
                        const std::string& path);

} // namespace depmap::layers
