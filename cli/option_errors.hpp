#pragma once
// The library's errors speak of parameters ("cell size must be positive"); the command
// line names the flag that set it.
#include "base/error.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <string>
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

// A validator running a library check on an option's number: `check(value)`, its error
// naming `option`. Text that is no number is left to CLI11's own conversion error.
template <class Check>
CLI::Validator checked_number(std::string option, Check check) {
    return CLI::Validator(
        [option, check](std::string& text) {
            double value = 0;
            if (CLI::detail::lexical_cast(text, value)) naming_option(option, [&] { check(value); });
            return std::string();
        },
        "");
}

} // namespace depmap::cli
