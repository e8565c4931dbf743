#pragma once
// Commodity colours in KML. GDAL's KML driver writes no styles for points (its LIBKML
// driver does, but takes minutes for ten thousand placemarks with attributes), so the
// styles are added to what the KML driver wrote: one shared <Style> per commodity in
// the Document, and a <styleUrl> in each Placemark, in feature order.
#include "layers/layer.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

// The style of every placemark of a layer, worked out once (on all cores) for all the
// parts a KML is written in.
class KmlStyles {
public:
    // None for a layer without a commodity field or not of points.
    explicit KmlStyles(const Layer& layer);

    bool empty() const { return m_ids.empty(); }
    // One <Style> element per commodity the layer uses, for the Document.
    const std::string& shared() const { return m_shared; }
    // The style id of a row's placemark.
    std::string_view id(std::size_t row) const { return m_ids[m_row_style[row]]; }

private:
    std::vector<std::string> m_ids;
    std::vector<std::uint8_t> m_row_style;  // into m_ids
    std::string m_shared;
};

// Adds the styles to `kml`, written by GDAL's KML driver from `rows` of the layer, in
// place. Does nothing when `styles` is empty. Throws OutputError.
void add_kml_styles(const std::filesystem::path& kml, const KmlStyles& styles, std::span<const std::size_t> rows,
                    const std::string& path);

} // namespace depmap::layers
