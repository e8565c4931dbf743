#include "layers/render/image_format.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace depmap::layers {

ImageFormat image_format(const std::filesystem::path& path) {
    auto extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (extension == ".png") return ImageFormat::Png;
    if (extension == ".svg") return ImageFormat::Svg;
    if (extension == ".pdf") return ImageFormat::Pdf;
    throw ArgumentError(fmt::format("{} {}: a map is written as .png, .svg or .pdf", parameter("output"),
                                    path.string()));
}

} // namespace depmap::layers
