#pragma once
// One attribute column, stored contiguously: a million rows of text cost one buffer
// and one offset array, not a million strings. A text column of few distinct values
// (commodities, statuses) may keep each value once and a 4-byte code per row instead.
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
    // Appends every row of `other`, a column of the same type.
    void append(const Column& other);
    // Keeps each distinct text of a String column once, with a code per row, when it has
    // at most max_interned of them (appending more makes it plain again); returns
    // whether the column is kept so. Its values, as every reader sees them, are the same.
    static constexpr std::size_t max_interned = 4096;
    bool intern();
    bool interned() const { return m_interned; }
    // Bytes of text per row on average (0 for other types): to estimate sizes.
    std::size_t average_text_bytes() const;

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
    // An interned String column: its rows' codes in m_values (no_value for a null row),
    // m_chars and m_ends unused.
    bool m_interned = false;
    std::vector<std::string> m_values;
    depmap::UnfilledVector<std::uint32_t> m_codes;
    static constexpr std::uint32_t no_value = 0xFFFFFFFF;

    void append_text(const Column& other);
    void stop_interning();
};

} // namespace depmap::layers
