#pragma once
// depmap cluster --eps 25km --min-points 3: DBSCAN mining districts, as the points with
// their cluster or (--districts) one polygon per cluster with its totals.
#include "cli/command.hpp"
#include "cli/query_input.hpp"

namespace depmap::cli {

class ClusterCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    double m_eps_m = 0;
    std::size_t m_min_points = 3;
    bool m_districts = false;
    std::string m_shape = "hull";
    double m_buffer_m = 0;
    CLI::Option* m_buffer_option = nullptr;  // given or not
    double m_concave = 1.0;
    std::vector<std::string> m_sums;
    QueryInput m_input;
    OutputOptions m_output;
};

} // namespace depmap::cli
