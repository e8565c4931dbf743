#include "cli/shell_help.hpp"

#include "base/error.hpp"
#include "layers/model/catalogue.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>

#include <cstdint>

namespace depmap::cli {

namespace {

std::vector<const CLI::App*> commands_of(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App*) { return true; });
}

bool is_positional(const CLI::Option& option) { return option.get_lnames().empty() && option.get_snames().empty(); }

bool takes_value(const CLI::Option& option) { return option.get_type_size_max() > 0; }

std::vector<std::string> names_of(const CLI::Option& option) {
    std::vector<std::string> names;
    for (const auto& name : option.get_snames()) names.push_back("-" + name);
    for (const auto& name : option.get_lnames()) names.push_back("--" + name);
    return names;
}

// The values an option takes when its type names them: "table|csv|json".
std::vector<std::string> choices(const CLI::Option& option) {
    const std::string type = option.get_type_name();
    if (type.find('|') == std::string::npos) return {};
    std::vector<std::string> values;
    std::size_t start = 0;
    for (std::size_t bar; (bar = type.find('|', start)) != std::string::npos; start = bar + 1)
        values.push_back(type.substr(start, bar - start));
    values.push_back(type.substr(start));
    return values;
}

std::vector<const CLI::Option*> options_of(const CLI::App& app) {
    std::vector<const CLI::Option*> options;
    for (const auto* option : app.get_options())
        if (!is_positional(*option)) options.push_back(option);
    return options;
}

std::vector<std::string> all_names(const std::vector<const CLI::Option*>& options) {
    std::vector<std::string> names;
    for (const auto* option : options)
        for (const auto& name : names_of(*option)) names.push_back(name);
    return names;
}

bool has_positional(const CLI::App& app) {
    for (const auto* option : app.get_options())
        if (is_positional(*option)) return true;
    return false;
}

// Single-quoted for bash and zsh alike.
std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// One word a line, for `compgen -W` with IFS a line break; compgen removes quotes and
// backslashes from its words, so those are escaped ("Alatan'molezhen").
std::string quoted_lines(const std::vector<std::string>& words) {
    std::string lines;
    for (const auto& word : words) {
        if (!lines.empty()) lines += '\n';
        for (const char c : word) {
            if (c == '\'' || c == '"' || c == '\\' || c == '$' || c == '`') lines += '\\';
            lines += c;
        }
    }
    return cli::quoted(lines);
}

std::string quoted_words(const std::vector<std::string>& words) {
    std::vector<std::string> each;
    for (const auto& word : words) each.push_back(quoted(word));
    return fmt::format("{}", fmt::join(each, " "));
}

void write_bash(std::ostream& out, const CLI::App& app, const std::vector<std::string>& places) {
    std::vector<std::string> command_names;
    for (const auto* command : commands_of(app)) command_names.push_back(command->get_name());
    auto top = command_names;
    for (const auto& name : all_names(options_of(app))) top.push_back(name);

    fmt::print(out, "# bash completion for depmap(1), written by `depmap --completion bash`.\n");
    fmt::print(out, "_depmap_layers={}\n", quoted_lines(bundled_layer_names()));
    fmt::print(out, "_depmap_places={}\n\n", quoted_lines(places));
    fmt::print(out, "_depmap() {{\n");
    fmt::print(out, "    local cur=${{COMP_WORDS[COMP_CWORD]}} prev= command= i options= places=\n");
    fmt::print(out, "    (( COMP_CWORD > 0 )) && prev=${{COMP_WORDS[COMP_CWORD-1]}}\n");
    fmt::print(out, "    for ((i = 1; i < COMP_CWORD; i++)); do\n");
    fmt::print(out, "        case ${{COMP_WORDS[i]}} in\n");
    fmt::print(out, "            {}) command=${{COMP_WORDS[i]}}; break ;;\n", fmt::join(command_names, "|"));
    fmt::print(out, "        esac\n    done\n");
    fmt::print(out, "    local IFS=$'\\n'\n");
    fmt::print(out, "    case \"$command:$prev\" in\n");
    fmt::print(out, "        *:--layer) COMPREPLY=($(compgen -W \"$_depmap_layers\" -- \"$cur\") $(compgen -f -- \"$cur\")); return ;;\n");
    const auto value_cases = [&](const std::string& command, const std::vector<const CLI::Option*>& options) {
        for (const auto* option : options) {
            if (!takes_value(*option) || option->get_lnames() == std::vector<std::string>{"layer"}) continue;
            std::vector<std::string> patterns;
            for (const auto& name : names_of(*option)) patterns.push_back(command + ":" + name);
            const auto values = choices(*option);
            if (values.empty())
                fmt::print(out, "        {}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", fmt::join(patterns, "|"));
            else
                fmt::print(out, "        {}) COMPREPLY=($(compgen -W {} -- \"$cur\")); return ;;\n",
                           fmt::join(patterns, "|"), quoted_lines(values));
        }
    };
    for (const auto* command : commands_of(app)) value_cases(command->get_name(), options_of(*command));
    value_cases("*", options_of(app));
    fmt::print(out, "    esac\n");
    fmt::print(out, "    if [[ -z $command ]]; then\n");
    fmt::print(out, "        COMPREPLY=($(compgen -W {} -- \"$cur\")); return\n", quoted_lines(top));
    fmt::print(out, "    fi\n    case $command in\n");
    for (const auto* command : commands_of(app)) {
        auto names = all_names(options_of(*command));
        for (const auto& name : all_names(options_of(app))) names.push_back(name);
        fmt::print(out, "        {}) options={}{} ;;\n", command->get_name(), quoted_lines(names),
                   has_positional(*command) ? "; places=1" : "");
    }
    fmt::print(out, "    esac\n");
    fmt::print(out, "    if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$options\" -- \"$cur\")); return; fi\n");
    fmt::print(out, "    COMPREPLY=()\n");
    fmt::print(out, "    compopt -o filenames 2>/dev/null  # quotes a place's blank or apostrophe as it is inserted\n");
    fmt::print(out, "    [[ -n $places ]] && COMPREPLY=($(compgen -W \"$_depmap_places\" -- \"$cur\"))\n");
    fmt::print(out, "    COMPREPLY+=($(compgen -f -- \"$cur\"))\n");
    fmt::print(out, "}}\ncomplete -F _depmap depmap\n");
}

void write_zsh(std::ostream& out, const CLI::App& app, const std::vector<std::string>& places) {
    fmt::print(out, "#compdef depmap\n# zsh completion for depmap(1), written by `depmap --completion zsh`.\n");
    fmt::print(out, "_depmap_layers=({})\n", quoted_words(bundled_layer_names()));
    fmt::print(out, "_depmap_places=({})\n\n", quoted_words(places));
    std::vector<std::string> described;
    for (const auto* command : commands_of(app))
        described.push_back(command->get_name() + ":" + command->get_description());
    fmt::print(out, "_depmap() {{\n    local -a commands\n    commands=({})\n", quoted_words(described));
    fmt::print(out, "    local i command previous=${{words[CURRENT-1]}}\n");
    fmt::print(out, "    for (( i = 2; i < CURRENT; i++ )); do\n");
    fmt::print(out, "        if (( ${{+commands[(r)${{words[i]}}:*]}} )); then command=${{words[i]}}; break; fi\n");
    fmt::print(out, "    done\n");
    fmt::print(out, "    if [[ -z $command ]]; then\n");
    fmt::print(out, "        if [[ $PREFIX == -* ]]; then compadd -- {}; else _describe -t commands 'depmap command' commands; fi\n",
               quoted_words(all_names(options_of(app))));
    fmt::print(out, "        return\n    fi\n");
    fmt::print(out, "    case $previous in\n        --layer) compadd -a _depmap_layers; _files; return ;;\n    esac\n");
    fmt::print(out, "    case $command in\n");
    for (const auto* command : commands_of(app)) {
        fmt::print(out, "        {})\n            case $previous in\n", command->get_name());
        auto options = options_of(*command);
        for (const auto* option : options_of(app)) options.push_back(option);
        for (const auto* option : options) {
            if (!takes_value(*option) || option->get_lnames() == std::vector<std::string>{"layer"}) continue;
            const auto values = choices(*option);
            fmt::print(out, "                {}) {}; return ;;\n", fmt::join(names_of(*option), "|"),
                       values.empty() ? std::string("_files") : "compadd -- " + quoted_words(values));
        }
        fmt::print(out, "            esac\n");
        fmt::print(out, "            if [[ $PREFIX == -* ]]; then compadd -- {}; else {}_files; fi ;;\n",
                   quoted_words(all_names(options)), has_positional(*command) ? "compadd -a _depmap_places; " : "");
    }
    fmt::print(out, "    esac\n}}\n\n_depmap \"$@\"\n");
}

// Text for the man macros: a backslash and a minus escaped, other than ASCII as \[uXXXX],
// and a line never starting with a control character.
std::string roff(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (text[i] == '\\') {
            out += "\\e";
        } else if (text[i] == '-') {
            out += "\\-";
        } else if (byte < 0x80) {
            out += text[i];
        } else {  // one UTF-8 sequence
            const int length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
            std::uint32_t code = byte & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F);
            for (int k = 1; k < length && i + 1 < text.size(); ++k) code = (code << 6) | (text[++i] & 0x3F);
            out += fmt::format("\\[u{:04X}]", code);
        }
    }
    std::string lines;
    std::size_t start = 0;
    while (start <= out.size()) {
        const auto end = out.find('\n', start);
        const auto line = out.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty() && (line[0] == '.' || line[0] == '\'')) lines += "\\&";
        lines += line;
        if (end == std::string::npos) break;
        lines += "\n";
        start = end + 1;
    }
    return lines;
}

void write_options(std::ostream& out, const CLI::App& app) {
    for (const auto* option : app.get_options()) {
        if (option->get_group().empty()) continue;  // hidden
        std::string names;
        if (is_positional(*option)) {
            names = "\\fI" + roff(option->get_name()) + "\\fR";
        } else {
            for (const auto& name : names_of(*option)) names += (names.empty() ? "" : ", ") + ("\\fB" + roff(name) + "\\fR");
            if (takes_value(*option)) names += " \\fI" + roff(option->get_type_name()) + "\\fR";
        }
        fmt::print(out, ".TP\n{}\n{}\n", names, roff(option->get_description()));
    }
}

} // namespace

const std::vector<std::string>& bundled_layer_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& layer : layers::bundled_layers()) out.emplace_back(layer.name);
        return out;
    }();
    return names;
}

void write_completion(std::ostream& out, const CLI::App& app, const std::string& shell,
                      const std::vector<std::string>& places) {
    if (shell == "bash") return write_bash(out, app, places);
    if (shell == "zsh") return write_zsh(out, app, places);
    throw ArgumentError(fmt::format("--completion: give bash or zsh, not '{}'", shell));
}

void write_man_page(std::ostream& out, const CLI::App& app, const std::string& version) {
    fmt::print(out, ".TH DEPMAP 1 \"\" \"depmap {}\" \"User Commands\"\n", roff(version));
    fmt::print(out, ".SH NAME\ndepmap \\- maps mineral deposits and mines, and answers questions about them\n");
    fmt::print(out, ".SH SYNOPSIS\n.B depmap\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR] [\\fIOPTIONS\\fR]\n");
    fmt::print(out, ".SH DESCRIPTION\n{}\n.PP\nThe commands:\n", roff(app.get_description()));
    for (const auto* command : commands_of(app))
        fmt::print(out, ".TP\n.B {}\n{}\n", roff(command->get_name()), roff(command->get_description()));
    fmt::print(out, ".SH OPTIONS\nThese work before or after the command.\n");
    write_options(out, app);
    for (const auto* command : commands_of(app)) {
        fmt::print(out, ".SH \"DEPMAP {}\"\n{}\n", roff(command->get_name()), roff(command->get_description()));
        write_options(out, *command);
        if (!command->get_footer().empty())
            fmt::print(out, ".PP\n.nf\n{}\n.fi\n", roff(command->get_footer()));
    }
    fmt::print(out, ".SH ENVIRONMENT\n"
                    ".TP\n.B DEPMAP_DATA\nThe folder of the bundled data, instead of the one found beside the executable.\n"
                    ".TP\n.B DEPMAP_THREADS\nThe most threads each parallel step uses (\\fB\\-\\-threads\\fR wins).\n"
                    ".TP\n.B DEPMAP_MEMORY_LIMIT\nThe memory depmap plans for, such as 200MB or 2GB.\n");
    fmt::print(out, ".SH EXIT STATUS\n0 success (an empty answer too), 1 bad data or a runtime failure, 2 a usage error.\n");
    fmt::print(out, ".SH SEE ALSO\n.BR ogr2ogr (1),\n.BR gdalinfo (1)\n");
}

} // namespace depmap::cli
