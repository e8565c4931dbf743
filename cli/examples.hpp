#pragma once
// Two examples under a command's --help (and in the man page, which prints the same
// footer): a command line that works on the bundled data, and what it answers.
#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

namespace depmap::cli {

using Example = std::pair<std::string, std::string>;  // command line, what it answers

inline void add_examples(CLI::App& command, const std::vector<Example>& examples) {
    std::string footer = "Examples:";
    for (const auto& [line, answer] : examples) footer += "\n  " + line + "\n      " + answer;
    command.footer(footer);
}

} // namespace depmap::cli
