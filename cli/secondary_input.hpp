#pragma once
// A layer a command reads beside its input: --polygon, --by, --extent, --within, --from,
// --nearest-of, and the files among the values of --to and --hubs. Each is read as the
// input is, with its own --X-layer-name, --X-src-crs and --X-on-error, and its errors
// name those flags.
#include "cli/command.hpp"
#include "cli/layer_options.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/model/layer.hpp"

#include <ostream>
#include <string>

namespace depmap::cli {

// Whether a value of --to or --hubs names a layer rather than places: a bundled layer's
// name, an existing file, or - (standard input).
bool names_a_layer(const std::string& value);

class SecondaryInput {
public:
    // `flag`: the option's long name without dashes ("polygon"). `bundled`: words that
    // stand for bundled files ("divisions").
    explicit SecondaryInput(std::string flag, layers::BundledNames bundled = {});

    // Adds --X FILE, described by `help`, and its reading options.
    CLI::Option* add_to(CLI::App& command, const std::string& help);
    // Adds only the reading options, for an option whose values may be files or places
    // (--to, --hubs): the command binds the option itself.
    void add_reading_options(CLI::App& command);
    // Adds `flag` ("--nearest-where"): an OGR SQL clause that selects the features load()
    // keeps, checked as --where is.
    void add_where(CLI::App& command, const std::string& flag);

    bool given() const { return !value.empty(); }
    // The file --X names: a bundled word resolved.
    std::string path() const;
    // Reads path(), or `file` (one of the values of --to, --hubs), printing its notes to
    // `err` unless quiet; keeps the features the add_where() clause selects (an InputError
    // when it selects none).
    layers::Layer load(const GlobalOptions& global, std::ostream& err) const;
    layers::Layer load(const std::string& file, const GlobalOptions& global, std::ostream& err) const;

    std::string value;  // as given

private:
    std::string m_flag;
    layers::BundledNames m_bundled;
    LayerOptions m_reading;
    std::string m_where_flag;
    std::string m_where;
};

} // namespace depmap::cli
