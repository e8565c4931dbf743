#include "layers/read/csv_table.hpp"

#include "base/error.hpp"
#include "base/parallel.hpp"
#include "base/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>

namespace depmap::layers {

namespace {

// Offset of the first byte that is not valid UTF-8 or is a NUL (which would end a
// value early wherever it is handed on as a C string), or text.size().
std::size_t invalid_utf8_at(std::string_view text) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    std::size_t i = 0;
    while (i < text.size()) {
        // Eight ASCII bytes at a time: most of a CSV is ASCII. A byte of the word is
        // not ASCII, or a NUL, when its high bit ends up set in the test.
        if (i + 8 <= text.size()) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + i, 8);
            if (((word | ((word - ones) & ~word)) & highs) == 0) { i += 8; continue; }
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0) return i;
        if (c < 0x80) { ++i; continue; }
        std::size_t extra = 0;
        unsigned min_code = 0;
        if ((c & 0xE0) == 0xC0) { extra = 1; min_code = 0x80; }
        else if ((c & 0xF0) == 0xE0) { extra = 2; min_code = 0x800; }
        else if ((c & 0xF8) == 0xF0 && c <= 0xF4) { extra = 3; min_code = 0x10000; }
        else return i;
        if (i + extra >= text.size()) return i;  // truncated sequence
        unsigned code = c & (0x3F >> extra);
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return i;
            code = (code << 6) | (next & 0x3F);
        }
        if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
        i += extra + 1;
    }
    return text.size();
}

std::size_t line_of(std::string_view text, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

char detect_delimiter(std::string_view text) {
    constexpr std::array candidates{',', ';', '\t'};
    std::array<std::size_t, 3> counts{};
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (!quoted && (c == '\n' || c == '\r')) break;
        if (quoted) continue;
        for (std::size_t k = 0; k < candidates.size(); ++k) counts[k] += c == candidates[k];
    }
    const auto best = std::max_element(counts.begin(), counts.end()) - counts.begin();
    return candidates[static_cast<std::size_t>(best)];
}

bool is_blank(const std::vector<std::string_view>& cells) {
    return cells.size() == 1 && trimmed(cells[0]).empty();
}

// Reads records one by one from a buffer it may rewrite (to unescape quotes).
class Splitter {
public:
    // Splits text[start, end); `line` is the line number at `start`.
    Splitter(std::span<char> text, std::size_t start, std::size_t end, std::size_t line, char delimiter,
             const std::string& path)
        : m_text(text), m_pos(start), m_end(end), m_delimiter(delimiter), m_path(path), m_line(line) {}

    bool done() const { return m_pos >= m_end; }
    std::size_t line() const { return m_line; }
    std::size_t position() const { return m_pos; }

    // Replaces `cells` with the next record's cells.
    void next(std::vector<std::string_view>& cells) {
        cells.clear();
        for (;;) {
            cells.push_back(m_pos < m_end && m_text[m_pos] == '"' ? quoted() : plain());
            if (m_pos >= m_end) return;
            const char c = m_text[m_pos++];
            if (c == m_delimiter) continue;
            if (c == '\r' && m_pos < m_end && m_text[m_pos] == '\n') ++m_pos;
            ++m_line;
            return;
        }
    }

private:
    std::string_view plain() {
        const std::size_t start = m_pos;
        const std::size_t n = m_end;
        while (m_pos < n) {
            const char c = m_text[m_pos];
            if (c == m_delimiter || c == '\n' || c == '\r') break;
            ++m_pos;
        }
        return std::string_view(m_text.data() + start, m_pos - start);
    }

    std::string_view quoted() {
        const std::size_t start_line = m_line;
        const std::size_t start = m_pos;  // the unescaped cell is written from here on
        std::size_t out = start;
        ++m_pos;
        for (;;) {
            if (m_pos >= m_end)
                throw InputError(fmt::format("{}:{}: a quoted cell is never closed; add the "
                                             "closing \" or remove the opening one",
                                             m_path, start_line));
            const char c = m_text[m_pos++];
            if (c == '"') {
                if (m_pos < m_end && m_text[m_pos] == '"') { m_text[out++] = '"'; ++m_pos; continue; }
                break;
            }
            if (c == '\n') ++m_line;
            m_text[out++] = c;
        }
        if (m_pos < m_end) {
            const char c = m_text[m_pos];
            if (c != m_delimiter && c != '\n' && c != '\r')
                throw InputError(fmt::format("{}:{}: text after a closing quote; quote the whole "
                                             "cell and double the quotes inside it (\"\")",
                                             m_path, m_line));
        }
        return std::string_view(m_text.data() + start, out - start);
    }

    std::span<char> m_text;
    std::size_t m_pos;
    std::size_t m_end;
    char m_delimiter;
    const std::string& m_path;
    std::size_t m_line;
};

// The rows of one stretch of the file.
struct Rows {
    CsvTable::Block block;
    std::vector<std::pair<std::size_t, std::size_t>> ragged;  // (line, cell count)
    std::size_t invalid_utf8 = std::string_view::npos;       // offset in the file
    std::size_t end_line = 0;                                 // the line after the stretch
    bool not_plain = false;  // a quote or a lone \r: the stretch needs the general splitter
};

void reserve(CsvTable::Block& block, std::size_t width, std::size_t expected_rows) {
    block.columns.resize(width);
    for (auto& column : block.columns) column.reserve(expected_rows);
    block.lines.reserve(expected_rows);
}

Rows split_rows(Splitter splitter, std::size_t width, std::size_t expected_rows) {
    Rows rows;
    reserve(rows.block, width, expected_rows);
    std::vector<std::string_view> cells;
    while (!splitter.done()) {
        const std::size_t line = splitter.line();
        splitter.next(cells);
        if (is_blank(cells)) continue;
        if (cells.size() != width) {
            rows.ragged.emplace_back(line, cells.size());
            continue;
        }
        for (std::size_t c = 0; c < width; ++c) rows.block.columns[c].push_back(cells[c]);
        rows.block.lines.push_back(line);
    }
    return rows;
}

// The high bit of every byte of `word` equal to `c` (exact: no borrow crosses bytes).
std::uint64_t bytes_equal(std::uint64_t word, char c) {
    constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    const std::uint64_t x = word ^ (0x0101010101010101ULL * static_cast<unsigned char>(c));
    return ~(((x & low7) + low7) | x | low7);
}

// The rows of text[begin, end) when it holds no quote and no line end other than \n or
// \r\n: every line is a record, and its cells are views between delimiters, so they go
// straight into the table (the general splitter's work per cell is most of a load).
// Delimiters and line ends are found eight bytes at a time. Anything else sets
// not_plain and stops, as does `give_up` (set when another stretch was not plain).
Rows split_plain_rows(std::string_view text, std::size_t begin, std::size_t end, std::size_t line,
                      char delimiter, std::size_t width, std::size_t expected_rows,
                      std::atomic<bool>& give_up) {
    Rows rows;
    if (const auto bad = invalid_utf8_at(text.substr(begin, end - begin)); bad < end - begin) {
        rows.invalid_utf8 = begin + bad;
        return rows;
    }
    auto& columns = rows.block.columns;
    reserve(rows.block, width, expected_rows);
    const char* const stop = text.data() + end;
    const char* cell = text.data() + begin;
    std::size_t count = 0;  // cells of the current line so far
    const auto end_cell = [&](const char* cell_end) {
        if (count < width) columns[count].emplace_back(cell, static_cast<std::size_t>(cell_end - cell));
        ++count;
    };
    const auto end_line = [&](const char* line_end) {
        if (line_end > cell && line_end[-1] == '\r') --line_end;
        end_cell(line_end);
        if (count == width) {
            rows.block.lines.push_back(line);
        } else {
            const bool blank = count == 1 && trimmed(columns[0].back()).empty();
            for (std::size_t c = 0; c < std::min(count, width); ++c) columns[c].pop_back();
            if (!blank) rows.ragged.emplace_back(line, count);
        }
        ++line;
        count = 0;
    };
    const auto not_plain = [&] {
        give_up = true;
        Rows none;
        none.not_plain = true;
        return none;
    };
    const char* const first = text.data() + begin;
    for (const char* block = first; block < stop; block += 8) {
        std::uint64_t word = 0;  // the last block is padded with NULs, which match nothing
        std::memcpy(&word, block, std::min<std::size_t>(8, static_cast<std::size_t>(stop - block)));
        if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
        // Every 64 KiB: has another part met a quote?
        if (((block - first) & 0xFFFF) == 0 && give_up.load(std::memory_order_relaxed)) return not_plain();
        if (const auto special = bytes_equal(word, '"') | bytes_equal(word, '\r'); special != 0) {
            for (auto hits = special; hits != 0; hits &= hits - 1) {
                const char* hit = block + std::countr_zero(hits) / 8;
                if (*hit == '"' || hit + 1 == stop || hit[1] != '\n') return not_plain();
            }
        }
        for (auto hits = bytes_equal(word, delimiter) | bytes_equal(word, '\n'); hits != 0; hits &= hits - 1) {
            const char* hit = block + std::countr_zero(hits) / 8;
            if (*hit == delimiter) end_cell(hit);
            else end_line(hit);
            cell = hit + 1;
        }
    }
    if (cell < stop || count > 0) end_line(stop);  // a last line without a line end
    rows.end_line = line;
    return rows;
}

// The error for the byte at `offset` of `text`, whose first line is `first_line`.
InputError not_utf8(std::string_view text, std::size_t offset, std::size_t first_line, const std::string& path) {
    const std::size_t line = line_of(text, offset) + first_line - 1;
    if (text[offset] == '\0')
        return InputError(fmt::format("{}:{}: a NUL byte, which no value can hold; remove it "
                                      "(is the file text, and whole?)",
                                      path, line));
    return InputError(fmt::format("{}:{}: not UTF-8 text; convert the file to UTF-8 first "
                                  "(e.g. iconv -f GBK -t UTF-8 in.csv > out.csv)",
                                  path, line));
}

// The rows of text[body, end) into table.blocks when they hold no quote and no lone \r,
// and the number of the line after them; else nothing, and the table unchanged. `line`
// is the number of the line at `body`, `text_line` that of the line at text[0].
std::optional<std::size_t> split_plain_body(std::string_view text, std::size_t body, std::size_t line,
                                            std::size_t text_line, const std::string& path, CsvTable& table,
                                            Problems& problems) {
    const std::size_t width = table.header.size();
    const std::size_t guess = (text.size() - body) / 48 + 1;  // rows, for reserving

    // Without quotes a record ends at every line end, so a large body is cut at line ends
    // into parts read at once (each checking its own text), each counting its lines from
    // 0 until the parts before it are known. A quote anywhere stops them all.
    const std::size_t count = depmap::threads_for(text.size() - body, 1U << 20);
    std::vector<std::size_t> cuts{body};
    for (std::size_t k = 1; k < count; ++k) {
        const auto at = text.find('\n', std::max(cuts.back(), body + (text.size() - body) * k / count));
        cuts.push_back(at == text.npos ? text.size() : at + 1);
    }
    cuts.push_back(text.size());
    std::vector<Rows> parts(count);
    std::atomic<bool> not_plain{false};
    depmap::for_each_task(count, count, [&](std::size_t k) {
        parts[k] = split_plain_rows(text, cuts[k], cuts[k + 1], 0, table.delimiter, width, guess / count, not_plain);
    });
    if (not_plain) return std::nullopt;
    for (auto& part : parts) {
        for (auto& row_line : part.block.lines) row_line += line;
        for (auto& ragged : part.ragged) ragged.first += line;
        if (part.invalid_utf8 != std::string_view::npos) throw not_utf8(text, part.invalid_utf8, text_line, path);
        line += part.end_line;
    }
    for (auto& part : parts) {
        for (const auto& [ragged_line, cells] : part.ragged)
            problems.report_line(ragged_line, "wrong number of cells",
                                 fmt::format("{} cells, but the header has {}", cells, width));
        table.blocks.push_back(std::move(part.block));
    }
    return line;
}

} // namespace

CsvTable split_csv(std::span<char> bytes, const std::string& path, Problems& problems) {
    const std::string_view text(bytes.data(), bytes.size());
    const std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;

    CsvTable table;
    table.delimiter = detect_delimiter(text.substr(start));
    Splitter splitter(bytes, start, text.size(), 1, table.delimiter, path);
    std::vector<std::string_view> cells;
    while (!splitter.done()) {
        splitter.next(cells);
        if (!is_blank(cells)) break;
    }
    if (cells.empty() || is_blank(cells))
        throw InputError(fmt::format("{}: the file is empty; a CSV needs a header line naming "
                                     "its columns", path));
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::string name(trimmed(cells[i]));
        if (name.empty()) name = fmt::format("field_{}", i + 1);
        table.header.push_back(std::move(name));
    }

    const std::size_t width = table.header.size();
    const std::size_t body = splitter.position();
    if (const auto bad = invalid_utf8_at(text.substr(0, body)); bad < body) throw not_utf8(text, bad, 1, path);
    if (split_plain_body(text, body, splitter.line(), 1, path, table, problems)) return table;

    // A quote or a lone \r: the body is read again by the general splitter.
    if (const auto bad = invalid_utf8_at(text.substr(body)); bad < text.size() - body)
        throw not_utf8(text, body + bad, 1, path);
    Rows rows = split_rows(splitter, width, (text.size() - body) / 48 + 1);
    for (const auto& [line, count] : rows.ragged)
        problems.report_line(line, "wrong number of cells", fmt::format("{} cells, but the header has {}", count, width));
    table.blocks.push_back(std::move(rows.block));
    return table;
}

std::optional<std::size_t> split_csv_rows(std::span<char> bytes, std::size_t first_line, const std::string& path,
                                          CsvTable& table, Problems& problems) {
    table.blocks.clear();
    return split_plain_body(std::string_view(bytes.data(), bytes.size()), 0, first_line, first_line, path, table, problems);
}

} // namespace depmap::layers
