#pragma once
// The library's errors speak of parameters ("cell size must be positive", `src_crs`); the
// command line names the flag that set it.
#include "base/error.hpp"
#include "cli/parameter_flags.hpp"

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

// Runs `work`, writing the parameters its errors name as `flags` says (a secondary
// input's `layer_name` is its --X-layer-name); each error keeps its type.
template <class Work>
decltype(auto) naming_parameters(const FlagNames& flags, Work&& work) {
    try {
        return work();
    } catch (const InputError& e) {
        throw InputError(with_flags(e.what(), flags));
    } catch (const ArgumentError& e) {
        throw ArgumentError(with_flags(e.what(), flags));
    } catch (const CrsError& e) {
        throw CrsError(with_flags(e.what(), flags));
    } catch (const OutputError& e) {
        throw OutputError(with_flags(e.what(), flags));
    } catch (const LimitError& e) {
        throw LimitError(with_flags(e.what(), flags));
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
