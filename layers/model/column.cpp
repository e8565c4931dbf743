#include "layers/model/column.hpp"

#include "base/parallel.hpp"

#include <fmt/format.h>

#include <cstring>

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
    case FieldType::String: m_ends.push_back(m_chars.size()); break;
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
    case FieldType::String: m_ends.reserve(rows); break;
    }
}

} // namespace depmap::layers
