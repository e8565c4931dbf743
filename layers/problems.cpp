#include "layers/problems.hpp"

#include "geo/error.hpp"

#include <fmt/format.h>

namespace depmap::layers {

void Problems::report(const std::string& where, const std::string& reason,
                      const std::string& detail) {
    const std::string message = fmt::format("{}:{}: {}", m_source, where, detail);
    if (m_mode == OnError::Fail)
        throw InputError(message + " (fix it, or pass --on-error skip to leave such rows out)");
    m_report.add(reason, message);
}

} // namespace depmap::layers
