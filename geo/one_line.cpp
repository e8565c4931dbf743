#include "geo/one_line.hpp"

namespace depmap {

std::string one_line(std::string_view text, std::size_t max_bytes) {
    const auto end = text.find_first_of("\r\n");
    bool cut = end != std::string_view::npos && text.find_first_not_of(" \t\r\n", end) != std::string_view::npos;
    std::string_view first = text.substr(0, end);
    if (first.size() > max_bytes) {
        std::size_t at = max_bytes;
        // Back up over UTF-8 continuation bytes so no character is split.
        while (at > 0 && (static_cast<unsigned char>(first[at]) & 0xC0) == 0x80) --at;
        first = first.substr(0, at);
        cut = true;
    }
    while (!first.empty() && (first.back() == ' ' || first.back() == '\t')) first.remove_suffix(1);
    std::string out(first);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    if (cut) out += " ...";
    return out;
}

} // namespace depmap
