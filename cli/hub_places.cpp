#include "cli/hub_places.hpp"

#include "cli/query_input.hpp"
#include "base/error.hpp"
#include "base/text.hpp"
#include "layers/query/proximity.hpp"
#include "layers/read/read.hpp"

#include <charconv>
#include <filesystem>

namespace depmap::cli {

namespace {

bool is_number(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

} // namespace

std::vector<std::string> split_place_list(std::string_view text) {
    std::vector<std::string_view> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        items.push_back(trimmed(text.substr(start, end - start)));
        start = end + 1;
    }
    std::vector<std::string> places;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].empty()) throw ArgumentError("--hubs '" + std::string(text) + "': an empty place between commas");
        if (i + 1 < items.size() && is_number(items[i]) && is_number(items[i + 1])) {
            places.push_back(std::string(items[i]) + "," + std::string(items[i + 1]));
            ++i;
        } else {
            places.emplace_back(items[i]);
        }
    }
    return places;
}

std::vector<layers::Hub> hub_places(const std::vector<std::string>& values, const layers::Layer& layer,
                                    const GlobalOptions& global, std::ostream& err) {
    std::vector<layers::Hub> hubs;
    for (const auto& value : values) {
        std::error_code ignored;
        if (value.find(',') == std::string::npos && std::filesystem::is_regular_file(value, ignored)) {
            const auto file = layers::read_layer(value);
            if (!file.is_points())
                throw InputError(value + ": --hubs needs points (places), not " + file.geometry_type);
            for (const auto& place : layers::query_places(file))
                hubs.push_back({place.name.empty() ? place.id : place.name, place.position});
            continue;
        }
        for (const auto& text : split_place_list(value)) {
            const auto place = resolve_place(text, layer, global, err);
            hubs.push_back({place.label, place.position});
        }
    }
    return hubs;
}

} // namespace depmap::cli
