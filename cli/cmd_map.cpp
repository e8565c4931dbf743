#include "cli/cmd_map.hpp"

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
    command->add_option("--title", m_options.title, "A title above the map");
    command->add_option("--tiles", m_tiles, "With -o MAP.html: draw this XYZ tile URL template under the map "
                        "(https://.../{z}/{x}/{y}.png; default: none, the file opens offline)");
    command->add_option("--size-by", m_options.size_by, "A numeric field sizing the markers");
    auto* label = command->add_option("--label", m_options.label_field, "Label the features by this field");
    command->add_option("--labels", m_labels, "auto (by name, the largest first, at most 50) or none")
        ->check(CLI::IsMember({"auto", "none"}))->excludes(label);
    command->add_option("--crs", m_options.crs, "The map's CRS (default: a conic fitted to the extent)");
    auto* bbox = command->add_option("--bbox", m_bbox, "Show this box: min lon,min lat,max lon,max lat")
                     ->delimiter(',')->expected(4);
    command->add_option("--extent", m_options.extent.division, "Show this division (Baotou, 包头市)")->excludes(bbox);
    command->add_option("--width", m_width_px, "Width in pixels (default 1600)")->group("Page");
    command->add_option("--height", m_height_px, "Height in pixels (default 1200)")->group("Page");
    command->add_option("--dpi", m_dpi, "Pixels per inch of a PNG (default 150)")->group("Page");
    auto* paper = command->add_option("--paper", m_paper, "A sheet of paper: A4, A3 or letter")->group("Page");
    command->add_flag("--landscape", m_landscape, "The paper on its side")->needs(paper)->group("Page");
    m_input.add_to(*command);
    command->final_callback([this, command] {
        if (!m_bbox.empty())
            naming_option("--bbox", [&] { layers::check_box({m_bbox[0], m_bbox[1], m_bbox[2], m_bbox[3]}); });
        if (!m_paper.empty() && (command->count("--width") || command->count("--height")))
            throw ArgumentError("give the page as --paper or as --width and --height, not both");
        m_options.page = m_paper.empty() ? layers::pixel_page(m_width_px, m_height_px, m_dpi)
                                         : layers::paper_page(m_paper, m_landscape, m_dpi);
        if (!is_html(m_output)) {
            layers::image_format(m_output);
            if (!m_tiles.empty())
                throw ArgumentError(fmt::format("--tiles is for an HTML map (-o map.html), not for -o {}", m_output));
            return;
        }
        // A web map is drawn by the browser: its own projection, extent, page and labels.
        for (const auto* name : {"--label", "--labels", "--crs", "--bbox", "--extent", "--width", "--height", "--dpi",
                                 "--paper", "--landscape"})
            if (command->count(name))
                throw ArgumentError(fmt::format("{} is for an image (-o map.png|svg|pdf), not for -o {}", name,
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
    if (!m_options.label_field.empty()) m_options.labels = layers::LabelMode::Field;
    else if (m_labels == "none") m_options.labels = layers::LabelMode::None;
    std::vector<layers::Layer> drawn{m_input.load(global, err).selected()};
    for (const auto& file : m_add)
        for (auto& layer : layers::read_all_layers(file)) drawn.push_back(std::move(layer));
    if (is_html(m_output)) return write_html(drawn, global, err);
    const auto report = layers::write_map(drawn, layers::bundled_base_map(), m_options, m_output);
    if (!global.quiet)
        fmt::print(err, "wrote {}: {} features, {} labels\n", m_output, drawn.front().size(), report.labels.size());
}

} // namespace depmap::cli
