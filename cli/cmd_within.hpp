#pragma once
// depmap within REGION | --bbox | --polygon FILE: features inside a region.
#include "cli/command.hpp"
#include "cli/query_input.hpp"
#include "cli/secondary_input.hpp"

namespace depmap::cli {

class WithinCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    std::string m_region;
    SecondaryInput m_polygon{"polygon"};
    std::string m_polygon_where;
    std::vector<double> m_bbox;
    QueryInput m_input;
    OutputOptions m_output;
};

} // namespace depmap::cli
