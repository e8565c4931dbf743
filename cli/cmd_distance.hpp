#pragma once
// depmap distance A B: the geodesic distance and azimuths between two places, printed as a
// table, CSV or JSON, or written to -o FILE.
#include "cli/command.hpp"
#include "cli/query_input.hpp"

namespace depmap::cli {

class DistanceCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    std::string m_from;
    std::string m_to;
    std::string m_layer_path;
    LayerOptions m_layer;
    OutputFormat m_format = OutputFormat::Table;
    std::string m_output;  // -o FILE: csv or json by its extension (else -f); - is standard output
    bool m_overwrite = false;
    bool m_bearing = false;  // --bearing: azimuths as 0-360 bearings
};

} // namespace depmap::cli
