#pragma once
// Counts on the command line (-k, --limit, --min-points). CLI11 reads "-1" and
// "99999999999999999999" into a size_t as its largest value; these are refused instead.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <string>

namespace depmap::cli {

// Accepts the digits of a whole number from `least` to `most`, nothing else; its message
// names the least, which is what a typo misses, and the most only to one above it.
inline CLI::Validator whole_number(std::uint64_t least, std::uint64_t most = 1'000'000'000) {
    return CLI::Validator(
        [least, most](std::string& text) -> std::string {
            std::uint64_t value = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            const bool digits = !text.empty() && end == text.data() + text.size();
            if (digits && (error == std::errc::result_out_of_range || (error == std::errc{} && value > most)))
                return fmt::format("give a whole number of at most {}, not {}", most, text);
            if (!digits || error != std::errc{} || value < least)
                return fmt::format("give a whole number of at least {}, not '{}'", least, text);
            return {};
        },
        "");
}

} // namespace depmap::cli
