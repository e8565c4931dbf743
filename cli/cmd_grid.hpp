#pragma once
// depmap grid --cell 50km [--hex]: an equal-area density grid with counts and sums.
#include "cli/command.hpp"
#include "cli/query_input.hpp"
#include "cli/secondary_input.hpp"

namespace depmap::cli {

class GridCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    double m_cell_m = 0;
    bool m_hex = false;
    std::vector<std::string> m_sums;
    SecondaryInput m_extent{"extent", {{"divisions", layers::Bundled::Divisions}}};
    bool m_keep_empty = false;
    QueryInput m_input;
    OutputOptions m_output;
};

} // namespace depmap::cli
