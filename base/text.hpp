#pragma once
// Small helpers on text that every part of depmap uses.
#include <string>
#include <string_view>

namespace depmap {

// Blanks: what pads a cell of a table or an item of a list. Line breaks are not blanks,
// since a quoted cell may end with one that belongs to its value.
inline constexpr std::string_view blanks = " \t";
// White space of a value typed by hand (a distance, a DMS angle): blanks and line breaks.
inline constexpr std::string_view white_space = " \t\r\n";

constexpr bool is_one_of(char c, std::string_view set) {
    for (const char s : set)
        if (c == s) return true;
    return false;
}

// `text` without the characters of `space` at either end.
constexpr std::string_view trimmed(std::string_view text, std::string_view space = blanks) {
    while (!text.empty() && is_one_of(text.front(), space)) text.remove_prefix(1);
    while (!text.empty() && is_one_of(text.back(), space)) text.remove_suffix(1);
    return text;
}

// `text` with ASCII letters in lower case (names, extensions; other bytes kept as they are).
inline std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace depmap
