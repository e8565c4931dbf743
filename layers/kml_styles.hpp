#pragma once
// Commodity colours in KML. GDAL's KML driver writes no styles for points (its LIBKML
// driver does, but takes minutes for ten thousand placemarks with attributes), so the
// styles are added to what the KML driver wrote: one shared <Style> per commodity in
// the Document, and a <styleUrl> in each Placemark, in feature order.
#include "layers/layer.hpp"

#include <filesystem>
#include <span>

namespace depmap::layers {

// Adds the styles to `kml`, written by GDAL's KML driver from `rows` of `layer`, in
// place. Does nothing for a layer without a commodity field or not of points. Throws
// OutputError.
void add_kml_styles(const std::filesystem::path& kml, const Layer& layer, const std::string& path,
                    std::span<const std::size_t> rows);

} // namespace depmap::layers
