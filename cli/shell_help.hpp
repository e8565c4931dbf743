#pragma once
// Shell completions and the man page, both written from the parser itself (the commands,
// their options and help texts), so neither drifts from what depmap accepts. The build
// runs `depmap --completion bash|zsh` and `depmap --man` and installs what they print.
#include <CLI/CLI.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace depmap::cli {

// The names --layer takes besides a file; for now the bundled layers' names.
const std::vector<std::string>& bundled_layer_names();

// Writes the completion script for `shell` ("bash" or "zsh"); `places` are the names of
// the bundled gazetteer, offered where a PLACE goes. Throws ArgumentError for another shell.
void write_completion(std::ostream& out, const CLI::App& app, const std::string& shell,
                      const std::vector<std::string>& places);

// Writes depmap(1) in the man macros, one section per command.
void write_man_page(std::ostream& out, const CLI::App& app, const std::string& version);

} // namespace depmap::cli
