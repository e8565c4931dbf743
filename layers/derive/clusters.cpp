#include "layers/derive/clusters.hpp"

#include "base/error.hpp"
#include "layers/query/field_totals.hpp"
#include "layers/model/commodities.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace depmap::layers {

Layer clustered_points(const Layer& points, const geo::DbscanResult& clusters) {
    Layer out = points;
    Column id(FieldType::Integer);
    Column size(FieldType::Integer);
    id.reserve(points.size());
    size.reserve(points.size());
    for (const auto c : clusters.cluster) {
        id.push(c);
        if (c < 0) size.push_null();
        else size.push(static_cast<std::int64_t>(clusters.sizes[static_cast<std::size_t>(c)]));
    }
    out.add_field({"cluster_id", FieldType::Integer}, std::move(id));
    out.add_field({"cluster_size", FieldType::Integer}, std::move(size));
    return out;
}

std::string commodity_mix(const Layer& points, std::span<const std::size_t> rows) {
    const auto field = commodity_field(points);
    if (!field) return {};
    std::map<std::string, std::size_t> counts;
    for (const auto row : rows) {
        if (points.columns[*field].is_null(row)) continue;
        auto listed = split_commodities(points.columns[*field].to_text(row));
        std::sort(listed.begin(), listed.end());
        listed.erase(std::unique(listed.begin(), listed.end()), listed.end());
        for (const auto& name : listed) ++counts[name];
    }
    std::vector<std::pair<std::string, std::size_t>> ordered(counts.begin(), counts.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string mix;
    for (const auto& [name, count] : ordered) mix += fmt::format("{}{}:{}", mix.empty() ? "" : ";", name, count);
    return mix;
}

std::vector<std::vector<std::size_t>> cluster_members(const geo::DbscanResult& clusters) {
    std::vector<std::vector<std::size_t>> members(clusters.sizes.size());
    for (std::size_t row = 0; row < clusters.cluster.size(); ++row)
        if (clusters.cluster[row] >= 0) members[static_cast<std::size_t>(clusters.cluster[row])].push_back(row);
    return members;
}


Layer district_totals(const Layer& points, const geo::DbscanResult& clusters,
                      const DistrictTotalsOptions& options) {
    const auto sums = sum_columns(points, options.sum_fields);
    Layer start = points.empty_like(GeometryKind::None);
    start.name = "districts";
    TotalsTable out(std::move(start),
                    {{"cluster_id", FieldType::Integer}, count_field, {"commodities", FieldType::String}},
                    options.sum_fields);
    const auto members = cluster_members(clusters);
    for (std::size_t c = 0; c < members.size(); ++c) {
        out.push(static_cast<std::int64_t>(c));
        out.push(static_cast<std::int64_t>(members[c].size()));
        out.push(std::string_view(commodity_mix(points, members[c])));
        for (const auto sum : sums) {
            double total = 0.0;
            for (const auto row : members[c]) total += summand(points.columns[sum], row);
            out.push(total);
        }
    }
    return std::move(out).finish();
}

} // namespace depmap::layers
