#pragma once
// Places as users name them: a feature's name (English, alternative or Chinese) or id, a
// gazetteer place ("Baotou"), "lon,lat" decimal degrees, or DMS text.
#include "geo/lonlat.hpp"
#include "layers/model/layer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

struct Place {
    std::string label;         // what the user wrote, or the matched name
    geo::LonLat position;      // WGS84
    std::string origin;        // "coordinates", "feature IM-USGS-0001", "gazetteer", ...
    std::size_t records = 1;   // how many records were merged into this place
};

// Records that share a normalised name and lie within this distance of each other
// (single linkage) are one place, at their geodesic mean.
inline constexpr double same_place_m = 25000.0;

// Name matching ignores case, punctuation, bracketed notes and generic words:
// "Bayan Obo Mine", "Bayan Obo (Baotou)" and "bayan obo" are one name.
std::string normalised_name(std::string_view name);

class PlaceResolver {
public:
    // `layer` is searched first (ids, then names); `gazetteers` after it, in order.
    // Both must outlive the resolver.
    PlaceResolver(const Layer& layer, std::vector<const Layer*> gazetteers);

    // Throws InputError naming the text when nothing matches (with suggestions) or
    // when the name is ambiguous (listing the candidates).
    Place resolve(std::string_view text) const;

private:
    const Layer& m_layer;
    std::vector<const Layer*> m_gazetteers;
};

// The bundled gazetteer layers (places.csv, cities.csv), loaded once per process.
std::vector<const Layer*> bundled_gazetteers();

} // namespace depmap::layers
