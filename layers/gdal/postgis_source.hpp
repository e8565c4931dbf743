#pragma once
// PostgreSQL sources and destinations (`PG:dbname=... host=...`) through GDAL's
// PostgreSQL driver: opening one, and saying why it did not open in the server's words.
#include "layers/gdal/gdal_session.hpp"

#include <string>
#include <string_view>

namespace depmap::layers {

// Whether `source` is a PostgreSQL connection string (`PG:...`, any case).
bool is_postgis_source(std::string_view source);

// The connection string with every password=... as ***, to be printed.
std::string without_password(std::string source);

// Opens `source` (read-only, or for update). Throws InputError (read) or OutputError
// (update), one line: the connection string without its password and libpq's reason
// (no server, authentication failed, no such database), or that this GDAL has no
// PostgreSQL driver.
Dataset open_postgis(const std::string& source, bool update);

// Whether the database holds the PostGIS extension.
bool has_postgis(GDALDataset& dataset);

// The type of `column` of `table` ("geometry", "geography", ...), empty when unknown.
std::string column_type(GDALDataset& dataset, const std::string& table, const std::string& column);

// `text` as an SQL string literal, and as a quoted identifier.
std::string sql_literal(std::string_view text);
std::string sql_identifier(std::string_view name);

} // namespace depmap::layers
