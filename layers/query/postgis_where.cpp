#include "layers/query/postgis_where.hpp"

#include "layers/gdal/gdal_session.hpp"
#include "layers/gdal/postgis_source.hpp"
#include "layers/model/commodities.hpp"

#include <fmt/format.h>
#include <ogr_swq.h>
#include <ogrsf_frmts.h>

#include <cctype>
#include <cmath>
#include <optional>
#include <vector>

namespace depmap::layers {

namespace {

using Condition = std::optional<std::string>;  // nullopt: nothing safe to say (true)

// A case-blind PostgreSQL regular expression matching every text OGR matches with `text`
// (LIKE, or = when not `like`), whatever OGR's case rules: ASCII letters as [aA], `%` and
// `_` (for LIKE) and any non-ASCII character as any run, a character the bracket form
// cannot hold as any one. No backslash, whatever standard_conforming_strings says.
std::string case_blind_regex(std::string_view text, bool like) {
    std::string re = "^";
    const auto any_run = [&] { if (!re.ends_with(".*")) re += ".*"; };
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((like && (c == '%' || c == '_')) || u >= 0x80) any_run();
        else if (std::isalpha(u)) re += fmt::format("[{}{}]", static_cast<char>(std::tolower(u)), static_cast<char>(std::toupper(u)));
        else if (std::isdigit(u)) re += c;
        else if (u < 0x20 || c == ']' || c == '^' || c == '\\' || c == '-') re += '.';
        else re += fmt::format("[{}]", c);
    }
    return re + "$";
}

bool is_number(const swq_expr_node& n) {
    return n.eNodeType == SNT_CONSTANT && !n.is_null &&
           (n.field_type == SWQ_INTEGER || n.field_type == SWQ_INTEGER64 || n.field_type == SWQ_FLOAT) &&
           (n.field_type != SWQ_FLOAT || std::isfinite(n.float_value));
}

bool is_text(const swq_expr_node& n) {
    return n.eNodeType == SNT_CONSTANT && !n.is_null && n.field_type == SWQ_STRING && n.string_value != nullptr;
}

class Translator {
public:
    explicit Translator(OGRFeatureDefn& defn) : m_defn(defn) {}

    Condition superset(const swq_expr_node& n) const {
        if (n.eNodeType != SNT_OPERATION) return std::nullopt;
        const auto sub = [&](int i) -> const swq_expr_node& { return *n.papoSubExpr[i]; };
        switch (n.nOperation) {
        case SWQ_AND: {
            std::vector<std::string> parts;
            for (int i = 0; i < n.nSubExprCount; ++i)
                if (auto part = superset(sub(i))) parts.push_back("(" + *part + ")");
            if (parts.empty()) return std::nullopt;
            return fmt::format("{}", fmt::join(parts, " AND "));
        }
        case SWQ_OR: {
            std::vector<std::string> parts;
            for (int i = 0; i < n.nSubExprCount; ++i) {
                auto part = superset(sub(i));
                if (!part) return std::nullopt;
                parts.push_back("(" + *part + ")");
            }
            return fmt::format("{}", fmt::join(parts, " OR "));
        }
        case SWQ_NOT:  // only IS NOT NULL: NOT of a NULL comparison differs between the two
            if (n.nSubExprCount == 1 && sub(0).eNodeType == SNT_OPERATION && sub(0).nOperation == SWQ_ISNULL &&
                sub(0).nSubExprCount == 1)
                if (const auto c = column(sub(0).papoSubExpr[0])) return *c + " IS NOT NULL";
            return std::nullopt;
        case SWQ_ISNULL:
            if (const auto c = column(n.papoSubExpr[0]))  // an empty text may read as no value
                return is_text_column(*n.papoSubExpr[0]) ? fmt::format("{0} IS NULL OR {0}::text = ''", *c) : *c + " IS NULL";
            return std::nullopt;
        case SWQ_EQ: case SWQ_NE: case SWQ_LT: case SWQ_LE: case SWQ_GT: case SWQ_GE:
            if (n.nSubExprCount != 2) return std::nullopt;
            if (sub(0).eNodeType == SNT_COLUMN) return compare(sub(0), n.nOperation, sub(1));
            if (sub(1).eNodeType == SNT_COLUMN) return compare(sub(1), mirrored(n.nOperation), sub(0));
            return std::nullopt;
        case SWQ_BETWEEN: {
            if (n.nSubExprCount != 3 || sub(0).eNodeType != SNT_COLUMN) return std::nullopt;
            const auto low = compare(sub(0), SWQ_GE, sub(1));
            const auto high = compare(sub(0), SWQ_LE, sub(2));
            if (!low || !high) return std::nullopt;
            return fmt::format("({}) AND ({})", *low, *high);
        }
        case SWQ_IN: {
            if (n.nSubExprCount < 2 || sub(0).eNodeType != SNT_COLUMN) return std::nullopt;
            std::vector<std::string> parts;
            for (int i = 1; i < n.nSubExprCount; ++i) {
                auto part = compare(sub(0), SWQ_EQ, sub(i));
                if (!part) return std::nullopt;
                parts.push_back("(" + *part + ")");
            }
            return fmt::format("{}", fmt::join(parts, " OR "));
        }
        case SWQ_LIKE: case SWQ_ILIKE:  // with ESCAPE (a third part): nothing
            if (n.nSubExprCount != 2 || !is_text(sub(1))) return std::nullopt;
            if (const auto c = column(&sub(0)); c && is_text_column(sub(0)))
                return fmt::format("{}::text ~ {}", *c, sql_literal(case_blind_regex(sub(1).string_value, true)));
            return std::nullopt;
        default: return std::nullopt;
        }
    }

    // The quoted name of a plain column of the table, not the FID or a geometry.
    Condition column(const swq_expr_node* n) const {
        if (n == nullptr || n->eNodeType != SNT_COLUMN || n->table_index != 0 || n->field_index < 0 ||
            n->field_index >= m_defn.GetFieldCount())
            return std::nullopt;
        return sql_identifier(m_defn.GetFieldDefn(n->field_index)->GetNameRef());
    }

    bool is_text_column(const swq_expr_node& n) const {
        const auto* field = m_defn.GetFieldDefn(n.field_index);
        return field->GetType() == OFTString && field->GetSubType() == OFSTNone;
    }

    bool is_number_column(const swq_expr_node& n) const {
        const auto* field = m_defn.GetFieldDefn(n.field_index);
        const auto type = field->GetType();
        return (type == OFTInteger || type == OFTInteger64 || type == OFTReal) && field->GetSubType() != OFSTBoolean &&
               field->GetSubType() != OFSTJSON;
    }

private:
    static swq_op mirrored(swq_op op) {
        switch (op) {
        case SWQ_LT: return SWQ_GT;
        case SWQ_LE: return SWQ_GE;
        case SWQ_GT: return SWQ_LT;
        case SWQ_GE: return SWQ_LE;
        default: return op;
        }
    }

    static const char* sql_operator(swq_op op) {
        switch (op) {
        case SWQ_EQ: return "=";
        case SWQ_NE: return "<>";
        case SWQ_LT: return "<";
        case SWQ_LE: return "<=";
        case SWQ_GT: return ">";
        default: return ">=";
        }
    }

    // column op constant. Numbers as OGR compares them: both integers exactly, else both
    // as doubles. Text: only =, case-blind.
    Condition compare(const swq_expr_node& col, swq_op op, const swq_expr_node& constant) const {
        const auto c = column(&col);
        if (!c) return std::nullopt;
        if (is_number_column(col) && is_number(constant)) {
            const auto* field = m_defn.GetFieldDefn(col.field_index);
            if (field->GetType() != OFTReal && constant.field_type != SWQ_FLOAT)
                return fmt::format("{} {} {}", *c, sql_operator(op), constant.int_value);
            const double value = constant.field_type == SWQ_FLOAT ? constant.float_value : static_cast<double>(constant.int_value);
            return fmt::format("{}::double precision {} '{:.17g}'::double precision", *c, sql_operator(op), value);
        }
        if (is_text_column(col) && is_text(constant) && op == SWQ_EQ)
            return fmt::format("{}::text ~ {}", *c, sql_literal(case_blind_regex(constant.string_value, false)));
        return std::nullopt;
    }

    OGRFeatureDefn& m_defn;
};

// Rows whose commodity list may hold `commodity` under any of its spellings.
Condition commodity_condition(OGRFeatureDefn& defn, const std::string& column, const std::string& commodity) {
    const int index = defn.GetFieldIndex(column.c_str());
    if (index < 0 || defn.GetFieldDefn(index)->GetType() != OFTString) return std::nullopt;
    std::vector<std::string> parts;
    for (const auto& spelling : commodity_spellings(commodity)) {
        auto re = case_blind_regex(spelling, false);
        parts.push_back(fmt::format("{}::text ~ {}", sql_identifier(column),
                                    sql_literal(re.substr(1, re.size() - 2))));  // anywhere in the list
    }
    return fmt::format("{}", fmt::join(parts, " OR "));
}

} // namespace

std::string server_condition(OGRLayer& table, const std::string& where, const std::string& commodity_column,
                             const std::string& commodity) {
    std::vector<std::string> parts;
    OGRFeatureDefn& defn = *table.GetLayerDefn();
    if (!where.empty()) {
        OGRFeatureQuery query;
        GdalErrorTrap quiet;
        if (query.Compile(&defn, where.c_str(), TRUE, nullptr) == OGRERR_NONE && query.GetSWQExpr() != nullptr)
            if (auto part = Translator(defn).superset(*static_cast<const swq_expr_node*>(query.GetSWQExpr())))
                parts.push_back("(" + *part + ")");
    }
    if (!commodity.empty() && !commodity_column.empty())
        if (auto part = commodity_condition(defn, commodity_column, commodity)) parts.push_back("(" + *part + ")");
    return fmt::format("{}", fmt::join(parts, " AND "));
}

} // namespace depmap::layers
