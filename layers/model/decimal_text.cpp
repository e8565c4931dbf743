#include "layers/model/decimal_text.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace depmap::layers {

namespace {

// A decimal number as 0.DIGITS × 10^exponent, DIGITS without leading or trailing
// zeros (empty for zero, whose sign is no part of its value).
struct Decimal {
    bool negative = false;
    std::string digits;
    long long exponent = 0;
    bool operator==(const Decimal&) const = default;
};

// `text` as a Decimal; false for what is not a plain decimal number.
bool to_decimal(std::string_view text, Decimal& out) {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) out.negative = text[i++] == '-';
    long long before_point = 0;
    bool point = false;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        const char c = text[i];
        if (c == '.' && !point) { point = true; continue; }
        if (c < '0' || c > '9') return false;
        if (out.digits.empty() && c == '0') {  // a leading zero
            if (point) --out.exponent;
            continue;
        }
        out.digits.push_back(c);
        if (!point) ++before_point;
    }
    if (i < text.size()) {  // the exponent
        std::string_view exponent = text.substr(i + 1);
        if (!exponent.empty() && exponent.front() == '+') exponent.remove_prefix(1);
        long long power = 0;
        const auto [end, ec] = std::from_chars(exponent.data(), exponent.data() + exponent.size(), power);
        if (ec != std::errc() || end != exponent.data() + exponent.size()) return false;
        out.exponent += power;
    }
    out.exponent += before_point;
    while (!out.digits.empty() && out.digits.back() == '0') out.digits.pop_back();
    if (out.digits.empty()) out = Decimal{};
    return true;
}

// Significant digits of a plain decimal text (leading zeros not counted, trailing
// ones counted), to decide cheaply: 15 always survive a double.
std::size_t significant_digits(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) {
        if (c == 'e' || c == 'E') break;
        if (c >= '1' && c <= '9') ++count;
        else if (c == '0' && count > 0) ++count;
    }
    return count;
}

bool is_integer_text(std::string_view text) {
    return text.find_first_of(".eE") == std::string_view::npos;
}

} // namespace

bool is_exact_long_decimal(std::string_view text, double value) {
    const std::size_t digits = significant_digits(text);
    if (digits <= std::numeric_limits<double>::digits10 &&
        (std::fabs(value) >= std::numeric_limits<double>::min() || value == 0))
        return value != 0 || digits == 0;  // a zero read from non-zero digits underflowed
    if (is_integer_text(text)) {
        std::int64_t integer = 0;
        const char* begin = text.data() + (text.starts_with('+') ? 1 : 0);
        const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), integer);
        if (ec != std::errc() || end != text.data() + text.size()) return false;
    }
    char shortest[32];
    const auto [end, ec] = std::to_chars(shortest, shortest + sizeof shortest, value);
    Decimal written, held;
    return ec == std::errc() && to_decimal(text, written) &&
           to_decimal(std::string_view(shortest, static_cast<std::size_t>(end - shortest)), held) &&
           written == held;
}

bool is_exact_as_double(std::int64_t value) {
    constexpr std::int64_t exact_up_to = std::int64_t{1} << std::numeric_limits<double>::digits;
    if (value >= -exact_up_to && value <= exact_up_to) return true;
    const double nearest = static_cast<double>(value);
    // 2^63 is the one double near the ends that no int64 holds.
    return nearest < 0x1p63 && static_cast<std::int64_t>(nearest) == value;
}

} // namespace depmap::layers
