#include "cli/progress_bar.hpp"

#include "base/progress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

namespace depmap::cli {

namespace {

using Clock = std::chrono::steady_clock;

std::string duration_text(double seconds) {
    if (seconds < 60) return fmt::format("{:.0f}s", seconds);
    const auto whole = static_cast<long>(seconds);
    if (seconds < 3600) return fmt::format("{}m{:02}s", whole / 60, whole % 60);
    return fmt::format("{:.1f}h", seconds / 3600);
}

std::string count_text(double count) {
    if (count >= 1e9) return fmt::format("{:.1f}G", count / 1e9);
    if (count >= 1e6) return fmt::format("{:.1f}M", count / 1e6);
    if (count >= 1e4) return fmt::format("{:.0f}k", count / 1e3);
    return fmt::format("{:.0f}", count);
}

// One step's bar: drawn once the step has run `delay`, then at most every 100 ms.
class Drawer {
public:
    explicit Drawer(Clock::duration delay) : m_delay(delay) {}

    void operator()(const ProgressReport& report) {
        const auto now = Clock::now();
        if (report.done == 0 && !report.finished) {  // a step starts
            m_start = now;
            m_last = {};
            return;
        }
        if (report.finished) {
            if (m_shown) std::fputs("\r\033[K", stderr);  // the line is left clear for what follows
            m_shown = false;
            return;
        }
        if (now - m_start < m_delay || now - m_last < std::chrono::milliseconds(100)) return;
        m_last = now;
        m_shown = true;
        const double seconds = std::chrono::duration<double>(now - m_start).count();
        const double rate = seconds > 0 ? static_cast<double>(report.done) / seconds : 0;
        std::string line = fmt::format("\r{} ", report.what);
        if (report.total > 0) {
            constexpr int width = 30;
            const double fraction = std::min(1.0, static_cast<double>(report.done) / static_cast<double>(report.total));
            const int filled = static_cast<int>(fraction * width);
            line += fmt::format("[{}{}] {:3.0f}%", std::string(filled, '#'), std::string(width - filled, '-'), fraction * 100);
        } else {
            line += count_text(static_cast<double>(report.done));
        }
        line += fmt::format("  {}/s", count_text(rate));
        if (report.total > report.done && rate > 0)
            line += fmt::format("  {} left", duration_text(static_cast<double>(report.total - report.done) / rate));
        line += "\033[K";
        std::fputs(line.c_str(), stderr);
        std::fflush(stderr);
    }

private:
    Clock::duration m_delay;
    Clock::time_point m_start = Clock::now();
    Clock::time_point m_last{};
    bool m_shown = false;
};

Clock::duration automatic_delay() {
    if (const char* text = std::getenv("DEPMAP_PROGRESS_DELAY_MS")) return std::chrono::milliseconds(std::atol(text));
    return std::chrono::seconds(1);
}

} // namespace

ProgressBar::ProgressBar(ProgressMode mode) {
    if (mode == ProgressMode::Never || (mode == ProgressMode::Automatic && !::isatty(STDERR_FILENO))) return;
    set_progress_callback(Drawer(mode == ProgressMode::Always ? Clock::duration::zero() : automatic_delay()));
}

ProgressBar::~ProgressBar() { set_progress_callback({}); }

} // namespace depmap::cli
