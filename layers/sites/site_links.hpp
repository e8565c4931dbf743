#pragma once
// The rules that decide whether two records are one deposit, pair by pair (README
// "Sites"): their names, and their commodities. Distance is the linkage's
// (site_linkage.hpp): it never links on its own.
#include "layers/sites/site_records.hpp"

#include <string>
#include <string_view>

namespace depmap::layers {

// How two records' names relate, strongest first. The first five are one name; the
// others are kept as evidence only.
enum class NameRule {
    SameName,         // their names have one key: "Bayan Obo" and "Bayan Obo Mine"
    AlternativeName,  // through an alternative name: alt_names "Baiyun Obo" and "Bayan Obo"
    ChineseName,      // their Chinese names have one key
    Romanisation,     // one key only through the romanisation table: "Bayan E Bo", "白云鄂博"
    Part,             // one's name is the other's plus a part: "Bayan Obo East Mine", "Bayan Obo"
    NumbersDiffer,    // one name but for their numbers: "Hegenshan 3756", "Hegenshan 620"
    SimilarName,      // a long word in common, or two long words a letter apart
    DifferentNames,
};

// "same name", "alternative name", "Chinese name", "romanisation", "part", "numbers
// differ", "similar name", "different names".
std::string_view rule_name(NameRule rule);

inline bool names_match(NameRule rule) { return rule <= NameRule::Part; }

struct NameRelation {
    NameRule rule = NameRule::DifferentNames;
    std::string detail;  // the names that decided it, in words
};

// The strongest relation between any name of `a` and any name of `b`.
NameRelation name_relation(const SiteRecord& a, const SiteRecord& b);

struct CommodityRelation {
    bool compatible = true;  // a commodity in common, or one of them lists none
    std::string detail;      // "both list Iron", "IM-GSC-0007 lists none", "no commodity in common: Coal / Iron"
};

// Commodities are compared by canonical_commodity (REE is Rare Earth Elements).
CommodityRelation commodity_relation(const SiteRecord& a, const SiteRecord& b);

// "311 m", "26.3 km".
std::string distance_text(double metres);

} // namespace depmap::layers
