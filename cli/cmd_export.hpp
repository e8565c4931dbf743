#pragma once
// depmap export [FILE] -o OUT: a layer (or the features --where selects) in another
// format, reprojected with --crs; or, with --project DIR, a folder QGIS opens in one
// step: the layer with the bundled boundary, divisions and plants, and any --add FILE.
#include "cli/command.hpp"
#include "cli/query_input.hpp"

namespace depmap::cli {

class ExportCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    QueryInput m_input;
    OutputOptions m_output;
    std::string m_format;
    std::string m_project;
    std::vector<std::string> m_add;
};

} // namespace depmap::cli
