#pragma once
// depmap map -o FILE.png|.svg|.pdf: the selected features (and any --add FILE) drawn
// over the bundled base map, with legend, scale bar, north arrow and credits; -o FILE.html:
// the same layers on an interactive web map, each one a layer to turn on and off.
#include "cli/command.hpp"
#include "cli/map_page_options.hpp"
#include "cli/query_input.hpp"
#include "layers/render/draw_map.hpp"

#include <optional>
#include <string>
#include <vector>

namespace depmap::cli {

class MapCommand : public Command {
public:
    CLI::App* setup(CLI::App& app) override;
    void run(const GlobalOptions& global, std::ostream& out, std::ostream& err) override;

private:
    void write_html(const std::vector<layers::Layer>& drawn, const GlobalOptions& global, std::ostream& err) const;

    QueryInput m_input;
    layers::MapOptions m_options;
    std::string m_output;
    std::vector<std::string> m_add;
    std::string m_tiles;
    MapPageOptions m_page;
    std::vector<double> m_bbox;
    std::string m_extent;   // a division, or with m_radius_m a place
    double m_radius_m = 0;
};

} // namespace depmap::cli
