#pragma once
// depmap info [FILE]: what is in a layer.
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "cli/output_format.hpp"

namespace depmap::cli {

class InfoCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    std::string m_path;
    bool m_list = false;
    LayerOptions m_layer;
    OutputFormat m_format = OutputFormat::Table;
};

} // namespace depmap::cli
