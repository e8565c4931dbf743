#pragma once
// Work spread over the machine's cores: the one way the library uses threads. The
// calling thread works too; after an exception no thread takes new work, and the
// exception is rethrown to the caller once every part has stopped.
#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace depmap {

namespace detail {

// DEPMAP_THREADS when it is a whole number from 1, else the number of cores.
inline std::size_t threads_from_environment() {
    const char* text = std::getenv("DEPMAP_THREADS");
    const std::string_view value = text ? text : "";
    std::size_t threads = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), threads);
    if (error == std::errc() && end == value.data() + value.size() && threads > 0) return threads;
    return std::max(1U, std::thread::hardware_concurrency());
}

inline std::atomic<std::size_t>& thread_cap() {
    static std::atomic<std::size_t> cap{threads_from_environment()};
    return cap;
}

} // namespace detail

// The most threads any parallel loop of the process uses: DEPMAP_THREADS, else every
// core. A cap above the core count is honoured (4 threads on 2 cores), for testing.
inline std::size_t max_threads() { return detail::thread_cap().load(std::memory_order_relaxed); }

// Sets that cap for the whole process (tests compare results at several counts); 0
// restores DEPMAP_THREADS or the core count. Not while parallel work is running.
inline void set_max_threads(std::size_t threads) {
    detail::thread_cap().store(threads > 0 ? threads : detail::threads_from_environment());
}

// The number of threads to use for `n` items when a thread should get at least
// `min_per_thread` of them: 1 for small jobs, at most max_threads().
inline std::size_t threads_for(std::size_t n, std::size_t min_per_thread) {
    return std::clamp<std::size_t>(n / std::max<std::size_t>(1, min_per_thread), 1, max_threads());
}

namespace detail {

// The first failure of a loop: the exception of the lowest item that threw. An item
// above it need not start; every item below it was taken before it and runs, so the
// error is the one a run on one thread meets, whatever the threads.
class FirstFailure {
public:
    explicit FirstFailure(std::size_t none) : m_index(none) {}

    // Whether item i may still start: no lower item has failed.
    bool allows(std::size_t i) const { return i < m_index.load(std::memory_order_acquire); }

    // Runs item(), keeping its exception if it is the lowest so far.
    template <typename Item>
    void run(std::size_t i, Item&& item) {
        try {
            item();
        } catch (...) {
            const std::lock_guard lock(m_mutex);
            if (i < m_index.load(std::memory_order_relaxed)) {
                m_error = std::current_exception();
                m_index.store(i, std::memory_order_release);
            }
        }
    }

    void rethrow() const {
        if (m_error) std::rethrow_exception(m_error);
    }

private:
    std::atomic<std::size_t> m_index;
    std::mutex m_mutex;
    std::exception_ptr m_error;
};

// Runs body(t) for t in [0, threads) on as many threads, the calling one included; body
// must not throw.
template <typename Body>
void run_threads(std::size_t threads, Body& body) {
    std::vector<std::jthread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(body, t);
    body(0);
}

inline std::size_t clamp_threads(std::size_t threads, std::size_t n) {
    return std::clamp<std::size_t>(threads, 1, std::clamp<std::size_t>(n, 1, max_threads()));
}

} // namespace detail

// Calls work(begin, end) on `threads` contiguous parts of [0, n) at once (at most
// max_threads() parts), and waits. When parts throw, the error of the lowest reaches
// the caller, and a part that had not started when a lower one failed does not start.
template <typename Work>
void for_each_range(std::size_t n, std::size_t threads, Work&& work) {
    threads = detail::clamp_threads(threads, n);
    detail::FirstFailure failure(threads);
    auto body = [&](std::size_t t) {
        if (failure.allows(t)) failure.run(t, [&] { work(n * t / threads, n * (t + 1) / threads); });
    };
    detail::run_threads(threads, body);
    failure.rethrow();
}

// Calls task(i) once for every i in [0, n), each thread taking the next undone task
// (for tasks of uneven size), on at most `threads` threads (and max_threads()), and waits.
// Once a task throws, no thread takes a further one; the error of the lowest task that
// threw reaches the caller.
template <typename Task>
void for_each_task(std::size_t n, std::size_t threads, Task&& task) {
    std::atomic<std::size_t> next{0};
    detail::FirstFailure failure(n);
    auto body = [&](std::size_t) {
        for (std::size_t i = next++; i < n && failure.allows(i); i = next++) failure.run(i, [&] { task(i); });
    };
    detail::run_threads(detail::clamp_threads(threads, n), body);
    failure.rethrow();
}

// Sorts [first, last) by `less`: contiguous parts sorted at once on up to max_threads()
// (parts of at least `min_per_thread`), then merged. When `less` orders every pair of
// distinct elements (ties broken), the answer is std::sort's on any number of cores.
template <typename Iterator, typename Less>
void sort_on_all_cores(Iterator first, Iterator last, Less less, std::size_t min_per_thread = 10000) {
    const auto n = static_cast<std::size_t>(last - first);
    const std::size_t parts = threads_for(n, min_per_thread);
    const auto at = [&](std::size_t k) { return first + static_cast<std::ptrdiff_t>(n * k / parts); };
    for_each_task(parts, parts, [&](std::size_t k) { std::sort(at(k), at(k + 1), less); });
    for (std::size_t width = 1; width < parts; width *= 2)  // sorted runs double each round
        for (std::size_t k = 0; k + width < parts; k += 2 * width)
            std::inplace_merge(at(k), at(k + width), at(std::min(k + 2 * width, parts)), less);
}

} // namespace depmap
