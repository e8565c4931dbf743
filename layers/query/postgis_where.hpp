#pragma once
// A selection by attributes (an OGR SQL WHERE clause, a commodity) as PostgreSQL SQL the
// server can select candidates by. OGR SQL and PostgreSQL differ (LIKE's case and `_`,
// string collation, NULL in NOT, integers against reals), so the condition is only ever
// a superset: every row the clause selects in memory, perhaps more. The clause is still
// applied in memory afterwards, and the answers do not depend on the server's reading.
#include <string>

class OGRLayer;

namespace depmap::layers {

// PostgreSQL SQL true for every row of `table` that `where` (already validated as OGR
// SQL) selects and that lists `commodity` in the text column `commodity_column` (either
// empty: no condition). What cannot be said safely in both dialects is left out: the
// parts of an AND that can, nothing of an OR or NOT that cannot. Empty: no condition.
//   numbers: =, <>, <, <=, >, >=, BETWEEN, IN, compared as OGR compares them (reals as
//            double precision, integers exactly); IS [NOT] NULL
//   text:    =, IN, LIKE, ILIKE as a case-blind regular expression, `_` as any run
std::string server_condition(OGRLayer& table, const std::string& where, const std::string& commodity_column,
                             const std::string& commodity);

} // namespace depmap::layers
