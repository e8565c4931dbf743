#pragma once
// How a library message names a parameter of the call that caused it: backquoted, as
// the options field that holds it (`src_crs`, `on_error`, `sum_fields`). The library
// never speaks of command-line flags; a front end rewrites these names into its own
// (the CLI: cli/parameter_flags.hpp, `src_crs` -> --src-crs).
#include <string>
#include <string_view>

namespace depmap {

inline std::string parameter(std::string_view name) {
    std::string quoted;
    quoted.reserve(name.size() + 2);
    return quoted.append("`").append(name).append("`");
}

} // namespace depmap
