#pragma once
// --sum and --group-by: the fields a command totals, and the field splitting its totals.
// Declared here once for every command that totals; each says per what in its help.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace depmap::cli {

// --sum FIELD, repeatable.
CLI::Option* add_sum_option(CLI::App& command, std::vector<std::string>& fields, const std::string& help);
// --group-by FIELD.
CLI::Option* add_group_by_option(CLI::App& command, std::string& field, const std::string& help);

} // namespace depmap::cli
