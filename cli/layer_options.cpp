#include "cli/layer_options.hpp"

#include "cli/parameter_flags.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/read/read.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <map>

namespace depmap::cli {

CLI::Validator non_empty_path() {
    return CLI::Validator(
        [](const std::string& path) {
            return path.empty() ? std::string("an empty path names no file; give a file, or leave the "
                                              "option out for the bundled data")
                                : std::string();
        },
        "PATH");
}

void LayerOptions::add_to(CLI::App& command) {
    command.add_option("--layer-name", read.layer_name,
                       "Layer to read from a multi-layer source (GeoPackage, KML)");
    command.add_option("--src-crs", read.src_crs,
                       "CRS of the coordinates, overriding the file's (CSV default EPSG:4326)");
    const std::map<std::string, layers::OnError> modes{{"fail", layers::OnError::Fail},
                                                       {"skip", layers::OnError::Skip}};
    command.add_option("--on-error", read.on_error,
                       "What a bad row does: fail (stop, the default) or skip (leave it out "
                       "and report)")
        ->transform(CLI::CheckedTransformer(modes, CLI::ignore_case));
}

layers::Layer LayerOptions::load(const std::string& path, const GlobalOptions& global,
                                 std::ostream& err) const {
    const std::string source = path.empty() ? layers::default_layer_path().string() : path;
    layers::Layer layer = layers::read_layer(source, read);
    if (global.verbose)
        fmt::print(err, "{}: {} features, geometry from {}, CRS {}\n", source, layer.size(),
                   layer.geometry_source, layer.crs.empty() ? "none" : layer.crs);
    if (global.quiet) return layer;
    for (const auto& note : layer.notes) print_note(err, note);
    if (layer.skipped.count > 0) {
        std::string reasons;
        for (const auto& [reason, count] : layer.skipped.by_reason)
            reasons += fmt::format("{}{} {}", reasons.empty() ? "" : ", ", count, reason);
        print_note(err, fmt::format("skipped {} of {} rows ({}); the first: {}", layer.skipped.count,
                                    layer.skipped.count + layer.size(), reasons, layer.skipped.first_message));
    }
    return layer;
}

} // namespace depmap::cli
