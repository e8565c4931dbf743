#pragma once
// depmap near PLACE --radius 150km: every feature within a distance, nearest first.
#include "cli/command.hpp"
#include "cli/query_input.hpp"
#include "cli/query_places.hpp"

namespace depmap::cli {

class NearCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    QueryPlaces m_places;
    double m_radius_m = 0;
    std::size_t m_limit = 0;
    bool m_count = false;
    QueryInput m_input;
    OutputOptions m_output;
    bool m_bearing = false;  // --bearing
};

} // namespace depmap::cli
