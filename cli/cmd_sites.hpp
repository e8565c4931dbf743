#pragma once
// depmap sites [FILE...]: the records of one deposit or mine linked into sites, with the
// evidence for each link (README "Sites").
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/query_input.hpp"
#include "cli/side_output.hpp"

#include <string>
#include <vector>

namespace depmap::cli {

class SitesCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    std::vector<std::string> m_files;
    LayerOptions m_layer;
    std::string m_overrides;
    double m_max_distance_m = 25000.0;
    OutputOptions m_output;
    SideOutput m_links;
    SideOutput m_records;
};

} // namespace depmap::cli
