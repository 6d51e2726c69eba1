// The platform's layers as vector tiles (styled from each descriptor of GET /api/layers), the layer list and legends.
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import MVT from 'ol/format/MVT.js';
import { Fill, Stroke, Style, Circle as CircleStyle, Text } from 'ol/style.js';
import { getCenter } from 'ol/extent.js';
import { $, state, COMMUNITIES, changed } from './state.js';
import { t, title } from './i18n.js';
import { map } from './mapview.js';

// `Map` would be OpenLayers' map in the other files; the style cache is a plain JavaScript Map.
const styleCache = new globalThis.Map();

/** Redraws every layer (after the community filter changed). */
export function restyle() {
  styleCache.clear();
  Object.values(state.layers).forEach(l => l.changed());
}

export function colour(css, opacity) {
  let hex = (css || '#000').replace('#', '');
  if (hex.length <= 4) hex = [...hex].map(c => c + c).join('');
  const [r, g, b] = [0, 2, 4].map(i => parseInt(hex.slice(i, i + 2), 16));
  const a = hex.length >= 8 ? parseInt(hex.slice(6, 8), 16) / 255 : opacity;
  return `rgba(${r},${g},${b},${a})`;
}

function themeColour(d, props) {
  const s = d.style;
  if (s.themeField) {
    const entry = s.legend.find(e => e.value === String(props[s.themeField]));
    if (entry) return entry.color;
  }
  return s.fill;
}

function insideCommunity(feature) {
  if (!state.community) return true;
  const c = getCenter(feature.getExtent ? feature.getExtent() : feature.getGeometry().getExtent());
  return state.community.geometry.intersectsCoordinate(c);
}

// Polygon layers with a label field carry one label point per feature in the MVT layer `<id>-labels`, only in
// the tile that holds the point (the server picks a point inside the whole polygon): the polygons themselves are
// drawn without text, so a community spanning several tiles is labelled once, not once per tile.
const labelPoints = d => !!d.style.labelField && d.geometryType.toLowerCase().includes('polygon');

function labelText(d, text, kind) {
  const font = '12px "Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif';
  const fill = new Fill({ color: '#2c3e50' });
  const stroke = new Stroke({ color: '#fff', width: 3 });
  // Point labels sit to the right of the symbol (radius plus a gap), not on it.
  if (kind.includes('point')) {
    return new Text({ text, font, overflow: false, fill, stroke, textAlign: 'left', offsetX: Math.max(d.style.pointRadius, 4) + 4 });
  }
  return new Text({ text, font, overflow: false, fill, stroke, placement: kind.includes('line') ? 'line' : 'point' });
}

function styleFor(d) {
  const kind = d.geometryType.toLowerCase();
  const labelLayer = `${d.id}-labels`;
  return (feature, resolution) => {
    const props = feature.getProperties();
    if (d.id !== COMMUNITIES && !d.id.startsWith('jurisdiction-street') && !insideCommunity(feature)) return null;
    const isLabelPoint = props.layer === labelLayer;
    const label = d.style.labelField && resolution < 40 && (isLabelPoint || !labelPoints(d)) ? String(props[d.style.labelField] ?? '') : '';
    if (isLabelPoint) {
      if (!label) return null;
      const key = `${d.id}|label|${label}`;
      let style = styleCache.get(key);
      if (!style) styleCache.set(key, style = new Style({ text: labelText(d, label, 'point-label'), zIndex: d.order }));
      return style;
    }
    const selected = d.id === COMMUNITIES && state.community && props.name === state.community.name;
    const c = themeColour(d, props);
    const key = `${d.id}|${c}|${selected}|${label}`;
    let style = styleCache.get(key);
    if (!style) {
      const stroke = new Stroke({ color: selected ? '#c0392b' : colour(d.style.stroke, 1), width: selected ? 3 : Math.max(d.style.strokeWidth, 0.5) });
      style = new Style({
        fill: kind.includes('polygon') ? new Fill({ color: colour(c, 0.8) }) : undefined,
        stroke: kind.includes('line') ? new Stroke({ color: colour(d.style.themeField ? c : d.style.stroke, 1), width: Math.max(d.style.strokeWidth, 1) }) : stroke,
        image: kind.includes('point') ? new CircleStyle({ radius: Math.max(d.style.pointRadius, 4), fill: new Fill({ color: colour(c, 1) }), stroke }) : undefined,
        text: label ? labelText(d, label, kind) : undefined,
        zIndex: d.order,
      });
      styleCache.set(key, style);
    }
    return style;
  };
}

const tileUrl = d => `/tiles/${d.id}/{z}/{x}/{y}.mvt` + (d.temporal ? `?date=${state.date}` : '');

/** Points the dated layers at the current date. */
export function followDate() {
  for (const d of state.descriptors.filter(x => x.temporal)) state.layers[d.id].getSource().setUrl(tileUrl(d));
}

export function addLayer(d) {
  const source = new VectorTileSource({ format: new MVT({ idProperty: 'fid' }), url: tileUrl(d), maxZoom: 16, transition: 0 });
  let pending = 0;
  source.on('tileloadstart', () => { pending++; });
  source.on(['tileloadend', 'tileloaderror'], () => { pending--; if (d.temporal) state.dateLoads++; });
  // What each loaded tile holds, by tile URL (the date is in it): OpenLayers' own caches keep tiles of earlier dates.
  const loaded = [];
  source.on('tileloadend', e => {
    loaded.push({ url: e.tile.getKey(), coord: e.tile.getTileCoord(), ids: e.tile.getFeatures().map(f => f.getId() ?? f.get('fid')) });
    if (loaded.length > 4000) loaded.splice(0, 2000);
  });
  const layer = new VectorTileLayer({
    source, style: styleFor(d), visible: d.visibleByDefault, zIndex: d.order, declutter: !!d.style.labelField,
    renderMode: 'hybrid', properties: { layerId: d.id },
  });
  layer.pending = () => pending;
  layer.loadedTiles = () => loaded;
  state.layers[d.id] = layer;
  map.addLayer(layer);
}

/** Takes a layer off the map (its plugin stopped running). */
export function removeLayer(id) {
  map.removeLayer(state.layers[id]);
  delete state.layers[id];
}

// A scene's layers are grouped under the plugin's id: its name comes from the plugin list, not from here.
function groupTitle(group) {
  const plugin = state.plugins.find(p => p.id === group);
  return t('groups')[group] ?? (plugin ? title(plugin) : group);
}

export function renderLayerList() {
  const list = $('layer-list');
  list.replaceChildren();
  const groups = {};
  for (const d of state.descriptors) (groups[d.group] ??= []).push(d);
  for (const [group, ds] of Object.entries(groups)) {
    const g = document.createElement('div');
    g.className = 'group-title';
    g.textContent = groupTitle(group);
    list.append(g);
    for (const d of ds) {
      const row = document.createElement('label');
      row.className = 'layer';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = state.layers[d.id].getVisible();
      box.dataset.layer = d.id;
      box.onchange = () => { state.layers[d.id].setVisible(box.checked); changed('layers'); };
      row.append(box, ' ', title(d) + (d.temporal ? t('dated') : ''));
      list.append(row);
      const legend = document.createElement('div');
      legend.className = 'legend';
      for (const e of d.style.legend) {
        const sw = document.createElement('span');
        const kind = d.geometryType.toLowerCase();
        sw.className = 'sw' + (kind.includes('point') ? ' point' : kind.includes('line') ? ' line' : '');
        sw.style.background = colour(e.color, 1);
        sw.style.borderColor = colour(d.style.stroke, 1);
        const item = document.createElement('div');
        item.append(sw, title(e));
        legend.append(item);
      }
      list.append(legend);
    }
  }
}
