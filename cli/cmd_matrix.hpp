#pragma once
// depmap matrix: distances between features, to other places, or to the nearest of
// another layer.
#include "cli/command.hpp"
#include "cli/query_input.hpp"

namespace depmap::cli {

class MatrixCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    std::vector<std::string> m_to;
    std::string m_nearest_of;
    QueryInput m_input;
    OutputOptions m_output;
};

} // namespace depmap::cli
