#pragma once
// What a site is called, and which of its records are parts of it.
//  - A record is a part when a name of it is another record's of the site plus words
//    naming a part (Bayan Obo East Mine beside Bayan Obo): its part words are kept.
//  - The site's name is that of its whole records (all records when all are parts): the
//    name (by key) most of them give, ties going to the shortest key (Sanheming before
//    Baogang Sanheming), then to the record first in source order, then by id; written as
//    most of those records write it, then the shortest, then the first in byte order.
//    name_rule says how many records gave it.
//  - name_zh is the Chinese name most records give, ties to whole records, then the
//    shortest, then the first in byte order; empty when no record gives one.
#include "layers/sites/site_records.hpp"

#include <span>
#include <string>
#include <vector>

namespace depmap::layers {

// The part words of each record of a site ("east", "open pit"), "" for a whole record.
std::vector<std::string> parts_of(std::span<const SiteRecord> records, std::span<const std::size_t> site);

struct SiteNaming {
    std::string name;
    std::string rule;     // "single record", "every record", "most records: 4 of 5", ...
    std::string name_zh;  // "" when none
    std::string key;      // the key of `name` (site_names.hpp); "" when no record has a name
};

// `parts` as parts_of gives them; `source_rank` per record (lower first).
SiteNaming site_naming(std::span<const SiteRecord> records, std::span<const std::size_t> site,
                       std::span<const std::string> parts, std::span<const std::size_t> source_rank);

} // namespace depmap::layers
