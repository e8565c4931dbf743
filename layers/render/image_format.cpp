#include "layers/render/image_format.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

namespace depmap::layers {

namespace {

std::optional<ImageFormat> format_of(const std::filesystem::path& path) {
    auto extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (extension == ".png") return ImageFormat::Png;
    if (extension == ".svg") return ImageFormat::Svg;
    if (extension == ".pdf") return ImageFormat::Pdf;
    return std::nullopt;
}

} // namespace

bool is_image_path(const std::filesystem::path& path) { return format_of(path).has_value(); }

ImageFormat image_format(const std::filesystem::path& path) {
    if (const auto format = format_of(path)) return *format;
    throw ArgumentError(fmt::format("{} {}: a map is written as .png, .svg or .pdf", parameter("output"),
                                    path.string()));
}

} // namespace depmap::layers
