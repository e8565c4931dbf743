#pragma once
// -f: how an answer is printed on stdout.
#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <vector>

namespace depmap::cli {

enum class OutputFormat { Table, Csv, Json, GeoJson };

// Adds -f/--format accepting the names of `allowed` (the first is the default).
inline CLI::Option* add_format_option(CLI::App& command, OutputFormat& format,
                                      const std::vector<std::pair<std::string, OutputFormat>>& allowed) {
    format = allowed.front().second;
    std::map<std::string, OutputFormat> names(allowed.begin(), allowed.end());
    std::string list;
    for (const auto& [name, value] : allowed) list += (list.empty() ? "" : "|") + name;
    return command.add_option("-f,--format", format, "Output format: " + list)
        ->transform(CLI::CheckedTransformer(names, CLI::ignore_case).description(""))
        ->type_name(list);
}

} // namespace depmap::cli
