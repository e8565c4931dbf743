#include "layers/sites/sites.hpp"

#include "base/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/stated_precision.hpp"
#include "layers/model/commodities.hpp"
#include "layers/sites/records_layer.hpp"
#include "layers/sites/site_descriptions.hpp"
#include "layers/sites/site_figures.hpp"
#include "layers/sites/site_naming.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace depmap::layers {

namespace {

const std::vector<std::string> site_fields{
    "site_id",   "name",  "name_rule",       "name_zh",            "commodities", "record_count", "record_ids",
    "sources",   "part_count", "parts",      "position_record",    "position_precision", "spread_m"};

// Sources in order: by the first input holding them, then by name. One rank per record.
std::vector<std::size_t> source_ranks(std::span<const SiteRecord> records, std::vector<std::string>& sources) {
    std::map<std::string, std::size_t> first_input;
    for (const auto& record : records) {
        auto [it, fresh] = first_input.try_emplace(record.source, record.input);
        it->second = std::min(it->second, record.input);
    }
    std::vector<std::pair<std::size_t, std::string>> order;
    for (const auto& [source, input] : first_input) order.emplace_back(input, source);
    std::sort(order.begin(), order.end());
    std::map<std::string, std::size_t> rank;
    for (const auto& [input, source] : order) {
        rank[source] = sources.size();
        sources.push_back(source);
    }
    std::vector<std::size_t> ranks;
    for (const auto& record : records) ranks.push_back(rank[record.source]);
    return ranks;
}

// Commodities of a site: those listed by the most sources first, then by the most records,
// then by name; each written as the first record (in id order) listing it writes it.
std::string site_commodities(std::span<const SiteRecord> records, std::span<const std::size_t> site,
                             std::span<const std::size_t> source_rank) {
    struct Tally {
        std::set<std::size_t> sources;
        std::size_t records = 0;
        std::string written;
    };
    std::map<std::string, Tally> tallies;
    for (const std::size_t r : site) {
        std::set<std::string> seen;
        for (const auto& commodity : records[r].commodities) {
            const auto key = canonical_commodity(commodity);
            if (!seen.insert(key).second) continue;
            auto& tally = tallies[key];
            if (tally.written.empty()) tally.written = commodity;
            tally.sources.insert(source_rank[r]);
            ++tally.records;
        }
    }
    std::vector<std::pair<std::string, Tally>> order(tallies.begin(), tallies.end());
    std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
        return std::make_tuple(y.second.sources.size(), y.second.records) <
               std::make_tuple(x.second.sources.size(), x.second.records);
    });
    std::vector<std::string> names;
    for (const auto& entry : order) names.push_back(entry.second.written);
    return fmt::format("{}", fmt::join(names, ";"));
}

// The record whose position the site takes: the fewest records of the site beyond the
// limit from it (those only an override brought in), then the most precisely stated
// position, then source order, then id.
std::size_t position_record(std::span<const SiteRecord> records, std::span<const std::size_t> site,
                            std::span<const std::size_t> source_rank, double limit_m) {
    std::size_t best = site.front();
    std::tuple<std::size_t, int, std::size_t, std::size_t> best_key{~std::size_t{0}, 0, 0, 0};
    for (const std::size_t r : site) {
        std::size_t far = 0;
        for (const std::size_t other : site)
            if (other != r && geo::geodesic_distance_m(records[std::min(r, other)].position,
                                                       records[std::max(r, other)].position) > limit_m)
                ++far;
        const auto key = std::make_tuple(far, -records[r].precision_rank, source_rank[r], r);
        if (key < best_key) {
            best_key = key;
            best = r;
        }
    }
    return best;
}

double spread_m(std::span<const SiteRecord> records, std::span<const std::size_t> site) {
    double spread = 0.0;
    for (std::size_t i = 0; i < site.size(); ++i)
        for (std::size_t j = i + 1; j < site.size(); ++j)
            spread = std::max(spread, geo::geodesic_distance_m(records[site[i]].position, records[site[j]].position));
    return spread;
}

void push_text(Column& column, const std::string& text) {
    if (text.empty()) column.push_null();
    else column.push(std::string_view(text));
}

Layer sites_layer(std::span<const Layer> inputs, std::span<const SiteRecord> records, const Linkage& linkage,
                  std::span<const std::size_t> source_rank, const std::vector<std::string>& sources,
                  double limit_m, std::vector<std::string>& notes) {
    Layer out = inputs.front().empty_like(GeometryKind::Point);
    out.name = "sites";
    for (const auto& name : site_fields) {
        const bool whole = name == "record_count" || name == "part_count";
        out.fields.push_back({name, whole ? FieldType::Integer : name == "spread_m" ? FieldType::Real : FieldType::String});
        out.columns.emplace_back(out.fields.back().type);
    }
    auto column = [&](const char* name) -> Column& {
        return out.columns[static_cast<std::size_t>(std::find(site_fields.begin(), site_fields.end(), name) - site_fields.begin())];
    };
    for (const auto& site : linkage.sites) {
        const auto parts = parts_of(records, site);
        const auto naming = site_naming(records, site, parts, source_rank);
        std::vector<std::string> ids, part_names, site_sources;
        std::set<std::size_t> source_set;
        for (std::size_t i = 0; i < site.size(); ++i) {
            ids.push_back(records[site[i]].id);
            source_set.insert(source_rank[site[i]]);
            if (!parts[i].empty() &&
                std::find(part_names.begin(), part_names.end(), records[site[i]].name) == part_names.end())
                part_names.push_back(records[site[i]].name);
        }
        for (const std::size_t s : source_set) site_sources.push_back(sources[s]);
        const std::size_t at = position_record(records, site, source_rank, limit_m);
        column("site_id").push(std::string_view("site-" + records[site.front()].id));
        push_text(column("name"), naming.name);
        column("name_rule").push(std::string_view(naming.rule));
        push_text(column("name_zh"), naming.name_zh);
        push_text(column("commodities"), site_commodities(records, site, source_rank));
        column("record_count").push(static_cast<std::int64_t>(site.size()));
        column("record_ids").push(std::string_view(fmt::format("{}", fmt::join(ids, ";"))));
        column("sources").push(std::string_view(fmt::format("{}", fmt::join(site_sources, " | "))));
        column("part_count").push(static_cast<std::int64_t>(std::count_if(parts.begin(), parts.end(),
                                                                          [](const auto& p) { return !p.empty(); })));
        push_text(column("parts"), fmt::format("{}", fmt::join(part_names, ";")));
        column("position_record").push(std::string_view(records[at].id));
        column("position_precision").push(std::string_view(geo::stated_precision_text(records[at].precision_rank)));
        column("spread_m").push(spread_m(records, site));
        out.points.push_back(records[at].position);
    }
    auto descriptions = site_descriptions(inputs, records, linkage.sites);
    for (std::size_t i = 0; i < descriptions.size(); ++i)
        out.add_field({description_fields()[i], FieldType::String}, std::move(descriptions[i]));
    for (const auto& figure : figure_fields(inputs, site_fields, notes)) {
        auto columns = site_figure(figure, inputs, records, linkage.sites, source_rank);
        out.add_field({figure.name, figure.type}, std::move(columns.value));
        out.add_field({figure.name + "_source", FieldType::String}, std::move(columns.source));
    }
    out.debug_check();
    return out;
}

Layer records_with_sites(std::span<const Layer> inputs, std::span<const SiteRecord> records, const Linkage& linkage) {
    std::vector<std::pair<std::size_t, std::size_t>> rows;
    Column site_id(FieldType::String);
    Column site_part(FieldType::String);
    for (const auto& site : linkage.sites) {
        const auto parts = parts_of(records, site);
        for (std::size_t i = 0; i < site.size(); ++i) {
            rows.emplace_back(records[site[i]].input, records[site[i]].row);
            site_id.push(std::string_view("site-" + records[site.front()].id));
            push_text(site_part, parts[i]);
        }
    }
    Layer out = records_layer(inputs, rows);
    out.name = "records";
    out.add_field({"site_id", FieldType::String}, std::move(site_id));
    out.add_field({"site_part", FieldType::String}, std::move(site_part));
    return out;
}

Layer links_table(const Layer& like, std::span<const SiteRecord> records, const Linkage& linkage) {
    Layer out = like.empty_like(GeometryKind::None);
    out.name = "links";
    const std::vector<Field> fields{{"record_a", FieldType::String}, {"record_b", FieldType::String},
                                    {"name_a", FieldType::String},   {"name_b", FieldType::String},
                                    {"distance_m", FieldType::Real}, {"name_rule", FieldType::String},
                                    {"decision", FieldType::String}, {"reason", FieldType::String},
                                    {"same_site", FieldType::String}};
    for (const auto& field : fields) {
        out.fields.push_back(field);
        out.columns.emplace_back(field.type);
    }
    for (const auto& pair : linkage.pairs) {
        const SiteRecord& a = records[pair.a];
        const SiteRecord& b = records[pair.b];
        out.columns[0].push(std::string_view(a.id));
        out.columns[1].push(std::string_view(b.id));
        push_text(out.columns[2], a.name);
        push_text(out.columns[3], b.name);
        out.columns[4].push(pair.distance_m);
        out.columns[5].push(rule_name(pair.rule));
        out.columns[6].push(std::string_view(pair.link ? "link" : "separate"));
        out.columns[7].push(std::string_view(pair.reason));
        out.columns[8].push(std::string_view(linkage.site_of[pair.a] == linkage.site_of[pair.b] ? "yes" : "no"));
    }
    out.debug_check();
    return out;
}

} // namespace

SitesResult link_sites(std::span<const Layer> inputs, const SiteOptions& options) {
    if (inputs.empty()) throw ArgumentError("sites need at least one layer of records");
    const auto records = site_records(inputs);
    const auto linkage = link_records(records, options);
    std::vector<std::string> sources;
    const auto ranks = source_ranks(records, sources);
    SitesResult result;
    result.sites = sites_layer(inputs, records, linkage, ranks, sources, options.max_distance_m, result.notes);
    result.records = records_with_sites(inputs, records, linkage);
    result.links = links_table(inputs.front(), records, linkage);
    return result;
}

} // namespace depmap::layers
