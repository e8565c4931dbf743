#include "layers/webmap/html_map.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"
#include "layers/output/fd_output.hpp"
#include "layers/output/staged_output.hpp"
#include "layers/webmap/credits.hpp"
#include "layers/webmap/feature_json.hpp"
#include "layers/webmap/map_page.hpp"
#include "layers/webmap/map_symbols.hpp"
#include "layers/write/write_layer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace depmap::layers {

namespace {

using Json = nlohmann::ordered_json;

std::string_view kind_name(StyleKind kind) {
    switch (kind) {
    case StyleKind::Points: return "points";
    case StyleKind::Lines: return "lines";
    case StyleKind::Outlines: return "outlines";
    case StyleKind::Grid: return "grid";
    default: return "areas";
    }
}

Json colour(const std::optional<Rgb>& c) { return c ? Json(to_hex(*c)) : Json(nullptr); }

Json symbols_json(const std::vector<MapSymbol>& symbols) {
    Json list = Json::array();
    for (const auto& s : symbols)
        list.push_back(Json{{"label", s.label}, {"count", s.count}, {"shape", std::string(s.shape)},
                            {"fill", colour(s.fill)}, {"fill_opacity", s.fill_opacity},
                            {"stroke", colour(s.stroke)}, {"stroke_px", s.stroke_px},
                            {"size_px", s.size_px}, {"pass", s.pass}});
    return list;
}

std::string dumped(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

// One entry of the data block's layers; the features' JSON is spliced in as written.
std::string layer_json(const Layer& layer, const std::string& name, const StyleOptions& style, bool base,
                       int decimals) {
    const auto symbols = map_symbols(layer, style, name);
    Json head{{"name", name}, {"kind", kind_name(symbols.kind)}, {"base", base},
              {"symbols", symbols_json(symbols.symbols)}, {"symbol", symbols.feature_symbol}};
    if (!symbols.feature_size_px.empty()) head["sizes"] = symbols.feature_size_px;
    auto text = dumped(head);
    text.pop_back();  // the closing brace
    return text + ",\"features\":" + feature_collection(layer, decimals) + "}";
}

std::string html_escaped(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

// JSON inside <script>: "<" only ever stands in strings, and as \u003c no "</script>"
// or "<!--" in a name can end the element early.
std::string script_safe(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (const char c : json) {
        if (c == '<') out += "\\u003c";
        else out += c;
    }
    return out;
}

bool ends_script(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return lower.find("</script") != std::string::npos || lower.find("</style") != std::string::npos;
}

std::string layer_name(const MapLayer& layer) {
    if (!layer.name.empty()) return layer.name;
    return layer.layer->name.empty() ? "features" : layer.layer->name;
}

} // namespace

void check_tiles(const std::string& url) {
    const bool web = url.starts_with("https://") || url.starts_with("http://");
    const bool placeholders = url.find("{z}") != std::string::npos && url.find("{x}") != std::string::npos &&
                              url.find("{y}") != std::string::npos;
    const bool plain = std::none_of(url.begin(), url.end(), [](unsigned char c) {
        return c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == 0x7f;
    });
    if (!web || !placeholders || !plain)
        throw ArgumentError(fmt::format("{} {}: give an XYZ tile URL template, http(s):// with {{z}}, {{x}} and "
                                        "{{y}} and no spaces or quotes, e.g. https://tile.openstreetmap.org/"
                                        "{{z}}/{{x}}/{{y}}.png", parameter("tiles"), url));
}

std::string html_map(std::span<const MapLayer> layers, const BaseLayers& base, const LeafletFiles& leaflet,
                     const HtmlMapOptions& options) {
    if (!options.tiles.empty()) check_tiles(options.tiles);
    if (ends_script(leaflet.script) || ends_script(leaflet.style))
        throw InputError(fmt::format("{}: Leaflet's files hold a closing </script> or </style> tag and cannot be "
                                     "inlined", leaflet_dir().string()));
    std::vector<const Layer*> shown;
    std::string layer_list;
    const auto add = [&](const Layer& layer, const std::string& name, const StyleOptions& style, bool is_base) {
        if (is_base && !layer.has_geometry()) return;  // no base map given
        layer_list += (layer_list.empty() ? "" : ",") + layer_json(layer, name, style, is_base, options.precision);
        shown.push_back(&layer);
    };
    for (const auto& layer : layers) add(*layer.layer, layer_name(layer), layer.style, false);
    StyleOptions outlines;
    outlines.kind = StyleKind::Outlines;
    add(base.divisions, "Leagues and cities", outlines, true);
    add(base.boundary, "Inner Mongolia", outlines, true);
    add(base.cities, "Cities", {}, true);

    const auto title = !options.title.empty() ? options.title
                       : layers.empty()       ? std::string("depmap")
                                              : "depmap: " + layer_name(layers.front());
    Json head{{"title", title}, {"attribution", credit_line(shown)}, {"tiles", nullptr}};
    if (!options.tiles.empty()) {
        const auto host_end = options.tiles.find('/', options.tiles.find("//") + 2);
        head["tiles"] = Json{{"url", options.tiles}, {"attribution", "tiles: " + options.tiles.substr(0, host_end)}};
    }
    auto data = dumped(head);
    data.pop_back();
    data += ",\"layers\":[" + layer_list + "]}";

    std::string page;
    page.reserve(data.size() + leaflet.script.size() + leaflet.style.size() + 16384);
    page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"depmap\">\n";
    page += "<title>" + html_escaped(title) + "</title>\n";
    page += "<style>\n" + leaflet.style + "\n</style>\n<style>\n" + std::string(map_page_style()) + "</style>\n";
    page += "</head>\n<body>\n<div id=\"map\"></div>\n";
    page += "<script type=\"application/json\" id=\"depmap-data\">" + script_safe(data) + "</script>\n";
    page += "<script>\n/*\n" + leaflet.notice + "\n*/\n" + leaflet.script + "\n</script>\n";
    page += "<script>\n" + std::string(map_page_script()) + "</script>\n</body>\n</html>\n";
    return page;
}

void write_html_map(std::span<const MapLayer> layers, const BaseLayers& base, const HtmlMapOptions& options,
                    const std::filesystem::path& output) {
    if (!options.tiles.empty()) check_tiles(options.tiles);
    check_precision(options.precision);
    const auto page = html_map(layers, base, read_leaflet(), options);
    StagedOutput stage(output, options.overwrite, {}, ".html");
    write_whole_file(stage.staged(), page, output.string());
    stage.commit();
}

} // namespace depmap::layers
