// The CSV splitter: any bytes give a table whose cells all lie inside the text and whose
// blocks hold one cell per column for every row, or an InputError.
#include "fuzz_support.hpp"
#include "base/error.hpp"
#include "layers/read/csv_table.hpp"

#include <vector>

using namespace depmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<char> text(data, data + size);
    layers::SkipReport report;
    layers::Problems problems("fuzz.csv", layers::OnError::Skip, report);
    try {
        const auto table = layers::split_csv(text, "fuzz.csv", problems);
        problems.finish();
        fuzz::check(!table.header.empty(), "a table has a header");
        const char* begin = text.data();
        const char* end = text.data() + text.size();
        std::size_t previous_line = 0;
        for (const auto& block : table.blocks) {
            fuzz::check(block.columns.size() == table.header.size(), "one column per header name");
            for (const auto& column : block.columns) {
                fuzz::check(column.size() == block.lines.size(), "one cell per row in every column");
                for (const auto cell : column)
                    fuzz::check(cell.empty() || (cell.data() >= begin && cell.data() + cell.size() <= end),
                                "cells lie inside the text");
            }
            for (const auto line : block.lines) {
                fuzz::check(line > previous_line, "rows in line order");
                previous_line = line;
            }
        }
        for (std::size_t row = 0; row < table.rows(); ++row) (void)table.cell(row, 0);
    } catch (const InputError&) {
    }
    return 0;
}
