#include "layers/render/canvas.hpp"

#include "base/error.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>


namespace depmap::layers {

namespace {

cairo_status_t write_to(void* closure, const unsigned char* data, unsigned int length) {
    auto& out = *static_cast<std::ostream*>(closure);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(length));
    return out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

} // namespace

Canvas::Canvas(ImageFormat format, const Page& page, std::ostream& out, const std::string& title)
    : m_format(format), m_out(out) {
    switch (format) {
    case ImageFormat::Png:
        m_surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, page.width_px(), page.height_px());
        break;
    case ImageFormat::Svg:
        m_surface = cairo_svg_surface_create_for_stream(write_to, &m_out, page.width_pt, page.height_pt);
        cairo_svg_surface_set_document_unit(m_surface, CAIRO_SVG_UNIT_PT);
        break;
    case ImageFormat::Pdf:
        m_surface = cairo_pdf_surface_create_for_stream(write_to, &m_out, page.width_pt, page.height_pt);
        // An empty date is no date: Cairo would otherwise stamp the time of the run.
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_MOD_DATE, "");
        cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_CREATOR, "depmap");
        if (!title.empty()) cairo_pdf_surface_set_metadata(m_surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
        break;
    }
    m_context = cairo_create(m_surface);
    if (format == ImageFormat::Png) cairo_scale(m_context, page.dpi / 72, page.dpi / 72);
    // White paper.
    cairo_set_source_rgb(m_context, 1, 1, 1);
    cairo_paint(m_context);
}

Canvas::~Canvas() {
    if (m_context) cairo_destroy(m_context);
    if (m_surface) cairo_surface_destroy(m_surface);
}

void Canvas::finish(const std::string& path) {
    cairo_status_t status = cairo_status(m_context);
    cairo_destroy(m_context);
    m_context = nullptr;
    if (status == CAIRO_STATUS_SUCCESS && m_format == ImageFormat::Png)
        status = cairo_surface_write_to_png_stream(m_surface, write_to, &m_out);
    cairo_surface_finish(m_surface);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(m_surface);
    if (status != CAIRO_STATUS_SUCCESS || !m_out)
        throw OutputError(fmt::format("{}: the map could not be written: {}", path,
                                      !m_out ? "write failed" : cairo_status_to_string(status)));
}

} // namespace depmap::layers
