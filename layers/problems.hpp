#pragma once
// One place that decides what a bad row or feature does: stop the read, or be counted
// and left out, as ReadOptions::on_error says.
#include "layers/layer.hpp"
#include "layers/read_options.hpp"

#include <string>

namespace depmap::layers {

class Problems {
public:
    Problems(std::string source, OnError mode, SkipReport& report)
        : m_source(std::move(source)), m_mode(mode), m_report(report) {}

    // `where` is "12" (a CSV line) or "feature 12"; `detail` says what is wrong.
    // Throws InputError with OnError::Fail; records the row with OnError::Skip.
    void report(const std::string& where, const std::string& reason, const std::string& detail);

private:
    std::string m_source;
    OnError m_mode;
    SkipReport& m_report;
};

} // namespace depmap::layers
