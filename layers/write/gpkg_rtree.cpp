#include "layers/write/gpkg_rtree.hpp"

#include "base/error.hpp"
#include "base/parallel.hpp"
#include "layers/gdal/gdal_session.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <utility>

namespace depmap::layers {

namespace {

std::string quoted_literal(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string quoted_name(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The R*Tree stores 32-bit floats: a box is rounded outwards so it still holds the feature.
float down(double value) {
    float f = static_cast<float>(value);
    return f > value ? std::nextafter(f, -std::numeric_limits<float>::infinity()) : f;
}
float up(double value) {
    float f = static_cast<float>(value);
    return f < value ? std::nextafter(f, std::numeric_limits<float>::infinity()) : f;
}

// SQLite's R*Tree node layout (ext/rtree/rtree.c): all integers big-endian; a 2-byte
// depth (read from the root only), a 2-byte cell count, then cells of an 8-byte id
// and four 4-byte floats (min x, max x, min y, max y).
constexpr std::size_t cell_bytes = 8 + 4 * 4;
constexpr std::size_t header_bytes = 4;

void put_be(unsigned char* at, std::uint64_t value, int bytes) {
    for (int i = bytes - 1; i >= 0; --i, value >>= 8) at[i] = static_cast<unsigned char>(value & 0xff);
}

class Statement {
public:
    Statement(sqlite3* db, const std::string& sql, const std::string& path) : m_db(db), m_path(path) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &m_statement, nullptr) != SQLITE_OK) fail();
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int at, std::int64_t value) {
        if (sqlite3_bind_int64(m_statement, at, value) != SQLITE_OK) fail();
        return *this;
    }
    Statement& bind(int at, double value) {
        if (sqlite3_bind_double(m_statement, at, value) != SQLITE_OK) fail();
        return *this;
    }
    Statement& bind(int at, const std::vector<unsigned char>& blob) {
        if (sqlite3_bind_blob(m_statement, at, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC) != SQLITE_OK)
            fail();
        return *this;
    }
    Statement& bind(int at, const std::string& text) {
        if (sqlite3_bind_text(m_statement, at, text.c_str(), static_cast<int>(text.size()), SQLITE_STATIC) != SQLITE_OK)
            fail();
        return *this;
    }
    // Runs it; answers whether it gave a row (then read it before the next run).
    bool step() {
        const int result = sqlite3_step(m_statement);
        if (result == SQLITE_ROW) return true;
        if (result != SQLITE_DONE) fail();
        sqlite3_reset(m_statement);
        return false;
    }
    void run() {
        while (step()) {}
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(m_statement, column); }
    std::vector<unsigned char> blob(int column) const {
        const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(m_statement, column));
        return data ? std::vector<unsigned char>(data, data + sqlite3_column_bytes(m_statement, column))
                    : std::vector<unsigned char>();
    }
    std::string text(int column) const {
        const auto* text = sqlite3_column_text(m_statement, column);
        return text ? reinterpret_cast<const char*>(text) : "";
    }

private:
    [[noreturn]] void fail() {
        if (sqlite3_errcode(m_db) == SQLITE_FULL) throw OutputError(fmt::format("{}: {}", m_path, std::strerror(ENOSPC)));
        throw OutputError(fmt::format("{}: cannot write the spatial index (SQLite: {})", m_path, sqlite3_errmsg(m_db)));
    }
    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
    std::string m_path;
};

// GDAL may open SQLite in defensive mode, which makes an R*Tree's own tables read-only.
class WritableShadowTables {
public:
    explicit WritableShadowTables(sqlite3* db) : m_db(db) {
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, -1, &m_defensive);
        if (m_defensive) sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
    }
    ~WritableShadowTables() {
        if (m_defensive) sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    }
    WritableShadowTables(const WritableShadowTables&) = delete;
    WritableShadowTables& operator=(const WritableShadowTables&) = delete;

private:
    sqlite3* m_db;
    int m_defensive = 0;
};

// Sort-Tile-Recursive: orders `cells` so that each run of `capacity` (the answer's
// boundaries) is a compact tile, and answers where each run starts, plus the end. Ties
// are broken by id, so the index is the same on any number of cores.
template <typename Cell>
std::vector<std::size_t> str_tiles(std::vector<Cell>& cells, std::size_t capacity) {
    const std::size_t n = cells.size();
    const auto nodes = (n + capacity - 1) / capacity;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t slice = slices * capacity;
    const auto x = [](const Cell& c) { return static_cast<double>(c.min_x) + c.max_x; };
    const auto y = [](const Cell& c) { return static_cast<double>(c.min_y) + c.max_y; };
    const auto by_x = [&](const Cell& a, const Cell& b) { return x(a) < x(b) || (x(a) == x(b) && a.id < b.id); };
    const auto by_y = [&](const Cell& a, const Cell& b) { return y(a) < y(b) || (y(a) == y(b) && a.id < b.id); };
    depmap::sort_on_all_cores(cells.begin(), cells.end(), by_x);
    const std::size_t slice_count = (n + slice - 1) / slice;
    depmap::for_each_task(slice_count, depmap::threads_for(n, 10000), [&](std::size_t k) {
        const auto first = cells.begin() + static_cast<std::ptrdiff_t>(k * slice);
        const auto last = cells.begin() + static_cast<std::ptrdiff_t>(std::min(n, (k + 1) * slice));
        std::sort(first, last, by_y);
    });
    std::vector<std::size_t> starts;
    for (std::size_t first = 0; first < n; first += slice)
        for (auto at = first; at < std::min(n, first + slice); at += capacity) starts.push_back(at);
    starts.push_back(n);
    return starts;
}

} // namespace

GpkgRtreeBuilder::GpkgRtreeBuilder(GDALDataset& dataset, OGRLayer& layer, const std::string& path)
    : m_db(static_cast<sqlite3*>(dataset.GetInternalHandle("SQLITE_HANDLE"))), m_path(path) {
    if (m_db == nullptr) throw OutputError(fmt::format("{}: GDAL gives no SQLite handle to index it", path));
    m_table = layer.GetName();
    m_column = layer.GetGeometryColumn();
    m_fid = layer.GetFIDColumn();
    const std::string& table = m_table;
    const std::string& column = m_column;
    {
        GdalErrorTrap trap;
        OGRLayer* answer = dataset.ExecuteSQL(
            fmt::format("SELECT CreateSpatialIndex({}, {})", quoted_literal(table), quoted_literal(column)).c_str(),
            nullptr, nullptr);
        OGRFeature* row = answer ? answer->GetNextFeature() : nullptr;
        const bool created = row && row->GetFieldAsInteger(0) == 1;
        OGRFeature::DestroyFeature(row);
        dataset.ReleaseResultSet(answer);
        if (!created || trap.caught())
            throw OutputError(fmt::format("{}: cannot create the spatial index of '{}' ({})", path, table,
                                          trap.caught() ? trap.first() : "GDAL refused it"));
    }
    m_rtree = "rtree_" + table + "_" + column;
    m_insert_trigger = m_rtree + "_insert";
    Statement trigger(m_db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", path);
    trigger.bind(1, m_insert_trigger);
    if (!trigger.step())
        throw OutputError(fmt::format("{}: GDAL made no trigger '{}' for the spatial index", path, m_insert_trigger));
    m_insert_sql = trigger.text(0);
    trigger.run();
    execute("DROP TRIGGER " + quoted_name(m_insert_trigger));
}

void GpkgRtreeBuilder::add(GIntBig fid, const OGREnvelope& box) {
    m_cells.push_back({static_cast<std::int64_t>(fid), down(box.MinX), up(box.MaxX), down(box.MinY), up(box.MaxY)});
}

void GpkgRtreeBuilder::execute(const std::string& sql) const {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string what = message ? message : "unknown error";
        sqlite3_free(message);
        if (sqlite3_errcode(m_db) == SQLITE_FULL) throw OutputError(fmt::format("{}: {}", m_path, std::strerror(ENOSPC)));
        throw OutputError(fmt::format("{}: cannot write the spatial index (SQLite: {})", m_path, what));
    }
}

std::string GpkgRtreeBuilder::finish() {
    std::string refused;
    if (!m_cells.empty()) {
        Statement root(m_db, fmt::format("SELECT data FROM {} WHERE nodeno = 1", quoted_name(m_rtree + "_node")), m_path);
        if (!root.step()) throw OutputError(fmt::format("{}: the spatial index has no root node", m_path));
        const auto empty_root = root.blob(0);
        root.run();
        const auto node_bytes = empty_root.size();
        // The empty tree as SQLite made it: zeros (no depth, no cell) in nodes that hold two cells at least.
        const bool known = node_bytes >= header_bytes + 2 * cell_bytes &&
                           std::all_of(empty_root.begin(), empty_root.end(), [](unsigned char b) { return b == 0; });
        // Features to look up through the tree once it is written: the first, one between, the last.
        const std::vector<Cell> samples{m_cells.front(), m_cells[m_cells.size() / 2], m_cells.back()};
        if (known) write_packed(std::move(m_cells), node_bytes);
        m_cells.clear();
        if (!known) {
            fill_row_by_row(node_bytes);
            refused = "SQLite's empty spatial index is not in the layout depmap packs; SQLite filled it row by row";
        } else if (!std::all_of(samples.begin(), samples.end(), [&](const Cell& cell) { return finds(cell); })) {
            fill_row_by_row(node_bytes);
            refused = "SQLite did not find features through the packed spatial index; SQLite filled it row by row";
        }
    }
    execute(m_insert_sql);
    return refused;
}

bool GpkgRtreeBuilder::finds(const Cell& cell) const {
    Statement query(m_db, fmt::format("SELECT id FROM {} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?",
                                      quoted_name(m_rtree)), m_path);
    query.bind(1, static_cast<double>(cell.max_x)).bind(2, static_cast<double>(cell.min_x));
    query.bind(3, static_cast<double>(cell.max_y)).bind(4, static_cast<double>(cell.min_y));
    bool found = false;
    while (query.step()) found = found || query.integer(0) == cell.id;
    return found;
}

void GpkgRtreeBuilder::fill_row_by_row(std::size_t node_bytes) {
    {
        WritableShadowTables writable(m_db);
        for (const char* table : {"_node", "_parent", "_rowid"}) execute("DELETE FROM " + quoted_name(m_rtree + table));
        Statement root(m_db, fmt::format("INSERT INTO {} (nodeno, data) VALUES (1, ?)", quoted_name(m_rtree + "_node")),
                       m_path);
        root.bind(1, std::vector<unsigned char>(node_bytes, 0)).run();
    }
    // GDAL's own statement for an index of existing features.
    execute(fmt::format("INSERT INTO {0} SELECT {1}, ST_MinX({3}), ST_MaxX({3}), ST_MinY({3}), ST_MaxY({3}) FROM {2} "
                        "WHERE {3} NOT NULL AND NOT ST_IsEmpty({3})",
                        quoted_name(m_rtree), quoted_name(m_fid), quoted_name(m_table), quoted_name(m_column)));
}

void GpkgRtreeBuilder::write_packed(std::vector<Cell> leaves, std::size_t node_bytes) {
    const std::size_t capacity = (node_bytes - header_bytes) / cell_bytes;
    {
        WritableShadowTables writable(m_db);
        Statement node(m_db, fmt::format("INSERT OR REPLACE INTO {} (nodeno, data) VALUES (?, ?)",
                                         quoted_name(m_rtree + "_node")), m_path);
        Statement parent(m_db, fmt::format("INSERT INTO {} (nodeno, parentnode) VALUES (?, ?)",
                                           quoted_name(m_rtree + "_parent")), m_path);
        std::vector<std::pair<std::int64_t, std::int64_t>> leaf_of;  // feature, its leaf node
        leaf_of.reserve(leaves.size());
        std::vector<unsigned char> blob(node_bytes);
        std::vector<Cell> level = std::move(leaves);
        std::int64_t next_node = 2;  // the root is node 1
        for (int depth = 0;; ++depth) {
            const auto starts = str_tiles(level, capacity);
            const bool root = starts.size() == 2;
            std::vector<Cell> above;
            for (std::size_t tile = 0; tile + 1 < starts.size(); ++tile) {
                const std::int64_t number = root ? 1 : next_node++;
                std::fill(blob.begin(), blob.end(), 0);
                put_be(blob.data(), root ? static_cast<std::uint64_t>(depth) : 0, 2);
                put_be(blob.data() + 2, starts[tile + 1] - starts[tile], 2);
                Cell box{number, level[starts[tile]].min_x, level[starts[tile]].max_x, level[starts[tile]].min_y,
                         level[starts[tile]].max_y};
                unsigned char* at = blob.data() + header_bytes;
                for (auto c = starts[tile]; c < starts[tile + 1]; ++c, at += cell_bytes) {
                    const Cell& cell = level[c];
                    put_be(at, static_cast<std::uint64_t>(cell.id), 8);
                    put_be(at + 8, std::bit_cast<std::uint32_t>(cell.min_x), 4);
                    put_be(at + 12, std::bit_cast<std::uint32_t>(cell.max_x), 4);
                    put_be(at + 16, std::bit_cast<std::uint32_t>(cell.min_y), 4);
                    put_be(at + 20, std::bit_cast<std::uint32_t>(cell.max_y), 4);
                    box.min_x = std::min(box.min_x, cell.min_x);
                    box.max_x = std::max(box.max_x, cell.max_x);
                    box.min_y = std::min(box.min_y, cell.min_y);
                    box.max_y = std::max(box.max_y, cell.max_y);
                    if (depth == 0)
                        leaf_of.emplace_back(cell.id, number);
                    else
                        parent.bind(1, cell.id).bind(2, number).run();
                }
                node.bind(1, number).bind(2, blob).run();
                above.push_back(box);
            }
            if (root) break;
            level = std::move(above);
        }
        // In FID order, many rows a statement: the rowid table's B-tree then fills by
        // appending through one cursor (a statement a row costs a seek from the root each).
        depmap::sort_on_all_cores(leaf_of.begin(), leaf_of.end(), std::less<>());
        const auto insert_rows = [&](std::size_t rows) {
            std::string sql = fmt::format("INSERT INTO {} (rowid, nodeno) VALUES (?, ?)", quoted_name(m_rtree + "_rowid"));
            for (std::size_t r = 1; r < rows; ++r) sql += ", (?, ?)";
            return std::make_unique<Statement>(m_db, sql, m_path);
        };
        constexpr std::size_t batch = 256;
        auto full = insert_rows(batch);
        for (std::size_t first = 0; first < leaf_of.size(); first += batch) {
            const auto rows = std::min(batch, leaf_of.size() - first);
            auto partial = rows < batch ? insert_rows(rows) : nullptr;
            auto& statement = partial ? *partial : *full;
            for (std::size_t r = 0; r < rows; ++r)
                statement.bind(static_cast<int>(2 * r + 1), leaf_of[first + r].first)
                    .bind(static_cast<int>(2 * r + 2), leaf_of[first + r].second);
            statement.run();
        }
    }
}

} // namespace depmap::layers
