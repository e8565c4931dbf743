#pragma once
// The bundled Inner Mongolia dataset: where it is and which file is which.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace depmap::layers {

// The folder of the bundled data: $DEPMAP_DATA when set; else the installed copy
// beside the executable (<prefix>/share/depmap/data); else the source tree's data/
// (running from a build tree). Throws InputError when none exists.
std::filesystem::path data_dir();

// The bundled files, each named once here.
enum class Bundled {
    Sites,        // sites.csv: deposits and mines, one per site (depmap sites of the records)
    Records,      // records.csv: the sources' records of deposits and mines; the default layer
    Plants,       // plants.csv: iron and steel plants
    PowerPlants,  // power_plants.csv: coal-fired power plants
    GasFields,    // gas_fields.csv: gas fields
    Divisions,    // divisions.geojson: the leagues and cities
    Boundary,     // boundary.geojson: Inner Mongolia, the divisions dissolved
    Places,       // places.csv: the gazetteer of named places
    Cities,       // cities.csv: the gazetteer of cities
};

// A bundled layer: the name it goes by wherever a layer is read (`--layer plants`,
// `depmap info divisions`), its file in data_dir(), and what it holds.
struct BundledLayer {
    Bundled layer;
    const char* name;
    const char* file;
    const char* what;
};

// Every bundled layer, the default first.
const std::vector<BundledLayer>& bundled_layers();

// The bundled layer `name` names ("plants"), if any.
std::optional<Bundled> bundled_named(std::string_view name);

// The path of a bundled file (in data_dir()).
std::filesystem::path bundled_path(Bundled file);

// What a layer argument names: the default layer when empty, a bundled layer when it is one
// of their names (a file of that name is given as ./plants), else the path as given.
std::string layer_source(const std::string& text);

// Whether `path` names one of the bundled layers: by its name, its file, or the empty path
// (the default layer).
bool is_bundled(const std::string& path);

// The default layer of every command: the bundled records.
std::filesystem::path default_layer_path();

// Words that stand for a bundled file in an option ("divisions").
using BundledNames = std::vector<std::pair<std::string, Bundled>>;

// `text`, unless it is the name of a bundled polygon layer in `names`: then that file's path.
// ("divisions" names the leagues and cities for --by and --extent; a file of that name
// is given as ./divisions.)
std::string bundled_or_path(const std::string& text,
                            const BundledNames& names);

} // namespace depmap::layers
