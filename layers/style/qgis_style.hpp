#pragma once
// QGIS 3.22 layer styles (.qml) for depmap's layers, written beside an output file or
// stored in a GeoPackage (gpkg_style.hpp), so QGIS draws the layer the same way every
// time it opens it. README.md ("Styles") describes what each kind looks like.
#include "layers/model/layer.hpp"

#include <map>
#include <string>

namespace depmap::layers {

enum class StyleKind {
    Automatic,  // Points, Lines or Areas, from the layer's geometry
    Points,     // markers, categorised by primary commodity when there is a commodity field
    Lines,      // a plain line
    Areas,      // translucent fills (by commodity when there is a commodity field):
                // buffers, districts, catchments
    Outlines,   // outlines without fill, to draw over other layers: boundaries, divisions
    Grid,       // graduated fills on a numeric field: density grids
};

struct StyleOptions {
    // DEFAULT: Automatic.
    StyleKind kind = StyleKind::Automatic;
    // A numeric field that scales the markers of a point layer (--size-by); empty for
    // one size. DEFAULT: "".
    std::string size_by;
    // The numeric field a Grid is classed by. DEFAULT: "count".
    std::string grid_field = "count";
    // Label features by name (name and name_zh). DEFAULT: true.
    bool labels = true;
    // Field names as written where the output format changed them (Shapefile's ten
    // characters): depmap's name -> the file's name. DEFAULT: none.
    std::map<std::string, std::string> written_names;
};

// The .qml text (UTF-8). Points with a commodity field (commodities or commodity) are
// categorised on the first commodity listed: one category per value the layer holds,
// coloured from commodity_colours(), a "(none listed)" category for empty lists, and a
// catch-all "other" for commodities outside the vocabulary, so no feature is left
// undrawn. Throws ArgumentError when the kind does not fit the layer's geometry, the
// layer has no geometry, or size_by / grid_field is missing or not numeric.
std::string qml_style(const Layer& layer, const StyleOptions& options = {});

} // namespace depmap::layers
