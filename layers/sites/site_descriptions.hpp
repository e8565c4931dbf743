#pragma once
// The words a site takes from its records: status, site_type, deposit_type, licence. A
// query asks a site what it asks a record (`--where "status = 'operating'"`), and a map
// credits every licence of what it draws.
#include "layers/model/column.hpp"
#include "layers/model/layer.hpp"
#include "layers/sites/site_records.hpp"

#include <span>
#include <string>
#include <vector>

namespace depmap::layers {

// The descriptive text fields sites carry, in their order.
const std::vector<std::string>& description_fields();

// One column per description field, a row per site (members: each site's records).
// status: the most active of its records' (operating, construction, mothballed, proposed,
// shelved, retired, cancelled, then any other word): a deposit with one working pit is in
// production. The others: the distinct values in record order, joined with "; " (licence
// with " | ", as sources are).
std::vector<Column> site_descriptions(std::span<const Layer> inputs, std::span<const SiteRecord> records,
                                      std::span<const std::vector<std::size_t>> members);

} // namespace depmap::layers
