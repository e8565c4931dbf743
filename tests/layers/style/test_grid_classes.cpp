#include "layers/style/grid_classes.hpp"

#include <catch2/catch.hpp>

#include <optional>

using namespace depmap;

namespace {

layers::Column integers(std::initializer_list<std::optional<std::int64_t>> values) {
    layers::Column column(layers::FieldType::Integer);
    for (const auto& v : values) v ? column.push(*v) : column.push_null();
    return column;
}

std::vector<std::string> labels(const std::vector<layers::ValueClass>& classes) {
    std::vector<std::string> out;
    for (const auto& c : classes) out.push_back(c.label);
    return out;
}

} // namespace

TEST_CASE("grid classes: few values get one class each", "[layers][styles]") {
    const auto classes = layers::value_classes(integers({4, 1, std::nullopt, 4, 9}));
    CHECK(labels(classes) == std::vector<std::string>{"1", "2–4", "5–9"});
    CHECK(classes.front().lower == 1);
    CHECK(classes.back().upper == 9);
}

TEST_CASE("grid classes: many values get quantile classes that cover them all", "[layers][styles]") {
    layers::Column column(layers::FieldType::Integer);
    for (std::int64_t v = 1; v <= 100; ++v) column.push(v);
    const auto classes = layers::value_classes(column, 5);
    CHECK(labels(classes) == std::vector<std::string>{"1–20", "21–40", "41–60", "61–80", "81–100"});
    for (std::size_t i = 1; i < classes.size(); ++i) CHECK(classes[i].lower == classes[i - 1].upper);
}

TEST_CASE("grid classes: empty cells are a class of their own", "[layers][styles]") {
    layers::Column column(layers::FieldType::Integer);
    for (int i = 0; i < 200; ++i) column.push(std::int64_t{0});
    for (std::int64_t v : {1, 1, 1, 2, 2, 3, 5, 8, 13, 152}) column.push(v);
    const auto classes = layers::value_classes(column, 5);
    REQUIRE(classes.size() == 5);
    CHECK(classes[0].label == "0");
    CHECK(classes[0].upper == 0);
    CHECK(classes[1].label == "1");
    CHECK(classes.back().upper == 152);
}

TEST_CASE("grid classes: reals, and no values at all", "[layers][styles]") {
    layers::Column reals(layers::FieldType::Real);
    for (double v : {0.5, 1.25, 2.5}) reals.push(v);
    CHECK(labels(layers::value_classes(reals)) == std::vector<std::string>{"0.5", "0.5–1.25", "1.25–2.5"});
    const auto none = layers::value_classes(integers({std::nullopt}));
    REQUIRE(none.size() == 1);
    CHECK(none[0].upper == 0);
}
