#pragma once
// The library's errors speak of parameters ("cell size must be positive"); the command
// line names the flag that set it.
#include "base/error.hpp"

#include <fmt/format.h>

#include <string_view>

namespace depmap::cli {

// Runs `work`, putting `option` ("--cell 0km:", "--hubs") before the message of any
// ArgumentError or InputError it throws; the error keeps its type (and so its exit code).
template <class Work>
decltype(auto) naming_option(std::string_view option, Work&& work) {
    try {
        return work();
    } catch (const ArgumentError& e) {
        throw ArgumentError(fmt::format("{} {}", option, e.what()));
    } catch (const InputError& e) {
        throw InputError(fmt::format("{} {}", option, e.what()));
    }
}

} // namespace depmap::cli
