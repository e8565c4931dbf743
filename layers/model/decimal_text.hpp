#pragma once
// Whether a number written in decimal is the number depmap holds for it. A double
// holds about 17 significant digits: `1.00000000000000000001` reads as 1, and a
// 20-digit code as `1.2345678901234567e+19`, so such a value is kept as its text.
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

namespace depmap::layers {

// is_exact_decimal for any text, however many digits it has.
bool is_exact_long_decimal(std::string_view text, double value);

// True when `value` (what the decimal `text` was read as) is the number `text`
// writes: the shortest text that reads back as `value` and `text` name the same
// decimal number, whatever their form (`1.50` and `1.5`, `1e5` and `100000`, `-0.0`
// and `0` are each one number). An integer's text (no point, no exponent) must also
// fit 64 bits, as the integers depmap writes do. `text` has no blanks around it.
inline bool is_exact_decimal(std::string_view text, double value) {
    // Fifteen characters hold at most 15 digits, which every double in the normal
    // range keeps: most cells are decided here, without a look at their digits.
    if (text.size() <= std::numeric_limits<double>::digits10 &&
        std::fabs(value) >= std::numeric_limits<double>::min())
        return true;
    return is_exact_long_decimal(text, value);
}

// True when the double nearest `value` is `value` itself (every integer up to 2^53).
bool is_exact_as_double(std::int64_t value);

} // namespace depmap::layers
