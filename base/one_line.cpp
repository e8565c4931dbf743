#include "base/one_line.hpp"

namespace depmap {

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

} // namespace

std::string one_line(std::string_view text, std::size_t max_bytes) {
    const auto end = text.find_first_of("\r\n");
    const bool more_lines = end != std::string_view::npos && text.find_first_not_of(" \t\r\n", end) != std::string_view::npos;
    std::string_view first = text.substr(0, end);
    while (!first.empty() && (first.back() == ' ' || first.back() == '\t')) first.remove_suffix(1);
    std::string out(first);
    if (first.size() > max_bytes) {
        // The middle goes: a message names its subject first and says what to do last.
        std::size_t head = max_bytes * 2 / 3;
        std::size_t tail = first.size() - (max_bytes - head);
        while (head > 0 && continuation(first[head])) --head;  // no character is split
        while (tail < first.size() && continuation(first[tail])) ++tail;
        out = std::string(first.substr(0, head)) + " ... " + std::string(first.substr(tail));
    }
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    if (more_lines) out += " ...";
    return out;
}

} // namespace depmap
