#include "cli/cmd_map.hpp"

#include "cli/distance_option.hpp"
#include "cli/examples.hpp"
#include "cli/option_errors.hpp"
#include "layers/query/regions.hpp"
#include "layers/render/image_format.hpp"
#include "layers/read/read.hpp"

#include <fmt/ostream.h>

namespace depmap::cli {

CLI::App* MapCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("map", "Draw a map of the selected features: PNG, SVG or PDF");
    command->add_option("-o,--output", m_output, "The map file: .png, .svg or .pdf")->required();
    command->add_flag("-O,--overwrite", m_options.overwrite, "Replace an existing file");
    command->add_option("--add", m_add, "More layers to draw (every layer of a GeoPackage)");
    command->add_option("--size-by", m_options.size_by, "A numeric field sizing the markers");
    command->add_option("--crs", m_options.crs, "The map's CRS (default: a conic fitted to the extent)");
    auto* bbox = command->add_option("--bbox", m_bbox, "Show this box: min lon,min lat,max lon,max lat")
                     ->delimiter(',')->expected(4);
    auto* extent = command->add_option("--extent", m_extent, "Show this division (Baotou, 包头市), or with --radius "
                                       "the country around a place (a city, a deposit, lon,lat)")->excludes(bbox);
    add_distance_option(*command, "--radius", m_radius_m, "With --extent PLACE: the radius shown around it (150km)",
                        [](double metres) {
                            if (metres <= 0) throw ArgumentError("the radius shown must be larger than 0 m, such as 150km");
                        })
        ->needs(extent);
    m_page.add_to(*command);
    m_input.add_to(*command);
    add_examples(*command, {
                           {"depmap map --commodity REE --label-where \"status = 'operating'\" -o ree.png",
                            "the rare-earth sites over the base map, only the operating ones labelled"},
                           {"depmap map --extent Baotou --radius 150km --paper A4 --landscape -o baotou.pdf",
                            "an A4 sheet of the sites within the box of 150 km around Baotou"}});
    command->final_callback([this] {
        if (!m_bbox.empty())
            naming_option("--bbox", [&] { layers::check_box({m_bbox[0], m_bbox[1], m_bbox[2], m_bbox[3]}); });
        m_page.apply(m_options);
        layers::image_format(m_output);
    });
    return command;
}

void MapCommand::run(const GlobalOptions& global, std::ostream&, std::ostream& err) {
    if (!m_bbox.empty()) m_options.extent.bbox = geo::Box{m_bbox[0], m_bbox[1], m_bbox[2], m_bbox[3]};
    const auto input = m_input.load(global, err);
    if (m_radius_m > 0) {
        m_options.extent.centre = naming_option("--extent:", [&] { return resolve_place(m_extent, input.all, global, err); }).position;
        m_options.extent.radius_m = m_radius_m;
    } else {
        m_options.extent.division = m_extent;
    }
    std::vector<layers::Layer> drawn{input.selected()};
    for (const auto& file : m_add)
        for (auto& layer : layers::read_all_layers(file)) drawn.push_back(std::move(layer));
    const auto report = layers::write_map(drawn, layers::bundled_base_map(), m_options, m_output);
    if (!global.quiet)
        fmt::print(err, "wrote {}: {} features, {} labels\n", m_output, drawn.front().size(), report.labels.size());
}

} // namespace depmap::cli
