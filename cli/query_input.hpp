#pragma once
// The flags every query command shares: which layer, which of its features, and where
// the answer goes.
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/output_format.hpp"
#include "layers/layer.hpp"
#include "layers/places.hpp"

#include <optional>
#include <ostream>
#include <string>

namespace depmap::cli {

// A layer as read, and the features --where and --commodity selected from it.
struct SelectedLayer {
    layers::Layer all;
    std::optional<layers::Layer> filtered;  // empty when no filter was given
    const layers::Layer& selected() const { return filtered ? *filtered : all; }
};

struct QueryInput {
    std::string layer_path;
    LayerOptions layer;
    std::string where;
    std::string commodity;

    // --layer, --layer-name, --src-crs, --on-error, --where, and --commodity.
    void add_to(CLI::App& command);
    SelectedLayer load(const GlobalOptions& global, std::ostream& err) const;
};

struct OutputOptions {
    OutputFormat format = OutputFormat::Table;
    std::string path;
    bool overwrite = false;

    // -f table|csv|json|geojson, -o FILE, -O.
    void add_to(CLI::App& command);
    // Prints `result` to `out`, or writes it atomically to -o FILE (format from -f, else
    // from the file's extension).
    void emit(const layers::Layer& result, std::ostream& out) const;
};

// Resolves a place against `layer` and the bundled gazetteer; -v says how.
layers::Place resolve_place(const std::string& text, const layers::Layer& layer,
                            const GlobalOptions& global, std::ostream& err);

} // namespace depmap::cli
