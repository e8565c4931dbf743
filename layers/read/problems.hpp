#pragma once
// One place that decides what a bad row or feature does: stop the read, or be counted
// and left out, as ReadOptions::on_error says.
#include "layers/model/layer.hpp"
#include "layers/read/read_options.hpp"

#include <cstddef>
#include <string>
#include <tuple>
#include <vector>

namespace depmap::layers {

class Problems {
public:
    Problems(std::string source, OnError mode, SkipReport& report)
        : m_source(std::move(source)), m_mode(mode), m_report(report) {}

    // `where` is "feature 12"; `detail` says what is wrong. Throws InputError with
    // OnError::Fail; records the feature with OnError::Skip.
    void report(const std::string& where, const std::string& reason, const std::string& detail);

    // The same for a CSV line, held back until finish(): a file is checked in several
    // passes, and the error a user sees must be the first line's, whichever pass found it.
    void report_line(std::size_t line, const std::string& reason, const std::string& detail);
    // Throws for the first held-back line (OnError::Fail), or records them all in line
    // order (OnError::Skip).
    void finish();

private:
    std::string m_source;
    OnError m_mode;
    SkipReport& m_report;
    std::vector<std::tuple<std::size_t, std::string, std::string>> m_lines;
};

} // namespace depmap::layers
