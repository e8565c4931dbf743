#pragma once
// Progress of long work, reported through one callback the program installs (the command
// line draws a bar on a terminal; nothing is reported when none is installed). Library
// code marks a step with a ProgressStep and counts what it has done; it never draws.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace depmap {

struct ProgressReport {
    std::string what;         // the step, in words: "reading", "writing", "clustering"
    std::uint64_t done = 0;   // units done so far (rows, bytes, points)
    std::uint64_t total = 0;  // units in all; 0 when unknown
    bool finished = false;    // the step's last report
};

// Called from any thread, at most once per step at a time (ProgressStep serialises it).
using ProgressCallback = std::function<void(const ProgressReport&)>;

// Installs `callback` for the whole process (an empty one removes it). Not while a step runs.
void set_progress_callback(ProgressCallback callback);

// One step of work: reports at its start, as it advances (at most every 1/64 of the
// total, or every 65,536 units when the total is unknown), and when it ends.
class ProgressStep {
public:
    ProgressStep(std::string what, std::uint64_t total);
    ~ProgressStep();
    ProgressStep(const ProgressStep&) = delete;
    ProgressStep& operator=(const ProgressStep&) = delete;

    // Counts `units` more done; thread-safe.
    void advance(std::uint64_t units = 1);

private:
    void report(std::uint64_t done, bool finished);

    std::string m_what;
    std::uint64_t m_total;
    std::uint64_t m_every;
    std::atomic<std::uint64_t> m_done{0};
    std::atomic<std::uint64_t> m_next;
    bool m_active;
};

} // namespace depmap
