#pragma once
// One drawing surface for every image format: PNG, SVG and PDF are drawn by the same
// Cairo calls in page points, so the three agree. The output holds nothing that
// changes from run to run (no dates, no random ids): the same map gives the same bytes.
#include "layers/render/image_format.hpp"
#include "layers/render/page.hpp"

#include <filesystem>
#include <ostream>
#include <string>

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

namespace depmap::layers {

class Canvas {
public:
    // Writes to `out` as it draws (vector formats) or on finish() (PNG). `title` goes
    // into a PDF's metadata.
    Canvas(ImageFormat format, const Page& page, std::ostream& out, const std::string& title);
    ~Canvas();
    Canvas(const Canvas&) = delete;
    Canvas& operator=(const Canvas&) = delete;

    cairo_t* context() const { return m_context; }
    // Ends the page and writes what is left. Throws OutputError naming `path` when
    // Cairo or the stream failed.
    void finish(const std::string& path);

private:
    ImageFormat m_format;
    std::ostream& m_out;
    cairo_surface_t* m_surface = nullptr;
    cairo_t* m_context = nullptr;
};

} // namespace depmap::layers
