#pragma once
// depmap hull [--group-by FIELD] [--concave RATIO]: the hull of the selected features.
#include "cli/command.hpp"
#include "cli/query_input.hpp"

#include <optional>

namespace depmap::cli {

class HullCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    std::string m_group_by;
    std::optional<double> m_concave;
    QueryInput m_input;
    OutputOptions m_output;
};

} // namespace depmap::cli
