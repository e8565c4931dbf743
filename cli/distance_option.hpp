#pragma once
// Every option that takes a distance with units (10km, 5 mi, 800 m, 3nmi): read as the
// command line is read, so a bad one fails before any work.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace depmap::cli {

// Adds `name` to `command`, storing the distance in metres in `metres` (geo::parse_distance_m).
// `check`, a library check of the parameter, runs on it too; its error names the flag and
// the text given ("--cell 0km: a cell must be larger than 0 m").
CLI::Option* add_distance_option(CLI::App& command, const std::string& name, double& metres,
                                 const std::string& help, std::function<void(double)> check = {});

} // namespace depmap::cli
