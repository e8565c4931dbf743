#pragma once
// `-` as a layer's source: standard input. It is read once, whole, into a memory file
// (a pipe cannot seek, and GDAL's readers seek), and read from there by the reader its
// content names: GeoJSON, a GeoJSON sequence (one feature a line, or RFC 8142's record
// separators), else delimited text through depmap's own CSV reader.
#include "layers/model/layer.hpp"
#include "layers/read/read_options.hpp"

#include <string>
#include <string_view>

namespace depmap::layers {

// The source text that names standard input.
inline constexpr std::string_view standard_input_source = "-";
// How messages and Layer::source name it.
inline constexpr std::string_view standard_input_name = "standard input";

enum class SniffedFormat { GeoJson, GeoJsonSeq, Csv };

// What the first bytes of `text` say it is.
SniffedFormat sniff_format(std::string_view text);

// Reads standard input as a layer. Throws InputError when it is a terminal, when it was
// already read (only one input can be `-`), and as the reader its content names does,
// with standard input named in place of the memory file.
Layer read_standard_input(const ReadOptions& options);

} // namespace depmap::layers
