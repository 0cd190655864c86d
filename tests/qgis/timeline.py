#!/usr/bin/python3
"""Opens frontline's layers in QGIS itself (PyQGIS, headless) and renders
them through the temporal controller.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis/timeline.py FRONT_DIR LAYERS_DIR [CSV_DIR]

FRONT_DIR is a `frontline front --timeline` output folder, LAYERS_DIR a
`frontline layers` one, both with their styles (.qml) and FRONT_DIR with
frontline.qgs. Checks, printing one line per check:

- every layer's style loads beside it without error, and the timeline
  layers' styles set their temporal fields;
- every timeline-* layer, rendered at two days of its data, draws features
  on both, as many as the data says hold on each day (counted from the
  GeoJSON, not by QGIS), and draws differently when the data differs;
- frontline.qgs opens with every layer valid and the project's time range,
  and renders the timeline at both days;
- with CSV_DIR (`frontline layers --format csv`), each CSV layer opened as
  QGIS's delimited-text loader opens it, styled by the layer's .qml, draws
  at two publication days the features published on them (its `published`
  a Date compared with the controller's date-times).

Exits 1 when any check fails, 0 when all pass.
"""
import datetime
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication, QgsDateTimeRange, QgsMapRendererSequentialJob,
    QgsMapSettings, QgsProject, QgsRectangle, QgsVectorLayer,
    QgsVectorLayerTemporalContext, QgsFeatureRequest,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, Qt, QTime  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

failed = 0
passed = 0


def check(ok, what):
    global failed, passed
    if ok:
        passed += 1
        print(f"ok: {what}")
    else:
        failed += 1
        print(f"FAIL: {what}")


def day_range(day):
    """The temporal controller's frame for one day: [day, day + 1)."""
    d = datetime.date.fromisoformat(day)
    start = QDateTime(QDate(d.year, d.month, d.day), QTime(0, 0, 0), Qt.UTC)
    return QgsDateTimeRange(start, start.addDays(1))


def render(layers, extent, day):
    """Renders `layers` for `day` through the temporal range; returns the
    image and its count of pixels that are not the white background."""
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layers[0].crs())
    settings.setExtent(extent)
    settings.setOutputSize(QSize(400, 400))
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setIsTemporal(True)
    settings.setTemporalRange(day_range(day))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    white = QColor(255, 255, 255).rgb()
    drawn = sum(1 for x in range(image.width()) for y in range(image.height())
                if image.pixel(x, y) != white)
    return image, drawn


def holding(path, start, day):
    """The features of a GeoJSON file that hold on `day`, read from the file:
    start <= day < until (a null until, as frontline wrote before 9999-12-31,
    read as no end)."""
    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    return [f for f in features
            if f["properties"][start] <= day < (f["properties"]["until"] or "9999-12-31")]


def open_layer(path, name):
    layer = QgsVectorLayer(path, name, "ogr")
    check(layer.isValid(), f"{name} opens")
    return layer


def timeline_layers(front):
    for name, start in [("timeline-control", "since"), ("timeline-front", "as_of"),
                        ("timeline-contested", "as_of")]:
        path = os.path.join(front, name + ".geojson")
        layer = open_layer(path, name)
        # The style beside the file was loaded with the layer: its renderer.
        attribute = {"timeline-control": "side", "timeline-front": "style"}.get(name)
        if attribute:
            check(layer.renderer().type() == "categorizedSymbol"
                  and layer.renderer().classAttribute() == attribute,
                  f"{name}: opened with {name}.qml's colours, by {attribute}")
        # QGIS 3.22 resets a layer's temporal properties after it loads the
        # default style as it opens a file; loading the style again, as
        # Properties -> Style -> Load Style does, sets them.
        message, ok = layer.loadDefaultStyle()
        check(ok, f"{name}: its default style loads ({message})")
        t = layer.temporalProperties()
        check(t.isActive() and t.startField() == start and t.endField() == "until",
              f"{name}: {name}.qml set the temporal fields {start}/until "
              f"(active {t.isActive()}, {t.startField()}/{t.endField()})")
        with open(path, encoding="utf-8") as f:
            features = json.load(f)["features"]
        # Two days: the first start in the data, and the last one.
        starts = sorted({f["properties"][start] for f in features})
        days = [starts[0], starts[-1]]
        check(len(set(days)) == 2, f"{name}: the data holds two different days ({days})")
        extent = layer.extent()
        extent.grow(0.05)
        drawings = []
        for day in days:
            expected = holding(path, start, day)
            # What QGIS's temporal filter selects: the features the data says hold.
            request = QgsFeatureRequest().setFilterExpression(
                t.createFilterString(QgsVectorLayerTemporalContext(), day_range(day)))
            selected = sum(1 for _ in layer.getFeatures(request))
            check(selected == len(expected) > 0,
                  f"{name} on {day}: QGIS selects {selected} features, the data says {len(expected)}")
            image, drawn = render([layer], extent, day)
            check(drawn > 20, f"{name} on {day}: {drawn} pixels drawn")
            drawings.append((frozenset(json.dumps(f, sort_keys=True) for f in expected), image))
        (first, image1), (last, image2) = drawings
        if first != last:
            check(image1 != image2, f"{name}: the two days draw differently, as their data differs")


def styles(front, layers):
    for folder, names in [(front, ["control", "front", "contested", "arrows", "timeline-control",
                                   "timeline-front", "timeline-contested"]),
                          (layers, ["places", "events", "mentions"])]:
        for name in names:
            path = os.path.join(folder, name + ".geojson")
            qml = os.path.join(folder, name + ".qml")
            check(os.path.exists(qml), f"{qml} is written beside the layer")
            layer = open_layer(path, name)
            message, ok = layer.loadNamedStyle(qml)
            check(ok, f"{name}.qml loads ({message})")
            renderer = layer.renderer()
            check(renderer is not None and renderer.type() in ("categorizedSymbol", "singleSymbol"),
                  f"{name}: styled by {renderer.type() if renderer else None}")
            if name in ("places", "events", "control", "timeline-control"):
                check(layer.labelsEnabled(), f"{name} is labelled")
            if name in ("places", "events", "mentions"):
                t = layer.temporalProperties()
                check(t.isActive() and t.startField() == "published",
                      f"{name}: animated on published")


def project(front):
    p = QgsProject.instance()
    path = os.path.join(front, "frontline.qgs")
    check(p.read(path), f"{path} opens")
    layers = {layer.name(): layer for layer in p.mapLayers().values()}
    check(all(i == "frontline-" + layer.name() for i, layer in p.mapLayers().items()),
          f"the layers keep their ids: {sorted(p.mapLayers())}")
    expected = ["arrows", "contested", "control", "front", "timeline-contested",
                "timeline-control", "timeline-front"]
    check(sorted(layers) == expected, f"the project holds the layers: {sorted(layers)}")
    check(all(layer.isValid() for layer in layers.values()),
          "every layer of the project opens from its relative path")
    r = p.timeSettings().temporalRange()
    check(r.begin().isValid() and r.end().isValid() and r.begin() < r.end(),
          f"the project's time range: {r.begin().toString(Qt.ISODate)} to {r.end().toString(Qt.ISODate)}")
    timeline = [layers[n] for n in ("timeline-control", "timeline-front", "timeline-contested")]
    check(all(layer.temporalProperties().isActive() for layer in timeline),
          "the project's timeline layers are temporal")
    root = p.layerTreeRoot()
    check(root.findLayer(layers["timeline-control"].id()).isVisible(), "the timeline is shown")
    check(not root.findLayer(layers["control"].id()).isVisible(),
          "the day's layers start hidden under the timeline")
    extent = QgsRectangle()
    for layer in timeline:
        extent.combineExtentWith(layer.extent())
    for date in (r.begin().date(), r.end().date().addDays(-1)):
        day = date.toString("yyyy-MM-dd")
        _, drawn = render(timeline, extent, day)
        check(drawn > 20, f"the project's timeline on {day}: {drawn} pixels drawn")
    p.clear()


def csv_layers(folder, styles_from):
    import csv
    for name in ["places", "events", "mentions"]:
        path = os.path.abspath(os.path.join(folder, name + ".csv"))
        uri = f"file://{path}?type=csv&xField=lon&yField=lat&crs=EPSG:4326&detectTypes=yes"
        layer = QgsVectorLayer(uri, name, "delimitedtext")
        check(layer.isValid(), f"{name}.csv opens as delimited text")
        message, ok = layer.loadNamedStyle(os.path.join(styles_from, name + ".qml"))
        check(ok, f"{name}.qml styles {name}.csv ({message})")
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        days = sorted({r["published"] for r in rows if r["published"]})
        t = layer.temporalProperties()
        extent = layer.extent()
        extent.grow(0.05)
        for day in (days[0], days[-1]):
            published = sum(1 for r in rows if r["published"] == day)
            request = QgsFeatureRequest().setFilterExpression(
                t.createFilterString(QgsVectorLayerTemporalContext(), day_range(day)))
            selected = [f["published"] for f in layer.getFeatures(request)]
            on_day = sum(1 for d in selected if d is not None and d.toString("yyyy-MM-dd") == day)
            check(on_day == published > 0,
                  f"{name}.csv on {day}: QGIS selects the {on_day} features published that day, "
                  f"the file has {published}")
            _, drawn = render([layer], extent, day)
            check(drawn > 20, f"{name}.csv on {day}: {drawn} pixels drawn")


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: timeline.py FRONT_DIR LAYERS_DIR [CSV_DIR]")
    front, layers = sys.argv[1], sys.argv[2]
    app = QgsApplication([], False)
    app.initQgis()
    timeline_layers(front)
    styles(front, layers)
    project(front)
    if len(sys.argv) == 4:
        csv_layers(sys.argv[3], layers)
    app.exitQgis()
    print(f"qgis: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
