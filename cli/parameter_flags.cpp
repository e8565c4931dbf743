#include "cli/parameter_flags.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace depmap::cli {

const FlagNames& shared_flag_names() {
    static const FlagNames flags{
        {"add", "--add"},
        {"append", "--append"},
        {"cell_m", "--cell"},
        {"commodity", "--commodity"},
        {"crs", "--crs"},
        {"dpi", "--dpi"},
        {"eps_m", "--eps"},
        {"extent", "--extent"},
        {"fields", "export --fields"},
        {"format", "--format"},
        {"group_by", "--group-by"},
        {"height_px", "--height"},
        {"keep_empty", "--keep-empty"},
        {"label_field", "--label"},
        {"label_priority", "--label-priority"},
        {"label_where", "--label-where"},
        {"layer", "--layer"},
        {"layer_name", "--layer-name"},
        {"max_distance_m", "--max-distance"},
        {"nearest_of", "--nearest-of"},
        {"on_error", "--on-error"},
        {"output", "-o/--output"},
        {"output_layer", "--output-layer"},
        {"overrides", "--overrides"},
        {"overwrite", "-O/--overwrite"},
        {"paper", "--paper"},
        {"precision", "--precision"},
        {"radius_m", "--radius"},
        {"size_by", "--size-by"},
        {"src_crs", "--src-crs"},
        {"style", "--style"},
        {"sum_fields", "--sum"},
        {"tiles", "--tiles"},
        {"to", "--to"},
        {"tolerance_m", "--tolerance"},
        {"where", "--where"},
        {"width_px", "--width"},
        {"within", "--within"},
    };
    return flags;
}

std::string with_flags(std::string_view message, const FlagNames& flags) {
    std::string out;
    out.reserve(message.size());
    while (!message.empty()) {
        const auto open = message.find('`');
        const auto close = open == std::string_view::npos ? open : message.find('`', open + 1);
        if (close == std::string_view::npos) break;
        const auto name = message.substr(open + 1, close - open - 1);
        const auto* flag = [&]() -> const std::string* {
            if (const auto it = flags.find(name); it != flags.end()) return &it->second;
            if (const auto it = shared_flag_names().find(name); it != shared_flag_names().end()) return &it->second;
            return nullptr;
        }();
        out.append(message.substr(0, open));
        if (!flag) {  // not a parameter: keep the first quote and look again from the second
            out.push_back('`');
            message.remove_prefix(open + 1);
            continue;
        }
        out.append(*flag);
        message.remove_prefix(close + 1);
    }
    return out.append(message);
}

void print_note(std::ostream& err, std::string_view note, const FlagNames& flags) {
    fmt::print(err, "note: {}\n", with_flags(note, flags));
}

} // namespace depmap::cli
