#include "layers/webmap/leaflet_files.hpp"

#include "base/error.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#ifndef DEPMAP_LEAFLET_DIR
#define DEPMAP_LEAFLET_DIR "/usr/share/javascript/leaflet"
#endif

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in || in.bad())
        throw InputError(fmt::format("{}: cannot read Leaflet, which HTML maps are drawn with; install it "
                                     "(Debian: apt install libjs-leaflet) or set DEPMAP_LEAFLET_DIR to its folder",
                                     file.string()));
    return text.str();
}

std::string base64(std::string_view bytes) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const auto byte = [&](std::size_t k) {
            return k < bytes.size() ? static_cast<unsigned>(static_cast<unsigned char>(bytes[k])) : 0u;
        };
        const unsigned word = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        out += digits[word >> 18 & 63];
        out += digits[word >> 12 & 63];
        out += i + 1 < bytes.size() ? digits[word >> 6 & 63] : '=';
        out += i + 2 < bytes.size() ? digits[word & 63] : '=';
    }
    return out;
}

// leaflet.css with url(images/NAME.png) replaced by the image itself: the layers
// control's icon, and the default marker's, which Leaflet finds its path by.
std::string inline_images(const std::string& css, const fs::path& folder) {
    static const std::regex image(R"(url\((images/[A-Za-z0-9_.-]+\.png)\))");
    std::string out;
    auto last = css.cbegin();
    for (std::sregex_iterator it(css.begin(), css.end(), image), end; it != end; ++it) {
        out.append(last, (*it)[0].first);
        out += "url(data:image/png;base64," + base64(read_text(folder / (*it)[1].str())) + ")";
        last = (*it)[0].second;
    }
    out.append(last, css.cend());
    return out;
}

std::string notice(const std::string& script) {
    static const std::regex version(R"re(version="([0-9.]+)")re");
    std::smatch match;
    const auto number = std::regex_search(script, match, version) ? " " + match[1].str() : std::string();
    return "Leaflet" + number + R"(, a JavaScript library for interactive maps.
Copyright (c) 2010-2019, Vladimir Agafonkin
Copyright (c) 2010-2011, CloudMade
All rights reserved.

Redistribution and use in source and binary forms, with or without modification, are
permitted provided that the following conditions are met:

   1. Redistributions of source code must retain the above copyright notice, this list of
      conditions and the following disclaimer.

   2. Redistributions in binary form must reproduce the above copyright notice, this list
      of conditions and the following disclaimer in the documentation and/or other materials
      provided with the distribution.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY
EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF
SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR
TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.)";
}

} // namespace

fs::path leaflet_dir() {
    if (const char* folder = std::getenv("DEPMAP_LEAFLET_DIR"); folder != nullptr && *folder != '\0') return folder;
    return DEPMAP_LEAFLET_DIR;
}

LeafletFiles read_leaflet(const fs::path& folder) {
    LeafletFiles files;
    const auto minified = folder / "leaflet.min.js";
    files.script = read_text(fs::exists(minified) ? minified : folder / "leaflet.js");
    files.style = inline_images(read_text(folder / "leaflet.css"), folder);
    files.notice = notice(files.script);
    return files;
}

} // namespace depmap::layers
