import './style.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Overlay from 'ol/Overlay.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import MVT from 'ol/format/MVT.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Draw from 'ol/interaction/Draw.js';
import Modify from 'ol/interaction/Modify.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import { Fill, Stroke, Style, Circle as CircleStyle, Text } from 'ol/style.js';
import { ScaleLine, defaults as defaultControls } from 'ol/control.js';
import { fromLonLat, transformExtent, toLonLat } from 'ol/proj.js';
import { getCenter, intersects } from 'ol/extent.js';
import { strings } from './i18n.js';
import { loadCoverage } from './coverage.js';
import { setUpSiting, createSitingLayer } from './siting.js';
import { measure } from './measure.js';
import { showStatistics } from './statistics.js';

const $ = id => document.getElementById(id);
const FIRST_DAY = '2015-01-01';
const COMMUNITIES = 'jurisdiction-communities';
const SITES = 'registers-sites';
const geojson = new GeoJSON();

const state = {
  lang: localStorage.getItem('platform.lang') || 'zh',
  date: new Date().toISOString().slice(0, 10),
  descriptors: [],
  layers: {},          // id -> ol layer
  community: null,     // { name, geometry (EPSG:3857) }
  user: null,
  renders: 0,
};
const t = key => strings[state.lang][key] ?? key;
const title = o => (state.lang === 'zh' ? o.titleZh ?? o.labelZh : o.titleEn ?? o.labelEn) || o.titleZh || o.labelZh;

// ---------- map ----------
const map = new Map({
  target: 'map',
  controls: defaultControls().extend([new ScaleLine({ units: 'metric' })]),
  view: new View({ center: fromLonLat([104.07, 30.40]), zoom: 13, maxZoom: 21 }),
});
map.on('rendercomplete', () => {
  state.renders++;
  // Settled: every tile requested for the current date has arrived and been drawn.
  if (window.platformMap.pending() === 0 && state.dateLoads > 0) state.dateSettled = true;
});

const popup = new Overlay({ element: $('popup'), autoPan: { animation: { duration: 200 } } });
map.addOverlay(popup);
$('popup-close').onclick = () => { popup.setPosition(undefined); $('popup').hidden = true; };

const scratch = new VectorSource();
map.addLayer(new VectorLayer({
  source: scratch, zIndex: 1000,
  style: new Style({
    fill: new Fill({ color: 'rgba(231,76,60,0.15)' }), stroke: new Stroke({ color: '#e74c3c', width: 2 }),
    image: new CircleStyle({ radius: 6, fill: new Fill({ color: '#e74c3c' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
  }),
}));

// ---------- styles ----------
// `Map` is OpenLayers' map here; the style cache is a plain JavaScript Map.
const styleCache = new globalThis.Map();

function colour(css, opacity) {
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

function styleFor(d) {
  const kind = d.geometryType.toLowerCase();
  return (feature, resolution) => {
    const props = feature.getProperties();
    if (d.id !== COMMUNITIES && !d.id.startsWith('jurisdiction-street') && !insideCommunity(feature)) return null;
    const selected = d.id === COMMUNITIES && state.community && props.name === state.community.name;
    const c = themeColour(d, props);
    const label = d.style.labelField && resolution < 40 ? String(props[d.style.labelField] ?? '') : '';
    const key = `${d.id}|${c}|${selected}|${label}`;
    let style = styleCache.get(key);
    if (!style) {
      const stroke = new Stroke({ color: selected ? '#c0392b' : colour(d.style.stroke, 1), width: selected ? 3 : Math.max(d.style.strokeWidth, 0.5) });
      style = new Style({
        fill: kind.includes('polygon') ? new Fill({ color: colour(c, 0.8) }) : undefined,
        stroke: kind.includes('line') ? new Stroke({ color: colour(d.style.themeField ? c : d.style.stroke, 1), width: Math.max(d.style.strokeWidth, 1) }) : stroke,
        image: kind.includes('point') ? new CircleStyle({ radius: Math.max(d.style.pointRadius, 4), fill: new Fill({ color: colour(c, 1) }), stroke }) : undefined,
        text: label ? new Text({
          text: label, font: '12px "Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif', overflow: false,
          fill: new Fill({ color: '#2c3e50' }), stroke: new Stroke({ color: '#fff', width: 3 }),
        }) : undefined,
        zIndex: d.order,
      });
      styleCache.set(key, style);
    }
    return style;
  };
}

const tileUrl = d => `/tiles/${d.id}/{z}/{x}/{y}.mvt` + (d.temporal ? `?date=${state.date}` : '');

function addLayer(d) {
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

// ---------- layer list and legends ----------
function renderLayerList() {
  const list = $('layer-list');
  list.replaceChildren();
  const groups = {};
  for (const d of state.descriptors) (groups[d.group] ??= []).push(d);
  for (const [group, ds] of Object.entries(groups)) {
    const g = document.createElement('div');
    g.className = 'group-title';
    g.textContent = t('groups')[group] ?? group;
    list.append(g);
    for (const d of ds) {
      const row = document.createElement('label');
      row.className = 'layer';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = state.layers[d.id].getVisible();
      box.dataset.layer = d.id;
      box.onchange = () => { state.layers[d.id].setVisible(box.checked); fillLayerSelects(); };
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

function fillLayerSelects() {
  for (const id of ['export-layer', 'stats-layer']) {
    const select = $(id);
    const previous = select.value;
    select.replaceChildren(...state.descriptors.filter(d => id === 'stats-layer' || state.layers[d.id].getVisible()).map(d => new Option(title(d), d.id)));
    if ([...select.options].some(o => o.value === previous)) select.value = previous;
  }
  updateExportLink();
}

// ---------- date ----------
const dayMs = 86400000;
const dayIndex = date => Math.round((Date.parse(date) - Date.parse(FIRST_DAY)) / dayMs);
const dateOf = index => new Date(Date.parse(FIRST_DAY) + index * dayMs).toISOString().slice(0, 10);

function setDate(date) {
  state.date = date;
  state.dateLoads = 0;
  state.dateSettled = false;
  $('date-slider').value = dayIndex(date);
  $('date-input').value = date;
  $('date-note').textContent = `${t('asOf')} ${date}`;
  for (const d of state.descriptors.filter(x => x.temporal)) state.layers[d.id].getSource().setUrl(tileUrl(d));
  loadCommunities();
  loadStatistics();
  refreshCoverage();
  updateExportLink();
  updatePrintLink();
}

// ---------- community filter ----------
async function loadCommunities() {
  const select = $('community-filter');
  const previous = select.value;
  const response = await fetch(`/ogc/collections/${COMMUNITIES}/items?limit=1000&datetime=${state.date}`);
  const items = response.ok ? await response.json() : { features: [] };
  state.communityFeatures = items.features;
  select.replaceChildren(new Option(t('allCommunities'), ''), ...items.features.map(f => new Option(f.properties.name, f.properties.name)));
  select.value = items.features.some(f => f.properties.name === previous) ? previous : '';
  applyCommunity();
}

function applyCommunity() {
  const name = $('community-filter').value;
  const f = (state.communityFeatures || []).find(x => x.properties.name === name);
  state.community = f ? { name, geometry: geojson.readGeometry(f.geometry, { featureProjection: 'EPSG:3857' }) } : null;
  styleCache.clear();
  Object.values(state.layers).forEach(l => l.changed());
  if (state.community) map.getView().fit(state.community.geometry.getExtent(), { padding: [40, 40, 40, 40], duration: 300 });
  updateExportLink();
}
$('community-filter').onchange = applyCommunity;

// ---------- popups ----------
function showPopup(coordinate, hits) {
  const box = $('popup-content');
  box.replaceChildren();
  for (const { d, props } of hits.slice(0, 8)) {
    const h = document.createElement('h3');
    h.textContent = title(d);
    const table = document.createElement('table');
    for (const field of d.fields) {
      const v = props[field.name];
      if (v === undefined || v === null || v === '') continue;
      const tr = table.insertRow();
      tr.insertCell().textContent = title(field);
      // A themed attribute shows its legend label (支路, not local).
      const legend = field.name === d.style.themeField ? d.style.legend.find(e => String(e.value) === String(v)) : null;
      tr.insertCell().textContent = legend ? title(legend) : typeof v === 'number' ? v.toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en') : v;
    }
    box.append(h, table);
  }
  $('popup').hidden = false;
  popup.setPosition(coordinate);
}

map.on('singleclick', event => {
  // No popups while a shape is being drawn or an edited site awaits saving: clicks there belong to the editing.
  if (mode || draw || editing) return;
  const hits = [];
  map.forEachFeatureAtPixel(event.pixel, (feature, layer) => {
    const id = layer?.get('layerId');
    const d = state.descriptors.find(x => x.id === id);
    if (d && !hits.some(h => h.d.id === id)) hits.push({ d, props: feature.getProperties(), feature });
  }, { hitTolerance: 3 });
  if (hits.length) showPopup(event.coordinate, hits);
  else $('popup-close').onclick();
  if (mode === null && pickingSite) pickSite(hits);
});

// ---------- search ----------
$('search-form').onsubmit = async e => {
  e.preventDefault();
  const q = $('search-text').value.trim();
  const list = $('search-results');
  list.replaceChildren();
  if (!q) return;
  const response = await fetch(`/api/maps/search?q=${encodeURIComponent(q)}&date=${state.date}`);
  const hits = response.ok ? await response.json() : [];
  if (!hits.length) { list.innerHTML = `<li class="muted">${t('noResults')}</li>`; return; }
  for (const hit of hits) {
    const li = document.createElement('li');
    li.textContent = `${hit.name} · ${state.lang === 'zh' ? hit.layerTitleZh : hit.layerTitleEn}`;
    li.onclick = () => {
      const extent = transformExtent(hit.bbox, 'EPSG:4326', 'EPSG:3857');
      map.getView().fit(extent, { padding: [80, 80, 80, 80], maxZoom: 17, duration: 300 });
      scratch.clear();
      scratch.addFeature(new Feature(new Point(fromLonLat(hit.point))));
    };
    list.append(li);
  }
};

// ---------- measurement (Gauss–Krüger 3° zone of CGCS2000, like the server) ----------
let mode = null;
let draw = null;
function stopDrawing() {
  if (draw) map.removeInteraction(draw);
  draw = null;
  mode = null;
  document.querySelectorAll('button.active').forEach(b => b.classList.remove('active'));
}
function startMeasure(type, button) {
  stopDrawing();
  mode = 'measure';
  button.classList.add('active');
  draw = new Draw({ source: scratch, type });
  draw.on('drawend', e => {
    const text = measure(e.feature.getGeometry());
    $('measure-result').textContent = text;
    const tip = document.createElement('div');
    tip.className = 'measure-tip';
    tip.textContent = text;
    const at = type === 'Polygon' ? getCenter(e.feature.getGeometry().getExtent()) : e.feature.getGeometry().getLastCoordinate();
    map.addOverlay(new Overlay({ element: tip, position: at, positioning: 'bottom-center', offset: [0, -6], className: 'measure-overlay' }));
    setTimeout(stopDrawing, 0);
  });
  map.addInteraction(draw);
}
$('measure-length').onclick = e => startMeasure('LineString', e.currentTarget);
$('measure-area').onclick = e => startMeasure('Polygon', e.currentTarget);
$('measure-clear').onclick = () => {
  stopDrawing();
  scratch.clear();
  map.getOverlays().getArray().filter(o => o.options?.className === 'measure-overlay' || o.getElement()?.className === 'measure-tip').forEach(o => map.removeOverlay(o));
  $('measure-result').textContent = '';
};

// ---------- export and print ----------
function updateExportLink() {
  const layer = $('export-layer').value;
  const params = new URLSearchParams({ layer, format: $('export-format').value, date: state.date });
  if (state.community) params.set('community', state.community.name);
  $('export-link').href = `/api/maps/export?${params}`;
  $('export-link').setAttribute('download', '');
}
$('export-layer').onchange = $('export-format').onchange = updateExportLink;

async function loadPresets() {
  const response = await fetch('/api/maps/presets');
  state.presets = response.ok ? await response.json() : [];
  $('print-preset').replaceChildren(...state.presets.map(p => new Option(title(p), p.id)));
  updatePrintLink();
}
function updatePrintLink() {
  const params = new URLSearchParams({ preset: $('print-preset').value, size: $('print-size').value, format: $('print-format').value, date: state.date });
  $('print-link').href = `/api/maps/print?${params}`;
}
$('print-preset').onchange = $('print-size').onchange = $('print-format').onchange = updatePrintLink;

// ---------- statistics ----------
function loadStatistics() {
  return showStatistics({ layer: $('stats-layer').value, date: state.date, t }).catch(e => setStatus(String(e), true));
}
$('stats-layer').onchange = loadStatistics;
$('stats-toggle').onclick = () => $('stats').classList.toggle('collapsed');

// ---------- sign-in ----------
async function refreshUser() {
  const response = await fetch('/api/auth/me', { credentials: 'same-origin' });
  state.user = response.ok ? await response.json() : null;
  $('login-form').hidden = !!state.user;
  $('who').hidden = $('logout').hidden = !state.user;
  if (state.user) $('who').textContent = `${t('signedInAs')}：${state.user.displayName || state.user.username}`;
  $('edit-section').hidden = !(state.user?.roles || []).includes('administrator');
}
$('login-form').onsubmit = async e => {
  e.preventDefault();
  const response = await fetch('/api/auth/login', {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: $('login-user').value, password: $('login-password').value }),
  });
  if (!response.ok) {
    const p = await response.json().catch(() => ({}));
    setStatus(`${t('loginFailed')}: ${state.lang === 'zh' ? p.detailZh ?? p.detail ?? '' : p.detail ?? ''}`, true);
  }
  $('login-password').value = '';
  await refreshUser();
};
$('logout').onclick = async () => { await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }); await refreshUser(); };

// ---------- editing project sites (administrators; routes of the registers API) ----------
let pickingSite = false;
let editing = null;  // { id?, feature }
let modify = null;
const editMessage = (text, error) => { $('edit-message').textContent = text; $('edit-message').className = error ? 'error' : 'muted'; };
function endEdit() {
  stopDrawing();
  if (modify) map.removeInteraction(modify);
  modify = null;
  editing = null;
  pickingSite = false;
  $('edit-save').disabled = true;
}
$('edit-cancel').onclick = () => { endEdit(); scratch.clear(); editMessage(''); };
$('edit-draw').onclick = e => {
  endEdit();
  scratch.clear();
  mode = 'edit';
  e.currentTarget.classList.add('active');
  editMessage(t('drawHint'));
  draw = new Draw({ source: scratch, type: 'Polygon' });
  draw.on('drawend', ev => { editing = { feature: ev.feature }; $('edit-save').disabled = false; setTimeout(() => { map.removeInteraction(draw); draw = null; mode = null; enableModify(); }, 0); });
  map.addInteraction(draw);
};
$('edit-pick').onclick = () => { endEdit(); pickingSite = true; editMessage(t('clickToPick')); };
async function pickSite(hits) {
  const hit = hits.find(h => h.d.id === SITES);
  if (!hit) return;
  pickingSite = false;
  const id = hit.props.fid ?? hit.feature.getId();
  const response = await fetch(`/ogc/collections/${SITES}/items/${encodeURIComponent(id)}`);
  if (!response.ok) return editMessage(await problemText(response), true);
  const f = geojson.readFeature(await response.json(), { featureProjection: 'EPSG:3857' });
  scratch.clear();
  scratch.addFeature(f);
  editing = { id, feature: f };
  $('edit-name').value = f.get('name') ?? '';
  $('edit-save').disabled = false;
  enableModify();
}
function enableModify() {
  modify = new Modify({ source: scratch });
  map.addInteraction(modify);
}
function sitesGeometry() {
  return geojson.writeGeometryObject(editing.feature.getGeometry(), { featureProjection: 'EPSG:3857', dataProjection: 'EPSG:4326', decimals: 8 });
}
$('edit-save').onclick = async () => {
  if (!editing) return editMessage(t('pickFirst'), true);
  const name = $('edit-name').value.trim();
  let response;
  if (editing.id) {
    response = await send('PUT', `/api/sites/${encodeURIComponent(editing.id)}/geometry`, { geometry: sitesGeometry(), reason: $('edit-reason').value || undefined });
  } else {
    if (!name) return editMessage(t('needName'), true);
    response = await send('POST', '/api/sites', { name, geometry: sitesGeometry() });
  }
  await afterEdit(response);
};
$('edit-status-apply').onclick = async () => {
  if (!editing?.id) return editMessage(t('pickFirst'), true);
  await afterEdit(await send('POST', `/api/sites/${encodeURIComponent(editing.id)}/status`, { status: $('edit-status').value, reason: $('edit-reason').value || undefined }));
};
const send = (method, url, body) => fetch(url, { method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
async function problemText(response) {
  const p = await response.json().catch(() => ({}));
  return `${t('rejected')} (${response.status}): ${state.lang === 'zh' ? p.detailZh ?? p.detail ?? '' : p.detail ?? ''}`;
}
async function afterEdit(response) {
  if (response.ok) {
    editMessage(t('saved'));
    endEdit();
    scratch.clear();
    state.layers[SITES]?.getSource().refresh();
    return;
  }
  const p = await response.clone().json().catch(() => ({}));
  editMessage(await problemText(response), true);
  if (Array.isArray(p.location)) {
    const marker = new Feature(new Point(fromLonLat(p.location)));
    scratch.addFeature(marker);
    map.getView().animate({ center: fromLonLat(p.location), duration: 300 });
  }
}

// ---------- language ----------
function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appTitle');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  $('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
  renderLayerList();
  fillLayerSelects();
  if (state.presets) $('print-preset').replaceChildren(...state.presets.map(p => new Option(title(p), p.id)));
  updatePrintLink();
  const first = $('community-filter').options[0];
  if (first) first.text = t('allCommunities');
  $('date-note').textContent = `${t('asOf')} ${state.date}`;
  loadStatistics();
  refreshCoverage();
  refreshUser();
}

// ---------- life-circle coverage (service scene) ----------
function refreshCoverage() {
  state.coverage = null;
  loadCoverage({
    date: state.date,
    lang: state.lang,
    onCommunity: name => {
      const select = $('community-filter');
      if ([...select.options].some(o => o.value === name)) { select.value = name; applyCommunity(); }
    },
  }).then(c => {
    state.coverage = c;
    return setUpSiting({ lang: state.lang, coverage: c, showChoices: siting.show, focus: (lon, lat) => map.getView().animate({ center: fromLonLat([lon, lat]), zoom: Math.max(map.getView().getZoom(), 15), duration: 300 }) });
  }).catch(e => setStatus(String(e), true));
}

const siting = createSitingLayer(map);

$('lang').onclick = () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('platform.lang', state.lang);
  applyLanguage();
};

function setStatus(text, error) { $('status').textContent = text; $('status').className = error ? 'error' : 'muted'; }

// ---------- start ----------
async function start() {
  const response = await fetch('/api/layers');
  state.descriptors = (await response.json()).filter(d => d.id && d.fields);
  state.descriptors.forEach(addLayer);
  const slider = $('date-slider');
  slider.max = dayIndex(state.date);
  slider.oninput = () => { $('date-note').textContent = `${t('asOf')} ${dateOf(+slider.value)}`; };
  slider.onchange = () => setDate(dateOf(+slider.value));
  $('date-input').min = FIRST_DAY;
  $('date-input').onchange = () => $('date-input').value && setDate($('date-input').value);
  const street = await fetch('/ogc/collections/jurisdiction-street');
  if (street.ok) {
    const bbox = (await street.json()).extent?.spatial?.bbox?.[0];
    if (bbox && bbox[0] > -180) map.getView().fit(transformExtent(bbox, 'EPSG:4326', 'EPSG:3857'), { padding: [30, 30, 30, 30] });
  }
  await loadPresets();
  applyLanguage();
  $('stats-layer').value = state.descriptors.some(d => d.id === COMMUNITIES) ? COMMUNITIES : $('stats-layer').value;
  setDate(state.date);
  window.platformMap.ready = true;
}

// For people and for the browser tests: what is drawn right now.
window.platformMap = {
  ready: false,
  map,
  state,
  setDate,
  setLanguage: lang => { state.lang = lang; applyLanguage(); },
  renders: () => state.renders,
  pending: () => Object.values(state.layers).reduce((n, l) => n + l.pending(), 0),
  /** Distinct features of a layer in the loaded tiles covering the current view. */
  featureCount(id) {
    const layer = state.layers[id];
    if (!layer || !layer.getVisible()) return 0;
    const d = state.descriptors.find(x => x.id === id);
    const grid = layer.getSource().getTileGrid();
    const z = grid.getZForResolution(map.getView().getResolution(), layer.getSource().zDirection);
    const extent = map.getView().calculateExtent(map.getSize());
    const suffix = d.temporal ? `?date=${state.date}/` : '.mvt';
    const ids = new Set();
    for (const tile of layer.loadedTiles()) {
      if (tile.coord[0] === z && tile.url.includes(suffix) && intersects(grid.getTileCoordExtent(tile.coord), extent)) tile.ids.forEach(i => ids.add(i));
    }
    return ids.size;
  },
  pixelOf: (lon, lat) => map.getPixelFromCoordinate(fromLonLat([lon, lat])),
  goTo: (lon, lat, zoom) => { map.getView().setCenter(fromLonLat([lon, lat])); if (zoom) map.getView().setZoom(zoom); map.renderSync(); },
  center: () => toLonLat(map.getView().getCenter()),
  /** Points (lon, lat) of the scratch layer: drawn shapes and error markers. */
  sitingChoices: siting.choices,
  markers: () => scratch.getFeatures().filter(f => f.getGeometry().getType() === 'Point').map(f => toLonLat(f.getGeometry().getCoordinates())),
  popupText: () => ($('popup').hidden ? '' : $('popup-content').textContent),
};

start().catch(e => setStatus(String(e), true));
