#pragma once
// A Lambert azimuthal equal-area projection of the WGS84 ellipsoid centred on a point,
// through PROJ: areas are true everywhere and shapes nearly so near the centre, so a
// region the size of Inner Mongolia (about 2,400 km across) can be measured, gridded and
// hulled in metres without a hand-picked zone. Coordinates in metres, x east, y north.
// inverse() is good to about 1e-8 degrees (1 mm; PROJ's authalic latitude series).
// One object per thread: PROJ objects are not shared between threads.
#include "geo/lonlat.hpp"

#include <memory>
#include <span>
#include <string>

namespace depmap::geo {

struct XY {
    double x_m = 0.0;
    double y_m = 0.0;
};

class LocalProjection {
public:
    explicit LocalProjection(LonLat centre);
    ~LocalProjection();
    LocalProjection(LocalProjection&&) noexcept;
    LocalProjection& operator=(LocalProjection&&) noexcept;

    LonLat centre() const { return m_centre; }
    // The PROJ string of the projection, e.g. for a .prj or a note.
    std::string definition() const;

    XY forward(LonLat p) const;
    LonLat inverse(XY p) const;
    // In place, for many points at once (one PROJ call).
    void forward(std::span<const LonLat> in, std::span<XY> out) const;

    // A projection centred on the middle of `box` (empty box: throws).
    static LocalProjection for_box(const Box& box);

private:
    struct Impl;
    LonLat m_centre;
    std::unique_ptr<Impl> m_impl;
};

} // namespace depmap::geo
