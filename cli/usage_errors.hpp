#pragma once
// CLI11's parse errors said in depmap's words: one line naming the command or option at
// fault and what it takes ("no command 'nera'; did you mean near?", "-f: give one of
// table, csv, json, geojson, not 'xml'"), never CLI11's own wording.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace depmap::cli {

struct UsageError {
    std::string command;  // the command to blame, empty for depmap itself
    std::string message;
};

// `app` is depmap's whole parser, after the failed parse; `args` the command line
// without the program's name.
UsageError usage_error(const CLI::ParseError& error, const CLI::App& app, const std::vector<std::string>& args);

} // namespace depmap::cli
