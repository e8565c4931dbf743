#pragma once
// A deposit's name as site linkage compares it. Two names are one name when their keys
// are equal: case, punctuation, diacritics, spaces and bracketed notes aside, generic
// words dropped (name_tables.hpp), and the romanisations of the table made one spelling:
//     "Bayan Obo Mine", "BAYAN-OBO deposit", "Bayanobo", "Baiyun Obo", "白云鄂博矿" -> bayanobo
// A name that is another's plus words naming a part (east, main, open pit, phase 2,
// 东, 主...) is a part of it: "Bayan Obo East Mine" and "白云鄂博东矿" have the base bayanobo.
// Numbers are kept apart: "Hegenshan 3756" and "Hegenshan 620" are two names whose
// unnumbered base is the same.
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

struct SiteName {
    std::string text;        // as written
    std::string key;         // the whole name: "bayanoboeast", "hegenshan3756"
    std::string plain_key;   // the key before romanisation: "baiyunobo" (key "bayanobo")
    std::string base;        // without the part's words: "bayanobo"; == key when it names no part
    std::string part;        // the part's words, one spelling: "east", "open pit", "phase 2"
    std::string unnumbered;  // the base without its numbers: "hegenshan"
    std::vector<std::string> numbers;  // the base's numbers, in order: {"3756"}
    std::vector<std::string> words;    // the base's words, numbers aside (romanised)
    std::string core;                  // its last word of 4 letters (2 Chinese characters) or
                                       // more: "Inner Mongolia Ordos Luotuoshan" -> luotuoshan;
                                       // to tell names that look alike

    bool empty() const { return key.empty(); }
    bool names_part() const { return !part.empty(); }
};

SiteName site_name(std::string_view text);

// The key of a name (site_name(text).key): what PLACE and site names are matched by.
std::string site_name_key(std::string_view text);

} // namespace depmap::layers
