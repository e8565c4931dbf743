#include "layers/column.hpp"

#include <fmt/format.h>

namespace depmap::layers {

std::string_view to_string(FieldType type) {
    switch (type) {
    case FieldType::Integer: return "Integer";
    case FieldType::Real: return "Real";
    case FieldType::String: return "String";
    }
    return "String";
}

std::string_view Column::text(std::size_t row) const {
    const std::size_t begin = row == 0 ? 0 : m_ends[row - 1];
    return std::string_view(m_chars).substr(begin, m_ends[row] - begin);
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
    m_chars.append(value);
    m_ends.push_back(m_chars.size());
}

void Column::push_from(const Column& other, std::size_t row) {
    if (other.is_null(row)) return push_null();
    switch (m_type) {
    case FieldType::Integer: return push(other.integer(row));
    case FieldType::Real: return push(other.real(row));
    case FieldType::String: return push(other.text(row));
    }
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
