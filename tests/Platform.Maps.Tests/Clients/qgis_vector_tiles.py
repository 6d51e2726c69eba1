"""QGIS headless (Debian python3-qgis, QGIS 3.22) against the platform's combined OGC tileset.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_vector_tiles.py BASE_URL LAYER_ID...

Adds /ogc/tiles/WebMercatorQuad/{z}/{y}/{x} as a QgsVectorTileLayer (XYZ), then, since QGIS 3.22's Python API has no
tile decoder, draws each named MVT layer alone in pure red over the tileset's bounds and counts the red pixels: a
layer QGIS found features of shows red. Also converts the platform's MapLibre style with QgsMapBoxGlStyleConverter.
Prints one JSON object; exits 1 when the layer is invalid.
"""
import json
import sys
import urllib.request

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFillSymbol,
                       QgsLineSymbol, QgsMapBoxGlStyleConverter, QgsMapRendererSequentialJob, QgsMapSettings,
                       QgsMarkerSymbol, QgsProject, QgsRectangle, QgsVectorTileBasicRenderer,
                       QgsVectorTileBasicRendererStyle, QgsVectorTileLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

base = sys.argv[1].rstrip('/')
layer_ids = sys.argv[2:]
app = QgsApplication([], False)
app.initQgis()

tilejson = json.load(urllib.request.urlopen(f"{base}/ogc/tiles/WebMercatorQuad/tilejson"))
uri = f"type=xyz&url={base}/ogc/tiles/WebMercatorQuad/{{z}}/{{y}}/{{x}}&zmin={tilejson['minzoom']}&zmax={tilejson['maxzoom']}"
layer = QgsVectorTileLayer(uri, "platform")
result = {"valid": layer.isValid(), "zmin": layer.sourceMinZoom(), "zmax": layer.sourceMaxZoom(), "red": {}}
if not layer.isValid():
    print(json.dumps(result))
    sys.exit(1)

w, s, e, n = tilejson["bounds"]
to_mercator = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
extent = to_mercator.transformBoundingBox(QgsRectangle(w, s, e, n))


def render():
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    settings.setOutputSize(QSize(768, 768))
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def red_pixels(image):
    count = 0
    for py in range(0, image.height(), 2):
        for px in range(0, image.width(), 2):
            c = QColor(image.pixel(px, py))
            if c.red() > 200 and c.green() < 60 and c.blue() < 60:
                count += 1
    return count


for layer_id in layer_ids:
    styles = []
    for geometry, symbol in ((QgsWkbTypes.PolygonGeometry, QgsFillSymbol.createSimple({"color": "255,0,0,255", "outline_color": "255,0,0,255", "outline_width": "0.6"})),
                             (QgsWkbTypes.LineGeometry, QgsLineSymbol.createSimple({"color": "255,0,0,255", "width": "0.8"})),
                             (QgsWkbTypes.PointGeometry, QgsMarkerSymbol.createSimple({"color": "255,0,0,255", "outline_color": "255,0,0,255", "size": "3"}))):
        style = QgsVectorTileBasicRendererStyle(layer_id, layer_id, geometry)
        style.setSymbol(symbol)
        style.setMinZoomLevel(-1)
        style.setMaxZoomLevel(-1)
        styles.append(style)
    renderer = QgsVectorTileBasicRenderer()
    renderer.setStyles(styles)
    layer.setRenderer(renderer)
    result["red"][layer_id] = red_pixels(render())

style = json.load(urllib.request.urlopen(f"{base}/api/maps/style.json"))
converter = QgsMapBoxGlStyleConverter()
result["styleConverted"] = converter.convert(style) == QgsMapBoxGlStyleConverter.Success
result["styleWarnings"] = converter.warnings()
if result["styleConverted"]:
    result["styleLayers"] = sorted({s.layerName() for s in converter.renderer().styles()})
    layer.setRenderer(converter.renderer())
    image = render()
    result["styledNonWhite"] = sum(1 for py in range(0, image.height(), 4) for px in range(0, image.width(), 4) if QColor(image.pixel(px, py)).name() != "#ffffff")
print(json.dumps(result, ensure_ascii=False))
app.exitQgis()
