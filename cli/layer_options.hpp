#pragma once
// The flags that say how to read a layer, shared by every command that reads one: the
// input's --layer-name, --src-crs and --on-error, and a secondary input's own
// (--polygon-layer-name, ...).
#include "cli/command.hpp"
#include "cli/parameter_flags.hpp"
#include "layers/model/layer.hpp"
#include "layers/query/postgis_candidates.hpp"
#include "layers/read/read_options.hpp"

#include <optional>
#include <ostream>
#include <string>

namespace depmap::cli {

// Refuses an empty path: `--layer ''` names no file (and must not read as the bundled
// deposits, which leaving the option out means).
CLI::Validator non_empty_path();

// --layer FILE: the layer a command reads (the bundled deposits when not given).
CLI::Option* add_layer_option(CLI::App& command, std::string& path, const std::string& help);

class LayerOptions {
public:
    // `prefix` goes before each flag's name: "polygon-" for --polygon-layer-name.
    explicit LayerOptions(std::string prefix = "") : m_prefix(std::move(prefix)) {}

    layers::ReadOptions read;

    // Binds --layer-name, --src-crs and --on-error (with the prefix) to `read`, in `group`
    // of the help when given. --src-crs is checked as the command line is read.
    void add_to(CLI::App& command, const std::string& what = "a multi-layer source (GeoPackage, KML)",
                const std::string& group = "");
    // Reads `path` (the bundled deposits when empty), then prints notes and what was
    // skipped to `err` unless quiet, and with -v which coordinates were used. Errors and
    // notes name this input's flags.
    // With `around`, a PostGIS table's server selects the candidates (postgis_candidates.hpp);
    // -v says which way it was read; `unread` gets the count of rows it left on the server.
    layers::Layer load(const std::string& path, const GlobalOptions& global, std::ostream& err,
                       const std::optional<layers::Around>& around = std::nullopt,
                       std::size_t* unread = nullptr) const;

    // `layer_name` -> --layer-name, with the prefix.
    FlagNames flags() const;

private:
    std::string m_prefix;
};

} // namespace depmap::cli
