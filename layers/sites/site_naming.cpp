#include "layers/sites/site_naming.hpp"

#include "layers/sites/name_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace depmap::layers {

namespace {

std::size_t characters(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The text most often given; ties to `preferred` ones, then the shortest, then byte order.
std::string most_given(const std::vector<std::pair<std::string, bool>>& texts) {
    std::map<std::string, std::pair<std::size_t, bool>> counts;  // text -> count, any preferred
    for (const auto& [text, preferred] : texts) {
        auto& entry = counts[text];
        ++entry.first;
        entry.second = entry.second || preferred;
    }
    const auto better = [](const auto& x, const auto& y) {  // x before y
        return std::make_tuple(-static_cast<long>(x.second.first), !x.second.second, characters(x.first), x.first) <
               std::make_tuple(-static_cast<long>(y.second.first), !y.second.second, characters(y.first), y.first);
    };
    return std::min_element(counts.begin(), counts.end(), better)->first;
}

// The Chinese name of the site named `key`: one that a record gives for that very name
// (most given); else, when some record gives a Chinese name, the Chinese spelling the
// romanisation table has for the site's (白云鄂博 for Bayan Obo, whose records' Chinese
// names are all of its pits), else the one most records give, the parts' last; else none.
std::string chinese_name(std::span<const SiteRecord> records, std::span<const std::size_t> site,
                         std::span<const std::string> parts, const std::string& key) {
    std::vector<std::pair<std::string, bool>> same, any;
    for (std::size_t i = 0; i < site.size(); ++i) {
        const SiteRecord& record = records[site[i]];
        if (record.name_zh.empty()) continue;
        any.emplace_back(record.name_zh, parts[i].empty());
        for (const auto& own : record.names)
            if (own.field == NameField::Chinese && !key.empty() && own.name.key == key)
                same.emplace_back(own.name.text, true);
    }
    if (!same.empty()) return most_given(same);
    if (any.empty()) return {};  // no record gives one: none is made up
    for (const auto& spelling : romanisations())
        if (spelling.key == key && !spelling.spelling.empty() && static_cast<unsigned char>(spelling.spelling.front()) >= 0x80)
            return std::string(spelling.spelling);
    return most_given(any);
}

const SiteName* main_name(const SiteRecord& record) {
    for (const auto& name : record.names)
        if (name.field == NameField::Name) return &name.name;
    return nullptr;
}

} // namespace

std::vector<std::string> parts_of(std::span<const SiteRecord> records, std::span<const std::size_t> site) {
    std::vector<std::string> parts(site.size());
    for (std::size_t i = 0; i < site.size(); ++i) {
        const SiteRecord& record = records[site[i]];
        for (const auto& own : record.names) {
            if (!own.name.names_part() || !parts[i].empty()) continue;
            for (const std::size_t other : site)
                if (other != site[i])
                    for (const auto& theirs : records[other].names)
                        if (theirs.name.key == own.name.base) parts[i] = own.name.part;
        }
    }
    return parts;
}

SiteNaming site_naming(std::span<const SiteRecord> records, std::span<const std::size_t> site,
                       std::span<const std::string> parts, std::span<const std::size_t> source_rank) {
    SiteNaming naming;
    std::vector<std::size_t> wholes;
    for (std::size_t i = 0; i < site.size(); ++i)
        if (parts[i].empty()) wholes.push_back(site[i]);
    const bool parts_aside = !wholes.empty() && wholes.size() < site.size();
    if (wholes.empty()) wholes.assign(site.begin(), site.end());

    // Each key: how many records give it, and its best record (source order, then id order).
    std::map<std::string, std::pair<std::size_t, std::size_t>> keys;
    for (const std::size_t r : wholes) {
        const SiteName* name = main_name(records[r]);
        if (!name) continue;
        auto [it, fresh] = keys.try_emplace(name->key, 0, r);
        ++it->second.first;
        if (std::tie(source_rank[r], r) < std::tie(source_rank[it->second.second], it->second.second)) it->second.second = r;
    }
    if (keys.empty()) {
        naming.rule = "no record has a name";
    } else {
        // The most records; then the shortest key (the name the others add to: Sanheming
        // before Baogang Sanheming); then source order and id.
        const auto rank = [&](const auto& x) {
            return std::make_tuple(-static_cast<long>(x.second.first), x.first.size(), source_rank[x.second.second],
                                   x.second.second);
        };
        const auto best = std::min_element(keys.begin(), keys.end(), [&](const auto& x, const auto& y) { return rank(x) < rank(y); });
        const bool tie = std::count_if(keys.begin(), keys.end(), [&](const auto& x) { return x.second.first == best->second.first; }) > 1;
        std::vector<std::pair<std::string, bool>> texts;
        for (const std::size_t r : wholes)
            if (const SiteName* name = main_name(records[r]); name && name->key == best->first)
                texts.emplace_back(records[r].name, true);
        naming.name = most_given(texts);
        naming.key = best->first;
        const std::size_t count = best->second.first;
        if (site.size() == 1) naming.rule = "single record";
        else if (count == wholes.size()) naming.rule = parts_aside ? "every record but the parts" : "every record";
        else naming.rule = fmt::format("most records{}: {} of {}{}", parts_aside ? " but the parts" : "", count,
                                       wholes.size(), tie ? ", the shortest of the names tied" : "");
    }

    naming.name_zh = chinese_name(records, site, parts, naming.key);
    return naming;
}

} // namespace depmap::layers
