// `depmap within --bbox=TEXT` run in process on tests/fixtures/sample.csv: any text is a
// usage error or an answer. The value is attached with '=' so it is never read as
// another option (an -o that would write a file).
#include "cli/command.hpp"
#include "fuzz_support.hpp"
#include "base/error.hpp"

#include <sstream>
#include <string>
#include <vector>

using namespace depmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fuzz::text_of(data, size));
    CLI::App app("fuzz", "depmap");
    app.require_subcommand(1);
    cli::GlobalOptions global;
    global.quiet = true;
    auto commands = cli::make_commands();
    std::vector<std::pair<CLI::App*, cli::Command*>> parsers;
    for (auto& command : commands) parsers.emplace_back(command->setup(app), command.get());

    std::vector<std::string> args{"depmap", "within", "--bbox=" + std::string(text.c_str()),
                                  "--layer", DEPMAP_FUZZ_FIXTURES_DIR "/sample.csv", "-f", "csv"};
    std::vector<const char*> argv;
    for (const auto& arg : args) argv.push_back(arg.c_str());
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError&) {
        return 0;
    } catch (const ArgumentError&) {  // a box out of range, refused as the line is read
        return 0;
    }
    std::ostringstream out, err;
    for (auto& [sub, command] : parsers) {
        if (!sub->parsed()) continue;
        try {
            command->run(global, out, err);
            fuzz::check(out.str().rfind("id,", 0) == 0 || out.str().find(',') != std::string::npos,
                        "a bbox answer is a CSV table");
        } catch (const ArgumentError&) {
        } catch (const InputError&) {
        }
    }
    return 0;
}
