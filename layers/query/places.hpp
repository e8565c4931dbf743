#pragma once
// Places as users name them: a feature's name (English, alternative or Chinese) or id, a
// gazetteer place ("Baotou"), "lon,lat" decimal degrees, or DMS text.
#include "geo/lonlat.hpp"
#include "layers/model/layer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

// A place a question is asked about: resolved from text, a feature of a file of places,
// a hub. One type for every command.
struct Place {
    std::string name;          // what the user wrote, the matched name, or the feature's name
    geo::LonLat position;      // WGS84
    std::string id = {};       // the feature's id, or the text the user wrote
    // The id as a number when the places' ids are numbers (an Integer "id" field, or row
    // numbers): answers then label their rows with numbers too, so that a query_id
    // joins the places' own id in QGIS without a cast.
    std::optional<std::int64_t> id_number = std::nullopt;
    std::string origin = {};   // "coordinates", "feature IM-USGS-0001", "gazetteer", ...
    std::size_t records = 1;   // how many records were merged into this place
};

// Every feature of a point layer as a place: id from its "id" field (else its 1-based row
// number), name from its "name" field. Throws InputError for a layer of other geometries.
std::vector<Place> places_of(const Layer& layer);

// "Baotou, 119.0,42.3, Chifeng" -> {"Baotou", "119.0,42.3", "Chifeng"}: items are split at
// commas, and two numbers in a row are joined back into one lon,lat place. Throws
// ArgumentError for an empty item.
std::vector<std::string> split_place_list(std::string_view text);

// Records that share a name (site_name_key: "Bayan Obo Mine", "Bayan Obo (Baotou)" and
// "bayan obo" are one name) are one place, at their geodesic mean, when they are one site
// (site_linkage.hpp): every pair within this distance, or linked by the bundled
// data/site_links.csv, with commodities in common. Complete linkage: no chain of records
// makes one place of two farther apart.
inline constexpr double same_place_m = 25000.0;

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

// The bundled layers a place is looked up in after the query's own layer: the records (a
// mine of a site by its own name and position), the gazetteer places.csv and cities.csv;
// loaded once per process.
std::vector<const Layer*> bundled_gazetteers();

} // namespace depmap::layers
