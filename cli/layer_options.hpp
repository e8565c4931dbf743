#pragma once
// The flags that say how to read a layer, shared by every command that reads one.
#include "cli/command.hpp"
#include "layers/model/layer.hpp"
#include "layers/read/read_options.hpp"

#include <ostream>
#include <string>

namespace depmap::cli {

// Refuses an empty path: `--layer ''` names no file (and must not read as the bundled
// deposits, which leaving the option out means).
CLI::Validator non_empty_path();

struct LayerOptions {
    layers::ReadOptions read;

    // Binds --layer-name, --src-crs and --on-error to `read`.
    void add_to(CLI::App& command);
    // Reads `path` (the bundled deposits when empty), then prints notes and what was
    // skipped to `err` unless quiet, and with -v which coordinates were used.
    layers::Layer load(const std::string& path, const GlobalOptions& global, std::ostream& err) const;
};

} // namespace depmap::cli
