#include "layers/sites/site_naming.hpp"

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
        const std::size_t count = best->second.first;
        if (site.size() == 1) naming.rule = "single record";
        else if (count == wholes.size()) naming.rule = parts_aside ? "every record but the parts" : "every record";
        else naming.rule = fmt::format("most records{}: {} of {}{}", parts_aside ? " but the parts" : "", count,
                                       wholes.size(), tie ? ", the shortest of the names tied" : "");
    }

    std::vector<std::pair<std::string, bool>> chinese;
    for (std::size_t i = 0; i < site.size(); ++i)
        if (!records[site[i]].name_zh.empty()) chinese.emplace_back(records[site[i]].name_zh, parts[i].empty());
    if (!chinese.empty()) naming.name_zh = most_given(chinese);
    return naming;
}

} // namespace depmap::layers
