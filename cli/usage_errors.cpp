#include "cli/usage_errors.hpp"

#include "base/edits.hpp"
#include "base/one_line.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <optional>
#include <string_view>

namespace depmap::cli {

namespace {

bool is_option(std::string_view arg) { return arg.size() > 1 && arg.front() == '-' && arg != "--"; }

// "--format=csv" -> "--format", "-k5" -> "-k".
std::string option_name(std::string_view arg) {
    if (arg.substr(0, 2) == "--") return std::string(arg.substr(0, arg.find('=')));
    return std::string(arg.substr(0, 2));
}

bool has_attached_value(std::string_view arg) {
    return arg.substr(0, 2) == "--" ? arg.find('=') != std::string_view::npos : arg.size() > 2;
}

const CLI::Option* own_option(const CLI::App& app, const std::string& name) {
    for (const auto* option : app.get_options())
        if (option->check_name(name)) return option;
    return nullptr;
}

// The option `arg` names in `command` or, as options fall through, in depmap's own.
const CLI::Option* find_option(const CLI::App& command, std::string_view arg) {
    const auto name = option_name(arg);
    if (const auto* option = own_option(command, name)) return option;
    const auto* parent = command.get_parent();
    return parent ? own_option(*parent, name) : nullptr;
}

bool takes_value(const CLI::Option& option) { return option.get_type_size_max() > 0; }

std::vector<const CLI::App*> commands_of(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App*) { return true; });
}

std::string command_list(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* command : commands_of(app)) names.push_back(command->get_name());
    return fmt::format("{}", fmt::join(names, ", "));
}

// The closest of `names` to `wanted`, within one edit for a word under five letters and
// two for a longer one (so "eps" is not taken for "crs"); a leading "--" is not counted.
std::optional<std::string> closest(const std::string& wanted, const std::vector<std::string>& names) {
    const auto word = [](std::string_view name) { return name.substr(name.find_first_not_of('-')); };
    std::optional<std::string> best;
    std::size_t fewest = word(wanted).size() < 5 ? 2 : 3;
    for (const auto& name : names)
        if (const auto n = edits(word(wanted), word(name)); n < fewest) {
            fewest = n;
            best = name;
        }
    return best;
}

std::vector<std::string> long_names(const CLI::App& command) {
    std::vector<std::string> names;
    for (const auto* app : {&command, command.get_parent()}) {
        if (!app) continue;
        for (const auto* option : app->get_options())
            for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    }
    return names;
}

// Where the command word is in `args`, skipping depmap's own options and their values;
// also the first word that is no command, and the first option depmap does not know
// there.
struct CommandWord {
    const CLI::App* command = nullptr;
    std::size_t at = 0;
    std::string unknown_word;
    std::string unknown_option;
};

CommandWord find_command(const CLI::App& app, const std::vector<std::string>& args) {
    CommandWord found;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") break;
        if (is_option(arg)) {
            const auto* option = own_option(app, option_name(arg));
            if (!option) {
                if (found.unknown_option.empty()) found.unknown_option = option_name(arg);
            } else if (takes_value(*option) && !has_attached_value(arg)) {
                ++i;
            }
            continue;
        }
        for (const auto* command : commands_of(app))
            if (command->check_name(arg)) {
                found.command = command;
                found.at = i;
                return found;
            }
        found.unknown_word = arg;
        return found;
    }
    return found;
}

// The name `option` was given by in `args` after `from` ("-f" rather than "--format"),
// and the value given with it.
struct Given {
    std::string name;
    std::string value;
};

Given given(const CLI::Option& option, const std::vector<std::string>& args, std::size_t from) {
    Given result{option.get_name(), ""};
    for (std::size_t i = from; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!is_option(arg) || !option.check_name(option_name(arg))) continue;
        result.name = option_name(arg);
        if (has_attached_value(arg))
            result.value = arg.substr(result.name.size() + (arg[result.name.size()] == '=' ? 1 : 0));
        else if (i + 1 < args.size())
            result.value = args[i + 1];
    }
    return result;
}

// "The distance" -> "the distance", but "CRS of" stays.
std::string lower_first(std::string text) {
    const auto upper = [&](std::size_t i) { return i < text.size() && text[i] >= 'A' && text[i] <= 'Z'; };
    if (upper(0) && !upper(1)) text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

std::string help_hint(const CLI::App& command) {
    return fmt::format("run 'depmap {} --help' for its options", command.get_name());
}

// The first option given that the command does not take, said with a guess at what was
// meant.
std::optional<std::string> unknown_option(const CLI::App& command, const std::vector<std::string>& args,
                                          std::size_t at) {
    for (std::size_t i = at + 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--") break;
        if (!is_option(arg)) continue;
        if (const auto* option = find_option(command, arg)) {
            if (takes_value(*option) && !has_attached_value(arg)) ++i;
            continue;
        }
        const std::string name = option_name(arg);
        std::vector<std::string> others;
        for (const auto* other : commands_of(*command.get_parent()))
            if (other != &command && own_option(*other, name)) others.push_back(other->get_name());
        if (!others.empty())
            return fmt::format("{} has no option {}; {} is an option of {}", command.get_name(), name, name,
                               fmt::join(others, ", "));
        if (const auto guess = closest(name, long_names(command)))
            return fmt::format("{} has no option {}; did you mean {}?", command.get_name(), name, *guess);
        return fmt::format("{} has no option {}; {}", command.get_name(), name, help_hint(command));
    }
    return std::nullopt;
}

// An argument the command does not take.
std::string unexpected(const CLI::App& command, const std::string& listed) {
    return fmt::format("{} takes no more arguments, and '{}' is one too many; {}", command.get_name(), listed,
                       help_hint(command));
}

std::string in_command(const CLI::ParseError& error, const CLI::App& command, const std::vector<std::string>& args,
                       std::size_t at) {
    const std::string what = error.what();
    const auto named = [&](std::string_view text) -> const CLI::Option* {
        for (const auto* app : {&command, command.get_parent()})
            if (app)
                for (const auto* option : app->get_options({}))
                    if (option->check_name(std::string(text)) || option->get_name() == text) return option;
        return nullptr;
    };
    // A misspelt option makes CLI11 miss a required one too: the misspelling is the news.
    if (dynamic_cast<const CLI::ExtrasError*>(&error) || dynamic_cast<const CLI::RequiredError*>(&error))
        if (auto message = unknown_option(command, args, at)) return *message;
    if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
        const auto words = what.substr(what.find(": ") + 2);
        return unexpected(command, words.substr(0, words.find(' ')));
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error)) {
        const auto name = what.substr(0, what.find(" is required"));
        if (const auto* option = named(name)) {
            const bool positional = option->get_lnames().empty() && option->get_snames().empty();
            return fmt::format("give {}{}: {}", positional ? "the argument " : "", positional ? "'" + name + "'" : name,
                               lower_first(option->get_description()));
        }
    }
    if (const auto colon = what.find(": "); colon != std::string::npos) {
        const auto* option = named(what.substr(0, colon));
        const std::string rest = what.substr(colon + 2);
        if (option && dynamic_cast<const CLI::ValidationError*>(&error)) {
            const auto typed = given(*option, args, at);
            const std::string type = option->get_type_name();
            if (type.find('|') != std::string::npos) {
                std::string choices = type;
                for (std::size_t bar; (bar = choices.find('|')) != std::string::npos;) choices.replace(bar, 1, ", ");
                return fmt::format("{}: give one of {}, not '{}'", typed.name, choices, typed.value);
            }
            return fmt::format("{}: {}", typed.name, rest);
        }
        if (option && dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
            const auto typed = given(*option, args, at);
            if (option->get_expected_min() > 1)
                return fmt::format("{}: give {} values ({})", typed.name, option->get_expected_min(),
                                   lower_first(option->get_description()));
            return fmt::format("{} needs a value: {}", typed.name, lower_first(option->get_description()));
        }
    }
    if (dynamic_cast<const CLI::ConversionError*>(&error)) {
        // "Could not convert: --bbox = a,b,c,d"
        const auto equals = what.find(" = ");
        const auto colon = what.find(": ");
        if (equals != std::string::npos && colon != std::string::npos) {
            if (const auto* option = named(what.substr(colon + 2, equals - colon - 2))) {
                const auto typed = given(*option, args, at);
                return fmt::format("{}: cannot read '{}' ({})", typed.name, what.substr(equals + 3),
                                   lower_first(option->get_description()));
            }
        }
    }
    return fmt::format("{}; {}", one_line(what), help_hint(command));
}

} // namespace

UsageError usage_error(const CLI::ParseError& error, const CLI::App& app, const std::vector<std::string>& args) {
    const auto word = find_command(app, args);
    if (!word.unknown_option.empty()) {
        // The command given later, if any, to show where the option goes.
        std::string named = "COMMAND";
        for (const auto& arg : args)
            for (const auto* command : commands_of(app))
                if (named == "COMMAND" && command->check_name(arg)) named = arg;
        for (const auto* command : commands_of(app))
            if (own_option(*command, word.unknown_option))
                return {"", fmt::format("{} is an option of a command: put it after the command ('depmap {} {} ...')",
                                        word.unknown_option, named, word.unknown_option)};
        return {"", fmt::format("depmap has no option {}; its own options are -q, -v, --threads, --version and "
                                "--help, and each command's go after the command",
                                word.unknown_option)};
    }
    if (!word.command) {
        std::vector<std::string> names;
        for (const auto* command : commands_of(app)) names.push_back(command->get_name());
        if (word.unknown_word.empty())
            return {"", fmt::format("give a command: {}; run 'depmap --help' for what each does", command_list(app))};
        if (const auto guess = closest(word.unknown_word, names))
            return {"", fmt::format("no command '{}'; did you mean {}?", word.unknown_word, *guess)};
        return {"", fmt::format("no command '{}'; the commands are: {}", word.unknown_word, command_list(app))};
    }
    return {word.command->get_name(), in_command(error, *word.command, args, word.at)};
}

} // namespace depmap::cli
