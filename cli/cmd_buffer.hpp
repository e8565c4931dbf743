#pragma once
// depmap buffer --radius 10km [--dissolve]: geodesic buffers of the selected features.
#include "cli/command.hpp"
#include "cli/query_input.hpp"
#include "layers/derive/buffer.hpp"

namespace depmap::cli {

class BufferCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    layers::BufferOptions m_options;
    bool m_dissolve = false;
    QueryInput m_input;
    OutputOptions m_output;
};

} // namespace depmap::cli
