#include "cli/cmd_map.hpp"

#include "cli/distance_option.hpp"
#include "cli/examples.hpp"
#include "cli/option_errors.hpp"
#include "layers/render/legend.hpp"
#include "layers/webmap/html_map.hpp"
#include "layers/query/regions.hpp"
#include "layers/render/image_format.hpp"
#include "layers/read/read.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <cctype>
#include <filesystem>

namespace depmap::cli {

namespace {

bool is_html(const std::string& path) {
    auto extension = std::filesystem::path(path).extension().string();
    for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension == ".html" || extension == ".htm";
}

} // namespace

CLI::App* MapCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("map", "Draw a map of the selected features: PNG, SVG, PDF or HTML");
    command->add_option("-o,--output", m_output, "The map file: .png, .svg, .pdf, or .html (interactive)")->required();
    command->add_flag("-O,--overwrite", m_options.overwrite, "Replace an existing file");
    command->add_option("--add", m_add, "More layers to draw (every layer of a GeoPackage)");
    command->add_option("--tiles", m_tiles, "With -o MAP.html: draw this XYZ tile URL template under the map "
                        "(https://.../{z}/{x}/{y}.png; default: none, the file opens offline)");
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
    command->final_callback([this, command] {
        if (!m_bbox.empty())
            naming_option("--bbox", [&] { layers::check_box({m_bbox[0], m_bbox[1], m_bbox[2], m_bbox[3]}); });
        m_page.apply(m_options);
        if (!is_html(m_output)) {
            layers::image_format(m_output);
            if (!m_tiles.empty())
                throw ArgumentError(fmt::format("--tiles is for an HTML map (-o map.html), not for -o {}", m_output));
            return;
        }
        // A web map is drawn by the browser: its own projection, extent, page and labels.
        auto image_only = m_page.given();
        std::erase(image_only, "--title");
        for (const auto* name : {"--crs", "--bbox", "--extent", "--radius"})
            if (command->count(name)) image_only.emplace_back(name);
        if (!image_only.empty())
            throw ArgumentError(fmt::format("{} is for an image (-o map.png|svg|pdf), not for -o {}", image_only.front(),
                                            m_output));
        if (!m_tiles.empty()) layers::check_tiles(m_tiles);
    });
    return command;
}

void MapCommand::write_html(const std::vector<layers::Layer>& drawn, const GlobalOptions& global,
                            std::ostream& err) const {
    std::vector<layers::MapLayer> layers;
    for (const auto& layer : drawn) layers.push_back({&layer, layers::layer_title(layer), {}});
    layers.front().style.size_by = m_options.size_by;
    layers::HtmlMapOptions options;
    options.title = m_options.title;
    options.tiles = m_tiles;
    options.overwrite = m_options.overwrite;
    layers::write_html_map(layers, layers::bundled_base_layers(), options, m_output);
    if (!global.quiet)
        fmt::print(err, "wrote {}: {} features in {} layers\n", m_output, drawn.front().size(), drawn.size());
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
    if (is_html(m_output)) return write_html(drawn, global, err);
    const auto report = layers::write_map(drawn, layers::bundled_base_map(), m_options, m_output);
    if (!global.quiet)
        fmt::print(err, "wrote {}: {} features, {} labels\n", m_output, drawn.front().size(), report.labels.size());
}

} // namespace depmap::cli
