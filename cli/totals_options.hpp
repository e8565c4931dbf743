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

// The field a map of totals is graduated by: the first --sum's total, else the count.
std::string class_field(const std::vector<std::string>& sum_fields);

} // namespace depmap::cli
