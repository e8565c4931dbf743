#pragma once
// PostgreSQL sources and destinations (`PG:dbname=... host=...`) through GDAL's
// PostgreSQL driver: opening one, and saying why it did not open in the server's words.
#include "layers/gdal/gdal_session.hpp"

#include <optional>
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

// The table under a layer of GDAL's PostgreSQL driver, as SQL ("schema"."table"), empty
// when the catalogue has none. GDAL names a table outside the search path `schema.table`
// and picks a geometry column by `table(column)`.
std::string table_relation(GDALDataset& dataset, const std::string& layer_name, const std::string& geometry_column);

// The type of `column` of `relation` (as table_relation gives it): "geometry(Point,4326)",
// "geography(Point,4326)", ...; empty when unknown.
std::string column_type(GDALDataset& dataset, const std::string& relation, const std::string& column);

// The share of `relation`'s rows that `condition` selects, counted on a sample of about
// 1,000 of its pages (all of a smaller table; the same pages each time, so the same
// answer); empty when it cannot tell (a view, an empty table).
std::optional<double> selected_share(GDALDataset& dataset, const std::string& relation, const std::string& condition);

// `text` as an SQL string literal, and as a quoted identifier.
std::string sql_literal(std::string_view text);
std::string sql_identifier(std::string_view name);

} // namespace depmap::layers
