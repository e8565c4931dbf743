#include "cli/distance_option.hpp"

#include "cli/option_errors.hpp"
#include "geo/units.hpp"

namespace depmap::cli {

CLI::Option* add_distance_option(CLI::App& command, const std::string& name, double& metres,
                                 const std::string& help, std::function<void(double)> check) {
    const std::string flag = name.substr(name.rfind(',') + 1);  // "-r,--radius": --radius
    return command
        .add_option_function<std::string>(
            name,
            [&metres, check, flag](const std::string& text) {
                metres = naming_option(flag + ":", [&] { return geo::parse_distance_m(text); });
                if (check) naming_option(fmt::format("{} {}:", flag, text), [&] { check(metres); });
            },
            help)
        ->type_name("TEXT");
}

} // namespace depmap::cli
