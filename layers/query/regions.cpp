#include "layers/query/regions.hpp"

#include "base/error.hpp"
#include "layers/query/field_totals.hpp"
#include "geo/polygon_index.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace depmap::layers {

namespace {

constexpr std::array region_words{"league", "city", "meng", "shi", "prefecture", "region",
                                  "autonomous", "banner", "qi", "county", "district"};

// A region's name without case, punctuation, bracketed notes and the words every region
// name has: "Xilingol League", "xilingol" and "Xilingol (Meng)" are one name.
std::string region_key(std::string_view name) {
    std::vector<std::string> words(1);
    int depth = 0;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '(' || c == '[') ++depth;
        else if (c == ')' || c == ']') depth = std::max(0, depth - 1);
        if (depth > 0 || c == ')' || c == ']') continue;
        if (u < 0x80 && !std::isalnum(u)) {
            if (!words.back().empty()) words.emplace_back();
            continue;
        }
        words.back() += static_cast<char>(std::tolower(u));
    }
    std::string out;
    for (const auto& word : words)
        if (!word.empty() && std::find(region_words.begin(), region_words.end(), word) == region_words.end())
            out += (out.empty() ? "" : " ") + word;
    return out;
}

std::vector<std::optional<std::size_t>> locate(const Layer& points, const Layer& regions) {
    const geo::PolygonIndex index(polygons_of(regions));
    return index.locate_all(points.points);
}


} // namespace

std::vector<geo::MultiPolygon> polygons_of(const Layer& regions) {
    std::vector<geo::MultiPolygon> polygons;
    for (std::size_t row = 0; row < regions.shapes.size(); ++row) {
        const auto* polygon = std::get_if<geo::MultiPolygon>(&regions.shapes[row]);
        if (polygon == nullptr) break;
        polygons.push_back(*polygon);
    }
    if (polygons.size() != regions.size() || regions.size() == 0)
        throw InputError(fmt::format("{}: regions must be polygons, but it holds {}", regions.source,
                                     regions.geometry_type));
    return polygons;
}

std::string region_name(const Layer& regions, std::size_t row) {
    if (const auto f = regions.field_index("name"); f && !regions.columns[*f].is_null(row))
        return regions.columns[*f].to_text(row);
    return std::to_string(row + 1);
}

std::size_t find_region(const Layer& regions, std::string_view name) {
    const auto wanted = region_key(name);
    std::vector<std::size_t> found;
    for (std::size_t row = 0; row < regions.size(); ++row) {
        for (const char* field : {"name", "name_zh"}) {
            const auto f = regions.field_index(field);
            if (f && !regions.columns[*f].is_null(row) && region_key(regions.columns[*f].to_text(row)) == wanted) {
                found.push_back(row);
                break;
            }
        }
    }
    if (found.size() == 1) return found.front();
    std::vector<std::string> names;
    for (std::size_t row = 0; row < regions.size(); ++row) names.push_back(region_name(regions, row));
    throw InputError(fmt::format("{} region named '{}' in {}; the regions are: {}",
                                 found.empty() ? "no" : "more than one", name, regions.source,
                                 fmt::join(names, ", ")));
}

void check_box(const geo::Box& box) {
    const auto in = [](double value, double limit) { return value >= -limit && value <= limit; };  // NaN: false
    const auto given = fmt::format("{},{},{},{}", box.min_lon_deg, box.min_lat_deg, box.max_lon_deg, box.max_lat_deg);
    if (!in(box.min_lon_deg, 180) || !in(box.max_lon_deg, 180) || !in(box.min_lat_deg, 90) || !in(box.max_lat_deg, 90))
        throw ArgumentError(given + ": give finite degrees, longitudes within -180..180 and latitudes within -90..90");
    if (box.min_lon_deg > box.max_lon_deg || box.min_lat_deg > box.max_lat_deg)
        throw ArgumentError(given + ": give min lon,min lat,max lon,max lat with min <= max");
}

geo::MultiPolygon box_polygon(const geo::Box& b) {
    check_box(b);
    geo::Polygon polygon;
    polygon.outer() = {{b.min_lon_deg, b.min_lat_deg}, {b.max_lon_deg, b.min_lat_deg},
                       {b.max_lon_deg, b.max_lat_deg}, {b.min_lon_deg, b.max_lat_deg},
                       {b.min_lon_deg, b.min_lat_deg}};
    return {polygon};
}

std::size_t outside_count(const Layer& points, const std::vector<geo::MultiPolygon>& polygons) {
    const geo::PolygonIndex index(polygons);
    const auto where = index.locate_all(points.points);
    return static_cast<std::size_t>(std::count(where.begin(), where.end(), std::nullopt));
}

std::vector<std::size_t> rows_within(const Layer& points, const std::vector<geo::MultiPolygon>& polygons) {
    const geo::PolygonIndex index(polygons);
    const auto where = index.locate_all(points.points);
    std::vector<std::size_t> rows;
    for (std::size_t row = 0; row < where.size(); ++row)
        if (where[row]) rows.push_back(row);
    return rows;
}

Layer assign_regions(const Layer& points, const Layer& regions) {
    const auto where = locate(points, regions);
    Layer out = points;
    Column region(FieldType::String);
    for (const auto& r : where) {
        if (r) region.push(std::string_view(region_name(regions, *r)));
        else region.push_null();
    }
    out.add_field({"region", FieldType::String}, std::move(region));
    return out;
}

Layer summarise_regions(const Layer& points, const Layer& regions, const RegionsOptions& options) {
    const auto sums = sum_columns(points, options.sum_fields);
    const GroupKeys groups(points, options.group_by);
    const bool group = groups.grouped();
    const auto where = locate(points, regions);

    // Keyed by (region row or regions.size() for none, group value).
    struct Totals {
        std::int64_t count = 0;
        std::vector<double> sums;
    };
    std::map<std::pair<std::size_t, std::string>, Totals> totals;
    const std::size_t outside = regions.size();
    for (std::size_t row = 0; row < regions.size(); ++row) totals[{row, ""}];
    totals[{outside, ""}].count = static_cast<std::int64_t>(options.outside_unread);
    if (group) totals.clear();
    for (std::size_t row = 0; row < points.size(); ++row) {
        for (const auto& key : groups.of(row)) {
            auto& t = totals[{where[row].value_or(outside), key}];
            t.sums.resize(sums.size());
            ++t.count;
            for (std::size_t s = 0; s < sums.size(); ++s) t.sums[s] += summand(points.columns[sums[s]], row);
        }
    }

    Layer start = points.empty_like(options.shapes ? GeometryKind::Polygon : GeometryKind::None);
    start.name = "regions";
    std::vector<Field> keys{{"region", FieldType::String}};
    if (group) keys.push_back({options.group_by, FieldType::String});
    keys.push_back(count_field);
    TotalsTable out(std::move(start), std::move(keys), options.sum_fields);
    for (const auto& [key, t] : totals) {
        if (key.first == outside && options.shapes) continue;
        if (key.first == outside) out.push_null();
        else out.push(std::string_view(region_name(regions, key.first)));
        if (options.shapes) out.push_shape(regions.shapes[key.first]);
        if (group) {
            if (key.second.empty()) out.push_null();
            else out.push(std::string_view(key.second));
        }
        out.push(t.count);
        for (std::size_t s = 0; s < sums.size(); ++s) out.push(s < t.sums.size() ? t.sums[s] : 0.0);
    }
    return std::move(out).finish();
}

} // namespace depmap::layers
