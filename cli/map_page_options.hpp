#pragma once
// The options of a drawn map's page and labels, declared once for `depmap map` and for
// every command's -o FILE.png|.svg|.pdf (group "Map").
#include <CLI/CLI.hpp>

#include "layers/render/draw_map.hpp"

#include <string>
#include <vector>

namespace depmap::cli {

struct MapPageOptions {
    std::string title;
    std::string label_field;
    std::string labels = "auto";
    std::string label_where;
    std::string label_priority;
    int width_px = 1600;
    int height_px = 1200;
    double dpi = 150;
    std::string paper;
    bool landscape = false;

    // --title, --label, --labels, --label-where, --label-priority, --width, --height,
    // --dpi, --paper and --landscape.
    void add_to(CLI::App& command);
    // The options given on the command line, as they were written ("--title").
    std::vector<std::string> given() const;
    // The page and labels into `options`. Throws ArgumentError for a page given both as
    // paper and as pixels, and for a bad page (layers::pixel_page, layers::paper_page).
    void apply(layers::MapOptions& options) const;

private:
    std::vector<CLI::Option*> m_options;
};

} // namespace depmap::cli
