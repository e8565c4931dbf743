#!/usr/bin/python3
"""Opens depmap's outputs in real QGIS (PyQGIS, headless) and checks them.

    qgis_check.py FILE [--layer NAME] [--style QML] [expectations...]
    qgis_check.py PROJECT.qgs --project [--layer TITLE] [expectations...]

A file is opened as QGIS Desktop opens it (the 'ogr' provider, with its default
style: the one stored in a GeoPackage, or the .qml of the same name beside the file);
--style loads a .qml over it. A project is read whole; every layer must be valid and
drawn, and the expectations apply to the layer --layer names (by its title).

Every feature must be drawn by a category or range of the style; with a categorised
style, values that only the catch-all category (value "") draws must be exactly those
of --expect-catch-all. Prints a JSON report; exits 1 when an expectation fails, 2 when
the file or project cannot be opened, 64 on usage errors. Run with Debian's
/usr/bin/python3, where the python3-qgis package installs PyQGIS.
"""
import argparse
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-%d" % os.getuid())
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)

try:
    from qgis.core import (
        Qgis, QgsApplication, QgsExpression, QgsExpressionContext,
        QgsExpressionContextUtils, QgsFeatureRequest, QgsFeatureSource, QgsMapRendererParallelJob,
        QgsMapSettings, QgsProject, QgsRectangle, QgsRenderContext, QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QFontDatabase, QImage
except ImportError as error:
    sys.stderr.write("qgis_check: cannot import PyQGIS (%s); use /usr/bin/python3 with "
                     "python3-qgis and qgis-providers installed\n" % error)
    sys.exit(64)

BACKGROUND = 0xFFFFFF


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("path")
    p.add_argument("--project", action="store_true", help="PATH is a .qgs project")
    p.add_argument("--layer", help="layer in the file, or a project layer's title")
    p.add_argument("--style", help=".qml to load over the default style")
    p.add_argument("--expect-count", type=int)
    p.add_argument("--expect-crs")
    p.add_argument("--expect-geometry", help="Point, Line or Polygon")
    p.add_argument("--expect-spatial-index", metavar="XMIN,YMIN,XMAX,YMAX",
                   help="QGIS sees a spatial index, and a rectangle request through it finds the "
                        "same features (at least one) as an expression over every feature")
    p.add_argument("--feature-where", help="QGIS expression picking the feature checked "
                   "by --expect-attr and --expect-label (default: the first)")
    p.add_argument("--expect-attr", action="append", default=[], metavar="FIELD=VALUE")
    p.add_argument("--expect-renderer", help="categorizedSymbol, graduatedSymbol, singleSymbol")
    p.add_argument("--expect-class-field", help="the field the categorised or graduated style classifies by")
    p.add_argument("--expect-fill", action="store_true",
                   help="every symbol of the style is a fill (as polygons need)")
    p.add_argument("--expect-valid-geometry", action="store_true",
                   help="every feature's geometry is valid as GEOS (QGIS's check) sees it")
    p.add_argument("--expect-sum", action="append", default=[], metavar="FIELD=N",
                   help="the field's values over all features add up to N")
    p.add_argument("--expect-catch-all", default="", metavar="V1,V2",
                   help="the values only the catch-all category may draw (default: none)")
    p.add_argument("--expect-category-count", action="append", default=[], metavar="VALUE=N")
    p.add_argument("--expect-colour", action="append", default=[], metavar="VALUE=#rrggbb")
    p.add_argument("--expect-size-field", help="markers sized by this field")
    p.add_argument("--expect-label", help="the label of the checked feature (\\n for a line break)")
    p.add_argument("--expect-layers", help="project: the layer titles, top first, '|'-separated")
    p.add_argument("--render", metavar="PNG", help="render to PNG; it must show something")
    p.add_argument("--expect-pixel-colour", action="append", default=[], metavar="#rrggbb",
                   help="the rendering must hold pixels of exactly this colour")
    return p.parse_args()


def plain(value):
    """A QGIS attribute value as JSON can hold it."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


class Checker:
    def __init__(self, args):
        self.args = args
        self.failures = []
        self.report = {"qgis_version": Qgis.QGIS_VERSION, "path": args.path}

    def expect(self, ok, message):
        if not ok:
            self.failures.append(message)

    # --- one layer -------------------------------------------------------------

    def check_layer(self, layer, report):
        a = self.args
        report["valid"] = layer.isValid()
        if not layer.isValid():
            self.failures.append("layer %s is not valid: %s" % (layer.name(), layer.error().summary()))
            return
        report["feature_count"] = layer.featureCount()
        report["crs"] = layer.crs().authid()
        report["geometry"] = ["Point", "Line", "Polygon", "Unknown", "Null"][int(layer.geometryType())]
        self.expect(layer.crs().isValid(), "%s: no valid CRS" % layer.name())
        if a.expect_count is not None:
            self.expect(layer.featureCount() == a.expect_count, "%s: %d features, expected %d"
                        % (layer.name(), layer.featureCount(), a.expect_count))
        if a.expect_crs:
            self.expect(layer.crs().authid() == a.expect_crs, "%s: CRS %s, expected %s"
                        % (layer.name(), layer.crs().authid(), a.expect_crs))
        if a.expect_geometry:
            self.expect(report["geometry"] == a.expect_geometry, "%s: %s geometry, expected %s"
                        % (layer.name(), report["geometry"], a.expect_geometry))
        if a.expect_spatial_index:
            self.check_spatial_index(layer, report)
        if a.expect_valid_geometry:
            self.check_geometry(layer, report)
        for item in a.expect_sum:
            field, _, n = item.rpartition("=")
            total = sum(f[field] or 0 for f in layer.getFeatures())
            report.setdefault("sums", {})[field] = total
            self.expect(total == float(n), "%s: %s adds up to %s, expected %s" % (layer.name(), field, total, n))
        self.check_feature(layer, report)
        self.check_style(layer, report)

    def check_geometry(self, layer, report):
        invalid = [f.id() for f in layer.getFeatures()
                   if f.geometry().isNull() or not f.geometry().isGeosValid()]
        report["invalid_geometries"] = invalid
        self.expect(not invalid, "%s: %d feature(s) with invalid geometry (ids %s)"
                    % (layer.name(), len(invalid), invalid[:10]))

    def check_spatial_index(self, layer, report):
        x0, y0, x1, y1 = (float(v) for v in self.args.expect_spatial_index.split(","))
        report["spatial_index"] = int(layer.hasSpatialIndex())
        self.expect(layer.hasSpatialIndex() == QgsFeatureSource.SpatialIndexPresent,
                    "%s: QGIS sees no spatial index" % layer.name())
        by_index = sorted(f.id() for f in layer.getFeatures(QgsFeatureRequest(QgsRectangle(x0, y0, x1, y1))))
        by_scan = sorted(f.id() for f in layer.getFeatures(QgsFeatureRequest(QgsExpression(
            "x($geometry) >= %r AND x($geometry) <= %r AND y($geometry) >= %r AND y($geometry) <= %r"
            % (x0, x1, y0, y1)))))
        report["in_rectangle"] = len(by_index)
        self.expect(by_index and by_index == by_scan, "%s: %d features in the rectangle through the index, "
                    "%d by looking at every one" % (layer.name(), len(by_index), len(by_scan)))

    def check_feature(self, layer, report):
        a = self.args
        request = QgsFeatureRequest()
        if a.feature_where:
            request.setFilterExpression(a.feature_where)
        feature = next(layer.getFeatures(request), None)
        if feature is None:
            self.failures.append("%s: no feature %s" % (layer.name(), a.feature_where or ""))
            return
        report["feature"] = {f.name(): plain(feature[f.name()]) for f in layer.fields()}
        for item in a.expect_attr:
            field, _, value = item.partition("=")
            got = report["feature"].get(field)
            self.expect(str(got) == value, "%s: %s is %r, expected %r" % (layer.name(), field, got, value))
        labeling = layer.labeling() if layer.labelsEnabled() else None
        if labeling is not None:
            settings = labeling.settings()
            text = settings.fieldName
            if settings.isExpression:
                context = self.context(layer)
                context.setFeature(feature)
                text = QgsExpression(settings.fieldName).evaluate(context)
            else:
                text = feature[settings.fieldName]
            report["label"] = plain(text)
            report["label_font"] = settings.format().font().family()
            if any(ord(c) > 0x2E80 for c in str(text)):
                cjk = QFontDatabase().families(QFontDatabase.SimplifiedChinese)
                report["fonts_with_chinese"] = len(cjk)
                self.expect(cjk, "%s: the label holds Chinese but no installed font has Chinese "
                            "glyphs (install fonts-wqy-microhei)" % layer.name())
        if a.expect_label is not None:
            expected = a.expect_label.replace("\\n", "\n")
            self.expect(report.get("label") == expected, "%s: label %r, expected %r"
                        % (layer.name(), report.get("label"), expected))

    @staticmethod
    def context(layer):
        context = QgsExpressionContext()
        context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        return context

    def check_style(self, layer, report, expectations=True):
        """Every feature drawn; with `expectations`, the style is the one expected."""
        a = self.args
        renderer = layer.renderer()
        report["renderer"] = renderer.type()
        if expectations and a.expect_renderer:
            self.expect(renderer.type() == a.expect_renderer, "%s: renderer %s, expected %s"
                        % (layer.name(), renderer.type(), a.expect_renderer))
        if hasattr(renderer, "classAttribute"):
            report["class_field"] = renderer.classAttribute()
        if expectations and a.expect_class_field:
            self.expect(report.get("class_field") == a.expect_class_field, "%s: classified by %s, expected %s"
                        % (layer.name(), report.get("class_field"), a.expect_class_field))
        # Every feature must get a symbol, the way the renderer picks it when drawing.
        render_context = QgsRenderContext()
        render_context.setExpressionContext(self.context(layer))
        drawer = renderer.clone()
        drawer.startRender(render_context, layer.fields())
        categorised = renderer.type() == "categorizedSymbol"
        if categorised:
            expression = QgsExpression(renderer.classAttribute())
            if layer.fields().lookupField(renderer.classAttribute()) >= 0:
                expression = QgsExpression(QgsExpression.quotedColumnRef(renderer.classAttribute()))
            catch_all = [i for i, c in enumerate(renderer.categories())
                         if c.value() is None or str(c.value()) == ""]
            report["categories"] = [{"value": plain(c.value()), "label": c.label(),
                                     "colour": c.symbol().color().name()}
                                    for c in renderer.categories()]
            counts, caught = {}, set()
        undrawn = 0
        for feature in layer.getFeatures():
            render_context.expressionContext().setFeature(feature)
            if drawer.symbolForFeature(feature, render_context) is None:
                undrawn += 1
            if categorised:
                value = expression.evaluate(render_context.expressionContext())
                index = renderer.categoryIndexForValue(value)
                if index < 0 or index in catch_all:
                    caught.add(str(plain(value)))
                else:
                    key = str(plain(renderer.categories()[index].value()))
                    counts[key] = counts.get(key, 0) + 1
        if expectations and a.expect_fill:
            symbols = drawer.symbols(render_context)
            kinds = sorted({int(sym.type()) for sym in symbols})
            report["symbol_types"] = kinds
            self.expect(symbols and kinds == [int(Qgis.SymbolType.Fill)], "%s: symbols of types %s, "
                        "expected fills only (%d)" % (layer.name(), kinds, int(Qgis.SymbolType.Fill)))
        drawer.stopRender(render_context)
        report["undrawn_features"] = undrawn
        self.expect(undrawn == 0, "%s: %d feature(s) that no category or range draws" % (layer.name(), undrawn))
        if categorised:
            report["category_counts"] = counts
            report["catch_all_values"] = sorted(caught)
            self.expect(catch_all, "%s: the style has no catch-all category" % layer.name())
        if not expectations:
            return
        if categorised:
            expected = sorted(v for v in a.expect_catch_all.split(",") if v)
            self.expect(sorted(caught) == expected, "%s: values left to the catch-all %s, expected %s"
                        % (layer.name(), sorted(caught), expected))
            for item in a.expect_category_count:
                value, _, n = item.rpartition("=")
                self.expect(counts.get(value, 0) == int(n), "%s: category %r draws %d features, expected %s"
                            % (layer.name(), value, counts.get(value, 0), n))
            colours = {str(plain(c.value())): c.symbol().color().name() for c in renderer.categories()}
            for item in a.expect_colour:
                value, _, colour = item.rpartition("=")
                self.expect(colours.get(value) == colour.lower(), "%s: category %r is %s, expected %s"
                            % (layer.name(), value, colours.get(value), colour))
        elif renderer.type() == "graduatedSymbol":
            report["ranges"] = [{"lower": r.lowerValue(), "upper": r.upperValue(), "label": r.label(),
                                 "colour": r.symbol().color().name()} for r in renderer.ranges()]
        if a.expect_size_field:
            symbols = drawer.symbols(render_context) if hasattr(drawer, "symbols") else []
            fields = {s.dataDefinedSize().field() for s in symbols if s.dataDefinedSize().isActive()}
            report["size_fields"] = sorted(fields)
            self.expect(fields == {a.expect_size_field}, "%s: markers sized by %s, expected %s"
                        % (layer.name(), sorted(fields) or "nothing", a.expect_size_field))

    # --- rendering -------------------------------------------------------------

    def render(self, layers, extent, crs):
        a = self.args
        settings = QgsMapSettings()
        settings.setLayers(layers)
        settings.setDestinationCrs(crs)
        settings.setBackgroundColor(QColor(BACKGROUND))
        settings.setOutputSize(QSize(900, 600))
        settings.setExtent(extent)
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage().convertToFormat(QImage.Format_RGB32)
        saved = image.save(a.render, "PNG")
        drawn, colours = 0, {}
        wanted = {QColor(c).rgb() & 0xFFFFFF: c for c in a.expect_pixel_colour}
        for y in range(image.height()):
            for x in range(image.width()):
                rgb = image.pixel(x, y) & 0xFFFFFF
                if rgb != BACKGROUND:
                    drawn += 1
                if rgb in wanted:
                    colours[wanted[rgb]] = colours.get(wanted[rgb], 0) + 1
        errors = [e.message for e in job.errors()]
        self.report["render"] = {"path": a.render, "saved": saved, "non_background_pixels": drawn,
                                 "pixels_of_colour": colours, "errors": errors}
        self.expect(saved, "the PNG was not saved")
        self.expect(not errors, "rendering reported errors: %s" % errors)
        self.expect(drawn > 0, "the rendered PNG shows nothing but background")
        for colour in a.expect_pixel_colour:
            self.expect(colours.get(colour, 0) > 0, "no pixel of colour %s in the rendering" % colour)

    # --- entry points ----------------------------------------------------------

    def check_file(self):
        a = self.args
        if not os.path.exists(a.path):
            self.report["error"] = "no such file"
            return 2
        uri = a.path + ("|layername=%s" % a.layer if a.layer else "")
        layer = QgsVectorLayer(uri, a.layer or os.path.basename(a.path), "ogr")
        report = self.report.setdefault("layer", {})
        if layer.isValid() and a.style:
            message, ok = layer.loadNamedStyle(a.style)
            report["style_loaded"] = ok
            self.expect(ok, "QGIS refused the style %s: %s" % (a.style, message))
        self.check_layer(layer, report)
        if not layer.isValid():
            return 2
        if a.render:
            extent = QgsRectangle(layer.extent())
            extent.scale(1.1)
            self.render([layer], extent, layer.crs())
        return 0

    def check_project(self):
        a = self.args
        project = QgsProject.instance()
        if not project.read(a.path):
            self.report["error"] = "QGIS cannot read the project: %s" % project.error()
            return 2
        self.report["crs"] = project.crs().authid()
        if a.expect_crs:
            self.expect(project.crs().authid() == a.expect_crs, "project CRS %s, expected %s"
                        % (project.crs().authid(), a.expect_crs))
        ordered = project.layerTreeRoot().layerOrder()
        titles = [layer.name() for layer in ordered]
        self.report["layers"] = titles
        if a.expect_layers:
            self.expect(titles == a.expect_layers.split("|"), "project layers %s, expected %s"
                        % (titles, a.expect_layers.split("|")))
        for layer in ordered:
            source = layer.source()
            self.expect(layer.isValid(), "project layer %s is not valid (source %s)" % (layer.name(), source))
        for layer in ordered:
            if a.layer and layer.name() == a.layer:
                self.check_layer(layer, self.report.setdefault("layer", {}))
            elif layer.isValid():
                # The project's other layers must be drawn whole too.
                other = self.report.setdefault("other_layers", {}).setdefault(layer.name(), {})
                self.check_style(layer, other, expectations=False)
        if a.layer:
            self.expect(a.layer in titles, "the project has no layer titled %s" % a.layer)
        extent = project.viewSettings().defaultViewExtent()
        self.report["view_extent"] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
        self.expect(not extent.isEmpty(), "the project has no initial view extent")
        for layer in ordered:
            self.expect(extent.contains(layer.extent()), "the initial view leaves out part of %s" % layer.name())
        if a.render:
            self.render(ordered, extent, project.crs())
        return 0


def main():
    args = parse_args()
    app = QgsApplication([], False)
    app.initQgis()
    checker = Checker(args)
    try:
        code = checker.check_project() if args.project else checker.check_file()
    except Exception as error:  # a crash in the check is a failure, reported like one
        checker.failures.append("check failed: %r" % error)
        code = 1
    QgsProject.instance().clear()  # QGIS objects must go before exitQgis()
    if code == 0 and checker.failures:
        code = 1
    checker.report["failures"] = checker.failures
    print(json.dumps(checker.report, ensure_ascii=False, indent=2))
    for failure in checker.failures:
        sys.stderr.write("qgis_check: %s\n" % failure)
    if code == 2:
        sys.stderr.write("qgis_check: cannot open %s: %s\n" % (args.path, checker.report.get("error", "invalid")))
    sys.stdout.flush()
    sys.stderr.flush()
    app.exitQgis()
    os._exit(code)  # Qt's teardown after exitQgis() can crash; the result is known


if __name__ == "__main__":
    main()
