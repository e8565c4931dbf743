#pragma once
// Records into sites: complete linkage over the pairs the rules link (site_links.hpp).
//  - Candidate pairs are those within the limit (SiteOptions::max_distance_m) whose names
//    are one name (same, alternative, Chinese, romanised, or a part) and whose commodities
//    are compatible; distance alone never links.
//  - Links are taken shortest first (then by the records' ids); a link joins two sites only
//    when every pair of records of the joined site is within the limit. So a site never
//    chains past the limit through a third record: its spread is at most the limit.
//  - Records whose names are one but for their numbers ("No. 1", "No. 2") are never in one
//    site; nor are the two records of a `separate` override.
//  - A `link` override joins its pair first, whatever its names and distance; that pair
//    (and only that pair) is exempt from the limit. Overrides that cannot all hold (a link
//    that would bring records farther apart than the limit, or a `separate` pair, into one
//    site) are an error.
// The answer depends only on the records and their ids, not on their order.
#include "layers/sites/link_overrides.hpp"
#include "layers/sites/site_links.hpp"
#include "layers/sites/site_records.hpp"

#include <span>
#include <string>
#include <vector>

namespace depmap::layers {

struct SiteOptions {
    // Records farther apart are never in one site, unless an override links that pair.
    // DEFAULT: 25 km: several USGS databases place one deposit kilometres apart.
    double max_distance_m = 25000.0;
    // Decisions over the rules (read_link_overrides); each id must be a record's.
    // DEFAULT: none.
    std::vector<LinkOverride> overrides;
};

// Pairs whose names are one but lie beyond the limit are kept as evidence up to this many
// times the limit (100 km by default).
inline constexpr double evidence_reach = 4.0;

// A pair of records that were linked, or nearly: why, and what was decided.
struct PairEvidence {
    std::size_t a = 0;  // records, a before b
    std::size_t b = 0;
    double distance_m = 0.0;
    NameRule rule = NameRule::DifferentNames;
    bool link = false;   // the pair's decision: one site (link) or not (separate)
    std::string reason;
    const LinkOverride* override = nullptr;  // the override that decided it, if any
};

struct Linkage {
    std::vector<std::vector<std::size_t>> sites;  // each site's records ascending; sites by their first
    std::vector<std::size_t> site_of;             // each record's site
    std::vector<PairEvidence> pairs;              // by (a, b)
};

// `records` in id order (site_records gives them so). Throws InputError naming the
// overrides file and line for an id no record has, or overrides that cannot all hold;
// ArgumentError for a limit that is negative or not finite.
Linkage link_records(std::span<const SiteRecord> records, const SiteOptions& options);

} // namespace depmap::layers
