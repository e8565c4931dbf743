#include "layers/sites/link_overrides.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"
#include "base/text.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/read/csv_table.hpp"
#include "layers/read/problems.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

namespace depmap::layers {

namespace {

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("{} {}: cannot open the file; check the path", parameter("overrides"), path));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw InputError(fmt::format("{} {}: cannot read the file", parameter("overrides"), path));
    return text.str();
}

} // namespace

std::vector<LinkOverride> read_link_overrides(const std::string& path) {
    auto text = file_text(path);
    SkipReport skipped;
    Problems problems(path, OnError::Fail, skipped);
    const CsvTable table = split_csv(std::span<char>(text.data(), text.size()), path, problems);
    problems.finish();
    const auto where = [&](std::size_t line) { return fmt::format("{} {}:{}", parameter("overrides"), path, line); };
    std::map<std::string, std::size_t> column;
    for (const char* name : {"record_a", "record_b", "decision", "reason"}) {
        const auto it = std::find_if(table.header.begin(), table.header.end(),
                                     [&](const std::string& h) { return trimmed(h) == name; });
        if (it == table.header.end())
            throw InputError(fmt::format("{} {}: no column `{}`; an overrides file has the columns record_a, "
                                         "record_b, decision and reason",
                                         parameter("overrides"), path, name));
        column[name] = static_cast<std::size_t>(it - table.header.begin());
    }
    std::vector<LinkOverride> overrides;
    std::map<std::pair<std::string, std::string>, std::size_t> decided;  // pair -> line
    for (std::size_t row = 0; row < table.rows(); ++row) {
        const auto cell = [&](const char* name) { return std::string(trimmed(table.cell(row, column[name]))); };
        LinkOverride entry{cell("record_a"), cell("record_b"), LinkDecision::Link, cell("reason"), path, table.line(row)};
        const auto decision = cell("decision");
        if (entry.record_a.empty() || entry.record_b.empty())
            throw InputError(fmt::format("{}: record_a and record_b must both name a record", where(entry.line)));
        if (decision == "separate") entry.decision = LinkDecision::Separate;
        else if (decision != "link")
            throw InputError(fmt::format("{}: decision '{}' is neither link nor separate", where(entry.line), decision));
        if (entry.reason.empty())
            throw InputError(fmt::format("{}: no reason; say why {} and {} are {}, for the next reader",
                                         where(entry.line), entry.record_a, entry.record_b,
                                         decision == "link" ? "one site" : "two sites"));
        if (entry.record_a == entry.record_b)
            throw InputError(fmt::format("{}: {} is paired with itself", where(entry.line), entry.record_a));
        const auto key = std::minmax(entry.record_a, entry.record_b);
        if (const auto [it, fresh] = decided.emplace(std::pair(key.first, key.second), entry.line); !fresh)
            throw InputError(fmt::format("{}: {} and {} are already decided on line {}", where(entry.line),
                                         entry.record_a, entry.record_b, it->second));
        overrides.push_back(std::move(entry));
    }
    return overrides;
}

std::filesystem::path bundled_link_overrides_path() { return data_dir() / "site_links.csv"; }

const std::vector<LinkOverride>& bundled_link_overrides() {
    static const std::vector<LinkOverride> overrides = [] {
        const auto path = bundled_link_overrides_path();
        if (!std::filesystem::is_regular_file(path)) return std::vector<LinkOverride>{};
        return read_link_overrides(path.string());
    }();
    return overrides;
}

} // namespace depmap::layers
