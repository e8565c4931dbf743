#pragma once
// Decisions a person made about pairs of records, standing over the rules: a CSV of
//     record_a,record_b,decision,reason
// where decision is `link` (one site, whatever the rules and the distance say) or
// `separate` (never one site), and reason says why, for the next reader. The bundled
// data/site_links.csv holds those the bundled deposits need.
#include <filesystem>
#include <string>
#include <vector>

namespace depmap::layers {

enum class LinkDecision { Link, Separate };

struct LinkOverride {
    std::string record_a;
    std::string record_b;
    LinkDecision decision = LinkDecision::Link;
    std::string reason;
    std::string file;       // the path it was read from
    std::size_t line = 0;   // its line there, 1-based
};

// Reads an overrides file. Throws InputError naming the file (and line) for a missing
// column, a decision other than link or separate, an empty id or reason, a record paired
// with itself, or a pair decided twice. Ids are checked against the records by the
// linkage (site_linkage.hpp).
std::vector<LinkOverride> read_link_overrides(const std::string& path);

// data/site_links.csv, the overrides of the bundled deposits.
std::filesystem::path bundled_link_overrides_path();

// The bundled overrides, read once per process; none when the data folder has no such file.
const std::vector<LinkOverride>& bundled_link_overrides();

} // namespace depmap::layers
