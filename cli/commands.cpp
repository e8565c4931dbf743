#include "cli/cmd_buffer.hpp"
#include "cli/cmd_catchment.hpp"
#include "cli/cmd_cluster.hpp"
#include "cli/cmd_distance.hpp"
#include "cli/cmd_export.hpp"
#include "cli/cmd_grid.hpp"
#include "cli/cmd_hull.hpp"
#include "cli/cmd_info.hpp"
#include "cli/cmd_map.hpp"
#include "cli/cmd_matrix.hpp"
#include "cli/cmd_near.hpp"
#include "cli/cmd_nearest.hpp"
#include "cli/cmd_regions.hpp"
#include "cli/cmd_sites.hpp"
#include "cli/cmd_within.hpp"
#include "cli/command.hpp"

namespace depmap::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<InfoCommand>());
    commands.push_back(std::make_unique<DistanceCommand>());
    commands.push_back(std::make_unique<NearCommand>());
    commands.push_back(std::make_unique<NearestCommand>());
    commands.push_back(std::make_unique<WithinCommand>());
    commands.push_back(std::make_unique<RegionsCommand>());
    commands.push_back(std::make_unique<MatrixCommand>());
    commands.push_back(std::make_unique<BufferCommand>());
    commands.push_back(std::make_unique<HullCommand>());
    commands.push_back(std::make_unique<ClusterCommand>());
    commands.push_back(std::make_unique<SitesCommand>());
    commands.push_back(std::make_unique<CatchmentCommand>());
    commands.push_back(std::make_unique<GridCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<MapCommand>());
    return commands;
}

} // namespace depmap::cli
