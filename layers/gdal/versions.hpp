#pragma once
// The versions of the libraries depmap runs with, as `depmap --version` prints them:
// those loaded at run time, which may differ from those it was built against.
#include <string>

namespace depmap::layers {

// "GDAL 3.6.2, PROJ 9.1.1, GEOS 3.11.1" (GEOS as GDAL uses it; "GEOS none" when GDAL
// was built without it).
std::string library_versions();

} // namespace depmap::layers
