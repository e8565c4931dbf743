#include "cli/layer_options.hpp"

#include "cli/option_errors.hpp"
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

CLI::Option* add_layer_option(CLI::App& command, std::string& path, const std::string& help) {
    return command.add_option("--layer", path, help + ": a file, or a bundled layer by name (plants, divisions, ...: "
                                                      "depmap info --list); default the bundled deposits")
        ->check(non_empty_path());
}

void LayerOptions::add_to(CLI::App& command, const std::string& what, const std::string& group) {
    const auto flags = this->flags();
    std::vector<CLI::Option*> added;
    // A PostGIS table is a layer of its database: --table names it as --layer-name does.
    const std::string layer_name_flags = m_prefix.empty() ? flags.at("layer_name") + ",--table" : flags.at("layer_name");
    added.push_back(command.add_option(layer_name_flags, read.layer_name, "Layer to read from " + what +
                                       (m_prefix.empty() ? ", or table of a PostGIS database" : "")));
    added.push_back(command.add_option(flags.at("src_crs"), read.src_crs,
                                       "CRS of the coordinates, overriding the file's (CSV default EPSG:4326)")
                        ->check(CLI::Validator(
                            [flag = flags.at("src_crs")](const std::string& text) {
                                layers::ReadOptions options;
                                options.src_crs = text;
                                try {
                                    layers::check_read_options(options);
                                } catch (const CrsError& e) {  // a usage error, found before any work
                                    throw ArgumentError(fmt::format("{}: {}", flag, e.what()));
                                }
                                return std::string();
                            },
                            "")));
    const std::map<std::string, layers::OnError> modes{{"fail", layers::OnError::Fail},
                                                       {"skip", layers::OnError::Skip}};
    added.push_back(command.add_option(flags.at("on_error"), read.on_error,
                                       "What a bad row does: fail (stop, the default) or skip (leave it out "
                                       "and report)")
                        ->transform(CLI::CheckedTransformer(modes, CLI::ignore_case).description(""))
                        ->type_name("fail|skip"));
    if (!group.empty())
        for (auto* option : added) option->group(group);
}

FlagNames LayerOptions::flags() const {
    return {{"layer_name", "--" + m_prefix + "layer-name"},
            {"src_crs", "--" + m_prefix + "src-crs"},
            {"on_error", "--" + m_prefix + "on-error"}};
}

layers::Layer LayerOptions::load(const std::string& path, const GlobalOptions& global,
                                 std::ostream& err, const std::optional<layers::Around>& around,
                                 std::size_t* unread) const {
    const std::string source = layers::layer_source(path);
    const auto flags = this->flags();
    layers::Layer layer = naming_parameters(flags, [&] {
        if (around) {
            auto candidates = layers::read_around(source, read, *around);
            if (global.verbose && !candidates.how.empty()) fmt::print(err, "PostGIS: {}\n", with_flags(candidates.how, flags));
            if (candidates.layer) {
                if (unread) *unread = candidates.rest;
                return std::move(*candidates.layer);
            }
        }
        return layers::read_layer(source, read);
    });
    if (global.verbose)
        fmt::print(err, "{}: {} features, geometry from {}, CRS {}\n", source, layer.size(),
                   layer.geometry_source, layer.crs.empty() ? "none" : layer.crs);
    if (global.quiet) return layer;
    for (const auto& note : layer.notes) print_note(err, note, flags);
    if (layer.skipped.count > 0) {
        std::string reasons;
        for (const auto& [reason, count] : layer.skipped.by_reason)
            reasons += fmt::format("{}{} {}", reasons.empty() ? "" : ", ", count, reason);
        print_note(err,
                   fmt::format("skipped {} of {} rows ({}); the first: {}", layer.skipped.count,
                               layer.skipped.count + layer.size(), reasons, layer.skipped.first_message),
                   flags);
    }
    return layer;
}

} // namespace depmap::cli
