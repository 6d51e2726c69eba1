// Measuring on the map: draw a line or an area, read its length or area (measured as measure.js says).
import Draw from 'ol/interaction/Draw.js';
import Overlay from 'ol/Overlay.js';
import { getCenter } from 'ol/extent.js';
import { $, state } from './state.js';
import { map, scratch } from './mapview.js';
import { measure } from './measure.js';

/** Ends the drawing under way (measuring or editing), if any. */
export function stopDrawing() {
  if (state.draw) map.removeInteraction(state.draw);
  state.draw = null;
  state.mode = null;
  document.querySelectorAll('button.active').forEach(b => b.classList.remove('active'));
}

function startMeasure(type, button) {
  stopDrawing();
  state.mode = 'measure';
  button.classList.add('active');
  const draw = new Draw({ source: scratch, type });
  draw.on('drawend', e => {
    state.drawEndedAt = performance.now();
    const text = measure(e.feature.getGeometry());
    $('measure-result').textContent = text;
    const tip = document.createElement('div');
    tip.className = 'measure-tip';
    tip.textContent = text;
    const at = type === 'Polygon' ? getCenter(e.feature.getGeometry().getExtent()) : e.feature.getGeometry().getLastCoordinate();
    map.addOverlay(new Overlay({ element: tip, position: at, positioning: 'bottom-center', offset: [0, -6], className: 'measure-overlay' }));
    setTimeout(stopDrawing, 0);
  });
  state.draw = draw;
  map.addInteraction(draw);
}

export function setUpMeasuring() {
  $('measure-length').onclick = e => startMeasure('LineString', e.currentTarget);
  $('measure-area').onclick = e => startMeasure('Polygon', e.currentTarget);
  $('measure-clear').onclick = () => {
    stopDrawing();
    scratch.clear();
    map.getOverlays().getArray().filter(o => o.options?.className === 'measure-overlay' || o.getElement()?.className === 'measure-tip').forEach(o => map.removeOverlay(o));
    $('measure-result').textContent = '';
  };
}
