#include "layers/read/problems.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace depmap::layers {

void Problems::report(const std::string& where, const std::string& reason,
                      const std::string& detail) {
    const std::string message = fmt::format("{}:{}: {}", m_source, where, detail);
    if (m_mode == OnError::Fail)
        throw InputError(message + " (fix it, or pass " + parameter("on_error") + " skip to leave such rows out)");
    m_report.add(reason, message);
}

void Problems::report_line(std::size_t line, const std::string& reason, const std::string& detail) {
    m_lines.emplace_back(line, reason, detail);
}

void Problems::finish() {
    std::stable_sort(m_lines.begin(), m_lines.end(),
                     [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
    for (const auto& [line, reason, detail] : m_lines) report(std::to_string(line), reason, detail);
    m_lines.clear();
}

} // namespace depmap::layers
