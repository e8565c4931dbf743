#include "layers/gdal/postgis_source.hpp"

#include "base/error.hpp"
#include "base/one_line.hpp"
#include "base/text.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace depmap::layers {

namespace {

// Why the last GDAL call failed, in libpq's words: GDAL puts them on the lines after
// "PQconnectdb failed.", which a one-line cut would drop; lines and indents become spaces.
std::string postgres_reason(const std::string& fallback) {
    const char* message = CPLGetLastErrorMsg();
    if (message == nullptr || *message == '\0') return fallback;
    std::string why = message;
    if (why.rfind("PQconnectdb failed.", 0) == 0) why.erase(0, 19);
    std::string words;
    for (const char c : why)
        if (!is_one_of(c, white_space))
            words += c;
        else if (!words.empty() && words.back() != ' ')
            words += ' ';
    words = trimmed(words);
    return words.empty() ? fallback : one_line(words);
}

// A query's single text answer, or empty.
std::string single_text(GDALDataset& dataset, const std::string& sql) {
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result == nullptr) return {};
    std::string text;
    if (auto feature = std::unique_ptr<OGRFeature>(result->GetNextFeature()); feature && feature->GetFieldCount() > 0)
        text = feature->GetFieldAsString(0);
    dataset.ReleaseResultSet(result);
    return text;
}

[[noreturn]] void fail(bool update, const std::string& message) {
    if (update) throw OutputError(message);
    throw InputError(message);
}

} // namespace

bool is_postgis_source(std::string_view source) {
    return source.size() > 3 && ascii_lower(source.substr(0, 3)) == "pg:";
}

std::string without_password(std::string source) {
    for (auto at = source.find("password="); at != std::string::npos; at = source.find("password=", at + 1)) {
        const auto end = source.find(' ', at);
        source.replace(at + 9, end == std::string::npos ? std::string::npos : end - at - 9, "***");
    }
    return source;
}

Dataset open_postgis(const std::string& source, bool update) {
    ensure_gdal();
    if (!GDALGetDriverByName("PostgreSQL"))
        fail(update, fmt::format("{}: this GDAL was built without its PostgreSQL driver; export the table "
                               "with ogr2ogr elsewhere, or install a GDAL with it", without_password(source)));
    CPLErrorReset();
    Dataset dataset;
    {
        GdalErrorTrap quiet;  // the reason is read from GDAL's last message below
        dataset.reset(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY)));
    }
    if (!dataset)
        fail(update, fmt::format("{}: cannot connect to PostgreSQL: {}", without_password(source),
                               postgres_reason("the server did not answer")));
    return dataset;
}

bool has_postgis(GDALDataset& dataset) {
    GdalErrorTrap quiet;
    return single_text(dataset, "SELECT extname FROM pg_extension WHERE extname = 'postgis'") == "postgis";
}

std::string table_relation(GDALDataset& dataset, const std::string& layer_name, const std::string& geometry_column) {
    std::string name = layer_name;
    if (const std::string suffix = "(" + geometry_column + ")"; name.size() > suffix.size() && name.ends_with(suffix))
        name.erase(name.size() - suffix.size());
    // A table the search path finds by its own name first, as GDAL does.
    const auto sql = fmt::format(
        "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND "
        "((c.relname = {0} AND pg_table_is_visible(c.oid)) OR n.nspname || '.' || c.relname = {0}) "
        "ORDER BY c.relname = {0} AND pg_table_is_visible(c.oid) DESC LIMIT 1",
        sql_literal(name));
    GdalErrorTrap quiet;
    return single_text(dataset, sql);
}

std::string column_type(GDALDataset& dataset, const std::string& relation, const std::string& column) {
    GdalErrorTrap quiet;
    return single_text(dataset, fmt::format("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                                            "WHERE attrelid = to_regclass({}) AND attname = {}",
                                            sql_literal(relation), sql_literal(column)));
}

std::optional<double> selected_share(GDALDataset& dataset, const std::string& relation, const std::string& condition) {
    GdalErrorTrap quiet;
    const double pages = std::atof(single_text(dataset, fmt::format("SELECT pg_relation_size(to_regclass({})) / "
                                                                    "current_setting('block_size')::int",
                                                                    sql_literal(relation))).c_str());
    if (!(pages >= 1.0)) return std::nullopt;
    const double percent = std::min(100.0, 100.0 * 1000.0 / pages);
    const auto sql = fmt::format("SELECT count(*) FILTER (WHERE ({})) AS selected, count(*) AS n FROM {} "
                                 "TABLESAMPLE SYSTEM ({:.6f}) REPEATABLE (0)", condition, relation, percent);
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result == nullptr) return std::nullopt;
    std::optional<double> share;
    if (auto feature = std::unique_ptr<OGRFeature>(result->GetNextFeature()); feature && feature->GetFieldCount() == 2)
        if (const auto n = feature->GetFieldAsInteger64(1); n > 0)
            share = static_cast<double>(feature->GetFieldAsInteger64(0)) / static_cast<double>(n);
    dataset.ReleaseResultSet(result);
    return share;
}

std::string sql_literal(std::string_view text) {
    std::string quoted = "'";
    for (const char c : text) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'";
}

std::string sql_identifier(std::string_view name) {
    std::string quoted = "\"";
    for (const char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace depmap::layers
