#pragma once
// The flags every query command shares: which layer, which of its features, and where
// the answer goes.
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/map_page_options.hpp"
#include "cli/output_format.hpp"
#include "layers/model/layer.hpp"
#include "layers/query/places.hpp"
#include "layers/write/write_layer.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace depmap::cli {

// A layer as read, and the features --where and --commodity selected from it.
struct SelectedLayer {
    layers::Layer all;
    std::optional<layers::Layer> filtered;  // empty when no filter was given
    const layers::Layer& selected() const { return filtered ? *filtered : all; }
    // Rows a PostGIS server left unread, every one outside the boxes asked for (count_rest).
    std::size_t unread = 0;
};

struct QueryInput {
    std::string layer_path;
    LayerOptions layer;
    std::string where;
    std::string commodity;

    // --layer, --layer-name, --src-crs, --on-error, --where, and --commodity.
    void add_to(CLI::App& command);
    // With `around` (a proximity query about coordinates), a PostGIS table's server selects
    // the candidates.
    SelectedLayer load(const GlobalOptions& global, std::ostream& err,
                       std::optional<layers::Around> around = std::nullopt) const;
};

struct OutputOptions {
    OutputFormat format = OutputFormat::Table;
    std::string path;
    std::string layer_name;
    layers::WriteOptions write;
    bool style = false;
    std::string size_by;
    std::string tiles;  // an HTML map's tile layer
    bool wide = false;                // --wide: a table of every field, cells cut only past 40 columns
    std::vector<std::string> fields;  // --fields: only these, in this order
    // Drawn beside the answer when -o names a map (.png, .svg, .pdf, .html): the query's
    // places, and near's radius (layers::query_marks).
    std::vector<layers::Layer> map_marks;
    MapPageOptions map;  // the page and labels of that map

    // -f table|csv|json|geojson for stdout (unless !to_stdout); -o FILE, -O, --crs,
    // --precision, --output-layer, --append, --style and --size-by for files, --tiles for
    // an HTML map; the MapPageOptions for an image. Takes the
    // command's parse-complete callback: an existing -o FILE is refused there.
    void add_to(CLI::App& command, bool to_stdout = true);
    // Refuses an existing -o FILE, settles its format and checks it can be written
    // (layers::check_output): run as soon as the command line is read.
    void check(bool to_stdout);
    // -o -: a text format -f names, and no option only a file takes.
    void check_standard_output(bool to_stdout);
    // Prints `result` to `out`, or writes it to -o FILE (or -o -) in the format its extension
    // names (else -f's), with the writer's notes on `err` unless -q; a map (image or HTML)
    // draws it over the bundled base map, with the map_marks, styled as `style_kind`: a
    // Grid graduated on `class_field`.
    void emit(const layers::Layer& result, const GlobalOptions& global, std::ostream& out,
              std::ostream& err, layers::StyleKind style_kind = layers::StyleKind::Automatic,
              const std::string& class_field = "count") const;
    // Keeps only the --fields (when given) of `layer`, in their order. Throws ArgumentError
    // naming --fields, an unknown field and the known ones.
    void keep_fields(layers::Layer& layer) const;
    // Whether -o names an image: the answer is then drawn as a map over the base map.
    bool to_image() const;
    // Whether -o names a map: an image or an HTML page.
    bool to_map() const { return to_image() || write.format == layers::FileFormat::Html; }
    // Whether -o names a GeoPackage, which holds several layers.
    bool to_package() const { return !path.empty() && write.format == layers::FileFormat::GeoPackage; }
    // Writes `results` into the GeoPackage -o FILE in one write, each under its Layer::name
    // (the first under --output-layer when given).
    void emit_package(const std::vector<const layers::Layer*>& results, const GlobalOptions& global,
                      std::ostream& err) const;

private:
    void draw(const layers::Layer& result, const GlobalOptions& global, std::ostream& err,
              const std::string& class_by) const;
};

// The file format -f names, for a file whose extension does not say it.
std::optional<layers::FileFormat> file_format(OutputFormat format);

// Resolves a place against `layer` and the bundled gazetteer; -v says how.
layers::Place resolve_place(const std::string& text, const layers::Layer& layer,
                            const GlobalOptions& global, std::ostream& err);

} // namespace depmap::cli
