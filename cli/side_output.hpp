#pragma once
// A file a command writes beside its answer (sites: --links FILE, --records FILE), in the
// format its extension names, with the -O, --crs and --precision of the main output.
// Like -o, an existing file is refused and the format checked as the line is read.
#include "cli/command.hpp"
#include "layers/model/layer.hpp"
#include "layers/write/write_layer.hpp"

#include <ostream>
#include <string>

namespace depmap::cli {

class SideOutput {
public:
    CLI::Option* add_to(CLI::App& command, const std::string& flag, const std::string& help);
    bool given() const { return !path.empty(); }
    // Refuses an existing file and checks the format: from the command's parse-complete
    // callback, with the main output's options.
    void check(const layers::WriteOptions& main);
    void write(const layers::Layer& layer, const GlobalOptions& global, std::ostream& err) const;

    std::string path;

private:
    std::string m_flag;
    layers::WriteOptions m_write;
};

} // namespace depmap::cli
