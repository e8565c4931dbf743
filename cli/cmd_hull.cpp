#include "cli/cmd_hull.hpp"

#include "cli/examples.hpp"
#include "cli/totals_options.hpp"
#include "cli/parameter_flags.hpp"
#include "cli/option_errors.hpp"
#include "layers/derive/hull.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace depmap::cli {

CLI::App* HullCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("hull", "The convex or concave hull of the selected features, with count and area");
    add_group_by_option(*command, m_group_by,
                        "One hull per value of this field; a commodity list counts a site under each commodity");
    command->add_option("--concave", m_concave,
                        "A concave hull of this ratio in (0, 1): smaller hugs the points closer; 1 is convex")
        ->check(checked_number("--concave:", layers::check_concave_ratio));
    m_input.add_to(*command);
    m_output.add_to(*command);
    add_examples(*command, {
                           {"depmap hull --commodity REE", "the convex hull of the rare-earth sites, with its area"},
                           {"depmap hull --group-by commodities --concave 0.3 -o hulls.gpkg", "one concave hull per commodity"}});
    return command;
}

void HullCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    layers::HullOptions options;
    if (m_concave) options.concave_ratio = *m_concave;
    const auto input = m_input.load(global, err);
    const auto& layer = input.selected();
    if (!layer.is_points()) throw InputError(layer.source + ": hull needs a point layer");
    const auto hulls = layers::hull_layer(layer, options, m_group_by);
    if (!global.quiet)
        for (const auto& note : hulls.notes) print_note(err, note);
    m_output.emit(hulls, global, out, err, layers::StyleKind::Areas);
}

} // namespace depmap::cli
