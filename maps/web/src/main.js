// The web map: wires the parts together and starts them. Each part is a module of its own concern.
import './style.css';
import { transformExtent } from 'ol/proj.js';
import { $, state, changed, onChange, setStatus, COMMUNITIES } from './state.js';
import { t, language, setLanguage } from './i18n.js';
import { map } from './mapview.js';
import { addLayer, removeLayer, renderLayerList } from './layers.js';
import { setDate, setUpDates, translateDates } from './dates.js';
import { setUpSearch } from './search.js';
import { setUpPopups } from './popups.js';
import { setUpMeasuring } from './measuring.js';
import { fillLayerSelects, loadPresets, setUpExporting, translatePresets, updateExportLink, updatePrintLink } from './exporting.js';
import { setUpStatistics } from './statistics.js';
import { refreshUser, setUpAuth } from './auth.js';
import { fillStatuses, setUpSiteEditing } from './sites.js';
import { setUpPanels } from './panels.js';
import { installHooks } from './hooks.js';

function applyLanguage() {
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appTitle');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  $('lang').textContent = language() === 'zh' ? 'English' : '中文';
  renderLayerList();
  fillLayerSelects();
  fillStatuses();
  translatePresets();
  translateDates();
  refreshUser();
  changed('language');
}

const switchLanguage = lang => { setLanguage(lang); applyLanguage(); };

/** Brings the map's layers in line with GET /api/layers: a plugin's layers leave with it and come back with it. */
async function loadLayers() {
  const response = await fetch('/api/layers', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/api/layers: ${response.status}`);
  const descriptors = (await response.json()).filter(d => d.id && d.fields);
  const ids = new Set(descriptors.map(d => d.id));
  Object.keys(state.layers).filter(id => !ids.has(id)).forEach(removeLayer);
  descriptors.filter(d => !state.layers[d.id]).forEach(addLayer);
  state.descriptors = descriptors;
}

async function pluginsChanged() {
  if (window.platformMap.ready) await loadLayers().catch(e => setStatus(String(e), true));
  renderLayerList();
  fillLayerSelects();
}

async function start() {
  await loadLayers();
  setUpDates();
  setUpSearch();
  setUpPopups();
  setUpMeasuring();
  setUpExporting();
  setUpStatistics();
  setUpAuth();
  setUpSiteEditing();
  onChange('layers', fillLayerSelects);
  onChange('date', () => { updateExportLink(); updatePrintLink(); });
  onChange('community', updateExportLink);
  $('lang').onclick = () => switchLanguage(language() === 'zh' ? 'en' : 'zh');

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
  // The plugin list also names the scenes' layer groups, and a plugin's layers go and come with it.
  setUpPanels(pluginsChanged);
}

installHooks({ setDate, setLanguage: switchLanguage });
start().catch(e => setStatus(String(e), true));
