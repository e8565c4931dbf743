// depmap: maps mineral deposits and mines. One executable, one subcommand per question.
#include "cli/command.hpp"
#include "cli/standard_output.hpp"
#include "geo/error.hpp"

#include <fmt/format.h>

#include <iostream>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;  // bad data or a runtime failure
constexpr int exit_usage = 2;    // a malformed command line

int report(const std::string& command, const char* what, int code) {
    std::cerr << fmt::format("depmap{}{}: error: {}\n", command.empty() ? "" : " ", command, what);
    return code;
}

} // namespace

int main(int argc, char** argv) {
    using namespace depmap;
    cli::StandardOutput standard_output;  // std::cout, its failed writes reported
    CLI::App app("depmap: maps mineral deposits and mines, and answers questions about them.",
                 "depmap");
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("depmap 0.1.0"));
    cli::GlobalOptions global;
    app.add_flag("-q,--quiet", global.quiet, "Print errors only, no notes")->configurable(false);
    app.add_flag("-v,--verbose", global.verbose, "Say which columns, CRS and files were used");

    auto commands = cli::make_commands();
    std::vector<std::pair<CLI::App*, cli::Command*>> parsers;
    for (auto& command : commands) {
        CLI::App* sub = command->setup(app);
        sub->fallthrough();  // -q and -v work after the subcommand too
        parsers.emplace_back(sub, command.get());
    }

    const auto parsed_command = [&app] {
        std::string command;
        for (const auto* sub : app.get_subcommands()) command = sub->get_name();
        return command;
    };
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        const std::string command = parsed_command();
        report(command, e.what(), exit_usage);
        std::cerr << fmt::format("run 'depmap {}--help' for usage\n", command.empty() ? "" : command + " ");
        return exit_usage;
    } catch (const OutputError& e) {  // checked as the line is read: an existing -o file
        return report(parsed_command(), e.what(), exit_failure);
    }

    for (auto& [sub, command] : parsers) {
        if (!sub->parsed()) continue;
        const std::string name = sub->get_name();
        try {
            command->run(global, std::cout, std::cerr);
            standard_output.finish();
            return exit_ok;
        } catch (const cli::ClosedPipe&) {
            return exit_ok;  // the reader stopped reading (| head): not an error
        } catch (const ArgumentError& e) {
            return report(name, e.what(), exit_usage);
        } catch (const std::bad_alloc&) {
            return report(name, "out of memory", exit_failure);
        } catch (const std::exception& e) {
            return report(name, e.what(), exit_failure);
        }
    }
    return exit_usage;
}
