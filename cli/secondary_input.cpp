#include "cli/secondary_input.hpp"

#include "layers/read/standard_input.hpp"

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

layers::Layer SecondaryInput::load(const std::string& file, const GlobalOptions& global, std::ostream& err) const {
    return m_reading.load(file, global, err);
}

} // namespace depmap::cli
