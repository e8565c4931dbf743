#pragma once
// A GeoPackage's spatial index (the gpkg_rtree_index extension) built in one pass at the
// end of a write. GDAL 3.6 fills SQLite's R*Tree one row at a time, about 9 µs a row
// (9 s for a million points); packing the tree in memory (Sort-Tile-Recursive) and
// writing its nodes straight into the R*Tree's tables takes a fraction of that.
//
// The index itself, its triggers and its gpkg_extensions row are GDAL's own: GDAL creates
// them while the table is still empty; only the insert trigger is held back while the
// features go in, and put back, as GDAL wrote it, once the tree is written.
//
// It runs where fast_writers.hpp allows (the GDAL and SQLite it was checked against) and
// checks the tree it wrote: SQLite must find features through it. When it does not, the
// tree is emptied and SQLite fills it row by row, as GDAL would. GDAL 3.8 builds the
// index in bulk itself: with 3.8 as the minimum GDAL, this file can go.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace depmap::layers {

class GpkgRtreeBuilder {
public:
    // `layer` must be a GeoPackage layer with a geometry column, no spatial index and no
    // feature yet; `path` names the file in errors. Throws OutputError.
    GpkgRtreeBuilder(GDALDataset& dataset, OGRLayer& layer, const std::string& path);

    // One feature's bounding box, as written (empty geometries are not indexed).
    void add(GIntBig fid, const OGREnvelope& box);

    // Writes the packed tree and restores the insert trigger. Call it inside the
    // transaction the features were written in. Answers, when SQLite did not find the
    // features through the packed tree and filled the index itself, why. Throws OutputError.
    std::string finish();

private:
    struct Cell {
        std::int64_t id;  // a feature's FID in a leaf, a node number above
        float min_x, max_x, min_y, max_y;
    };
    void execute(const std::string& sql) const;
    void write_packed(std::vector<Cell> leaves, std::size_t node_bytes);
    bool finds(const Cell& cell) const;
    void fill_row_by_row(std::size_t node_bytes);

    sqlite3* m_db = nullptr;
    std::string m_path;
    std::string m_table;           // the layer's table
    std::string m_column;          // its geometry column
    std::string m_fid;             // its FID column
    std::string m_rtree;           // the R*Tree's table name
    std::string m_insert_trigger;  // its name
    std::string m_insert_sql;      // and its SQL, as GDAL wrote it
    std::vector<Cell> m_cells;
};

} // namespace depmap::layers
