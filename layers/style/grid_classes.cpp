#include "layers/style/grid_classes.hpp"

#include "layers/style/palette.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace depmap::layers {

namespace {

std::vector<double> sorted_values(const Column& column) {
    std::vector<double> values;
    values.reserve(column.size());
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.is_null(row)) continue;
        if (column.type() == FieldType::Integer) values.push_back(static_cast<double>(column.integer(row)));
        else if (column.type() == FieldType::Real && std::isfinite(column.real(row))) values.push_back(column.real(row));
    }
    std::sort(values.begin(), values.end());
    return values;
}

// Upper bounds: the distinct values when few, else quantiles of the sorted values.
std::vector<double> upper_bounds(const std::vector<double>& values, std::size_t max_classes) {
    std::vector<double> distinct(values);
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() <= max_classes) return distinct;
    std::vector<double> bounds;
    for (std::size_t k = 1; k <= max_classes; ++k) {
        const std::size_t rank = (k * values.size() + max_classes - 1) / max_classes;  // ceil
        const double bound = values[rank - 1];
        if (bounds.empty() || bound > bounds.back()) bounds.push_back(bound);
    }
    return bounds;
}

std::string real_text(double value) { return fmt::format("{:.6g}", value); }

std::string label(double lower, double upper, bool first, bool integers) {
    if (integers) {
        const auto from = static_cast<long long>(first ? lower : lower + 1);
        const auto to = static_cast<long long>(upper);
        return from == to ? fmt::format("{}", to) : fmt::format("{}–{}", from, to);
    }
    return lower == upper ? real_text(upper) : fmt::format("{}–{}", real_text(lower), real_text(upper));
}

} // namespace

std::vector<ValueClass> value_classes(const Column& column, std::size_t max_classes) {
    auto values = sorted_values(column);
    if (values.empty()) return {ValueClass{0, 0, "0"}};
    const bool integers = column.type() == FieldType::Integer;
    max_classes = std::max<std::size_t>(max_classes, 1);
    std::vector<ValueClass> classes;
    // Empty cells usually outnumber all others: alone they would take every quantile.
    if (values.front() == 0 && values.back() > 0 && max_classes > 1) {
        classes.push_back({0, 0, "0"});
        values.erase(values.begin(), std::upper_bound(values.begin(), values.end(), 0.0));
        --max_classes;
    }
    double lower = classes.empty() ? values.front() : 0.0;
    for (const double upper : upper_bounds(values, max_classes)) {
        classes.push_back({lower, upper, label(lower, upper, classes.empty(), integers)});
        lower = upper;
    }
    return classes;
}

GraduatedFills graduated_fills(const Column& column) {
    GraduatedFills out;
    out.classes = value_classes(column);
    const auto& classes = out.classes;
    const std::size_t empty_classes = classes.front().upper == 0 && classes.size() > 1 ? 1 : 0;
    const auto colours = palette::grid_colours(classes.size() - empty_classes);
    for (std::size_t i = 0; i < classes.size(); ++i)
        out.fills.push_back(palette::grid_cell(i < empty_classes ? std::nullopt
                                                                 : std::optional(colours[i - empty_classes])));
    out.row_class.reserve(column.size());
    for (std::size_t row = 0; row < column.size(); ++row) {
        std::size_t c = 0;
        if (!column.is_null(row)) {
            const double value = column.type() == FieldType::Integer ? static_cast<double>(column.integer(row))
                                                                      : column.real(row);
            while (c + 1 < classes.size() && !(value <= classes[c].upper)) ++c;
        }
        out.row_class.push_back(c);
    }
    return out;
}

} // namespace depmap::layers
