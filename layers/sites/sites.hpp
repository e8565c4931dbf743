#pragma once
// Sites: the records of one deposit or mine, linked (README "Sites" states every rule).
// Several sources describe one deposit, and one source describes a deposit's pits and
// phases: a count of records is not a count of deposits. link_sites() groups the records
// of point layers into sites by their names, commodities and distance (site_linkage.hpp),
// with the overrides a person decided, and says why, pair by pair.
#include "layers/model/layer.hpp"
#include "layers/sites/site_linkage.hpp"

#include <span>
#include <string>
#include <vector>

namespace depmap::layers {

struct SitesResult {
    // One point per site, sites by site_id: site_id, name, name_rule, name_zh, commodities,
    // record_count, record_ids, sources, part_count, parts, position_record,
    // position_precision, spread_m, then each figure and <figure>_source (site_figures.hpp).
    Layer sites;
    // Every input record with its site_id and site_part (the part words, "" for a whole),
    // by site, then id.
    Layer records;
    // A table: every pair linked or nearly linked (evidence): record_a, record_b, name_a,
    // name_b, distance_m, name_rule, decision (link or separate), reason, same_site.
    Layer links;
    std::vector<std::string> notes;  // what a user should know (figures left out)
};

// Inputs are point layers with `id` and `name` fields (name_zh, alt_names, commodities,
// source and numeric figures are used when there). Throws InputError naming the file and
// field or row (site_records.hpp), or the overrides file and line (site_linkage.hpp).
SitesResult link_sites(std::span<const Layer> inputs, const SiteOptions& options = {});

} // namespace depmap::layers
