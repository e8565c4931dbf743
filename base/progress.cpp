#include "base/progress.hpp"

#include <algorithm>
#include <mutex>

namespace depmap {

namespace {

ProgressCallback& installed() {
    static ProgressCallback callback;
    return callback;
}

std::mutex& reporting() {
    static std::mutex mutex;
    return mutex;
}

} // namespace

void set_progress_callback(ProgressCallback callback) { installed() = std::move(callback); }

ProgressStep::ProgressStep(std::string what, std::uint64_t total)
    : m_what(std::move(what)), m_total(total), m_every(total > 0 ? std::max<std::uint64_t>(total / 64, 1) : 65536),
      m_next(m_every), m_active(static_cast<bool>(installed())) {
    report(0, false);
}

ProgressStep::~ProgressStep() { report(m_done.load(), true); }

void ProgressStep::advance(std::uint64_t units) {
    if (!m_active) return;
    const auto done = m_done.fetch_add(units, std::memory_order_relaxed) + units;
    auto next = m_next.load(std::memory_order_relaxed);
    // The thread that passes the mark reports; the others go on.
    if (done >= next && m_next.compare_exchange_strong(next, done + m_every)) report(done, false);
}

void ProgressStep::report(std::uint64_t done, bool finished) {
    if (!m_active) return;
    try {
        const std::lock_guard lock(reporting());
        installed()({m_what, done, m_total, finished});
    } catch (...) {  // a progress bar never stops the work
    }
}

} // namespace depmap
