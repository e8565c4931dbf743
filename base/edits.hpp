#pragma once
// How far apart two spellings are, for "did you mean ...?" (a commodity, a command, an
// option).
#include <cstddef>
#include <string_view>

namespace depmap {

// Letters to insert, delete, substitute or swap (two neighbours) to turn `a` into `b`
// (the optimal string alignment distance), byte by byte, case-sensitive.
std::size_t edits(std::string_view a, std::string_view b);

} // namespace depmap
