#include "cli/cmd_export.hpp"

#include "geo/error.hpp"
#include "layers/file_format.hpp"

namespace depmap::cli {

CLI::App* ExportCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("export", "Write a layer to a file: " + layers::format_names());
    command->add_option("file", m_input.layer_path, "The layer (default: the bundled deposits)");
    m_input.add_to(*command);
    m_output.add_to(*command, false);
    command->add_option("-f,--format", m_format, "The output format when the extension does not say it: " +
                        layers::format_names())->group("Output file");
    command->add_option("--fields", m_fields, "Only these fields, in this order (comma-separated)")
        ->delimiter(',')->group("Output file");
    return command;
}

void ExportCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    if (m_output.path.empty()) throw ArgumentError("give the output file with -o FILE");
    if (!m_format.empty()) m_output.write.format = layers::format_named(m_format);
    auto input = m_input.load(global, err);
    auto& layer = input.filtered ? *input.filtered : input.all;
    if (!m_fields.empty()) layer.keep_fields(m_fields);
    m_output.emit(layer, global, out, err);
}

} // namespace depmap::cli
