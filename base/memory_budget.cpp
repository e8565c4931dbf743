#include "base/memory_budget.hpp"

#include "base/error.hpp"
#include "base/text.hpp"

#include <fmt/format.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <string>

namespace depmap {

namespace {

constexpr std::uint64_t unlimited = std::numeric_limits<std::uint64_t>::max();

// MemAvailable from /proc/meminfo (kB), or the free pages when it is missing.
std::uint64_t available_physical() {
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    std::uint64_t kilobytes = 0;
    std::string unit;
    while (meminfo >> key >> kilobytes >> unit)
        if (key == "MemAvailable:") return kilobytes * 1024;
    const long pages = sysconf(_SC_AVPHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    if (pages > 0 && page > 0) return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page);
    return unlimited;
}

// The address space left under `ulimit -v`: the limit less what is mapped already.
std::uint64_t room_under_rlimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return unlimited;
    std::ifstream statm("/proc/self/statm");
    std::uint64_t pages = 0;
    if (!(statm >> pages)) return limit.rlim_cur;
    const std::uint64_t mapped = pages * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
    return limit.rlim_cur > mapped ? limit.rlim_cur - mapped : 0;
}

// The room left in this process's cgroup (v2), as containers limit memory.
std::uint64_t room_in_cgroup() {
    std::ifstream max_file("/sys/fs/cgroup/memory.max"), current_file("/sys/fs/cgroup/memory.current");
    std::string max_text;
    std::uint64_t current = 0;
    if (!(max_file >> max_text) || !(current_file >> current)) return unlimited;
    const auto max = parse_bytes(max_text);
    if (!max) return unlimited;  // "max": no limit
    return *max > current ? *max - current : 0;
}

} // namespace

std::optional<std::uint64_t> parse_bytes(std::string_view text) {
    text = trimmed(text, " \t\n\v\f\r");  // what std::isspace takes in the C locale
    double number = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number,
                                           std::chars_format::fixed);
    if (ec != std::errc{} || !std::isfinite(number) || number < 0.0) return std::nullopt;
    std::string unit(end, text.data() + text.size());
    unit.erase(std::remove(unit.begin(), unit.end(), ' '), unit.end());
    for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (unit.size() == 2 && unit[1] == 'b') unit.pop_back();
    if (unit.size() == 3 && unit.substr(1) == "ib") unit.resize(1);
    constexpr std::string_view prefixes = "kmgt";
    double scale = 1.0;
    if (unit == "b") unit.clear();
    if (!unit.empty()) {
        const auto at = prefixes.find(unit);
        if (unit.size() != 1 || at == std::string_view::npos) return std::nullopt;
        scale = std::pow(1024.0, static_cast<double>(at + 1));
    }
    const double bytes = number * scale;
    if (bytes >= 1.8e19) return std::nullopt;
    return static_cast<std::uint64_t>(bytes);
}

std::string human_bytes(double bytes) {
    constexpr std::array<const char*, 5> units{"bytes", "KB", "MB", "GB", "TB"};
    std::size_t unit = 0;
    while (bytes >= 1024.0 && unit + 1 < units.size()) {
        bytes /= 1024.0;
        ++unit;
    }
    return unit == 0 ? fmt::format("{:.0f} bytes", bytes) : fmt::format("{:.3g} {}", bytes, units[unit]);
}

std::uint64_t available_memory_bytes() {
    if (const char* text = std::getenv("DEPMAP_MEMORY_LIMIT"); text != nullptr && *text != '\0') {
        const auto bytes = parse_bytes(text);
        if (!bytes)
            throw ArgumentError(fmt::format("DEPMAP_MEMORY_LIMIT '{}': give a size such as 200MB or 2GB", text));
        return *bytes;
    }
    return std::min({available_physical(), room_under_rlimit(), room_in_cgroup()});
}

void require_memory(double estimate_bytes, std::string_view work, std::string_view hint) {
    const std::uint64_t available = available_memory_bytes();
    if (!(estimate_bytes > static_cast<double>(available))) return;
    throw LimitError(fmt::format("{} needs about {} of memory, but {} is available; {}", work,
                                 human_bytes(estimate_bytes), human_bytes(static_cast<double>(available)), hint));
}

} // namespace depmap
