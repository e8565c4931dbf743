#pragma once
// The records site linkage works on: one per feature of its input layers, with what the
// rules compare (names, commodities, position and how precisely it is stated, source).
#include "geo/lonlat.hpp"
#include "layers/model/layer.hpp"
#include "layers/sites/site_names.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

enum class NameField { Name, Alternative, Chinese };

struct RecordName {
    SiteName name;
    NameField field;
};

struct SiteRecord {
    std::string id;
    std::size_t input = 0;  // its layer among the inputs
    std::size_t row = 0;    // its row there
    geo::LonLat position;
    int precision_rank = 0;  // geo::stated_precision_rank of the position: larger is finer
    std::string name;        // `name` as written ("" when empty)
    std::string name_zh;     // `name_zh` as written ("" when none)
    // Every name it answers to: `name` (split at `;`: GSC writes "Huanggang; Huanggangliang"),
    // `alt_names` (`;`-separated) and `name_zh` (split at blanks), empty ones left out.
    std::vector<RecordName> names;
    std::vector<std::string> commodities;     // as written, in its order
    std::vector<std::string> commodity_keys;  // canonical_commodity of each, sorted, unique
    std::string source;  // its `source`, or its input's path when it has none
};

// The order of ids: whole numbers first, by value, then text, byte by byte.
bool id_before(std::string_view a, std::string_view b);

// The records of point layers, in id order. Throws InputError naming the file when a
// layer is not of points or lacks an `id` or `name` field, and naming the file and row
// for an empty id or an id two records share. name_zh, alt_names, commodities (or
// commodity) and source are read when there.
std::vector<SiteRecord> site_records(std::span<const Layer> inputs);

// The rows of a layer as records, for matching names (PLACE): ids from its `id` field,
// else row numbers; any geometry other than points is the caller's to refuse.
std::vector<SiteRecord> records_of_rows(const Layer& layer, std::span<const std::size_t> rows);

} // namespace depmap::layers
