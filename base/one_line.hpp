#pragma once
// Messages depmap prints are one line: GDAL's and PROJ's messages can run to many lines
// and megabytes (a whole SQL statement, a whole JSON document).
#include <cstddef>
#include <string>
#include <string_view>

namespace depmap {

// The first line of `text`, other control characters as spaces, cut to
// about `max_bytes` (at UTF-8 character boundaries), with " ... " where its middle, or its
// further lines, were left out.
std::string one_line(std::string_view text, std::size_t max_bytes = 300);

} // namespace depmap
