"""Adds every collection of an OGC API - Features service to QGIS (headless) as an OAPIF layer.

Usage: /usr/bin/python3 qgis_oapif.py http://127.0.0.1:PORT/ogc
Prints one JSON object per collection: id, valid, the provider's error, QGIS's feature count, the number of
features QGIS actually read by iterating the layer (every page), their geometry type, and the QGIS version.
Run under QT_QPA_PLATFORM=offscreen.
"""
import json
import os
import sys
import urllib.request

from qgis.core import Qgis, QgsApplication, QgsVectorLayer, QgsWkbTypes


def main(base):
    app = QgsApplication([], False)
    app.setPrefixPath("/usr", True)
    app.initQgis()
    try:
        with urllib.request.urlopen(base + "/collections?f=json") as response:
            collections = json.load(response)["collections"]
        for collection in collections:
            cid = collection["id"]
            layer = QgsVectorLayer(f"url='{base}' typename='{cid}'", cid, "OAPIF")
            result = {"id": cid, "valid": layer.isValid(), "qgis": Qgis.QGIS_VERSION}
            if layer.isValid():
                result["featureCount"] = layer.featureCount()
                read = 0
                nulls = 0
                for feature in layer.getFeatures():
                    read += 1
                    if feature.geometry().isNull():
                        nulls += 1
                result["read"] = read
                result["nullGeometries"] = nulls
                result["wkbType"] = QgsWkbTypes.displayString(layer.wkbType())
            else:
                result["error"] = layer.error().summary() if layer.error() else ""
                result["providerError"] = layer.dataProvider().error().summary() if layer.dataProvider() else ""
            print(json.dumps(result, ensure_ascii=False), flush=True)
            del layer
    finally:
        sys.stdout.flush()
        # QGIS 3.22 can crash in exitQgis() while the OAPIF provider's network threads wind down (exit 139 after all
        # output is written); the results are printed by then, so leave without the teardown.
        os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
