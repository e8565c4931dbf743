#pragma once
// depmap regions --by FILE|divisions: which region each feature lies in, or totals.
#include "cli/command.hpp"
#include "cli/query_input.hpp"
#include "cli/secondary_input.hpp"

namespace depmap::cli {

class RegionsCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    SecondaryInput m_by{"by", {{"divisions", layers::Bundled::Divisions}}};
    std::vector<std::string> m_sums;
    std::string m_group_by;
    bool m_summary = false;
    QueryInput m_input;
    OutputOptions m_output;
};

} // namespace depmap::cli
