#pragma once
// depmap catchment --hubs PLACES|FILE [--within boundary|divisions|FILE]: the part of the
// region nearer to each hub than to any other, with the features each would draw.
#include "cli/command.hpp"
#include "cli/query_input.hpp"
#include "cli/secondary_input.hpp"
#include "layers/derive/catchment.hpp"

namespace depmap::cli {

class CatchmentCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    std::vector<std::string> m_hubs;
    SecondaryInput m_hub_files{"hubs"};  // the files among --hubs
    // The bundled boundary is the dissolved divisions, edge for edge: one file serves both.
    SecondaryInput m_within{"within", {{"boundary", layers::Bundled::Boundary}, {"divisions", layers::Bundled::Boundary}}};
    std::vector<std::string> m_sums;
    double m_tolerance_m = layers::CatchmentOptions{}.tolerance_m;
    QueryInput m_input;
    OutputOptions m_output;
};

} // namespace depmap::cli
