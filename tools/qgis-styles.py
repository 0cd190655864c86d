#!/usr/bin/python3
"""Writes the QGIS style files data/qgis/LAYER.qml with PyQGIS.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/qgis-styles.py

Debian's python3-qgis (QGIS 3.22) is enough. Each style colours features
by side in the layers' simplestyle colours (RU #d7301f, UA #2b8cbe,
contested #984ea3, another state #f0a30a, unknown #7f7f7f), draws the front
line solid, dashed or dotted by its `style`, labels places and settlements,
and sets the layer's temporal properties: `published` for the article
layers, `since`/`until` and `as_of`/`until` for the timeline layers.
`frontline` compiles the files in and writes them beside its layers.
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt orders XML attributes by a seeded hash: a fixed seed, the same bytes.
os.environ["QT_HASH_SEED"] = "0"
from qgis.core import (  # noqa: E402
    QgsApplication, QgsArrowSymbolLayer, QgsCategorizedSymbolRenderer,
    QgsFillSymbol, QgsLineSymbol, QgsMapLayer, QgsMarkerSymbol,
    QgsPalLayerSettings, QgsRendererCategory, QgsSimpleLineSymbolLayer,
    QgsSingleSymbolRenderer, QgsTextBufferSettings, QgsTextFormat,
    QgsUnitTypes, QgsVectorLayer, QgsVectorLayerSimpleLabeling,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

RU, UA, CONTESTED, OTHER, UNKNOWN = "#d7301f", "#2b8cbe", "#984ea3", "#f0a30a", "#7f7f7f"
BY_COLOR = [(RU, "RU"), (UA, "UA"), (CONTESTED, "contested"), (OTHER, "another state"), (UNKNOWN, "unknown")]
BY_SIDE = [("RU", RU), ("UA", UA), ("contested", CONTESTED), ("unknown", UNKNOWN)]


def dot(color, size="2.6"):
    return QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": color, "outline_color": "#ffffff", "outline_width": "0.3", "size": size})


def categorized(field, pairs):
    """pairs: (value, label, symbol)."""
    return QgsCategorizedSymbolRenderer(
        field, [QgsRendererCategory(v, s, l) for v, l, s in pairs])


def labels(layer, expression, size=8, placement=None):
    s = QgsPalLayerSettings()
    s.fieldName = expression
    s.isExpression = not expression.isidentifier()
    f = QgsTextFormat()
    f.setFont(QFont("Sans Serif"))
    f.setSize(size)
    f.setColor(QColor("#202020"))
    b = QgsTextBufferSettings()
    b.setEnabled(True)
    b.setSize(0.8)
    b.setColor(QColor("#ffffff"))
    f.setBuffer(b)
    s.setFormat(f)
    if placement is not None:
        s.placement = placement
    s.dist = 1.0
    layer.setLabeling(QgsVectorLayerSimpleLabeling(s))
    layer.setLabelsEnabled(True)


def temporal(layer, start, end=None):
    t = layer.temporalProperties()
    t.setIsActive(True)
    t.setStartField(start)
    if end is None:
        # An article's layer: each feature on the day it was published.
        t.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField)
        t.setFixedDuration(1)
        t.setDurationUnits(QgsUnitTypes.TemporalDays)
    else:
        t.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields)
        t.setEndField(end)


def line(color, width, pen=Qt.SolidLine, opacity=1.0):
    s = QgsLineSymbol.createSimple({"line_color": color, "line_width": str(width)})
    s.symbolLayer(0).setPenStyle(pen)
    s.setOpacity(opacity)
    return s


def front_renderer():
    return categorized("style", [
        ("solid", "solid: edges up to 15 km", line("#000000", 0.8)),
        ("dashed", "dashed: inferred, edges up to 30 km", line("#000000", 0.6, Qt.DashLine, 0.8)),
        ("dotted", "dotted: a gap, edges up to 50 km", line("#000000", 0.6, Qt.DotLine, 0.5)),
    ])


def control_renderer():
    return categorized("side", [(v, v, dot(c, "3")) for v, c in BY_SIDE])


def contested_renderer():
    return QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "152,78,163,89", "outline_color": CONTESTED, "outline_width": "0.4"}))


def arrow(color):
    a = QgsArrowSymbolLayer()
    a.setIsCurved(False)
    a.setArrowWidth(0.8)
    a.setArrowStartWidth(0.8)
    a.setHeadLength(2.5)
    a.setHeadThickness(2.0)
    a.subSymbol().setColor(QColor(color))
    a.subSymbol().symbolLayer(0).setStrokeColor(QColor(color))
    s = QgsLineSymbol()
    s.changeSymbolLayer(0, a)
    return s


def by_color(size="2.6"):
    return categorized("marker-color", [(c, l, dot(c, size)) for c, l in BY_COLOR])


def style(name, geometry, renderer, label=None, times=None):
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4326", name, "memory")
    layer.setRenderer(renderer)
    if label:
        labels(layer, label)
    if times:
        temporal(layer, *times)
    return layer


def main(out):
    app = QgsApplication([], False)
    app.initQgis()
    layers = [
        style("places", "Point", by_color(), "name", ("published",)),
        style("events", "Point", by_color("2.2"), "action", ("published",)),
        style("mentions", "Point", QgsSingleSymbolRenderer(dot(UNKNOWN, "1.8")), "text", ("published",)),
        style("control", "Point", control_renderer(), "name"),
        style("front", "LineString", front_renderer()),
        style("contested", "Polygon", contested_renderer()),
        style("arrows", "LineString", categorized("actor", [("RU", "RU", arrow(RU)), ("UA", "UA", arrow(UA))])),
        style("timeline-control", "Point", control_renderer(), "name", ("since", "until")),
        style("timeline-front", "LineString", front_renderer(), None, ("as_of", "until")),
        style("timeline-contested", "Polygon", contested_renderer(), None, ("as_of", "until")),
    ]
    categories = (QgsMapLayer.Symbology | QgsMapLayer.Labeling | QgsMapLayer.Temporal)
    for layer in layers:
        path = os.path.join(out, layer.name() + ".qml")
        message, ok = layer.saveNamedStyle(path, categories)
        if not ok:
            sys.exit(f"{path}: {message}")
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "data", "qgis"))
