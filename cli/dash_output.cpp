#include "cli/dash_output.hpp"

#include "base/error.hpp"

#include <fmt/format.h>

namespace depmap::cli {

layers::FileFormat standard_output_format(std::optional<layers::FileFormat> given, const std::string& choices) {
    if (!given) throw ArgumentError(fmt::format("-o -: give the format for standard output with -f ({})", choices));
    if (!layers::is_text_format(*given))
        throw ArgumentError(fmt::format("-o -: {} is not text and cannot go to standard output; write it to a file "
                                        "(-o FILE{})", layers::traits(*given).name,
                                        layers::traits(*given).extensions.empty() ? "" : layers::traits(*given).extensions.front()));
    return *given;
}

} // namespace depmap::cli
