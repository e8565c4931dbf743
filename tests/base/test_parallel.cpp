#include "base/parallel.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <set>
#include <thread>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace depmap;

TEST_CASE("parallel: every item once, in contiguous ranges or as tasks", "[base][parallel]") {
    for (const std::size_t n : {0, 1, 3, 1000, 100003}) {
        for (const std::size_t threads : {1, 2, 7}) {
            INFO("n " << n << ", threads " << threads);
            std::vector<std::atomic<int>> seen(n);
            std::atomic<int> reversed{0};  // Catch's CHECK is for the test's own thread only
            for_each_range(n, threads, [&](std::size_t begin, std::size_t end) {
                reversed += begin > end;
                for (std::size_t i = begin; i < end; ++i) ++seen[i];
            });
            for_each_task(n, threads, [&](std::size_t i) { ++seen[i]; });
            std::size_t twice = 0;
            for (const auto& s : seen) twice += s == 2;
            CHECK(twice == n);
            CHECK(reversed == 0);
        }
    }
}

TEST_CASE("parallel: the error of the lowest range reaches the caller after all parts stop", "[base][parallel]") {
    set_max_threads(4);  // four parts, whatever the cores and DEPMAP_THREADS
    std::atomic<std::size_t> done{0};
    try {
        for_each_range(4000, 4, [&](std::size_t begin, std::size_t end) {
            if (begin >= 1000) throw std::runtime_error("part from " + std::to_string(begin));
            done += end - begin;
        });
        FAIL("expected an error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "part from 1000");
    }
    CHECK(done == 1000);
    set_max_threads(0);
}

TEST_CASE("parallel: threads_for keeps small jobs on one thread", "[base]") {
    CHECK(threads_for(0, 100) == 1);
    CHECK(threads_for(99, 100) == 1);
    CHECK(threads_for(1000000, 100) >= 1);
    CHECK(threads_for(1000000, 100) <= max_threads());
}

TEST_CASE("parallel: DEPMAP_THREADS caps every loop even above the core count", "[base][parallel]") {
    const char* before = std::getenv("DEPMAP_THREADS");
    const std::string saved = before ? before : "";
    // The threads one loop ran on: each of for_each_range's parts has its own thread. (Two
    // loops' threads are not counted together: a finished thread's id may be reused.)
    const auto threads_used = [] {
        std::mutex mutex;
        std::set<std::thread::id> ids;
        for_each_range(1000, 16, [&](std::size_t, std::size_t) {
            const std::lock_guard lock(mutex);
            ids.insert(std::this_thread::get_id());
        });
        return ids.size();
    };
    const auto most_task_threads = [] {
        std::atomic<std::size_t> running{0}, most{0};
        for_each_task(1000, 16, [&](std::size_t) {
            const std::size_t now = ++running;
            for (std::size_t seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {}
            --running;
        });
        return most.load();
    };
    const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
    for (const auto& [text, expected] : std::vector<std::pair<std::string, std::size_t>>{
             {"1", 1}, {"3", 3}, {"6", 6}, {"0", cores}, {"two", cores}, {"4x", cores}, {"", cores}}) {
        INFO("DEPMAP_THREADS=" << text);
        setenv("DEPMAP_THREADS", text.c_str(), 1);
        set_max_threads(0);
        CHECK(max_threads() == expected);
        CHECK(threads_for(1000000, 1) == expected);
        CHECK(threads_used() == expected);
        CHECK(most_task_threads() <= expected);
    }
    set_max_threads(2);
    CHECK(threads_for(1000000, 1) == 2);
    CHECK(threads_used() == 2);
    if (before) setenv("DEPMAP_THREADS", saved.c_str(), 1); else unsetenv("DEPMAP_THREADS");
    set_max_threads(0);
}

TEST_CASE("parallel: sort_on_all_cores gives std::sort's order, ties broken, at every size", "[base][parallel]") {
    std::mt19937_64 random(3);
    for (const std::size_t n : {0, 1, 2, 999, 25000, 120001}) {
        // Keys with many repeats, told apart by a second member.
        std::vector<std::pair<int, std::size_t>> values(n);
        for (std::size_t i = 0; i < n; ++i) values[i] = {static_cast<int>(random() % 100), i};
        std::shuffle(values.begin(), values.end(), random);
        auto expected = values;
        std::sort(expected.begin(), expected.end());
        sort_on_all_cores(values.begin(), values.end(), std::less<>(), 1000);
        CHECK(values == expected);
    }
}

namespace {

std::atomic<bool> helper_ended{false};

// Made in the helper thread that throws; its end (after its loop) sets helper_ended.
struct EndSignal {
    ~EndSignal() { helper_ended = true; }
};

} // namespace

TEST_CASE("parallel: once a task throws, no thread takes another", "[base][parallel]") {
    // Two threads: the helper's first task throws, and the helper ends. The caller's
    // first task waits for that end: any task the caller starts after it was taken
    // after the failure.
    set_max_threads(2);
    helper_ended = false;
    const auto caller = std::this_thread::get_id();
    std::atomic<std::size_t> started_after{0};
    try {
        for_each_task(1000, 2, [&](std::size_t i) {
            if (std::this_thread::get_id() != caller) {
                thread_local EndSignal signal;
                static_cast<void>(&signal);
                throw std::runtime_error("task " + std::to_string(i));
            }
            if (helper_ended) {
                ++started_after;
                return;
            }
            while (!helper_ended) std::this_thread::yield();
        });
        FAIL("expected an error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).rfind("task ", 0) == 0);
    }
    CHECK(started_after == 0);
    set_max_threads(0);
}

TEST_CASE("parallel: the error of the lowest task that throws reaches the caller, every lower task done", "[base][parallel]") {
    for (const std::size_t threads : {1, 2, 4}) {
        INFO("threads " << threads);
        set_max_threads(threads);
        std::vector<std::atomic<int>> done(1000);
        try {
            for_each_task(1000, threads, [&](std::size_t i) {
                if (i == 300 || i == 301 || i == 700) throw std::runtime_error("task " + std::to_string(i));
                ++done[i];
            });
            FAIL("expected an error");
        } catch (const std::runtime_error& e) {
            CHECK(std::string(e.what()) == "task 300");
        }
        std::size_t below = 0;
        for (std::size_t i = 0; i < 300; ++i) below += done[i] == 1;
        CHECK(below == 300);
    }
    set_max_threads(0);
}
