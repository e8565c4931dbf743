// WKT both ways: whatever OGR reads and depmap holds as a shape, depmap writes as WKT that
// OGR reads back into the same shape (the second writing is the first, digit for digit).
#include "fuzz_support.hpp"
#include "layers/ogr_geometry.hpp"
#include "layers/wkt.hpp"

#include <ogr_geometry.h>

#include <memory>
#include <stdexcept>
#include <string>

using namespace depmap;

namespace {

std::unique_ptr<OGRGeometry> parsed(const std::string& wkt) {
    OGRGeometry* geometry = nullptr;
    if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &geometry) != OGRERR_NONE) {
        delete geometry;
        return nullptr;
    }
    return std::unique_ptr<OGRGeometry>(geometry);
}

std::string written(const geo::Shape& shape) {
    fmt::memory_buffer out;
    layers::append_wkt(out, shape);
    return fmt::to_string(out);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fuzz::text_of(data, size));
    const auto geometry = parsed(text);
    if (!geometry) return 0;
    geo::Shape shape;
    try {
        shape = layers::to_shape(*geometry);
    } catch (const std::invalid_argument&) {
        return 0;  // mixed collections and TINs: not a shape depmap holds
    }
    const std::string first = written(shape);
    const auto again = parsed(first);
    fuzz::check(again != nullptr, "OGR reads depmap's WKT");
    const std::string second = written(layers::to_shape(*again));
    fuzz::check(first == second, "WKT reads back into the same shape");
    (void)layers::to_ogr(shape);
    return 0;
}
