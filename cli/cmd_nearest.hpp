#pragma once
// depmap nearest PLACE -k 5: the k nearest features, by exact geodesic distance.
#include "cli/command.hpp"
#include "cli/query_input.hpp"
#include "cli/query_places.hpp"

#include <limits>

namespace depmap::cli {

class NearestCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    QueryPlaces m_places;
    std::size_t m_k = 5;
    double m_max_distance_m = std::numeric_limits<double>::infinity();
    QueryInput m_input;
    OutputOptions m_output;
    bool m_bearing = false;  // --bearing
};

} // namespace depmap::cli
