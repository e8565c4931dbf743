// depmap: maps mineral deposits and mines. One executable, one subcommand per question.
#include "cli/command.hpp"
#include "cli/parameter_flags.hpp"
#include "cli/progress_bar.hpp"
#include "cli/shell_help.hpp"
#include "cli/standard_output.hpp"
#include "cli/usage_errors.hpp"
#include "base/error.hpp"
#include "base/one_line.hpp"
#include "base/parallel.hpp"
#include "layers/gdal/versions.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/read/read.hpp"
#include "layers/output/signal_cleanup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iostream>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;  // bad data or a runtime failure
constexpr int exit_usage = 2;    // a malformed command line

// One line, however long or many-lined the message (GDAL's can be megabytes), with the
// library's parameter names as flags.
int report(const std::string& command, std::string_view what, int code) {
    std::cerr << fmt::format("depmap{}{}: error: {}\n", command.empty() ? "" : " ", command, depmap::one_line(depmap::cli::with_flags(what)));
    return code;
}

// The names of the bundled gazetteer, which completion offers where a PLACE goes.
std::vector<std::string> bundled_place_names() {
    std::vector<std::string> names;
    for (const auto file : {depmap::layers::Bundled::Cities, depmap::layers::Bundled::Places}) {
        const auto layer = depmap::layers::read_layer(depmap::layers::bundled_path(file).string());
        if (const auto name = layer.field_index("name"))
            for (std::size_t row = 0; row < layer.size(); ++row) names.push_back(layer.columns[*name].to_text(row));
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

constexpr const char* out_of_memory = "out of memory; free some memory, or ask for less (a smaller extent, "
                                      "larger cells, fewer features)";

} // namespace

int main(int argc, char** argv) {
    using namespace depmap;
    layers::remove_temporaries_on_signals();
    cli::StandardOutput standard_output;  // std::cout, its failed writes reported
    CLI::App app("depmap: maps mineral deposits and mines, and answers questions about them.",
                 "depmap");
    app.require_subcommand(1);
    app.set_version_flag("--version", [] { return "depmap " DEPMAP_VERSION "\n" + layers::library_versions(); },
                         "Print depmap's version and those of GDAL, PROJ and GEOS it runs with");
    cli::GlobalOptions global;
    app.add_flag("-q,--quiet", global.quiet, "Print errors only, no notes")->configurable(false);
    app.add_flag("-v,--verbose", global.verbose, "Say which columns, CRS and files were used");
    bool progress = false, no_progress = false;
    app.add_flag("--progress", progress, "Draw a progress bar on stderr for long work, even when it is no terminal")
        ->configurable(false);
    app.add_flag("--no-progress", no_progress, "No progress bar (default: one on a terminal, for work over a second)")
        ->configurable(false)->excludes("--progress");
    std::size_t threads = 0;  // 0: DEPMAP_THREADS, else every core
    app.add_option("--threads", threads, "Use at most N threads (default: DEPMAP_THREADS, else every core)")
        ->type_name("N")
        ->check(CLI::Validator(
            [](const std::string& text) {
                std::size_t n = 0;
                const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
                const bool whole = error == std::errc() && end == text.data() + text.size() && n > 0;
                return whole ? std::string() : fmt::format("give a whole number of threads from 1, not {}", text);
            },
            ""))
        ->configurable(false);

    auto commands = cli::make_commands();
    std::vector<std::pair<CLI::App*, cli::Command*>> parsers;
    for (auto& command : commands) {
        CLI::App* sub = command->setup(app);
        sub->fallthrough();  // -q, -v and --threads work after the subcommand too
        parsers.emplace_back(sub, command.get());
    }

    // Not in --help: what the build runs to write the completions and the man page.
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 2 && args[0] == "--completion") {
            cli::write_completion(std::cout, app, args[1], bundled_place_names());
            return exit_ok;
        }
        if (args.size() == 1 && args[0] == "--man") {
            cli::write_man_page(std::cout, app, DEPMAP_VERSION);
            return exit_ok;
        }
    } catch (const ArgumentError& e) {
        return report("", e.what(), exit_usage);
    } catch (const std::exception& e) {
        return report("", e.what(), exit_failure);
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
        const auto error = cli::usage_error(e, app, args);
        return report(error.command, error.message, exit_usage);
    } catch (const ArgumentError& e) {  // options checked as the line is read
        return report(parsed_command(), e.what(), exit_usage);
    } catch (const std::bad_alloc&) {
        return report(parsed_command(), out_of_memory, exit_failure);
    } catch (const std::exception& e) {  // an existing -o file, found as the line is read
        return report(parsed_command(), e.what(), exit_failure);
    } catch (...) {
        return report(parsed_command(), "unexpected failure while reading the command line", exit_failure);
    }
    if (threads > 0) set_max_threads(threads);  // before any parallel work; wins over DEPMAP_THREADS

    for (auto& [sub, command] : parsers) {
        if (!sub->parsed()) continue;
        const std::string name = sub->get_name();
        try {
            const cli::ProgressBar bar(global.quiet || no_progress ? cli::ProgressMode::Never
                                       : progress                  ? cli::ProgressMode::Always
                                                                   : cli::ProgressMode::Automatic);
            command->run(global, std::cout, std::cerr);
            standard_output.finish();
            return exit_ok;
        } catch (const cli::ClosedPipe&) {
            return exit_ok;  // the reader stopped reading (| head): not an error
        } catch (const ArgumentError& e) {
            return report(name, e.what(), exit_usage);
        } catch (const std::bad_alloc&) {
            return report(name, out_of_memory, exit_failure);
        } catch (const std::exception& e) {
            return report(name, e.what(), exit_failure);
        } catch (...) {
            return report(name, "unexpected failure (not a standard exception)", exit_failure);
        }
    }
    return exit_usage;
}
