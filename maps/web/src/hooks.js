// For people and for the browser tests: what is drawn right now, as window.platformMap. Panels add their own
// hooks while they are on the page (panel.expose).
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { intersects } from 'ol/extent.js';
import { state } from './state.js';
import { map, scratch, pending } from './mapview.js';
import { popupText } from './popups.js';
import { panelList, refreshPanels } from './panels.js';

/** Installs window.platformMap; `setDate` and `setLanguage` are the page's own. */
export function installHooks({ setDate, setLanguage }) {
  window.platformMap = {
    ready: false,
    map,
    state,
    setDate,
    setLanguage,
    renders: () => state.renders,
    pending,
    /** Distinct features of a layer in the loaded tiles covering the current view. */
    featureCount(id) {
      return this.featureIds(id).length;
    },
    /** The ids of those features. */
    featureIds(id) {
      const layer = state.layers[id];
      if (!layer || !layer.getVisible()) return [];
      const d = state.descriptors.find(x => x.id === id);
      const grid = layer.getSource().getTileGrid();
      const z = grid.getZForResolution(map.getView().getResolution(), layer.getSource().zDirection);
      const extent = map.getView().calculateExtent(map.getSize());
      const suffix = d.temporal ? `?date=${state.date}/` : '.mvt';
      const ids = new Set();
      for (const tile of layer.loadedTiles()) {
        if (tile.coord[0] === z && tile.url.includes(suffix) && intersects(grid.getTileCoordExtent(tile.coord), extent)) tile.ids.forEach(i => ids.add(i));
      }
      return [...ids];
    },
    pixelOf: (lon, lat) => map.getPixelFromCoordinate(fromLonLat([lon, lat])),
    goTo: (lon, lat, zoom) => { map.getView().setCenter(fromLonLat([lon, lat])); if (zoom) map.getView().setZoom(zoom); map.renderSync(); },
    center: () => toLonLat(map.getView().getCenter()),
    /** Points (lon, lat) of the scratch layer: drawn shapes and error markers. */
    markers: () => scratch.getFeatures().filter(f => f.getGeometry().getType() === 'Point').map(f => toLonLat(f.getGeometry().getCoordinates())),
    popupText,
    /** The plugins' panels on the page, `{ plugin, id, ready }`. */
    panels: panelList,
    /** Re-reads the plugin list now instead of at the next poll. */
    refreshPanels,
  };
}
