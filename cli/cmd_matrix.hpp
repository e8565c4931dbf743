#pragma once
// depmap matrix: distances between features, to other places, or to the nearest of
// another layer.
#include "cli/command.hpp"
#include "cli/query_input.hpp"
#include "cli/secondary_input.hpp"

namespace depmap::cli {

class MatrixCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    std::vector<std::string> m_to;
    SecondaryInput m_to_file{"to"};  // when --to names a file
    SecondaryInput m_nearest_of{"nearest-of"};
    QueryInput m_input;
    OutputOptions m_output;
    bool m_bearing = false;  // --bearing
};

} // namespace depmap::cli
