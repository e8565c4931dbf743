#include "cli/map_page_options.hpp"

#include "base/error.hpp"
#include "layers/render/page.hpp"

#include <algorithm>

namespace depmap::cli {

void MapPageOptions::add_to(CLI::App& command) {
    const std::string group = "Map";
    auto* heading = command.add_option("--title", title, "A title above the map")->group(group);
    auto* label = command.add_option("--label", label_field, "Label the features by this field")->group(group);
    auto* mode = command.add_option("--labels", labels, "auto (by name, the largest first, at most 50) or none")
                     ->check(CLI::IsMember({"auto", "none"}))->excludes(label)->group(group);
    auto* where = command.add_option("--label-where", label_where, "Label only the features this OGR SQL WHERE "
                                     "clause selects")->group(group);
    auto* priority = command.add_option("--label-priority", label_priority, "A numeric field: labels that do not "
                                        "all fit keep its largest values (default: the largest markers)")->group(group);
    m_options = {heading, label, mode, where, priority,
                 command.add_option("--width", width_px, "Width in pixels (default 1600)")->group(group),
                 command.add_option("--height", height_px, "Height in pixels (default 1200)")->group(group),
                 command.add_option("--dpi", dpi, "Pixels per inch of a PNG (default 150)")->group(group)};
    auto* sheet = command.add_option("--paper", paper, "A sheet of paper: A4, A3 or letter")->group(group);
    m_options.push_back(sheet);
    m_options.push_back(command.add_flag("--landscape", landscape, "The paper on its side")->needs(sheet)->group(group));
}

std::vector<std::string> MapPageOptions::given() const {
    std::vector<std::string> names;
    for (const auto* option : m_options)
        if (option->count() > 0) names.push_back(option->get_name());
    return names;
}

void MapPageOptions::apply(layers::MapOptions& options) const {
    const auto names = given();
    const auto has = [&](const char* name) { return std::find(names.begin(), names.end(), name) != names.end(); };
    if (!paper.empty() && (has("--width") || has("--height")))
        throw ArgumentError("give the page as --paper or as --width and --height, not both");
    if (labels == "none" && (has("--label-where") || has("--label-priority")))
        throw ArgumentError("--label-where and --label-priority choose among labels: leave out --labels none");
    options.page = paper.empty() ? layers::pixel_page(width_px, height_px, dpi)
                                 : layers::paper_page(paper, landscape, dpi);
    options.title = title;
    options.label_field = label_field;
    options.label_where = label_where;
    options.label_priority = label_priority;
    if (!label_field.empty()) options.labels = layers::LabelMode::Field;
    else if (labels == "none") options.labels = layers::LabelMode::None;
}

} // namespace depmap::cli
