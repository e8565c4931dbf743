#include "layers/query/places.hpp"

#include "geo/dms.hpp"
#include "base/error.hpp"
#include "base/text.hpp"
#include "geo/geodesic.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/model/commodities.hpp"
#include "layers/read/position_check.hpp"
#include "layers/read/read.hpp"
#include "layers/sites/link_overrides.hpp"
#include "layers/sites/site_linkage.hpp"
#include "layers/sites/site_names.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <array>
#include <cctype>

namespace depmap::layers {

namespace {

// The names a feature answers to: its name, Chinese name and alternative names (a name or
// alternative names field may hold several, `;`-separated).
std::vector<std::string> names_of(const Layer& layer, std::size_t row) {
    std::vector<std::string> names;
    for (const char* field : {"name", "name_zh", "名称", "alt_names"}) {
        const auto f = layer.field_index(field);
        if (!f || layer.columns[*f].is_null(row)) continue;
        const auto text = layer.columns[*f].to_text(row);
        std::size_t start = 0;
        while (start <= text.size()) {
            auto end = text.find(';', start);
            if (end == std::string::npos) end = text.size();
            if (const auto name = trimmed(std::string_view(text).substr(start, end - start)); !name.empty())
                names.emplace_back(name);
            start = end + 1;
        }
    }
    return names;
}

std::string feature_label(const Layer& layer, std::size_t row) {
    std::string label;
    if (const auto f = layer.field_index("name")) label = layer.columns[*f].to_text(row);
    if (const auto f = layer.id_field()) label += fmt::format(" [{}]", layer.columns[*f].to_text(row));
    const auto p = layer.points[row];
    return label + fmt::format(" at {:.5f},{:.5f}", p.lon_deg, p.lat_deg);
}

// The rows that share a name as sites (site_linkage.hpp): every pair within same_place_m,
// or linked by the bundled data/site_links.csv (which knows the bundled records' ids), and
// of compatible commodities. Each group's rows ascending, groups by their first row.
std::vector<std::vector<std::size_t>> sites_of(const Layer& layer, const std::vector<std::size_t>& rows) {
    const auto records = records_of_rows(layer, rows);
    SiteOptions options;
    options.max_distance_m = same_place_m;
    const auto has = [&](const std::string& id) {
        return std::any_of(records.begin(), records.end(), [&](const SiteRecord& r) { return r.id == id; });
    };
    for (const auto& link : bundled_link_overrides())
        if (has(link.record_a) && has(link.record_b)) options.overrides.push_back(link);
    const auto linkage = link_records(records, options);
    std::vector<std::vector<std::size_t>> groups;
    for (const auto& site : linkage.sites) {
        std::vector<std::size_t> members;
        for (const std::size_t r : site) members.push_back(records[r].row);
        std::sort(members.begin(), members.end());
        groups.push_back(std::move(members));
    }
    std::sort(groups.begin(), groups.end());
    return groups;
}

struct Named {
    std::size_t row;
    std::string name;  // the name of the row that matched
};

// The rows of a point layer with a name whose key is `text`'s, each with the name that
// matched: the one written as `text` is, else its first.
std::vector<Named> rows_named(const Layer& layer, std::string_view text) {
    std::vector<Named> rows;
    if (!layer.is_points()) return rows;
    const auto wanted = site_name_key(text);
    for (std::size_t row = 0; row < layer.size(); ++row) {
        std::optional<std::string> matched;
        for (const auto& name : names_of(layer, row)) {
            if (site_name_key(name) != wanted) continue;
            if (!matched || name == text) matched = name;
            if (name == text) break;
        }
        if (matched) rows.push_back({row, *matched});
    }
    return rows;
}

std::optional<Place> by_coordinates(std::string_view text) {
    const auto position = geo::parse_lonlat(text);
    if (!position) return std::nullopt;
    if (const auto problem = check_position(*position))
        throw InputError(fmt::format("place '{}': {}", text, problem->detail));
    return Place{.name = std::string(text), .position = *position, .id = std::string(text), .origin = "coordinates"};
}

bool same_id(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

// A feature by its id; a site also by the id of one of its records (`record_ids`).
std::optional<Place> by_id(const Layer& layer, std::string_view text) {
    const auto site = layer.id_field();
    if (!site || !layer.is_points()) return std::nullopt;
    for (std::size_t row = 0; row < layer.size(); ++row) {
        const auto id = layer.columns[*site].to_text(row);
        if (same_id(id, text))
            return Place{.name = id, .position = layer.points[row], .id = std::string(text), .origin = "feature " + id};
    }
    const auto records = layer.field_index("record_ids");
    if (!records) return std::nullopt;
    for (std::size_t row = 0; row < layer.size(); ++row) {
        const auto ids = layer.columns[*records].to_text(row);
        for (std::size_t start = 0; start <= ids.size();) {
            const auto end = std::min(ids.find(';', start), ids.size());
            if (same_id(std::string_view(ids).substr(start, end - start), text)) {
                const auto id = layer.columns[*site].to_text(row);
                return Place{.name = std::string(text), .position = layer.points[row], .id = std::string(text),
                             .origin = fmt::format("feature {}, the site of that record", id)};
            }
            start = end + 1;
        }
    }
    return std::nullopt;
}

std::optional<Place> by_name(const Layer& layer, std::string_view text, const std::string& origin) {
    if (site_name_key(text).empty()) return std::nullopt;
    const auto rows = rows_named(layer, text);
    if (rows.empty()) return std::nullopt;
    std::vector<std::size_t> row_numbers;
    for (const auto& named : rows) row_numbers.push_back(named.row);
    const auto groups = sites_of(layer, row_numbers);
    if (groups.size() > 1) {
        std::vector<std::string> candidates;
        for (const auto& g : groups) candidates.push_back(feature_label(layer, g.front()));
        throw InputError(fmt::format("place '{}' is ambiguous in {}: {} places of that name that are not "
                                     "one site (records more than {:g} km apart, or of other commodities): "
                                     "{}; give an id or lon,lat instead",
                                     text, layer.source, groups.size(), same_place_m / 1000,
                                     fmt::join(candidates, "; ")));
    }
    std::vector<geo::LonLat> positions;
    for (const auto& named : rows) positions.push_back(layer.points[named.row]);
    if (rows.size() == 1) return Place{.name = rows[0].name, .position = positions[0], .id = std::string(text), .origin = origin};
    return Place{.name = std::string(text), .position = geo::geodesic_mean(positions), .id = std::string(text), .origin = origin, .records = rows.size()};
}

std::vector<std::string> suggestions(const std::vector<const Layer*>& layers, std::string_view text) {
    const auto wanted = site_name_key(text);
    std::vector<std::string> out;
    for (const auto* layer : layers) {
        if (!layer->is_points() || wanted.empty()) continue;
        for (std::size_t row = 0; row < layer->size() && out.size() < 5; ++row) {
            for (const auto& name : names_of(*layer, row)) {
                if (site_name_key(name).find(wanted) == std::string::npos) continue;
                if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
                break;
            }
        }
    }
    return out;
}

} // namespace

PlaceResolver::PlaceResolver(const Layer& layer, std::vector<const Layer*> gazetteers)
    : m_layer(layer), m_gazetteers(std::move(gazetteers)) {}

Place PlaceResolver::resolve(std::string_view text) const {
    if (auto place = by_coordinates(text)) return *place;
    if (auto place = by_id(m_layer, text)) return *place;
    if (auto place = by_name(m_layer, text, "feature")) return *place;
    for (const auto* gazetteer : m_gazetteers)
        if (auto place = by_name(*gazetteer, text, "gazetteer " + gazetteer->name)) return *place;
    std::vector<const Layer*> all{&m_layer};
    all.insert(all.end(), m_gazetteers.begin(), m_gazetteers.end());
    const auto similar = suggestions(all, text);
    throw InputError(fmt::format("no place named '{}' in {} or the gazetteer{}; give lon,lat "
                                 "instead (e.g. 109.97,41.80)",
                                 text, m_layer.source,
                                 similar.empty() ? std::string()
                                                 : fmt::format(" (did you mean: {}?)", fmt::join(similar, ", "))));
}

std::vector<Place> places_of(const Layer& layer) {
    if (!layer.is_points())
        throw InputError(fmt::format("{}: places are points, not {}", layer.source, layer.geometry_type));
    const auto id = layer.id_field();
    const auto name = layer.field_index("name");
    const Column* ids = id ? &layer.columns[*id] : nullptr;
    const bool numbers = !ids || ids->type() == FieldType::Integer;
    std::vector<Place> places;
    for (std::size_t row = 0; row < layer.points.size(); ++row) {
        Place place{.name = name ? layer.columns[*name].to_text(row) : std::string(),
                    .position = layer.points[row],
                    .id = ids ? ids->to_text(row) : std::to_string(row + 1)};
        if (numbers && !(ids && ids->is_null(row)))
            place.id_number = ids ? ids->integer(row) : static_cast<std::int64_t>(row + 1);
        places.push_back(std::move(place));
    }
    return places;
}

namespace {

bool is_number(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

} // namespace

std::vector<std::string> split_place_list(std::string_view text) {
    std::vector<std::string_view> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        items.push_back(trimmed(text.substr(start, end - start)));
        start = end + 1;
    }
    std::vector<std::string> places;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].empty()) throw ArgumentError("'" + std::string(text) + "': an empty place between commas");
        if (i + 1 < items.size() && is_number(items[i]) && is_number(items[i + 1])) {
            places.push_back(std::string(items[i]) + "," + std::string(items[i + 1]));
            ++i;
        } else {
            places.emplace_back(items[i]);
        }
    }
    return places;
}

std::vector<const Layer*> bundled_gazetteers() {
    static const std::vector<Layer> layers = [] {
        std::vector<Layer> loaded;
        for (const auto file : {Bundled::Records, Bundled::Places, Bundled::Cities})
            loaded.push_back(read_layer(bundled_path(file).string()));
        return loaded;
    }();
    std::vector<const Layer*> out;
    for (const auto& layer : layers) out.push_back(&layer);
    return out;
}

} // namespace depmap::layers
