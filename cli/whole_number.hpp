#pragma once
// Counts on the command line (-k, --limit, --min-points). CLI11 reads "-1" and
// "99999999999999999999" into a size_t as its largest value; these are refused instead.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <string>

namespace depmap::cli {

// Accepts the digits of a whole number from `least` to `most`, nothing else.
inline CLI::Validator whole_number(std::uint64_t least, std::uint64_t most = 1'000'000'000) {
    return CLI::Validator(
        [least, most](std::string& text) -> std::string {
            std::uint64_t value = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (text.empty() || error != std::errc{} || end != text.data() + text.size() || value < least ||
                value > most)
                return fmt::format("'{}' is not a whole number from {} to {}", text, least, most);
            return {};
        },
        fmt::format("INT in {}..{}", least, most));
}

} // namespace depmap::cli
