#include "layers/sites/site_figures.hpp"

#include "base/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace depmap::layers {

namespace {

bool is_identifier(const std::string& name) {
    return name == "id" || (name.size() > 3 && name.compare(name.size() - 3, 3, "_id") == 0);
}

// A quantity that parts add up to: its name ends in a unit of amount.
bool is_amount(const std::string& name) {
    for (const std::string_view unit : {"_t", "_kt", "_mt", "_gt", "_tpa", "_ktpa", "_mtpa", "_mw", "_gw", "_kw",
                                        "_m3", "_m3pa", "_million_m3pa", "_bcm", "_bcmpa"})
        if (name.size() > unit.size() && name.compare(name.size() - unit.size(), unit.size(), unit) == 0) return true;
    return false;
}

double real_value(const Column& column, std::size_t row) {
    return column.type() == FieldType::Real ? column.real(row) : static_cast<double>(column.integer(row));
}

} // namespace

std::vector<FigureField> figure_fields(std::span<const Layer> inputs, std::span<const std::string> reserved,
                                       std::vector<std::string>& notes) {
    std::vector<FigureField> figures;
    for (std::size_t input = 0; input < inputs.size(); ++input) {
        const Layer& layer = inputs[input];
        for (std::size_t f = 0; f < layer.fields.size(); ++f) {
            const Field& field = layer.fields[f];
            if (field.type == FieldType::String || is_identifier(field.name)) continue;
            if (std::find(reserved.begin(), reserved.end(), field.name) != reserved.end()) {
                notes.push_back(fmt::format("{}: the figure {} is left out: sites have a field of that name",
                                            layer.source, field.name));
                continue;
            }
            auto it = std::find_if(figures.begin(), figures.end(), [&](const FigureField& x) { return x.name == field.name; });
            if (it == figures.end()) {
                figures.push_back({field.name, field.type, std::vector<std::optional<std::size_t>>(inputs.size())});
                it = figures.end() - 1;
            }
            if (field.type == FieldType::Real) it->type = FieldType::Real;
            it->field[input] = f;
        }
    }
    return figures;
}

FigureColumns site_figure(const FigureField& figure, std::span<const Layer> inputs,
                          std::span<const SiteRecord> records, std::span<const std::vector<std::size_t>> members,
                          std::span<const std::size_t> source_rank) {
    FigureColumns out{Column(figure.type)};
    for (const auto& site : members) {
        // The records carrying the figure, by source rank.
        std::map<std::size_t, std::vector<std::size_t>> by_source;
        for (const std::size_t r : site) {
            const auto& field = figure.field[records[r].input];
            if (field && !inputs[records[r].input].columns[*field].is_null(records[r].row))
                by_source[source_rank[r]].push_back(r);
        }
        if (by_source.empty()) {
            out.value.push_null();
            out.source.push_null();
            continue;
        }
        const auto chosen = std::max_element(by_source.begin(), by_source.end(), [](const auto& x, const auto& y) {
            return x.second.size() < y.second.size();  // the first of the largest: the lowest rank
        });
        const auto column_of = [&](std::size_t r) -> const Column& {
            return inputs[records[r].input].columns[*figure.field[records[r].input]];
        };
        if (!is_amount(figure.name)) {  // a grade or a year: one value, or none
            const std::size_t first = chosen->second.front();
            const double value = real_value(column_of(first), records[first].row);
            const bool one = std::all_of(chosen->second.begin(), chosen->second.end(), [&](std::size_t r) {
                return real_value(column_of(r), records[r].row) == value;
            });
            if (!one) {
                out.value.push_null();
                out.source.push(std::string_view(fmt::format("{}: its records differ (a grade or a year is not added up)",
                                                             records[first].source)));
            } else {
                if (figure.type == FieldType::Real) out.value.push(value);
                else out.value.push(column_of(first).integer(records[first].row));
                out.source.push(std::string_view(records[first].source));
            }
            continue;
        }
        std::int64_t whole = 0;
        double real = 0.0;
        for (const std::size_t r : chosen->second) {
            const Column& column = inputs[records[r].input].columns[*figure.field[records[r].input]];
            const std::size_t row = records[r].row;
            if (figure.type == FieldType::Real) {
                real += column.type() == FieldType::Real ? column.real(row) : static_cast<double>(column.integer(row));
            } else if (__builtin_add_overflow(whole, column.integer(row), &whole)) {
                throw InputError(fmt::format("the figure {} of the site of {} adds up past what 64 bits hold",
                                             figure.name, records[site.front()].id));
            }
        }
        if (figure.type == FieldType::Real) out.value.push(real);
        else out.value.push(whole);
        out.source.push(std::string_view(records[chosen->second.front()].source));
    }
    return out;
}

} // namespace depmap::layers
