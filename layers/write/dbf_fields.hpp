#pragma once
// How a layer's fields fit a Shapefile's dBASE table without losing a value: names of
// at most 10 bytes, unique; widths from the data; refusals where dBASE cannot hold it.
#include "layers/model/layer.hpp"

#include <string>
#include <vector>

namespace depmap::layers {

struct DbfField {
    std::string name;   // at most 10 bytes, unique regardless of case
    FieldType type;
    bool wide_integer;  // needs 64 bits
    int width;          // characters of the widest value
    int precision;      // decimals, for reals: enough for every value to read back the same
};

// dBASE limits, as GDAL's Shapefile driver applies them.
constexpr std::size_t dbf_max_fields = 255;
constexpr int dbf_max_width = 254;

// One DbfField per field of `layer`. Throws OutputError naming `path`, the field and
// the row when a value cannot be held (a text over 254 bytes, a number over 254
// characters), or when the layer has more than 255 fields.
std::vector<DbfField> plan_dbf_fields(const Layer& layer, const std::string& path);

// A name shortened to at most `bytes` bytes without cutting a UTF-8 character.
std::string shorten_utf8(std::string_view name, std::size_t bytes);

} // namespace depmap::layers
