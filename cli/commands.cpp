#include "cli/cmd_info.hpp"
#include "cli/command.hpp"

namespace depmap::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<InfoCommand>());
    return commands;
}

} // namespace depmap::cli
