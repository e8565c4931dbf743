#include "layers/gdal/postgis_source.hpp"

#include "base/error.hpp"
#include "base/one_line.hpp"
#include "base/text.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>

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

std::string column_type(GDALDataset& dataset, const std::string& table, const std::string& column) {
    GdalErrorTrap quiet;
    return single_text(dataset, fmt::format("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                                            "WHERE attrelid = to_regclass({}) AND attname = {}",
                                            sql_literal(sql_identifier(table)), sql_literal(column)));
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
