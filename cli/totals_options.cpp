#include "cli/totals_options.hpp"

namespace depmap::cli {

CLI::Option* add_sum_option(CLI::App& command, std::vector<std::string>& fields, const std::string& help) {
    return command.add_option("--sum", fields, help)->type_name("FIELD");
}

CLI::Option* add_group_by_option(CLI::App& command, std::string& field, const std::string& help) {
    return command.add_option("--group-by", field, help)->type_name("FIELD");
}

std::string class_field(const std::vector<std::string>& sum_fields) {
    return sum_fields.empty() ? std::string("count") : "sum_" + sum_fields.front();
}

} // namespace depmap::cli
