#include "layers/render/attribution.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>
#include <set>
#include <vector>

namespace depmap::layers {

namespace {

// "Global Energy Monitor, Global Coal Mine Tracker (GCMT), map data ..." ->
// "Global Energy Monitor, Global Coal Mine Tracker": the name before any detail.
std::string short_name(const std::string& text) {
    const auto cut = text.find(" (");
    return text.substr(0, cut);
}

} // namespace

std::string attribution(std::span<const ShownLayer> layers) {
    std::map<std::string, std::set<std::string>> cc_by;  // licence -> sources
    std::set<std::string> other_licences;
    std::set<std::string> sources;
    for (const auto& part : layers) {
        const Layer& layer = *part.layer;
        const auto licence = layer.field_index("licence");
        const auto source = layer.field_index("source");
        if (!licence && !source) continue;
        for (std::size_t i = 0; i < part.size(); ++i) {
            const std::size_t row = part.row(i);
            const auto source_text = source ? layer.columns[*source].to_text(row) : std::string();
            if (!licence) {
                if (!source_text.empty()) sources.insert(short_name(source_text));
                continue;
            }
            const auto licence_text = layer.columns[*licence].to_text(row);
            if (licence_text.empty()) continue;
            if (licence_text.starts_with("CC BY")) {
                if (!source_text.empty()) cc_by[short_name(licence_text)].insert(short_name(source_text));
            } else {
                other_licences.insert(licence_text);
            }
        }
    }
    std::vector<std::string> parts;
    for (const auto& [licence, names] : cc_by) parts.push_back(fmt::format("{} ({})", fmt::join(names, "; "), licence));
    for (const auto& licence : other_licences) parts.push_back(licence);
    std::string line = parts.empty() ? "" : fmt::format("Data: {}.", fmt::join(parts, "; "));
    if (!sources.empty()) line += fmt::format("{}Base map: {}.", line.empty() ? "" : " ", fmt::join(sources, "; "));
    return line;
}

} // namespace depmap::layers
