#include "cli/side_output.hpp"

#include "cli/option_errors.hpp"
#include "cli/parameter_flags.hpp"
#include "layers/output/staged_output.hpp"
#include "layers/write/file_format.hpp"

#include <fmt/ostream.h>

namespace depmap::cli {

CLI::Option* SideOutput::add_to(CLI::App& command, const std::string& flag, const std::string& help) {
    m_flag = flag;
    return command.add_option(flag, path, help)->group("Output file");
}

void SideOutput::check(const layers::WriteOptions& main) {
    if (!given()) return;
    m_write.overwrite = main.overwrite;
    m_write.crs = main.crs;
    m_write.precision = main.precision;
    naming_option(m_flag, [&] {
        m_write.format = layers::output_format(path, std::nullopt);
        if (m_write.format == layers::FileFormat::Html)
            throw ArgumentError(fmt::format("{}: an HTML map is drawn of the answer (-o map.html); write this "
                                            "file as GeoJSON, CSV or a GeoPackage", path));
        layers::refuse_existing(path, m_write.overwrite);
        layers::check_output(path, m_write);
    });
}

void SideOutput::write(const layers::Layer& layer, const GlobalOptions& global, std::ostream& err) const {
    if (!given()) return;
    const auto report = layers::write_layer(layer, path, m_write);
    if (!global.quiet)
        for (const auto& note : report.notes) print_note(err, note);
    if (global.verbose) fmt::print(err, "wrote {} rows to {}\n", layer.size(), path);
}

} // namespace depmap::cli
