#include "layers/sites/site_links.hpp"

#include "layers/model/commodities.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace depmap::layers {

namespace {

std::string quoted(const std::string& text) { return "'" + text + "'"; }

// Two words of 6 letters or more, one letter apart (one changed, added or removed).
bool one_letter_apart(std::string_view x, std::string_view y) {
    if (x.size() < 6 || y.size() < 6 || x == y) return false;
    if (x.size() < y.size()) std::swap(x, y);
    if (x.size() - y.size() > 1) return false;
    std::size_t i = 0;
    while (i < y.size() && x[i] == y[i]) ++i;
    if (x.size() == y.size()) return x.substr(i + 1) == y.substr(i + 1);
    return x.substr(i + 1) == y.substr(i);
}

// How two names look alike: the last long word of one (its own name, after the places and
// owners before it) is the other's, or is a word of the other, or the two are a letter
// apart. Detail only when asked, as most pairs are compared for nothing.
enum class Alike { No, SameCore, CoreInOther, LetterApart };

Alike look_alike(const SiteName& p, const SiteName& q) {
    if (p.core.empty() || q.core.empty()) return Alike::No;
    if (p.core == q.core) return Alike::SameCore;
    if (std::find(q.words.begin(), q.words.end(), p.core) != q.words.end() ||
        std::find(p.words.begin(), p.words.end(), q.core) != p.words.end())
        return Alike::CoreInOther;
    if (one_letter_apart(p.core, q.core)) return Alike::LetterApart;
    return Alike::No;
}

std::string alike_text(const SiteName& p, const SiteName& q) {
    switch (look_alike(p, q)) {
    case Alike::SameCore: return fmt::format("both end in '{}'", p.core);
    case Alike::CoreInOther:
        return fmt::format("'{}' is in both",
                           std::find(q.words.begin(), q.words.end(), p.core) != q.words.end() ? p.core : q.core);
    case Alike::LetterApart: return fmt::format("'{}' and '{}' are a letter apart", p.core, q.core);
    case Alike::No: break;
    }
    return {};
}

NameRule same_key_rule(const RecordName& x, const RecordName& y) {
    if (x.name.plain_key != y.name.plain_key) return NameRule::Romanisation;
    if (x.field == NameField::Name && y.field == NameField::Name) return NameRule::SameName;
    if (x.field == NameField::Chinese && y.field == NameField::Chinese) return NameRule::ChineseName;
    return NameRule::AlternativeName;
}

} // namespace

std::string_view rule_name(NameRule rule) {
    switch (rule) {
    case NameRule::SameName: return "same name";
    case NameRule::AlternativeName: return "alternative name";
    case NameRule::ChineseName: return "Chinese name";
    case NameRule::Romanisation: return "romanisation";
    case NameRule::Part: return "part";
    case NameRule::NumbersDiffer: return "numbers differ";
    case NameRule::SimilarName: return "similar name";
    case NameRule::DifferentNames: break;
    }
    return "different names";
}

NameRelation name_relation(const SiteRecord& a, const SiteRecord& b) {
    // The strongest rule over every pair of names; the words for it are made once, at the end.
    NameRule best = NameRule::DifferentNames;
    const RecordName* best_x = nullptr;
    const RecordName* best_y = nullptr;
    const auto consider = [&](NameRule rule, const RecordName& x, const RecordName& y) {
        if (rule >= best) return;
        best = rule;
        best_x = &x;
        best_y = &y;
    };
    for (const auto& x : a.names)
        for (const auto& y : b.names) {
            const SiteName& p = x.name;
            const SiteName& q = y.name;
            if (p.key == q.key) consider(same_key_rule(x, y), x, y);
            else if ((p.names_part() && p.base == q.key) || (q.names_part() && q.base == p.key)) consider(NameRule::Part, x, y);
            else if (!p.unnumbered.empty() && p.unnumbered == q.unnumbered && p.numbers != q.numbers)
                consider(NameRule::NumbersDiffer, x, y);
            else if (best > NameRule::SimilarName && look_alike(p, q) != Alike::No) consider(NameRule::SimilarName, x, y);
        }
    if (!best_x) return {};
    const SiteName& p = best_x->name;
    const SiteName& q = best_y->name;
    switch (best) {
    case NameRule::Part: {
        const bool p_is_part = p.names_part() && p.base == q.key;
        const SiteName& part = p_is_part ? p : q;
        const SiteName& whole = p_is_part ? q : p;
        return {best, fmt::format("{} is the {} part of {}", quoted(part.text), part.part, quoted(whole.text))};
    }
    case NameRule::NumbersDiffer: return {best, fmt::format("{} and {}: numbers differ", quoted(p.text), quoted(q.text))};
    case NameRule::SimilarName: return {best, fmt::format("{} and {}: {}", quoted(p.text), quoted(q.text), alike_text(p, q))};
    default: return {best, fmt::format("{} = {}", quoted(p.text), quoted(q.text))};
    }
}

CommodityRelation commodity_relation(const SiteRecord& a, const SiteRecord& b) {
    if (a.commodity_keys.empty() || b.commodity_keys.empty()) {
        if (a.commodity_keys.empty() && b.commodity_keys.empty()) return {true, "neither lists a commodity"};
        return {true, fmt::format("{} lists no commodity", (a.commodity_keys.empty() ? a : b).id)};
    }
    std::vector<std::string> shared;
    for (const auto& commodity : a.commodities)
        if (std::binary_search(b.commodity_keys.begin(), b.commodity_keys.end(), canonical_commodity(commodity)) &&
            std::find(shared.begin(), shared.end(), commodity) == shared.end())
            shared.push_back(commodity);
    if (shared.empty())
        return {false, fmt::format("no commodity in common: {} / {}", fmt::join(a.commodities, ";"),
                                   fmt::join(b.commodities, ";"))};
    return {true, fmt::format("both list {}", fmt::join(shared, ";"))};
}

std::string distance_text(double metres) {
    if (metres < 1000.0) return fmt::format("{:.0f} m", metres);
    return fmt::format("{:.1f} km", metres / 1000.0);
}

} // namespace depmap::layers
