#pragma once
// A subcommand of `depmap`: setup() binds its options to members (no I/O), run() does
// the work through the library and prints the answer. Errors are thrown, and reported
// only by main.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace depmap::cli {

// Options every command shares.
struct GlobalOptions {
    bool quiet = false;    // -q: no notes on stderr, only errors
    bool verbose = false;  // -v: say which columns, CRS and files were used
};

class Command {
public:
    virtual ~Command() = default;
    // Adds the subcommand to `app` and binds its options.
    virtual CLI::App* setup(CLI::App& app) = 0;
    // Runs after a successful parse; writes the answer to `out`, notes to `err`.
    virtual void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) = 0;
};

// Every subcommand, in the order `depmap --help` lists them.
std::vector<std::unique_ptr<Command>> make_commands();

} // namespace depmap::cli
