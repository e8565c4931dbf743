#pragma once
// Running the independent reference programs the tests compare against (GeographicLib's
// GeodSolve and Planimeter, PROJ's geod): find them, feed them text, read their answer.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

namespace depmap::test {

inline std::optional<std::string> find_program(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "";
    dirs += ":/usr/bin:/usr/local/bin";
    std::istringstream split(dirs);
    for (std::string dir; std::getline(split, dir, ':');) {
        if (dir.empty()) continue;
        const auto candidate = std::filesystem::path(dir) / program;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate.string();
    }
    return std::nullopt;
}

// Runs `program` (found on the PATH; the test fails naming `package` if it is not) with
// `arguments` and `input` on its standard input, and returns its standard output.
inline std::string run_reference(const std::string& program, const std::string& package,
                                 const std::string& arguments, const std::string& input) {
    const auto found = find_program(program);
    if (!found) FAIL(program << " (a reference tool) is not installed: install the Debian package " << package);
    const ScratchDir scratch;
    const std::string input_file = scratch.write("input.txt", input);
    const std::string full = *found + " " + arguments + " < '" + input_file + "'";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(full.c_str(), "r"), pclose);
    if (!pipe) FAIL("cannot run: " << full);
    std::string output;
    std::array<char, 4096> buffer{};
    for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0;)
        output.append(buffer.data(), n);
    const int status = pclose(pipe.release());
    if (status != 0) FAIL("command failed with status " << status << ": " << full);
    return output;
}

} // namespace depmap::test
