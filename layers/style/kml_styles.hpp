#pragma once
// Commodity colours in KML. GDAL's KML driver writes no styles for points (its LIBKML
// driver does, but takes minutes for ten thousand placemarks with attributes), so the
// styles are added to what the KML driver wrote: one shared <Style> per commodity in
// the Document, and a <styleUrl> in each Placemark, in feature order (as the parts of a
// KML are joined, joined_parts.hpp).
#include "layers/model/layer.hpp"

#include <cstdint>
#include <functional>
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

    bool empty() const { return m_lines.empty(); }

    // `head`, GDAL's text before its placemarks, with one <Style> element per commodity
    // the layer uses after its <Document> line.
    std::string with_shared_styles(std::string_view head, const std::string& path) const;
    // The bytes the placemarks of `rows` grow by when styled.
    std::size_t added_bytes(std::span<const std::size_t> rows) const;
    // Passes `placemarks`, as GDAL's KML driver wrote them for `rows` (in order), to
    // `write` in pieces, with each placemark's <styleUrl> inserted where KML orders it.
    // Throws OutputError naming `path` unless there is one placemark per row.
    void style(std::string_view placemarks, std::span<const std::size_t> rows,
               const std::function<void(std::string_view)>& write, const std::string& path) const;

private:
    std::vector<std::string> m_lines;        // a <styleUrl> line per style
    std::vector<std::uint8_t> m_row_style;  // into m_lines
    std::string m_shared;
};

} // namespace depmap::layers
