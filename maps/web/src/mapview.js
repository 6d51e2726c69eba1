// The OpenLayers map, its popup overlay and the scratch layer for drawn shapes and markers.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, Stroke, Style, Circle as CircleStyle } from 'ol/style.js';
import { ScaleLine, defaults as defaultControls } from 'ol/control.js';
import { fromLonLat } from 'ol/proj.js';
import { $, state } from './state.js';

export const map = new Map({
  target: 'map',
  controls: defaultControls().extend([new ScaleLine({ units: 'metric' })]),
  view: new View({ center: fromLonLat([104.07, 30.40]), zoom: 13, maxZoom: 21 }),
});

/** Tiles still loading, over every layer. */
export const pending = () => Object.values(state.layers).reduce((n, l) => n + l.pending(), 0);

map.on('rendercomplete', () => {
  state.renders++;
  // Settled: every tile requested for the current date has arrived and been drawn.
  if (pending() === 0 && state.dateLoads > 0) state.dateSettled = true;
});

export const popup = new Overlay({ element: $('popup'), autoPan: { animation: { duration: 200 } } });
map.addOverlay(popup);

export function closePopup() {
  popup.setPosition(undefined);
  $('popup').hidden = true;
}
$('popup-close').onclick = closePopup;

export const scratch = new VectorSource();
map.addLayer(new VectorLayer({
  source: scratch, zIndex: 1000,
  style: new Style({
    fill: new Fill({ color: 'rgba(231,76,60,0.15)' }), stroke: new Stroke({ color: '#e74c3c', width: 2 }),
    image: new CircleStyle({ radius: 6, fill: new Fill({ color: '#e74c3c' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
  }),
}));

/** Centres the map on a point (EPSG:4326), zooming in to at least `zoom`. */
export function focus(lon, lat, zoom = 15) {
  map.getView().animate({ center: fromLonLat([lon, lat]), zoom: Math.max(map.getView().getZoom(), zoom), duration: 300 });
}
