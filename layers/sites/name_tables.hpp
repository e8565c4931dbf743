#pragma once
// The word lists behind site names (README "Sites" lists them for readers): which words
// say nothing about which deposit a name means, which words name a part of one, and which
// spellings are one name. Latin words are lower case ASCII (diacritics already removed).
#include <span>
#include <string_view>

namespace depmap::layers {

// A word that says what kind of place, what commodity or whose it is, not which: `mine`,
// `deposit`, `well`, `coal`, `company`, `no` (of `No. 2`)... Dropped from names.
bool is_generic_word(std::string_view word);

// Two words in a row dropped together: `inner mongolia`, `rare earth`.
bool is_generic_phrase(std::string_view first, std::string_view second);

// The part a word names, in one spelling (`eastern` -> `east`, `surface` -> `open pit`),
// or empty when it names none.
std::string_view part_qualifier(std::string_view word);
// The same for two words in a row (`open pit`, `open cut`, `north east`).
std::string_view part_qualifier(std::string_view first, std::string_view second);
// `phase` and `stage`, which name a part with the number (or roman numeral) after them.
bool is_phase_word(std::string_view word);
bool is_roman_numeral(std::string_view word);  // i to xx

// Chinese text dropped wherever it stands in a name (`内蒙古`, `有限公司`, `矿区`...),
// longest first.
std::span<const std::u32string_view> chinese_generic_terms();
// Characters of commodities dropped with the 矿 they stand before (`铁` of `铁矿`).
bool is_chinese_commodity(char32_t c);
// The part a Chinese name's last characters name (`东` east, `主` main, `露天` open pit):
// how many characters, and the part's Latin spelling; {0, ""} when none.
struct ChinesePart {
    std::size_t length = 0;
    std::string_view qualifier;
};
ChinesePart chinese_part_qualifier(std::u32string_view name);

// The romanisation table: each spelling (Latin words joined without spaces, or Chinese)
// and the one key it stands for: `baiyunobo`, `bayanebo`, `paiyunopo`, `白云鄂博` ->
// `bayanobo`.
struct Romanisation {
    std::string_view spelling;
    std::string_view key;
};
std::span<const Romanisation> romanisations();

} // namespace depmap::layers
