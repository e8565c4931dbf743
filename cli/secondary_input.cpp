#include "cli/secondary_input.hpp"

#include "base/error.hpp"
#include "cli/option_errors.hpp"
#include "layers/query/attribute_filter.hpp"
#include "layers/read/standard_input.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>

namespace depmap::cli {

bool names_a_layer(const std::string& value) {
    std::error_code ignored;
    return value == layers::standard_input_source || layers::bundled_named(value) ||
           std::filesystem::is_regular_file(value, ignored);
}

SecondaryInput::SecondaryInput(std::string flag, layers::BundledNames bundled)
    : m_flag(std::move(flag)), m_bundled(std::move(bundled)), m_reading(m_flag + "-") {}

CLI::Option* SecondaryInput::add_to(CLI::App& command, const std::string& help) {
    auto* option = command.add_option("--" + m_flag, value, help)->check(non_empty_path());
    add_reading_options(command);
    return option;
}

void SecondaryInput::add_reading_options(CLI::App& command) {
    m_reading.add_to(command, "a multi-layer --" + m_flag + " file", "Reading the --" + m_flag + " file");
}

std::string SecondaryInput::path() const { return layers::bundled_or_path(value, m_bundled); }

layers::Layer SecondaryInput::load(const GlobalOptions& global, std::ostream& err) const {
    return load(path(), global, err);
}

void SecondaryInput::add_where(CLI::App& command, const std::string& flag) {
    m_where_flag = flag;
    command.add_option(flag, m_where, "Only the features of the --" + m_flag + " layer matching this OGR SQL WHERE clause")
        ->group("Reading the --" + m_flag + " file");
}

layers::Layer SecondaryInput::load(const std::string& file, const GlobalOptions& global, std::ostream& err) const {
    auto layer = m_reading.load(file, global, err);
    if (m_where.empty()) return layer;
    const auto rows = naming_parameters({{"where", m_where_flag}}, [&] { return layers::rows_where(layer, m_where); });
    if (global.verbose) fmt::print(err, "{}: selected {} of {} features\n", m_where_flag, rows.size(), layer.size());
    if (rows.empty())
        throw InputError(fmt::format("{} \"{}\" selects no feature of {}", m_where_flag, m_where, layer.source));
    return layer.subset(rows);
}

} // namespace depmap::cli
