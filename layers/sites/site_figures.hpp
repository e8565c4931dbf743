#pragma once
// Quantities of a site from those of its records. Every numeric field of the inputs is a
// figure (capacity_mtpa, ore_mt, ...), except `id` and fields named `*_id`. A site's
// figure is not the sum of its records' (several sources describe one deposit), but:
//  - across sources, one source's figure is taken: the source with the most records
//    carrying the figure in that site, then the first in source order;
//  - records of that source within the site are distinct parts (pits, phases): an amount
//    (a field whose name ends in a unit of amount: _mt, _mtpa, _kt, _ktpa, _t, _tpa, _mw,
//    _gw, _m3pa...) adds up over them; any other figure (a grade, a year) is taken when
//    they all give the same value, else left empty, `<figure>_source` saying they differ;
//  - `<figure>_source` names that source; a site none of whose records carries the figure
//    leaves both empty, never 0.
#include "layers/model/column.hpp"
#include "layers/model/layer.hpp"
#include "layers/sites/site_records.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace depmap::layers {

struct FigureField {
    std::string name;
    FieldType type = FieldType::Integer;          // Real when any input holds it as Real
    std::vector<std::optional<std::size_t>> field;  // its field in each input, if any
};

// The figures of the inputs, in the order their fields come (first input first). Fields
// named in `reserved` (the sites layer's own) are left out, each with a note in `notes`.
std::vector<FigureField> figure_fields(std::span<const Layer> inputs, std::span<const std::string> reserved,
                                       std::vector<std::string>& notes);

// The figure's value and source column for these sites. `members` are each site's
// records; `source_rank` orders the records' sources (lower first).
struct FigureColumns {
    Column value;
    Column source{FieldType::String};
};
FigureColumns site_figure(const FigureField& figure, std::span<const Layer> inputs,
                          std::span<const SiteRecord> records, std::span<const std::vector<std::size_t>> members,
                          std::span<const std::size_t> source_rank);

} // namespace depmap::layers
