#pragma once
// The distance between every pair of two lists of places, one row per pair (the long
// form of a distance matrix): from_id, from_name, to_id, to_name, distance_m (exact
// geodesic, metres). Pair (i, j) is row i * to.size() + j.
#include "layers/model/layer.hpp"
#include "layers/query/proximity.hpp"

#include <span>

namespace depmap::layers {

// How the table is printed, for the memory it then holds at once.
enum class PairsPrinting {
    File,   // written to a file: the table itself
    Table,  // an aligned text table: every cell as a string too
    Json,   // JSON or GeoJSON on stdout: a JSON object per row too
};

// The bytes the pairs' table takes while it is built and printed.
double distance_pairs_bytes(std::span<const Place> from, std::span<const Place> to,
                            PairsPrinting printing);

// The table of pairs. Throws LimitError, before any work, when it would not fit in memory
// as `printing` needs it.
Layer distance_pairs(std::span<const Place> from, std::span<const Place> to,
                     PairsPrinting printing = PairsPrinting::File);

} // namespace depmap::layers
