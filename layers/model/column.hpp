#pragma once
// One attribute column, stored contiguously: a million rows of text cost one buffer
// and one offset array, not a million strings.
#include "layers/model/field.hpp"
#include "base/unfilled_vector.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

class Column {
public:
    explicit Column(FieldType type) : m_type(type) {}
    // Columns of computed values, none null.
    explicit Column(depmap::UnfilledVector<std::int64_t> values);
    explicit Column(depmap::UnfilledVector<double> values);

    FieldType type() const { return m_type; }
    std::size_t size() const { return m_null.size(); }
    bool is_null(std::size_t row) const { return m_null[row] != 0; }

    // Typed access; the row must not be null and the column must have that type.
    std::int64_t integer(std::size_t row) const { return m_integers[row]; }
    double real(std::size_t row) const { return m_reals[row]; }
    std::string_view text(std::size_t row) const;

    // The value as text, as a user reads it: integers as written, reals with the
    // shortest representation that reads back the same; empty for null.
    std::string to_text(std::size_t row) const;

    void push_null();
    void push(std::int64_t value);
    void push(double value);
    void push(std::string_view value);
    void reserve(std::size_t rows, std::size_t text_bytes = 0);
    // Bytes of text per row on average (0 for other types): to estimate sizes.
    std::size_t average_text_bytes() const {
        return m_ends.empty() ? 0 : m_chars.size() / m_ends.size() + 1;
    }

    // A new column of these rows' values, in this order (rows may repeat), copied on all
    // cores when there are many.
    Column gather(std::span<const std::size_t> rows) const;

private:
    FieldType m_type;
    depmap::UnfilledVector<std::uint8_t> m_null;
    depmap::UnfilledVector<std::int64_t> m_integers;
    depmap::UnfilledVector<double> m_reals;
    depmap::UnfilledVector<char> m_chars;        // all text values, back to back
    depmap::UnfilledVector<std::size_t> m_ends;  // end of each row's text in m_chars
};

} // namespace depmap::layers
