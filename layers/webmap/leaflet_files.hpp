#pragma once
// Leaflet, the JavaScript map library an HTML map is drawn with, as Debian installs it
// (libjs-leaflet: /usr/share/javascript/leaflet): read once per map and inlined, so the
// map opens offline and draws the same in ten years.
#include <filesystem>
#include <string>

namespace depmap::layers {

struct LeafletFiles {
    std::string script;   // leaflet.min.js (leaflet.js when there is no minified copy)
    std::string style;    // leaflet.css, its images inlined as data: URLs
    std::string notice;   // Leaflet's copyright and BSD-2-Clause licence, which its
                          // redistribution must carry
};

// The folder Leaflet is read from: $DEPMAP_LEAFLET_DIR when set, else the one found when
// depmap was built (DEFAULT: /usr/share/javascript/leaflet).
std::filesystem::path leaflet_dir();

// Reads Leaflet from `folder`. Throws InputError naming the missing file and the Debian
// package that installs it.
LeafletFiles read_leaflet(const std::filesystem::path& folder = leaflet_dir());

} // namespace depmap::layers
