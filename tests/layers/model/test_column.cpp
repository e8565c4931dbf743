#include "layers/model/column.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

using depmap::layers::Column;
using depmap::layers::FieldType;

namespace {

// Row `row` of `column` as text, "<null>" for null: a whole row compared at once.
std::string shown(const Column& column, std::size_t row) {
    return column.is_null(row) ? "<null>" : column.to_text(row);
}

} // namespace

TEST_CASE("gather copies the asked rows in the asked order, repeats and nulls included", "[column]") {
    Column text(FieldType::String);
    for (const char* value : {"包头", "", "Bayan Obo", "x,y"}) text.push(std::string_view(value));
    text.push_null();
    Column integers(FieldType::Integer);
    for (const std::int64_t value : {7, -3, 0}) integers.push(value);
    integers.push_null();
    Column reals(FieldType::Real);
    reals.push_null();
    for (const double value : {2.5, -0.125}) reals.push(value);

    const std::vector<std::size_t> rows{4, 0, 0, 3, 1};
    const auto gathered = text.gather(rows);
    REQUIRE(gathered.size() == 5);
    CHECK(gathered.type() == FieldType::String);
    CHECK(gathered.is_null(0));
    CHECK(gathered.text(1) == "包头");
    CHECK(gathered.text(2) == "包头");
    CHECK(gathered.text(3) == "x,y");
    CHECK_FALSE(gathered.is_null(4));
    CHECK(gathered.text(4).empty());

    const auto some_integers = integers.gather(std::vector<std::size_t>{3, 1, 1});
    CHECK(some_integers.is_null(0));
    CHECK(some_integers.integer(1) == -3);
    CHECK(some_integers.integer(2) == -3);
    const auto some_reals = reals.gather(std::vector<std::size_t>{2, 0});
    CHECK(some_reals.real(0) == -0.125);
    CHECK(some_reals.is_null(1));
    CHECK(text.gather(std::vector<std::size_t>{}).size() == 0);
}

TEST_CASE("gather of many rows, copied in parts on all cores, equals the rows one by one", "[column][parallel]") {
    // Enough rows for several parts, with text of varying length (empty and CJK too),
    // nulls, and rows in random order with repeats, as a radius query's matches are.
    std::mt19937_64 random(42);
    Column text(FieldType::String), integers(FieldType::Integer), reals(FieldType::Real);
    constexpr std::size_t n = 150000;
    for (std::size_t row = 0; row < n; ++row) {
        if (row % 97 == 0) {
            text.push_null();
            integers.push_null();
            reals.push_null();
            continue;
        }
        text.push(std::string_view(row % 13 == 0 ? std::string() : fmt::format("矿床 {} {}", row, std::string(row % 29, 'x'))));
        integers.push(static_cast<std::int64_t>(row) * 3 - 7);
        reals.push(static_cast<double>(row) / 7.0);
    }
    std::vector<std::size_t> rows(2 * n);
    for (auto& row : rows) row = random() % n;

    for (const Column* column : {&text, &integers, &reals}) {
        const auto gathered = column->gather(rows);
        REQUIRE(gathered.size() == rows.size());
        std::size_t differing = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) differing += shown(gathered, i) != shown(*column, rows[i]);
        CHECK(differing == 0);
    }
}

TEST_CASE("gather copies text columns holding no text at all, on one core and on all", "[column][parallel]") {
    // Empty strings and nulls only: no text buffer at all to copy from or into.
    for (const std::size_t n : {std::size_t{5}, std::size_t{200000}}) {
        Column text(FieldType::String);
        for (std::size_t row = 0; row < n; ++row) {
            if (row % 3 == 0) text.push_null();
            else text.push(std::string_view());
        }
        std::vector<std::size_t> rows(n);
        for (std::size_t i = 0; i < n; ++i) rows[i] = n - 1 - i;
        const auto gathered = text.gather(rows);
        REQUIRE(gathered.size() == n);
        std::size_t differing = 0;
        for (std::size_t i = 0; i < n; ++i)
            differing += gathered.is_null(i) != text.is_null(rows[i]) || !gathered.text(i).empty();
        CHECK(differing == 0);
    }
}

TEST_CASE("columns of computed values hold them all, none null", "[column]") {
    const Column reals(depmap::UnfilledVector<double>{1.5, -2.0});
    REQUIRE(reals.size() == 2);
    CHECK(reals.type() == FieldType::Real);
    CHECK_FALSE(reals.is_null(1));
    CHECK(reals.real(1) == -2.0);
    const Column integers(depmap::UnfilledVector<std::int64_t>{4});
    CHECK(integers.type() == FieldType::Integer);
    CHECK(integers.integer(0) == 4);
}
