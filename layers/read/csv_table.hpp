#pragma once
// Delimited text split into a header and rows of cells (RFC 4180 quoting), without
// interpreting any value.
#include "layers/read/problems.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

struct CsvTable {
    char delimiter = ',';
    std::vector<std::string> header;

    // Rows in consecutive blocks: the parts of a large file are split at once and kept
    // as they came rather than copied into one array. Cells are kept by column, as
    // they are read: a column's cells are contiguous.
    struct Block {
        std::vector<std::vector<std::string_view>> columns;  // header.size() columns
        std::vector<std::size_t> lines;                      // the line where each row starts (1-based)
    };
    std::vector<Block> blocks;

    std::size_t rows() const {
        std::size_t n = 0;
        for (const auto& block : blocks) n += block.lines.size();
        return n;
    }
    std::string_view cell(std::size_t row, std::size_t column) const {
        const Block& block = block_of(row);
        return block.columns[column][row];
    }
    std::size_t line(std::size_t row) const {
        const Block& block = block_of(row);
        return block.lines[row];
    }

    // Calls f(row, block, i) for the rows [begin, end) in order, where i is the row's
    // index in its block (cells are block.columns[column][i]), while f returns true.
    // Returns false when f stopped it. A loop over many rows finds each block once.
    template <typename F>
    bool for_rows(std::size_t begin, std::size_t end, F&& f) const {
        std::size_t first = 0;  // the row number of the block's first row
        for (const auto& block : blocks) {
            const std::size_t size = block.lines.size();
            for (std::size_t row = std::max(begin, first); row < std::min(end, first + size); ++row)
                if (!f(row, block, row - first)) return false;
            first += size;
            if (first >= end) break;
        }
        return true;
    }

private:
    // The block holding `row`, which becomes the row's index in it.
    const Block& block_of(std::size_t& row) const {
        for (const auto& block : blocks) {
            if (row < block.lines.size()) return block;
            row -= block.lines.size();
        }
        return blocks.back();
    }
};

// Splits `text` (the whole file; its quoted cells are unescaped in place, so the
// table's views point into it) into a table. A UTF-8 byte order mark is dropped; the
// delimiter is whichever of `,` `;` tab occurs most in the header line. Throws
// InputError for text that is not UTF-8 or holds a NUL byte, an unterminated quote,
// or an empty file; a row whose cell count differs from the header's goes to `problems`.
CsvTable split_csv(std::span<char> text, const std::string& path, Problems& problems);

// Splits a further stretch of a file whose header (and delimiter) `table` holds, its
// first line numbered `first_line`, into table.blocks in place of the rows it held; the
// stretch ends after a line end, or at the end of the file. Returns the number of the
// line after it; nothing, and no rows, when it holds a quote or a lone \r, which only
// split_csv over the whole file can read (a quoted cell may hold line ends).
std::optional<std::size_t> split_csv_rows(std::span<char> text, std::size_t first_line, const std::string& path,
                                          CsvTable& table, Problems& problems);

} // namespace depmap::layers
