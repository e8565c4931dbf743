#include "layers/style/qgis_labels.hpp"

#include <array>
#include <string_view>

namespace depmap::layers {

namespace {

// In order of preference; QGIS takes the first one installed. Each holds Latin and
// Chinese, so a two-line label is one typeface (Debian: fonts-wqy-microhei).
constexpr std::array<std::string_view, 7> font_families{
    "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
    "WenQuanYi Micro Hei", "Noto Sans", "DejaVu Sans"};

// QgsPalLayerSettings::Placement.
std::string_view placement(GeometryKind kind) {
    switch (kind) {
    case GeometryKind::Line: return "2";     // along the line
    case GeometryKind::Polygon: return "1";  // over a point inside
    default: return "6";                     // cartographic: around the point
    }
}

} // namespace

std::span<const std::string_view> label_font_families() { return font_families; }

XmlElement labeling(const std::string& expression, GeometryKind kind) {
    XmlElement element("labeling");
    element.set("type", "simple");
    auto& settings = element.add("settings").set("calloutType", "simple");

    auto& text = settings.add("text-style")
        .set("fieldName", expression).set("isExpression", "1")
        .set("fontFamily", font_families.front()).set("namedStyle", "Regular")
        .set("fontSize", "8").set("fontSizeUnit", "Point").set("fontWeight", "50")
        .set("fontItalic", "0").set("fontKerning", "1").set("textColor", "40,40,40,255")
        .set("textOpacity", "1").set("multilineHeight", "1").set("capitalization", "0")
        .set("blendMode", "0").set("allowHtml", "0").set("textOrientation", "horizontal")
        .set("previewBkgrdColor", "255,255,255,255").set("useSubstitutions", "0");
    auto& families = text.add("families");
    for (const auto family : font_families) families.add("family").set("name", family);
    text.add("text-buffer").set("bufferDraw", "1").set("bufferSize", "0.7")
        .set("bufferSizeUnits", "MM").set("bufferColor", "255,255,255,255")
        .set("bufferOpacity", "0.85").set("bufferNoFill", "1").set("bufferJoinStyle", "128")
        .set("bufferBlendMode", "0");

    settings.add("text-format").set("multilineAlign", "3").set("wrapChar", "")
        .set("autoWrapLength", "0").set("formatNumbers", "0").set("decimals", "3")
        .set("plussign", "0").set("addDirectionSymbol", "0");
    settings.add("placement").set("placement", placement(kind)).set("dist", "0.8")
        .set("distUnits", "MM").set("priority", "5").set("quadOffset", "4")
        .set("predefinedPositionOrder", "TR,TL,BR,BL,R,L,TSR,BSR").set("offsetType", "0")
        .set("centroidInside", "1").set("centroidWhole", "0").set("fitInPolygonOnly", "0")
        .set("placementFlags", "10").set("polygonPlacementFlags", "2")
        .set("repeatDistance", "0").set("maxCurvedCharAngleIn", "25")
        .set("maxCurvedCharAngleOut", "-25");
    settings.add("rendering").set("drawLabels", "1").set("obstacle", "1")
        .set("obstacleFactor", "1").set("obstacleType", "1").set("displayAll", "0")
        .set("upsidedownLabels", "0").set("labelPerPart", "0").set("mergeLines", "0")
        .set("limitNumLabels", "0").set("maxNumLabels", "2000").set("scaleVisibility", "0")
        .set("scaleMin", "0").set("scaleMax", "0").set("fontLimitPixelSize", "0")
        .set("fontMinPixelSize", "3").set("fontMaxPixelSize", "10000").set("minFeatureSize", "0")
        .set("zIndex", "0").set("unplacedVisibility", "0");
    return element;
}

} // namespace depmap::layers
