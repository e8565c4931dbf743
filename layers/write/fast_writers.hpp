#pragma once
// Where depmap's fast writers may run. They lean on what one GDAL (and SQLite) writes,
// byte for byte: GeoJSON and KML written in parts and joined (joined_parts.hpp), and the
// GeoPackage spatial index packed into SQLite's R*Tree tables (gpkg_rtree.hpp). Each runs
// only on the versions it was checked against, and checks its own first output too;
// elsewhere GDAL's plain writer does the work, slower, to the same content.
// DEPMAP_PLAIN_WRITERS=1 in the environment forces the plain writers (to test them, or to
// rule the fast ones out).
#include <string>

namespace depmap::layers {

// Why GeoJSON and KML cannot be written in parts here; empty when they can.
std::string joined_parts_refused();

// Why the GeoPackage spatial index cannot be packed here; empty when it can.
std::string gpkg_rtree_refused();

} // namespace depmap::layers
