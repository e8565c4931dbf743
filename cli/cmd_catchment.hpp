#pragma once
// depmap catchment --hubs PLACES|FILE [--within boundary|divisions|FILE]: the part of the
// region nearer to each hub than to any other, with the features each would draw.
#include "cli/command.hpp"
#include "cli/query_input.hpp"
#include "layers/derive/catchment.hpp"

namespace depmap::cli {

class CatchmentCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    std::vector<std::string> m_hubs;
    std::string m_within = "boundary";
    std::string m_within_layer_name;
    std::vector<std::string> m_sums;
    double m_tolerance_m = layers::CatchmentOptions{}.tolerance_m;
    QueryInput m_input;
    OutputOptions m_output;
};

} // namespace depmap::cli
