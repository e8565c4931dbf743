#include "layers/model/column.hpp"

#include "base/parallel.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <unordered_map>

namespace depmap::layers {

std::string_view to_string(FieldType type) {
    switch (type) {
    case FieldType::Integer: return "Integer";
    case FieldType::Real: return "Real";
    case FieldType::String: return "String";
    }
    return "String";
}

Column::Column(depmap::UnfilledVector<std::int64_t> values)
    : m_type(FieldType::Integer), m_null(values.size(), 0), m_integers(std::move(values)) {}

Column::Column(depmap::UnfilledVector<double> values)
    : m_type(FieldType::Real), m_null(values.size(), 0), m_reals(std::move(values)) {}

std::string_view Column::text(std::size_t row) const {
    if (m_interned) return m_codes[row] == no_value ? std::string_view() : std::string_view(m_values[m_codes[row]]);
    const std::size_t begin = row == 0 ? 0 : m_ends[row - 1];
    return std::string_view(m_chars.data() + begin, m_ends[row] - begin);
}

std::string Column::to_text(std::size_t row) const {
    if (is_null(row)) return {};
    switch (m_type) {
    case FieldType::Integer: return fmt::format("{}", m_integers[row]);
    case FieldType::Real: return fmt::format("{}", m_reals[row]);
    case FieldType::String: return std::string(text(row));
    }
    return {};
}

void Column::push_null() {
    m_null.push_back(1);
    switch (m_type) {
    case FieldType::Integer: m_integers.push_back(0); break;
    case FieldType::Real: m_reals.push_back(0.0); break;
    case FieldType::String:
        if (m_interned) m_codes.push_back(no_value);
        else m_ends.push_back(m_chars.size());
        break;
    }
}

void Column::push(std::int64_t value) {
    m_null.push_back(0);
    m_integers.push_back(value);
}

void Column::push(double value) {
    m_null.push_back(0);
    m_reals.push_back(value);
}

void Column::push(std::string_view value) {
    if (m_interned) stop_interning();
    m_null.push_back(0);
    m_chars.insert(m_chars.end(), value.begin(), value.end());
    m_ends.push_back(m_chars.size());
}

Column Column::gather(std::span<const std::size_t> rows) const {
    const std::size_t n = rows.size();
    Column out(m_type);
    out.m_null.resize(n);
    // Contiguous parts of the output, each copied by one thread. Rows come in any
    // order, so each loop asks for the memory of a row a few steps ahead of its use.
    constexpr std::size_t ahead = 16;
    const std::size_t parts = depmap::threads_for(n, 50000);
    const auto part_of = [&](std::size_t part) { return std::pair(n * part / parts, n * (part + 1) / parts); };
    const auto gather_values = [&](const auto& from, auto& to) {
        to.resize(n);
        depmap::for_each_task(parts, parts, [&](std::size_t part) {
            const auto [begin, end] = part_of(part);
            for (std::size_t i = begin; i < end; ++i) {
                if (i + ahead < end) __builtin_prefetch(&from[rows[i + ahead]]);
                out.m_null[i] = m_null[rows[i]];
                to[i] = from[rows[i]];
            }
        });
    };
    switch (m_type) {
    case FieldType::Integer: gather_values(m_integers, out.m_integers); break;
    case FieldType::Real: gather_values(m_reals, out.m_reals); break;
    case FieldType::String: {
        if (m_interned) {
            out.m_interned = true;
            out.m_values = m_values;
            gather_values(m_codes, out.m_codes);
            break;
        }
        // Each part notes where its rows' text begins and ends (ends relative to the
        // part), then, once every part's place in the buffer is known, copies its text.
        out.m_ends.resize(n);
        depmap::UnfilledVector<std::size_t> starts(n);
        std::vector<std::size_t> part_start(parts + 1, 0);
        depmap::for_each_task(parts, parts, [&](std::size_t part) {
            const auto [begin, end] = part_of(part);
            std::size_t bytes = 0;
            for (std::size_t i = begin; i < end; ++i) {
                if (i + ahead < end) __builtin_prefetch(&m_ends[rows[i + ahead]]);
                const std::size_t row = rows[i];
                out.m_null[i] = m_null[row];
                starts[i] = row == 0 ? 0 : m_ends[row - 1];
                bytes += m_ends[row] - starts[i];
                out.m_ends[i] = bytes;
            }
            part_start[part + 1] = bytes;
        });
        for (std::size_t part = 0; part < parts; ++part) part_start[part + 1] += part_start[part];
        out.m_chars.resize(part_start[parts]);
        depmap::for_each_task(parts, parts, [&](std::size_t part) {
            const auto [begin, end] = part_of(part);
            char* to = out.m_chars.data() + part_start[part];
            for (std::size_t i = begin; i < end; ++i) {
                if (i + ahead < end) __builtin_prefetch(m_chars.data() + starts[i + ahead]);
                const std::size_t length = out.m_ends[i] - (i == begin ? 0 : out.m_ends[i - 1]);
                if (length == 0) continue;  // all-empty text has no buffer: data() may be null
                std::memcpy(to, m_chars.data() + starts[i], length);
                to += length;
            }
            for (std::size_t i = begin; i < end; ++i) out.m_ends[i] += part_start[part];
        });
        break;
    }
    }
    return out;
}

void Column::reserve(std::size_t rows, std::size_t text_bytes) {
    m_null.reserve(rows);
    m_chars.reserve(text_bytes);
    switch (m_type) {
    case FieldType::Integer: m_integers.reserve(rows); break;
    case FieldType::Real: m_reals.reserve(rows); break;
    case FieldType::String:
        if (m_interned) m_codes.reserve(rows);
        else m_ends.reserve(rows);
        break;
    }
}

std::size_t Column::average_text_bytes() const {
    if (!m_interned) return m_ends.empty() ? 0 : m_chars.size() / m_ends.size() + 1;
    std::size_t bytes = 0;
    for (const auto code : m_codes) bytes += code == no_value ? 0 : m_values[code].size();
    return m_codes.empty() ? 0 : bytes / m_codes.size() + 1;
}

void Column::append(const Column& other) {
    m_null.insert(m_null.end(), other.m_null.begin(), other.m_null.end());
    switch (m_type) {
    case FieldType::Integer: m_integers.insert(m_integers.end(), other.m_integers.begin(), other.m_integers.end()); break;
    case FieldType::Real: m_reals.insert(m_reals.end(), other.m_reals.begin(), other.m_reals.end()); break;
    case FieldType::String: append_text(other); break;
    }
}

void Column::append_text(const Column& other) {
    const std::size_t rows = other.m_null.size();
    if (other.m_interned && !m_interned && m_chars.empty()) {  // no text so far: interned too
        m_codes.reserve(m_ends.capacity());
        m_codes.assign(m_ends.size(), no_value);
        m_ends = {};
        m_chars = {};
        m_interned = true;
    }
    if (m_interned) {
        // The other column's values as codes of this one's (new keys view the other's
        // text, which stays put); past max_interned values, the column is plain again.
        std::unordered_map<std::string_view, std::uint32_t> code_of;
        for (std::uint32_t v = 0; v < m_values.size(); ++v) code_of.emplace(m_values[v], v);
        std::vector<std::string> values = m_values;
        const auto code_for = [&](std::string_view text) -> std::optional<std::uint32_t> {
            if (const auto it = code_of.find(text); it != code_of.end()) return it->second;
            if (values.size() >= max_interned) return std::nullopt;
            values.emplace_back(text);
            return code_of.emplace(text, static_cast<std::uint32_t>(values.size() - 1)).first->second;
        };
        UnfilledVector<std::uint32_t> codes(rows);
        bool fits = true;
        for (std::size_t row = 0; fits && row < rows; ++row) {
            if (other.is_null(row)) { codes[row] = no_value; continue; }
            const auto code = code_for(other.text(row));
            fits = code.has_value();
            if (fits) codes[row] = *code;
        }
        if (fits) {
            m_values = std::move(values);
            m_codes.insert(m_codes.end(), codes.begin(), codes.end());
            return;
        }
        m_null.resize(m_null.size() - rows);
        stop_interning();
        m_null.insert(m_null.end(), other.m_null.begin(), other.m_null.end());
    }
    for (std::size_t row = 0; row < rows; ++row) {
        const auto text = other.text(row);
        m_chars.insert(m_chars.end(), text.begin(), text.end());
        m_ends.push_back(m_chars.size());
    }
}

bool Column::intern() {
    if (m_type != FieldType::String || m_interned) return m_interned;
    std::unordered_map<std::string_view, std::uint32_t> code_of;
    UnfilledVector<std::uint32_t> codes(size());
    for (std::size_t row = 0; row < size(); ++row) {
        if (is_null(row)) { codes[row] = no_value; continue; }
        const auto [it, added] = code_of.emplace(text(row), static_cast<std::uint32_t>(code_of.size()));
        if (added && code_of.size() > max_interned) return false;
        codes[row] = it->second;
    }
    m_values.resize(code_of.size());
    for (const auto& [value, code] : code_of) m_values[code] = std::string(value);
    m_codes = std::move(codes);
    m_interned = true;
    m_chars = {};
    m_ends = {};
    return true;
}

void Column::stop_interning() {
    const std::size_t rows = m_codes.size();
    m_interned = false;
    m_ends.reserve(m_codes.capacity());
    for (std::size_t row = 0; row < rows; ++row) {
        if (m_codes[row] != no_value) m_chars.insert(m_chars.end(), m_values[m_codes[row]].begin(), m_values[m_codes[row]].end());
        m_ends.push_back(m_chars.size());
    }
    m_values = {};
    m_codes = {};
}

} // namespace depmap::layers
