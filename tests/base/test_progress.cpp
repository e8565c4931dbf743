#include "base/progress.hpp"

#include "base/parallel.hpp"

#include <catch2/catch.hpp>

#include <vector>

TEST_CASE("progress: a step reports its start, some advances and its end, from any thread", "[base][parallel]") {
    std::vector<depmap::ProgressReport> reports;
    depmap::set_progress_callback([&](const depmap::ProgressReport& report) { reports.push_back(report); });
    {
        depmap::ProgressStep step("counting", 6400);
        depmap::for_each_task(6400, 4, [&](std::size_t) { step.advance(); });
    }
    depmap::set_progress_callback({});
    REQUIRE(reports.size() >= 3);
    CHECK(reports.front().done == 0);
    CHECK_FALSE(reports.front().finished);
    CHECK(reports.back().finished);
    CHECK(reports.back().done == 6400);
    CHECK(reports.size() <= 66);  // at most every 1/64 of the total, and the two ends
    for (const auto& report : reports) CHECK(report.what == "counting");
}

TEST_CASE("progress: nothing is reported without a callback", "[base]") {
    depmap::ProgressStep step("quiet", 10);
    step.advance(10);  // no callback installed: nothing to call, nothing fails
    SUCCEED();
}
