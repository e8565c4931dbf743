#include "layers/webmap/credits.hpp"

#include "base/text.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace depmap::layers {

namespace {

// The parts of "A | B", trimmed.
std::vector<std::string> parts(std::string_view text) {
    std::vector<std::string> out;
    while (true) {
        const auto bar = text.find(" | ");
        const auto part = trimmed(text.substr(0, bar));
        if (!part.empty()) out.emplace_back(part);
        if (bar == std::string_view::npos) return out;
        text.remove_prefix(bar + 3);
    }
}

} // namespace

std::string credit_line(std::span<const Layer* const> layers) {
    std::map<std::string, std::size_t> licences;
    std::vector<std::string> sources;
    for (const auto* layer : layers) {
        const auto licence = layer->field_index("licence");
        const auto source = licence ? std::nullopt : layer->field_index("source");
        const auto field = licence ? licence : source;
        if (!field) continue;
        const auto& column = layer->columns[*field];
        for (std::size_t row = 0; row < column.size(); ++row) {
            if (column.is_null(row)) continue;
            for (auto& part : parts(column.to_text(row))) {
                if (licence) ++licences[part];
                else if (std::find(sources.begin(), sources.end(), part) == sources.end()) sources.push_back(part);
            }
        }
    }
    std::vector<std::pair<std::string, std::size_t>> ranked(licences.begin(), licences.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string line;
    const auto add = [&](const std::string& part) { line += (line.empty() ? "Data: " : "; ") + part; };
    for (const auto& [licence, count] : ranked) add(licence);
    for (const auto& source : sources) add(source);
    return line;
}

} // namespace depmap::layers
