#pragma once
// The image formats depmap draws maps in.
#include <filesystem>

namespace depmap::layers {

enum class ImageFormat { Png, Svg, Pdf };

// The format a file name's extension names (.png, .svg, .pdf, any case). Throws
// ArgumentError naming `output`.
ImageFormat image_format(const std::filesystem::path& path);

// Whether a file name's extension names an image format, so an answer goes to a map.
bool is_image_path(const std::filesystem::path& path);

} // namespace depmap::layers
