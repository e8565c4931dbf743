#pragma once
// The library names the parameters its messages speak of as `src_crs` (base/parameter.hpp);
// the command line speaks of flags. These rewrite one into the other.
#include <map>
#include <ostream>
#include <string>
#include <string_view>

namespace depmap::cli {

// Parameter name -> flag, for names that mean another flag in one place (a secondary
// input's `layer_name` is --polygon-layer-name).
using FlagNames = std::map<std::string, std::string, std::less<>>;

// `message` with each backquoted parameter the CLI knows replaced by its flag: `flags`
// first, then the flags every command shares (`src_crs` -> --src-crs). Other backquoted
// text is left as it is.
std::string with_flags(std::string_view message, const FlagNames& flags = {});

// Prints a library note ("note: ...") with its parameters as flags.
void print_note(std::ostream& err, std::string_view note, const FlagNames& flags = {});

// Every parameter name the shared table knows; a test checks that the library names no
// other.
const FlagNames& shared_flag_names();

} // namespace depmap::cli
