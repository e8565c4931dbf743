#include "layers/sites/site_linkage.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"
#include "geo/geodesic.hpp"
#include "geo/point_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace depmap::layers {

namespace {

using Pair = std::pair<std::size_t, std::size_t>;

Pair ordered(std::size_t x, std::size_t y) { return x < y ? Pair{x, y} : Pair{y, x}; }

std::string file_line(const LinkOverride& o) {
    return fmt::format("{}:{}", std::filesystem::path(o.file).filename().string(), o.line);
}

class Linker {
public:
    Linker(std::span<const SiteRecord> records, const SiteOptions& options)
        : m_records(records), m_options(options), m_limit_m(options.max_distance_m) {}

    Linkage run() {
        read_overrides();
        judge_neighbours();
        judge_far_namesakes();
        apply_overrides();
        join_by_overrides();
        join_by_rules();
        return result();
    }

private:
    double distance(std::size_t x, std::size_t y) const {
        const auto [low, high] = ordered(x, y);
        return geo::geodesic_distance_m(m_records[low].position, m_records[high].position);
    }
    const std::string& id(std::size_t i) const { return m_records[i].id; }

    void read_overrides() {
        std::unordered_map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < m_records.size(); ++i) index.emplace(m_records[i].id, i);
        for (const auto& o : m_options.overrides) {
            std::size_t ends[2] = {0, 0};
            const std::string* ids[2] = {&o.record_a, &o.record_b};
            for (int k = 0; k < 2; ++k) {
                const auto it = index.find(*ids[k]);
                if (it == index.end())
                    throw InputError(fmt::format("{} {}:{}: no record has the id '{}'; correct the id or remove the row",
                                                 parameter("overrides"), o.file, o.line, *ids[k]));
                ends[k] = it->second;
            }
            m_overrides.emplace(ordered(ends[0], ends[1]), &o);
        }
    }

    // Every pair within the limit whose names relate: linked, or kept as evidence.
    void judge_neighbours() {
        std::vector<geo::LonLat> positions;
        for (const auto& record : m_records) positions.push_back(record.position);
        const geo::PointIndex index(positions);
        std::vector<std::size_t> near;
        for (std::size_t i = 0; i < m_records.size(); ++i) {
            near.clear();
            index.neighbours_of(i, m_limit_m, near);
            for (const std::size_t j : near)
                if (j > i) judge_near(i, j);
        }
    }

    // The index decides "within the limit" by the distance from the lower record to the
    // higher, as distance() measures it; only pairs whose names relate are measured again.
    void judge_near(std::size_t i, std::size_t j) {
        const auto names = name_relation(m_records[i], m_records[j]);
        if (names.rule == NameRule::DifferentNames) return;
        PairEvidence pair{i, j, distance(i, j), names.rule, false, names.detail};
        if (names_match(names.rule)) {
            const auto commodities = commodity_relation(m_records[i], m_records[j]);
            pair.link = commodities.compatible;
            pair.reason += "; " + commodities.detail;
        } else if (names.rule == NameRule::NumbersDiffer) {
            m_apart.emplace(Pair{i, j}, names.detail);
        } else {
            pair.reason += ": not one name";
        }
        m_pairs.emplace(Pair{i, j}, std::move(pair));
    }

    // Records that share a name (or are its parts) beyond the limit but within the reach
    // of evidence: the ones a person may want to link by hand.
    void judge_far_namesakes() {
        std::unordered_map<std::string, std::vector<std::size_t>> by_key;
        for (std::size_t i = 0; i < m_records.size(); ++i)
            for (const auto& name : m_records[i].names) {
                auto& holders = by_key[name.name.key];
                if (holders.empty() || holders.back() != i) holders.push_back(i);
            }
        std::set<Pair> candidates;
        for (std::size_t i = 0; i < m_records.size(); ++i)
            for (const auto& name : m_records[i].names)
                for (const auto& key : {name.name.key, name.name.base})
                    if (const auto it = by_key.find(key); it != by_key.end())
                        for (const std::size_t j : it->second)
                            if (j != i) candidates.insert(ordered(i, j));
        for (const auto& [i, j] : candidates) {
            if (m_pairs.count({i, j})) continue;
            const double d = distance(i, j);
            if (d <= m_limit_m || d > evidence_reach * m_limit_m) continue;
            const auto names = name_relation(m_records[i], m_records[j]);
            if (!names_match(names.rule)) continue;
            m_pairs.emplace(Pair{i, j}, PairEvidence{i, j, d, names.rule, false,
                                                     fmt::format("{}; {} apart, beyond the {} limit", names.detail,
                                                                 distance_text(d), distance_text(m_limit_m))});
        }
    }

    void apply_overrides() {
        for (const auto& [pair, o] : m_overrides) {
            const auto names = name_relation(m_records[pair.first], m_records[pair.second]);
            const bool link = o->decision == LinkDecision::Link;
            m_pairs[pair] = PairEvidence{pair.first, pair.second, distance(pair.first, pair.second), names.rule, link,
                                         fmt::format("override ({}): {}", file_line(*o), o->reason), o};
            if (link) m_apart.erase(pair);
            else m_apart[pair] = fmt::format("{} separates them", file_line(*o));
        }
    }

    // Why the sites of x and y cannot be one: the first pair of their records that may not
    // share a site, in words; nothing when they can.
    std::optional<std::string> conflict(std::size_t x, std::size_t y) const {
        for (const std::size_t p : m_members[m_site[x]])
            for (const std::size_t q : m_members[m_site[y]]) {
                const Pair pair = ordered(p, q);
                if (const auto o = m_overrides.find(pair); o != m_overrides.end() && o->second->decision == LinkDecision::Link)
                    continue;
                if (const auto apart = m_apart.find(pair); apart != m_apart.end())
                    return fmt::format("{} and {} would be one site, but {}", id(pair.first), id(pair.second), apart->second);
                if (const double d = distance(pair.first, pair.second); d > m_limit_m)
                    return fmt::format("{} and {} would be one site, {} apart", id(pair.first), id(pair.second),
                                       distance_text(d));
            }
        return std::nullopt;
    }

    void join(std::size_t x, std::size_t y) {
        std::size_t keep = m_site[x];
        std::size_t gone = m_site[y];
        if (gone < keep) std::swap(keep, gone);
        for (const std::size_t member : m_members[gone]) m_site[member] = keep;
        m_members[keep].insert(m_members[keep].end(), m_members[gone].begin(), m_members[gone].end());
        m_members[gone].clear();
    }

    void start_sites() {
        m_site.resize(m_records.size());
        m_members.resize(m_records.size());
        for (std::size_t i = 0; i < m_records.size(); ++i) {
            m_site[i] = i;
            m_members[i] = {i};
        }
    }

    void join_by_overrides() {
        start_sites();
        for (const auto& [pair, o] : m_overrides) {
            if (o->decision != LinkDecision::Link || m_site[pair.first] == m_site[pair.second]) continue;
            if (const auto why = conflict(pair.first, pair.second))
                throw InputError(fmt::format("{} {}:{}: linking {} and {} cannot hold: {}; link that pair too, or "
                                             "drop one of the links",
                                             parameter("overrides"), o->file, o->line, o->record_a, o->record_b, *why));
            join(pair.first, pair.second);
        }
    }

    void join_by_rules() {
        std::vector<PairEvidence*> links;
        for (auto& [pair, evidence] : m_pairs)
            if (evidence.link && !evidence.override) links.push_back(&evidence);
        std::sort(links.begin(), links.end(), [](const PairEvidence* p, const PairEvidence* q) {
            return std::tie(p->distance_m, p->a, p->b) < std::tie(q->distance_m, q->a, q->b);
        });
        for (auto* link : links) {
            if (m_site[link->a] == m_site[link->b]) continue;
            if (const auto why = conflict(link->a, link->b)) {
                link->reason += "; not joined: " + *why;
                continue;
            }
            join(link->a, link->b);
        }
    }

    Linkage result() {
        Linkage linkage;
        linkage.site_of.resize(m_records.size());
        std::vector<std::size_t> number(m_records.size(), 0);
        for (std::size_t i = 0; i < m_records.size(); ++i) {
            if (m_site[i] == i) {
                auto members = m_members[i];
                std::sort(members.begin(), members.end());
                number[i] = linkage.sites.size();
                linkage.sites.push_back(std::move(members));
            }
            linkage.site_of[i] = number[m_site[i]];
        }
        for (auto& [pair, evidence] : m_pairs) linkage.pairs.push_back(std::move(evidence));
        return linkage;
    }

    std::span<const SiteRecord> m_records;
    const SiteOptions& m_options;
    double m_limit_m;
    std::map<Pair, const LinkOverride*> m_overrides;
    std::map<Pair, PairEvidence> m_pairs;
    std::map<Pair, std::string> m_apart;  // pairs never in one site, and why
    std::vector<std::size_t> m_site;      // each record's site: the lowest record in it
    std::vector<std::vector<std::size_t>> m_members;
};

} // namespace

Linkage link_records(std::span<const SiteRecord> records, const SiteOptions& options) {
    if (!std::isfinite(options.max_distance_m) || options.max_distance_m < 0)
        throw ArgumentError(fmt::format("{} must be a distance of 0 m or more", parameter("max_distance_m")));
    return Linker(records, options).run();
}

} // namespace depmap::layers
