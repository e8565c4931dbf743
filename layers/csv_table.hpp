#pragma once
// Delimited text split into a header and rows of cells (RFC 4180 quoting), without
// interpreting any value.
#include "layers/problems.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

struct CsvTable {
    char delimiter = ',';
    std::vector<std::string> header;
    std::vector<std::string_view> cells;  // row-major, header.size() per row
    std::vector<std::size_t> lines;       // the line where each row starts (1-based)

    std::size_t rows() const { return lines.size(); }
    std::string_view cell(std::size_t row, std::size_t column) const {
        return cells[row * header.size() + column];
    }
};

// Splits `text` (the whole file; its quoted cells are unescaped in place, so the
// table's views point into it) into a table. A UTF-8 byte order mark is dropped; the
// delimiter is whichever of `,` `;` tab occurs most in the header line. Throws
// InputError for text that is not UTF-8, an unterminated quote, or an empty file;
// a row whose cell count differs from the header's goes to `problems`.
CsvTable split_csv(std::string& text, const std::string& path, Problems& problems);

} // namespace depmap::layers
