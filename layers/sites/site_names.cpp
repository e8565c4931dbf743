#include "layers/sites/site_names.hpp"

#include "layers/sites/name_tables.hpp"

#include <algorithm>
#include <cctype>

namespace depmap::layers {

namespace {

// ---- characters ----------------------------------------------------------------

// The code points of UTF-8 text; a byte that starts no valid sequence is U+FFFD.
std::u32string decoded(std::string_view text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) {
            out.push_back(U'\uFFFD');
            ++i;
            continue;
        }
        char32_t c = length == 1 ? byte : byte & (0x7F >> length);
        bool valid = true;
        for (int k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            valid = valid && (next & 0xC0) == 0x80;
            c = (c << 6) | (next & 0x3F);
        }
        out.push_back(valid ? c : U'\uFFFD');
        i += valid ? length : 1;
    }
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

std::string utf8(std::u32string_view text) {
    std::string out;
    for (const char32_t c : text) append_utf8(out, c);
    return out;
}

bool is_cjk(char32_t c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FFFF);
}

bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2018' || c == U'\u2019' || c == U'\u02BC' || c == U'`'; }

int bracket_depth_change(char32_t c) {
    if (c == U'(' || c == U'[' || c == U'\uFF08' || c == U'\u3010') return 1;
    if (c == U')' || c == U']' || c == U'\uFF09' || c == U'\u3011') return -1;
    return 0;
}

// Latin letters with diacritics (Latin-1, Latin Extended-A, pinyin's tone marks) as ASCII.
std::string_view folded_latin(char32_t c) {
    static constexpr std::string_view latin1[] = {  // U+00C0 .. U+00FF
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};
    // U+0100 .. U+017F, in runs: each letter covers the code points up to the next start.
    static constexpr std::pair<char32_t, std::string_view> extended_a[] = {
        {0x100, "a"}, {0x106, "c"}, {0x10E, "d"}, {0x112, "e"}, {0x11C, "g"}, {0x124, "h"},
        {0x128, "i"}, {0x132, "ij"}, {0x134, "j"}, {0x136, "k"}, {0x139, "l"}, {0x143, "n"},
        {0x14C, "o"}, {0x152, "oe"}, {0x154, "r"}, {0x15A, "s"}, {0x162, "t"}, {0x168, "u"},
        {0x174, "w"}, {0x176, "y"}, {0x179, "z"}, {0x17F, "s"}};
    if (c >= 0xC0 && c <= 0xFF) return latin1[c - 0xC0];
    if (c >= 0x100 && c <= 0x17F) {
        std::string_view letter;
        for (const auto& [start, text] : extended_a)
            if (c >= start) letter = text;
        return letter;
    }
    if (c >= 0x1CD && c <= 0x1DC) {  // Ǎ ǎ Ǐ ǐ Ǒ ǒ Ǔ ǔ Ǖ ǖ Ǘ ǘ Ǚ ǚ Ǜ ǜ
        static constexpr std::string_view pinyin[] = {"a", "a", "i", "i", "o", "o", "u", "u",
                                                      "u", "u", "u", "u", "u", "u", "u", "u"};
        return pinyin[c - 0x1CD];
    }
    return {};
}

// ---- words ---------------------------------------------------------------------

enum class Kind { Letters, Digits, Chinese };

struct Token {
    Kind kind;
    std::string text;       // ASCII lower case for Letters and Digits
    std::u32string chinese; // for Chinese
};

// The words of a name, its bracketed notes left out: letters (ASCII, lower case),
// digits, and runs of Chinese characters. Everything else separates words.
std::vector<Token> tokens(std::string_view name) {
    std::vector<Token> out;
    bool open = false;  // whether the last token may grow
    int depth = 0;
    const auto add = [&](Kind kind, std::string_view text, char32_t chinese = 0) {
        if (!open || out.back().kind != kind) out.push_back({kind, {}, {}});
        open = true;
        if (kind == Kind::Chinese) out.back().chinese.push_back(chinese);
        else out.back().text.append(text);
    };
    for (char32_t c : decoded(name)) {
        if (const int change = bracket_depth_change(c)) {
            depth = std::max(0, depth + change);
            open = false;
            continue;
        }
        if (depth > 0) continue;
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII
        if (is_apostrophe(c)) continue;               // Mo'ergou is moergou
        if (c < 0x80 && std::isalpha(static_cast<unsigned char>(c))) {
            const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            add(Kind::Letters, std::string_view(&lower, 1));
        } else if (c < 0x80 && std::isdigit(static_cast<unsigned char>(c))) {
            const char digit = static_cast<char>(c);
            add(Kind::Digits, std::string_view(&digit, 1));
        } else if (const auto latin = folded_latin(c); !latin.empty()) {
            add(Kind::Letters, latin);
        } else if (is_cjk(c)) {
            add(Kind::Chinese, {}, c);
        } else {
            open = false;
        }
    }
    return out;
}

struct Word {
    std::string text;        // as compared (romanised)
    std::string plain;       // before romanisation
    bool part = false;       // names a part: text is the part's spelling
    bool digits = false;
    bool chinese = false;
};

// A Chinese run without its generic text and the commodities before 矿: 白云鄂博铁矿西矿 -> 白云鄂博西.
std::u32string without_chinese_generics(std::u32string run) {
    for (const auto term : chinese_generic_terms())
        for (auto at = run.find(term); at != std::u32string::npos; at = run.find(term, at)) run.erase(at, term.size());
    for (auto at = run.find(U'矿'); at != std::u32string::npos; at = run.find(U'矿')) {
        auto start = at;
        while (start > 0 && is_chinese_commodity(run[start - 1])) --start;
        run.erase(start, at + 1 - start);
    }
    return run;
}

// A Chinese run as words: its part (a last 东, 主, 露天...) apart, and the table's
// spellings within it as their romanised key: 白云鄂博东 -> bayanobo, east (a part).
void add_chinese(std::u32string run, std::vector<Word>& words) {
    run = without_chinese_generics(std::move(run));
    const auto part = chinese_part_qualifier(run);
    std::u32string rest = run.substr(0, run.size() - part.length);
    while (!rest.empty()) {
        std::size_t first = std::u32string::npos;
        const Romanisation* found = nullptr;
        std::u32string spelling;
        for (const auto& entry : romanisations()) {
            const auto chinese = decoded(entry.spelling);
            if (chinese.empty() || chinese.front() < 0x80) continue;
            const auto at = rest.find(chinese);
            if (at < first) {
                first = at;
                found = &entry;
                spelling = chinese;
            }
        }
        if (!found) {
            words.push_back({utf8(rest), utf8(rest), false, false, true});
            break;
        }
        if (first > 0) words.push_back({utf8(rest.substr(0, first)), utf8(rest.substr(0, first)), false, false, true});
        words.push_back({std::string(found->key), utf8(spelling), false, false, false});
        rest.erase(0, first + spelling.size());
    }
    if (part.length > 0) words.push_back({std::string(part.qualifier), utf8(run.substr(run.size() - part.length)), true});
}

// Latin words without generic words, parts marked: "open pit mine" -> open pit (a part).
void add_latin(const std::vector<Token>& run, std::vector<Word>& words) {
    for (std::size_t i = 0; i < run.size(); ++i) {
        const std::string& word = run[i].text;
        const std::string_view next = i + 1 < run.size() ? std::string_view(run[i + 1].text) : std::string_view();
        if (!next.empty()) {
            if (const auto part = part_qualifier(word, next); !part.empty()) {
                words.push_back({std::string(part), word + " " + std::string(next), true});
                ++i;
                continue;
            }
            if (is_generic_phrase(word, next)) {
                ++i;
                continue;
            }
            const bool number = run[i + 1].kind == Kind::Digits || is_roman_numeral(next);
            if (is_phase_word(word) && number) {
                const auto phase = "phase " + std::string(next);
                words.push_back({phase, phase, true});
                ++i;
                continue;
            }
        }
        if (const auto part = part_qualifier(word); !part.empty()) {
            words.push_back({std::string(part), word, true});
            continue;
        }
        if (is_generic_word(word)) continue;
        words.push_back({word, word, false, run[i].kind == Kind::Digits});
    }
}

// Runs of the table's Latin spellings as one word: bayan e bo -> bayanobo.
void romanise_latin(std::vector<Word>& words) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].part || words[i].digits || words[i].chinese) continue;
        std::string joined;
        std::size_t best_end = 0;
        std::string_view best_key;
        for (std::size_t j = i; j < words.size() && !words[j].part && !words[j].digits && !words[j].chinese; ++j) {
            joined += words[j].plain;
            for (const auto& entry : romanisations())
                if (entry.spelling == joined) {
                    best_end = j + 1;
                    best_key = entry.key;
                }
        }
        if (best_end == 0) continue;
        Word merged{std::string(best_key), joined.substr(0, 0), false};
        for (std::size_t j = i; j < best_end; ++j) merged.plain += words[j].plain;
        words.erase(words.begin() + static_cast<std::ptrdiff_t>(i) + 1, words.begin() + static_cast<std::ptrdiff_t>(best_end));
        words[i] = std::move(merged);
    }
}

bool is_long_word(const Word& word) {
    if (word.digits) return false;
    if (word.chinese) return decoded(word.text).size() >= 2;
    return word.text.size() >= 4;
}

} // namespace

SiteName site_name(std::string_view text) {
    SiteName name;
    name.text = std::string(text);
    std::vector<Word> words;
    const auto all = tokens(text);
    std::vector<Token> latin;
    for (const auto& token : all) {
        if (token.kind != Kind::Chinese) {
            latin.push_back(token);
            continue;
        }
        add_latin(latin, words);
        latin.clear();
        add_chinese(token.chinese, words);
    }
    add_latin(latin, words);
    romanise_latin(words);
    // A name of nothing but parts and numbers ("North Mine", "West No. 3") names no part of
    // another: its part words are its name.
    const bool has_name = std::any_of(words.begin(), words.end(), [](const Word& w) { return !w.part && !w.digits; });
    for (const auto& word : words) {
        std::string joined = word.text;
        std::erase(joined, ' ');
        name.key += joined;
        std::string plain = word.plain;
        std::erase(plain, ' ');
        name.plain_key += plain;
        if (word.part && has_name) {
            name.part += (name.part.empty() ? "" : " ") + word.text;
            continue;
        }
        name.base += joined;
        if (word.digits) {
            name.numbers.push_back(word.text);
            continue;
        }
        name.unnumbered += joined;
        name.words.push_back(word.text);
        if (is_long_word(word)) name.core = word.text;
    }
    return name;
}

std::string site_name_key(std::string_view text) { return site_name(text).key; }

} // namespace depmap::layers
